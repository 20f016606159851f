import Core
import Limits
import Testing
@testable import Spec

@Suite struct DocumentedListChecksTests {
    func limit(_ names: [String]) -> DocumentedLimit {
        DocumentedLimit(key: "audio.voices", value: .names(names), location: SourceLocation(file: "page.md", line: 7, column: 3), article: "page.md")
    }

    func findings(_ names: [String]) throws -> [Finding] {
        DocumentedListChecks.findings(DocumentedListChecks.compare([limit(names)], specs: SpecSet([try SpecFixtures.spec()])))
    }

    @Test func aListNamingEveryValueIsClean() throws {
        #expect(try findings(["Alloy", "Echo", "Fable", "Onyx", "Nova", "Shimmer"]).isEmpty)
    }

    @Test func aShorterListIsIncomplete() throws {
        let found = try findings(["Alloy", "Echo", "Shimmer"])
        #expect(found.map(\.rule) == ["doc-incomplete"])
        #expect(found.first?.severity == .note)
        #expect(found.first?.location.line == 7)
        #expect(found.first?.message.contains("fable, onyx, nova") == true)
    }

    @Test func aValueTheAPILacksIsAPromiseUnsupported() throws {
        let found = try findings(["alloy", "echo", "fable", "onyx", "nova", "shimmer", "Marin"])
        #expect(found.map(\.rule) == ["doc-promise-unsupported"])
        #expect(found.first?.severity == .error)
        #expect(found.first?.message.contains("Marin") == true)
    }

    @Test func modelVersusSpec() throws {
        let differences = ModelSpecDrift.differences(SpecSet([try SpecFixtures.spec()]))
        let fields = try #require(differences.first { $0.name == "chat.fields" })
        #expect(fields.onlyInSpec == ["tool"])
        #expect(fields.onlyInModel.contains("modalities"))
        let formats = try #require(differences.first { $0.name == "audio.format" })
        #expect(formats.onlyInModel == ["flac", "opus", "pcm16"])
        #expect(!differences.contains { $0.name == "audio.voice" })
    }
}
