import Core
import Foundation
import Testing
@testable import Golden
import Runner
import Transport

@Suite struct ReplayBookTests {
    @Test func answersRecordedRequestsAndNamesTheClosestOtherwise() async throws {
        let root = try Make.tempDirectory()
        let layout = GoldenLayout(repositoryRoot: root)
        let recorder = GoldenRecorder()
        let recorded = Make.result(exchanges: [Make.exchange(prompt: "Hi", answer: "Recorded, not computed")])
        try GoldenStore(layout: layout).write(GoldenStore.text(recorder.record(recorded, document: "a.md")!),
                                              to: layout.file(for: Make.scenario(), documentPath: "a.md"))
        let book = ReplayBook(layout: layout, folders: ["a"])
        #expect(book.count == 1)
        let respond = book.responder(recorder: recorder)

        // Another host and key: only method, path, query and body are matched.
        var request = Make.exchange(prompt: "Hi", answer: "", key: "other-key-123").request
        request.url = request.url.replacingOccurrences(of: "127.0.0.1:4000", with: "127.0.0.1:9")
        let answer = await respond(request)
        #expect(answer.status == 200)
        #expect(try JSONValue.parse(String(decoding: answer.body, as: UTF8.self))["choices"]?[0]?["message"]?["content"] == .string("Recorded, not computed"))

        let missing = await respond(Make.exchange(prompt: "Hello", answer: "").request)
        #expect(missing.status == 404)
        #expect(missing.headers[ReplayBook.missingHeader] != nil)
        let message = try JSONValue.parse(String(decoding: missing.body, as: UTF8.self))["error"]?["message"]?.stringValue ?? ""
        #expect(message.contains("golden/a/py/say-hello--api-key.json call 1"))
        #expect(message.contains(#"body.messages[0].content: expected "Hi", got "Hello""#))
    }

    @Test func standInAudioKeepsTheRecordedSizeAndMedia() {
        let digest = JSONValue.object(["$bytes": .int(9_644), "sha256": .string("x"), "media": .object([
            "type": .string("audio/wav"), "sampleRate": .int(24_000), "channels": .int(1), "bitsPerSample": .int(16), "durationMs": .int(200)])])
        let bytes = StandInBytes.bytes(for: digest)
        #expect(bytes.count == 9_644)
        #expect(MediaProbe.describe(bytes) == digest["media"])
    }
}
