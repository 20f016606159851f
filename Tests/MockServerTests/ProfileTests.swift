import Foundation
import HummingbirdTesting
import Testing
import TestSupport

@testable import MockServer

@Suite("Service profile")
struct ProfileTests {
    /// The corpus spec, found next to the package (see BRIEF: `../shared`, else `/work/shared`).
    static let specURL: URL? = SharedCorpus.url("specs/azure-openai-inference-2025-01-01-preview.json")

    @Test("the default voices and formats are the spec's enums", .enabled(if: specURL != nil))
    func defaultFollowsSpec() throws {
        let spec = try JSONSerialization.jsonObject(with: Data(contentsOf: try #require(Self.specURL))) as? [String: Any]
        let schemas = (spec?["components"] as? [String: Any])?["schemas"] as? [String: Any]
        let request = schemas?["createChatCompletionRequest"] as? [String: Any]
        let parts = request?["allOf"] as? [[String: Any]]
        let audio = parts?.compactMap { ($0["properties"] as? [String: Any])?["audio"] as? [String: Any] }.first
        let properties = audio?["properties"] as? [String: Any]
        let voices = (properties?["voice"] as? [String: Any])?["enum"] as? [String]
        let formats = (properties?["format"] as? [String: Any])?["enum"] as? [String]
        #expect(try #require(voices).sorted() == MockProfile.default.voices.sorted())
        #expect(try #require(formats).sorted() == MockProfile.default.outputFormats.keys.sorted())
    }

    @Test("a profile file overrides what it names and keeps the rest")
    func loadFromFile() async throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("profile.json").path
        try Data(#"{"deployments": ["my-audio"], "voices": ["alloy", "ash"], "limits": {"maxAudioBytes": 100}}"#.utf8)
            .write(to: URL(fileURLWithPath: path))
        let profile = try MockProfile.load(path: path)
        #expect(profile.deployments == ["my-audio"])
        #expect(profile.voices == ["alloy", "ash"])
        #expect(profile.limits.maxAudioBytes == 100)
        #expect(profile.limits.maxRequestBytes == MockProfile.default.limits.maxRequestBytes)
        #expect(profile.apiVersions == MockProfile.default.apiVersions)
        #expect(profile.outputFormats == MockProfile.default.outputFormats)

        try await Fixture.app(profile: profile).test(.router) { client in
            let old = try await client.execute(uri: Fixture.chatPath(), method: .post, headers: Fixture.keyHeaders, body: Fixture.buffer(Fixture.textRequest("hi"))) { $0.status }
            #expect(old == .notFound)
            let ash = try await client.execute(
                uri: Fixture.chatPath(deployment: "my-audio"), method: .post, headers: Fixture.keyHeaders, body: Fixture.buffer(Fixture.audioRequest(voice: "ash"))
            ) { $0.status }
            #expect(ash == .ok)
        }
    }

    @Test("profile errors name the file and the problem")
    func badProfiles() throws {
        #expect(throws: MockProfileError.self) { try MockProfile.load(path: "/nonexistent/profile.json") }
        do {
            _ = try MockProfile.decode(Data(#"{"voicez": []}"#.utf8), path: "p.json")
            Issue.record("an unknown key was accepted")
        } catch {
            #expect("\(error)".contains("p.json") && "\(error)".contains("voicez"))
        }
        do {
            _ = try MockProfile.decode(Data(#"{"deployments": "one"}"#.utf8), path: "p.json")
            Issue.record("a string was accepted for a list")
        } catch {
            #expect("\(error)".contains("deployments"))
        }
        #expect(throws: MockProfileError.self) { try MockProfile.decode(Data("[1]".utf8)) }
        #expect(throws: MockProfileError.self) { try MockProfile.decode(Data("{".utf8)) }
    }

    @Test("the default profile round-trips through JSON")
    func roundTrip() throws {
        let data = try JSONEncoder().encode(MockProfile.default)
        #expect(try MockProfile.decode(data) == MockProfile.default)
    }
}
