import Foundation
import Testing
import TestSupport
@testable import CLI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Hostile inputs of issue 12 that had no regression test of their own (see docs/hardening.md):
/// each ends in a usage error, a finding or a report, never a trap, a crash or a silent green.
@Suite struct HostileInputAuditTests {
    func run(_ arguments: [String]) async throws -> (output: String, failed: Bool) {
        let command = try DocverifyCommand.parseAsRoot(["run"] + arguments)
        return try await #require(command as? RunCommand).render()
    }

    @Test("run --timeout 1e16 (and other timeouts no timer holds) is a usage error, on the command line and in .docverify.yml")
    func hugeTimeout() async throws {
        for value in ["1e16", "1e300", "inf", "nan", "-1"] {
            do {
                _ = try DocverifyCommand.parseAsRoot(["run", "x.md", "--timeout", value])
                Issue.record("accepted --timeout \(value)")
            } catch {
                #expect(DocverifyCommand.usageStatus(for: error) == 2)
            }
        }
        let root = try ListCommandTests.docs(["a.md": "# A\n", ".docverify.yml": "timeout: 1e16\n"])
        do {
            _ = try await run([root + "/a.md"])
            Issue.record("accepted timeout: 1e16 in the file")
        } catch {
            #expect(DocverifyCommand.usageStatus(for: error) == 2)
            #expect("\(error)".contains(".docverify.yml:1: 'timeout' must be"))
        }
    }

    @Test("a live endpoint answering 200 with JSON nested 5,000 levels deep: the run ends with its report and a finding")
    func deeplyNestedAnswer() async throws {
        let body = Data((String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)).utf8)
        let server = try EchoServer { _ in EchoResponse(status: 200, headers: [("Content-Type", "application/json")], body: body) }
        defer { server.stop() }
        let root = try ListCommandTests.docs(["a.md": CheckCommandTests.article(pivots: [("py", "Hi.")])])
        setenv("DOCVERIFY_AUDIT_KEY", "k", 1)
        let (output, failed) = try await run([root + "/a.md", "--endpoint", server.baseURL, "--api-key-env", "DOCVERIFY_AUDIT_KEY", "--jobs", "1"])
        #expect(failed)
        #expect(output.contains("1 scenarios: 0 passed"), "\(output)")
        #expect(output.contains("[response-invalid]") || output.contains("[response-"), "\(output)")
    }

    @Test("an unreadable folder under the docs fails check as a usage error, never 0 documents checked",
          .enabled(if: getuid() != 0, "root reads every folder whatever its mode"))
    func unreadableFolder() throws {
        let root = try ListCommandTests.docs(["a.md": "# A\n", "locked/b.md": "# B\n"])
        let locked = root + "/locked"
        chmod(locked, 0)
        defer { chmod(locked, 0o755) }
        do {
            _ = try CheckCommandTests().check([root])
            Issue.record("an unreadable folder checked green")
        } catch {
            #expect(DocverifyCommand.usageStatus(for: error) == 2)
            #expect("\(error)".contains("locked"))
        }
    }
}
