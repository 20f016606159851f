import Core
import Foundation
import Quickstart
import Testing
@testable import Extraction

/// Values a sample could ask the evaluators to build that would exhaust memory or trap if they
/// were built (issue 12): they are read as unknown values, at once, and the sample still checks.
@Suite("hostile values in samples")
struct HostileValueTests {
    @Test("Python: \"a\" * 10**12 and [0] * 10**12 are not built; the request around them is still read")
    func pythonRepetition() {
        let code = """
            import requests
            big = "a" * 10**12
            more = [0] * 10**12
            requests.post("https://example.openai.azure.com/openai/x", json={"input": big, "list": more, "n": 1e999})
            """
        let started = Date()
        let result = PythonFrontEnd().extract(pythonSample(code + "\n"))
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(result.requests.count == 1)
        #expect(!result.findings.contains { $0.severity == .error }, "\(result.findings)")
    }

    @Test("JavaScript: \"a\".repeat(1e12) and new Array(1e12) are not built")
    func javascriptRepetition() {
        let code = """
            const big = "a".repeat(1e12);
            const list = new Array(1e12).fill(0);
            fetch("https://example.openai.azure.com/openai/x", { method: "POST", body: JSON.stringify({ input: big, list }) });
            """
        let started = Date()
        let result = ExtractorFixture.javascript(code + "\n")
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(result.requests.count == 1)
    }

    @Test("curl: numbers no Int or Double holds in a -d body (1e999, -1e19, 1e300) are kept as written, not trapped on",
          arguments: ["1e999", "-1e19", "1e300", "123456789012345678901234567890"])
    func curlHugeNumbers(number: String) {
        let command = "curl -X POST \"https://example.openai.azure.com/openai/x\" -H \"Content-Type: application/json\" "
            + "-d '{\"max_tokens\": \(number), \"temperature\": \(number)}'\n"
        let result = ExtractorFixture.rest(command)
        #expect(result.requests.count == 1)
        #expect(!result.findings.contains { $0.rule == "json-invalid" }, "\(result.findings)")
    }
}
