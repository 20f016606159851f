import Core
import Extraction
import Quickstart

/// Turns a document's extraction into scenarios and orders them: a scenario that reads `dog.wav`
/// runs after the one that writes it, as a reader following the doc would.
public enum ScenarioPlanner {
    /// Scenarios of `extraction` with at least one request, dependencies filled in.
    public static func plan(_ extraction: DocumentExtraction) -> [Scenario] {
        var scenarios: [Scenario] = []
        for pivot in extraction.document.pivots {
            for section in pivot.sections {
                for tab in section.tabs {
                    let samples = tab.samples.compactMap { sample -> ScenarioSample? in
                        guard let e = extraction.samples[sample.id], !e.requests.isEmpty else { return nil }
                        return ScenarioSample(sample: sample, extraction: e)
                    }
                    guard !samples.isEmpty else { continue }
                    scenarios.append(Scenario(
                        id: scenarioID(pivot: pivot.id, section: section.title, tab: tab.id, group: tab.group),
                        pivot: pivot.id, section: section.title, sectionLocation: section.location,
                        tab: tab.id, tabLabel: tab.label, samples: samples, dependencies: []))
                }
            }
        }
        return linkDependencies(scenarios)
    }

    static func scenarioID(pivot: String?, section: String, tab: String?, group: Int?) -> String {
        var tabPart = tab ?? "-"
        if let group, group > 0 { tabPart += "#\(group)" }
        return "\(pivot ?? "-")/\(section)/\(tabPart)"
    }

    /// For each file a scenario reads, the latest earlier scenario of the same pivot that writes
    /// it, preferring the same tab (a keyless reader follows the keyless writer); and for a scenario
    /// that uses ids earlier steps handed out, the earlier scenarios that create resources.
    static func linkDependencies(_ scenarios: [Scenario]) -> [Scenario] {
        var result = scenarios
        for (i, scenario) in scenarios.enumerated() {
            var deps: [String] = []
            for file in scenario.reads.sorted() where !scenario.writes.contains(file) {
                let writers = scenarios[..<i].filter { $0.pivot == scenario.pivot && $0.writes.contains(file) }
                if let writer = writers.last(where: { $0.tab == scenario.tab }) ?? writers.last {
                    if !deps.contains(writer.id) { deps.append(writer.id) }
                }
            }
            // A step that uses ids from earlier steps (REST assistants) follows the step before it.
            if scenario.usesEarlierIDs {
                let creators = scenarios[..<i].filter {
                    $0.pivot == scenario.pivot && ($0.tab == nil || scenario.tab == nil || $0.tab == scenario.tab) && $0.createsResources
                }
                for creator in creators where !deps.contains(creator.id) { deps.append(creator.id) }
            }
            result[i].dependencies = deps
        }
        return result
    }

    /// Scenarios in waves: every scenario of a wave depends only on earlier waves, so a wave can
    /// run concurrently.
    public static func waves(_ scenarios: [Scenario]) -> [[Scenario]] {
        var done = Set<String>()
        var remaining = scenarios
        var waves: [[Scenario]] = []
        while !remaining.isEmpty {
            let ready = remaining.filter { $0.dependencies.allSatisfy(done.contains) }
            // Dependencies only point backwards, so `ready` is never empty; guard anyway.
            let wave = ready.isEmpty ? remaining : ready
            waves.append(wave)
            done.formUnion(wave.map(\.id))
            let ids = Set(wave.map(\.id))
            remaining.removeAll { ids.contains($0.id) }
        }
        return waves
    }
}
