import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `list`, `limits`, `drift` and `golden update` end as `check` and `run` do on SIGINT / SIGTERM:
/// within seconds, with 130 / 143, printing what finished; `golden update` leaves every golden as
/// it was or whole.
extension InterruptTests {
    /// A folder of `count` copies of the example audio quickstart, with its includes.
    static func manyArticles(_ count: Int) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docverify-interrupt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let examples = packageRoot.appendingPathComponent("docs/examples")
        let page = try String(contentsOf: examples.appendingPathComponent("audio-chat-quickstart.md"), encoding: .utf8)
        try FileManager.default.copyItem(at: examples.appendingPathComponent("includes"), to: folder.appendingPathComponent("includes"))
        try FileManager.default.copyItem(
            at: examples.appendingPathComponent("zone-pivot-groups.yml"), to: folder.appendingPathComponent("zone-pivot-groups.yml"))
        for index in 0..<count {
            try page.write(to: folder.appendingPathComponent(String(format: "page-%04d.md", index)), atomically: false, encoding: .utf8)
        }
        return folder
    }

    /// Every file under `folder` with its bytes, by relative path.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let relative = enumerator?.nextObject() as? String {
            if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path) { files[relative] = data }
        }
        return files
    }

    @Test("SIGTERM during list of many articles: exit 143 within seconds, the articles read listed, the rest named", .enabled(if: built))
    func listTerminated() async throws {
        let count = 1_500
        let folder = try Self.manyArticles(count)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A full-suite run on a loaded machine can stretch the test's own sleep past the whole listing
        // (list is quick); then the run proves nothing about signals, and only its listing is checked.
        let outcome = try await Self.interrupt(["list", folder.path], after: 1, signal: SIGTERM, mayFinishFirst: true)
        if outcome.status == 0 {
            #expect(outcome.stdout.contains(String(format: "page-%04d.md", count - 1)))
            return
        }
        #expect(outcome.status == 143, "\(outcome.stderr)")
        #expect(outcome.seconds < 5, "exited \(outcome.seconds) s after the signal")
        #expect(outcome.stderr.contains("SIGTERM"))
        // Every article is either in the listing or named as not listed, never both, never lost.
        let listed = Set(outcome.stdout.matches(of: /page-\d{4}\.md/).map { String($0.output) })
        // A signal that lands after the last article was read (the test's sleep stretched by load)
        // leaves nothing out and names nothing; otherwise the last article is among those left out.
        let notListed = outcome.stderr.firstMatch(of: /interrupted: (\d+) article\(s\) not checked/).flatMap { Int($0.output.1) } ?? 0
        #expect(notListed + listed.count == count, "\(listed.count) listed, \(notListed) not")
        #expect(notListed == 0 || !listed.contains(String(format: "page-%04d.md", count - 1)))
    }

    @Test("SIGINT during limits of many articles: exit 130 within seconds with the limits read so far", .enabled(if: built))
    func limitsInterrupted() async throws {
        // Limits got faster (3 s for 1,500 articles idle): a 2 s sleep stretched by a busy suite
        // landed after the end. The signal now goes as soon as the handler is in place, into a run
        // twice as long.
        let folder = try Self.manyArticles(3_000)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try await Self.interrupt(["limits", folder.path, "--format", "json"], after: 0.3, signal: SIGINT)
        #expect(outcome.status == 130, "\(outcome.stderr)")
        #expect(outcome.seconds < 5, "exited \(outcome.seconds) s after the signal")
        #expect(outcome.stderr.contains("not checked: "))
        // Whole JSON, not a listing cut off mid-way.
        let json = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        #expect(json?["limits"] is [Any])
    }

    @Test("SIGTERM during golden update against an endpoint that never answers: 143, goldens untouched, no temporary files", .enabled(if: built))
    func goldenUpdateTerminated() async throws {
        let listener = try SilentListener()
        let goldens = FileManager.default.temporaryDirectory.appendingPathComponent("docverify-interrupt-golden-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.packageRoot.appendingPathComponent("golden"), to: goldens)
        defer { try? FileManager.default.removeItem(at: goldens) }
        let before = Self.snapshot(goldens)
        #expect(!before.isEmpty)
        let docs = Self.packageRoot.appendingPathComponent("docs/examples").path
        let outcome = try await Self.interrupt(
            ["golden", "update", docs, "--golden-dir", goldens.path, "--endpoint", "http://127.0.0.1:\(listener.port)", "--jobs", "2"],
            environment: ["AZURE_OPENAI_API_KEY": "test-key"], after: 3, signal: SIGTERM)
        #expect(outcome.status == 143, "\(outcome.stderr)")
        #expect(outcome.seconds < 5, "exited \(outcome.seconds) s after the signal")
        #expect(outcome.stdout.contains("goldens: 0 created, 0 changed"))
        #expect(outcome.stdout.contains("not run: the run was interrupted"))
        #expect(outcome.stderr.contains("left as they were"))
        let after = Self.snapshot(goldens)
        #expect(after == before)
        #expect(!after.keys.contains { $0.hasSuffix(".tmp") })
        withExtendedLifetime(listener) {}
    }

    @Test("SIGTERM during drift --run against an endpoint that never answers: 143 within seconds, a report printed", .enabled(if: built))
    func driftTerminated() async throws {
        let listener = try SilentListener()
        let docs = Self.packageRoot.appendingPathComponent("docs/examples").path
        let outcome = try await Self.interrupt(
            ["drift", docs, "--endpoint", "http://127.0.0.1:\(listener.port)", "--deployment", "gpt-4o-audio-preview", "--run", "--format", "json"],
            environment: ["AZURE_OPENAI_API_KEY": "test-key"], after: 3, signal: SIGTERM)
        #expect(outcome.status == 143, "\(outcome.stderr)")
        #expect(outcome.seconds < 5, "exited \(outcome.seconds) s after the signal")
        #expect(outcome.stderr.contains("interrupted: the report covers what finished"))
        #expect((try? JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8))) != nil, "\(outcome.stdout.prefix(400))")
        // Aborted calls blame no endpoint.
        #expect(!outcome.stdout.contains("endpoint-unreachable"))
        withExtendedLifetime(listener) {}
    }
}
