import Core
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import MockServer

@Suite("Faults, options and the request log")
struct FaultAndLogTests {
    @Test("fault rules and latencies parse; bad ones say what to write")
    func parsing() throws {
        #expect(try FaultRule(parsing: "429@0.2") == FaultRule(status: 429, rate: 0.2))
        #expect(try FaultRule(parsing: "503") == FaultRule(status: 503, rate: 1))
        #expect(throws: MockOptionError.self) { try FaultRule(parsing: "200@0.5") }
        #expect(throws: MockOptionError.self) { try FaultRule(parsing: "429@1.5") }
        #expect(throws: MockOptionError.self) { try FaultRule(parsing: "429@x") }
        #expect(try parseLatency("200ms") == .milliseconds(200))
        #expect(try parseLatency("1.5s") == .milliseconds(1_500))
        #expect(try parseLatency("0") == .zero)
        #expect(throws: MockOptionError.self) { try parseLatency("fast") }
    }

    /// Statuses of `count` sequential requests against a fresh app with `rule`.
    static func statuses(rule: FaultRule, seed: UInt64, count: Int) async throws -> [Int] {
        try await Fixture.app(options: MockServerOptions(faults: [rule], faultSeed: seed)).test(.router) { client in
            var result: [Int] = []
            for _ in 0..<count {
                let status = try await client.execute(uri: Fixture.chatPath(), method: .post, headers: Fixture.keyHeaders, body: Fixture.buffer(Fixture.textRequest("hi"))) {
                    $0.status.code
                }
                result.append(status)
            }
            return result
        }
    }

    @Test("a fault rate gives the same sequence for the same seed, near the asked rate")
    func faultRateDeterministic() async throws {
        let rule = FaultRule(status: 429, rate: 0.3)
        let first = try await Self.statuses(rule: rule, seed: 42, count: 60)
        let second = try await Self.statuses(rule: rule, seed: 42, count: 60)
        #expect(first == second)
        #expect(Set(first).isSubset(of: [200, 429]))
        let faults = first.filter { $0 == 429 }.count
        #expect((8...30).contains(faults), "expected about 18 of 60 faults, got \(faults)")
        let otherSeed = try await Self.statuses(rule: rule, seed: 43, count: 60)
        #expect(otherSeed != first)
    }

    @Test("two rules share one draw per request and never exceed their summed rate")
    func faultRulesShareDraw() async {
        let injector = FaultInjector(rules: [FaultRule(status: 429, rate: 0.2), FaultRule(status: 503, rate: 0.1)], seed: 9)
        var counts: [Int: Int] = [:]
        for _ in 0..<2_000 { counts[await injector.nextFault() ?? 200, default: 0] += 1 }
        #expect((300...500).contains(counts[429] ?? 0))
        #expect((130...270).contains(counts[503] ?? 0))
        #expect(counts.keys.sorted() == [200, 429, 503])
    }

    @Test("the log file has one JSON line per request, secrets redacted, statuses recorded")
    func logRedaction() async throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let logPath = folder.appendingPathComponent("requests.jsonl").path
        let secretKey = "sk-very-secret-key"
        let secretToken = "eyJ-secret-token"
        try await Fixture.app(options: MockServerOptions(logPath: logPath)).test(.router) { client in
            let body = Fixture.buffer(Fixture.textRequest("hello"))
            try await client.execute(uri: Fixture.chatPath(), method: .post, headers: [Fixture.apiKey: secretKey], body: body) { _ in }
            try await client.execute(uri: Fixture.chatPath(), method: .post, headers: [.authorization: "Bearer \(secretToken)"], body: body) { _ in }
            try await client.execute(uri: Fixture.chatPath(apiVersion: "1999-01-01"), method: .post, headers: [Fixture.apiKey: secretKey], body: body) { _ in }
        }
        let text = try String(contentsOfFile: logPath, encoding: .utf8)
        #expect(!text.contains(secretKey))
        #expect(!text.contains(secretToken))
        let lines = text.split(separator: "\n").map { try? JSONDecoder().decode(LoggedRequest.self, from: Data($0.utf8)) }
        #expect(lines.count == 3)
        let entries = lines.compactMap { $0 }
        #expect(entries.count == 3)
        #expect(entries.map(\.status) == [200, 200, 404])
        #expect(entries[0].headers["api-key"] == "REDACTED")
        #expect(entries[1].headers["authorization"] == "Bearer REDACTED")
        #expect(entries[0].method == "POST")
        #expect(entries[0].path == "/openai/deployments/gpt-4o-audio-preview/chat/completions")
        #expect(entries[0].query == [["api-version", "2025-01-01-preview"]])
        #expect(entries[0].bodyBytes == Fixture.textRequest("hello").serialized().utf8.count)
    }

    @Test("secret query keys and credentials repeated in the query are redacted in the log")
    func logQueryRedaction() async throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let logPath = folder.appendingPathComponent("requests.jsonl").path
        let key = "DVSECRET-QUERY-KEY-1"
        try await Fixture.app(options: MockServerOptions(logPath: logPath)).test(.router) { client in
            let body = Fixture.buffer(Fixture.textRequest("hello"))
            let uri = Fixture.chatPath() + "&api-key=\(key)&Subscription-Key=abc&sig=s%2Bg&note=\(key)&code="
            try await client.execute(uri: uri, method: .post, headers: [Fixture.apiKey: key], body: body) { _ in }
        }
        let text = try String(contentsOfFile: logPath, encoding: .utf8)
        #expect(!text.contains("DVSECRET"))
        let entry = try JSONDecoder().decode(LoggedRequest.self, from: Data(try #require(text.split(separator: "\n").first).utf8))
        #expect(entry.query == [
            ["api-version", "2025-01-01-preview"], ["api-key", "REDACTED"], ["Subscription-Key", "REDACTED"], ["sig", "REDACTED"],
            ["note", "REDACTED"], ["code", ""],
        ])
    }

    @Test("concurrent requests each write one whole log line")
    func concurrentLog() async throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let logPath = folder.appendingPathComponent("requests.jsonl").path
        try await Fixture.app(options: MockServerOptions(logPath: logPath)).test(.router) { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<40 {
                    group.addTask {
                        try await client.execute(uri: Fixture.chatPath(), method: .post, headers: Fixture.keyHeaders, body: Fixture.buffer(Fixture.textRequest("question \(i)"))) { _ in }
                    }
                }
                try await group.waitForAll()
            }
        }
        let lines = try String(contentsOfFile: logPath, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 40)
        #expect(lines.allSatisfy { (try? JSONDecoder().decode(LoggedRequest.self, from: Data($0.utf8))) != nil })
    }

    @Test("a log path in a missing folder is an error before serving")
    func badLogPath() {
        #expect(throws: MockOptionError.self) {
            _ = try MockServer(options: MockServerOptions(logPath: "/nonexistent-folder-xyz/log.jsonl")).application()
        }
    }
}
