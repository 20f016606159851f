import Core
import Foundation
import TestSupport
import Testing
@testable import Spec

@Suite struct SpecLoaderTests {
    @Test func readsAnOpenAPI3Document() throws {
        let spec = try SpecFixtures.spec()
        #expect(spec.format == .openAPI3)
        #expect(spec.version == "2031-02-03-preview")
        let operation = try #require(spec.operation(method: "post", path: "/openai/deployments/{deployment}/chat/completions"))
        #expect(operation.path == "/openai/deployments/{deployment-id}/chat/completions")
        #expect(operation.requestSchema?["$ref"]?.stringValue == "#/components/schemas/chatRequest")
        #expect(operation.success?.status == 200)
        #expect(operation.success?.example?["id"]?.stringValue == "x1")
        #expect(spec.operation(method: "GET", path: "/openai/deployments/x/chat/completions") == nil)
        #expect(spec.operation(method: "POST", path: "/openai/v1/chat/completions") == nil)
    }

    @Test func readsAnOpenAPI2YAMLDocument() throws {
        let spec = try SpecLoader.parse(SpecFixtures.openAPI2YAML, file: "toy.yaml")
        #expect(spec.format == .openAPI2)
        // A date-shaped YAML scalar stays the api-version string.
        #expect(spec.version == "2030-05-01")
        #expect(spec.apiVersions == ["2030-05-01", "2030-06-01-preview"])
        let operation = try #require(spec.operation(method: "POST", path: "/openai/deployments/d/chat/completions"))
        #expect(operation.requestSchema?["$ref"]?.stringValue == "#/definitions/chatRequest")
        #expect(spec.resolve("#/definitions/chatRequest")?["additionalProperties"] == .bool(false))
    }

    @Test func refusesWhatIsNotASpec() {
        #expect(throws: SpecLoadError.self) { try SpecLoader.parse(#"{"title": "no"}"#, file: "x.json") }
        #expect(throws: SpecLoadError.self) { try SpecLoader.parse("{ nope", file: "x.json") }
        #expect(throws: SpecLoadError.self) { try SpecLoader.load(paths: ["/nonexistent/spec.json"]) }
    }

    @Test func loadsEverySpecOfAFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spec-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("examples"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try SpecFixtures.openAPI3.write(to: folder.appendingPathComponent("a.json"), atomically: true, encoding: .utf8)
        try SpecFixtures.openAPI2YAML.write(to: folder.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        try #"{"not": "a spec"}"#.write(to: folder.appendingPathComponent("examples/c.json"), atomically: true, encoding: .utf8)
        let specs = SpecSet(try SpecLoader.load(paths: [folder.path]))
        #expect(specs.documents.map(\.version).sorted() == ["2030-05-01", "2031-02-03-preview"])
        #expect(specs.newest?.version == "2031-02-03-preview")
        #expect(specs.document(for: "2030-06-01-preview")?.version == "2030-05-01")
    }

    static let corpusSpec = SharedCorpus.path("specs/azure-openai-inference-2025-01-01-preview.json")

    @Test(.enabled(if: corpusSpec != nil, "the shared corpus spec is absent"))
    func readsTheCorpusSpec() throws {
        let spec = try SpecLoader.load(file: try #require(Self.corpusSpec))
        #expect(spec.format == .openAPI3)
        #expect(spec.version == "2025-01-01-preview")
        let chat = try #require(spec.operation(method: "POST", path: "/openai/deployments/{deployment}/chat/completions"))
        #expect(chat.requestSchema != nil)
        #expect(spec.operation(method: "POST", path: "/openai/threads/{id}/runs") != nil)
        #expect(spec.enumValues(at: SpecEnumSites.documentedLists["audio.voices"]!) == ["alloy", "echo", "fable", "onyx", "nova", "shimmer"])
        let inputFormats = SpecEnumSites.builtInEnums.first { $0.site.name == "input_audio.format" }!.site
        #expect(spec.enumValues(at: inputFormats) == ["wav", "mp3"])
    }
}
