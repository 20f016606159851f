import Core
import Foundation
@testable import Golden
import Runner
import Transport

/// Small scenario results made by hand, for the session and recorder tests.
enum Make {
    static func tempDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("golden-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func scenario(_ section: String = "Say hello", tab: String? = "api-key") -> Scenario {
        Scenario(id: "py/\(section)/\(tab ?? "-")", pivot: "py", section: section,
                 sectionLocation: SourceLocation(file: "a.md", line: 3), tab: tab, tabLabel: nil, samples: [], dependencies: [])
    }

    static func exchange(prompt: String, answer: String, key: String = "k-123456789", id: String = "chatcmpl-abc") -> RecordedExchange {
        let body = JSONValue.object(["messages": .array([.object(["role": .string("user"), "content": .string(prompt)])])])
        let request = HTTPRequest(
            method: "POST", url: "http://127.0.0.1:4000/openai/deployments/d/chat/completions?api-version=2025-01-01-preview",
            headers: ["api-key": key, "content-type": "application/json"], body: Data(body.serialized().utf8))
        let answerJSON = JSONValue.object([
            "id": .string(id), "created": .int(Int(Date().timeIntervalSince1970)),
            "choices": .array([.object(["message": .object(["content": .string(answer)])])]),
        ])
        let response = HTTPResponse(status: 200, headers: ["content-type": "application/json"], body: Data(answerJSON.serialized().utf8),
                                    timings: Timings(nameLookup: 0, connect: 0, tls: nil, firstByte: 0, total: 0))
        return RecordedExchange(request: request, response: response)
    }

    static func result(_ scenario: Scenario = scenario(), exchanges: [RecordedExchange], status: ScenarioStatus = .passed) -> ScenarioResult {
        let calls = exchanges.enumerated().map { i, e in
            CallResult(location: SourceLocation(file: "a.md", line: 10 + i), method: "POST", url: e.request.url,
                       status: e.response?.status, timings: nil, attempts: 1, response: nil, exchange: e)
        }
        return ScenarioResult(scenario: scenario, status: status, reason: nil, calls: calls, findings: [], duration: 0)
    }

    static func report(_ results: [ScenarioResult]) -> RunReport {
        RunReport(file: "a.md", title: nil, scenarios: results, staticFindings: [])
    }
}
