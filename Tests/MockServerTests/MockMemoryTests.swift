import Core
import Foundation
import HTTPTypes
import Requests
import Testing

@testable import MockServer

/// What keeps a long-running mock's memory flat: cached audio answers written with one copy, and a
/// request log with a bound (none at all when nothing reads it).
@Suite(.serialized) struct MockMemoryTests {
    static func answer(_ request: JSONValue, cache: AudioAnswerCache?) throws -> ChatCompletionResponse {
        let view = try decodeChatRequest(json: request, profile: .default)
        let answer = ChatCompletionAnswer(request: view, deployment: Fixture.deployment, profile: .default, audioCache: cache)
        return answer.response(completionID: "chatcmpl-1", created: 1, audioID: "audio_1", expiresAt: 2)
    }

    @Test("a cached audio answer is the answer rendered afresh, written byte for byte as the encoder writes it", arguments: ["wav", "pcm16", "flac", "mp3"])
    func cachedAndSplicedAnswersAreUnchanged(format: String) throws {
        let cache = AudioAnswerCache()
        let request = Fixture.audioRequest(format: format)
        let fresh = try Self.answer(request, cache: nil)
        let first = try Self.answer(request, cache: cache)
        let second = try Self.answer(request, cache: cache)
        #expect(first == fresh)
        #expect(second == fresh)
        #expect(cache.count == 1)
        #expect(MockAnswer.encodedSplicingAudio(fresh).body == MockAnswer.encoded(fresh).body)
    }

    @Test("the audio cache keeps at most its capacity")
    func cacheIsBounded() {
        let cache = AudioAnswerCache(capacity: 3)
        var rendered = 0
        for seed in 0..<10 {
            _ = cache.base64(.init(format: "wav", seed: UInt64(seed), milliseconds: 500)) {
                rendered += 1
                return [UInt8](repeating: UInt8(seed), count: 10)
            }
        }
        _ = cache.base64(.init(format: "wav", seed: 9, milliseconds: 500)) {
            rendered += 1
            return []
        }
        #expect(cache.count == 3)
        #expect(rendered == 10, "the most recent entry was rendered again")
    }

    static func entry(_ n: Int) -> LoggedRequest {
        LoggedRequest(time: n, method: "POST", path: "/p", query: [], headers: [:], bodyBytes: n, status: 200)
    }

    @Test("the in-memory log keeps the last entries up to its limit, and none when its limit is 0")
    func logIsBounded() async throws {
        let log = try RequestLog(path: nil, memoryLimit: 10)
        #expect(log.isRecording)
        for n in 0..<57 { await log.append(Self.entry(n)) }
        #expect(await log.entries.map(\.time) == Array(47..<57))
        let silent = try RequestLog(path: nil, memoryLimit: 0)
        #expect(!silent.isRecording)
        await silent.append(Self.entry(1))
        #expect(await silent.entries.isEmpty)
    }

    @Test("a served mock without --log keeps no entries; with --log it writes every one")
    func servedLog() async throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("log.jsonl").path
        let state = try MockServer(options: MockServerOptions(logPath: path)).makeState(logInMemory: 0)
        #expect(state.log.isRecording)
        await state.log.append(Self.entry(1))
        await state.log.append(Self.entry(2))
        #expect(await state.log.entries.isEmpty)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
    }
}

