import Testing
@testable import Runner

@Suite struct ScenarioPlannerTests {
    @Test func readerDependsOnWriterOfTheSamePivot() {
        let scenarios = ScenarioPlanner.plan(RunnerFixtures.document())
        #expect(scenarios.map(\.id) == ["programming-language-python/Speak/api-key", "programming-language-python/Listen/api-key"])
        #expect(scenarios[0].dependencies.isEmpty)
        #expect(scenarios[1].dependencies == ["programming-language-python/Speak/api-key"])
        #expect(scenarios[1].reads == ["reply.wav"])
    }

    @Test func wavesPutReadersAfterWriters() {
        let waves = ScenarioPlanner.waves(ScenarioPlanner.plan(RunnerFixtures.document()))
        #expect(waves.map { $0.map(\.section) } == [["Speak"], ["Listen"]])
    }
}
