import Core
import Foundation
import Testing
@testable import Golden
import Runner

@Suite struct GoldenSessionTests {
    struct Outcome {
        var rules: [String]
        var text: String?
        var changes: GoldenChanges
        var status: ScenarioStatus
    }

    /// Runs one scenario whose answer is `answer` against a golden that is absent, the same, or
    /// recorded with another answer.
    func run(_ mode: RecordMode, _ state: GoldenState) throws -> Outcome {
        let root = try Make.tempDirectory()
        let layout = GoldenLayout(repositoryRoot: root)
        let article = root + "/a.md"
        let recorder = GoldenRecorder()
        let store = GoldenStore(layout: layout)
        let relative = layout.file(for: Make.scenario(), documentPath: "a.md")
        if state != .absent {
            let old = Make.result(exchanges: [Make.exchange(prompt: "Hi", answer: state == .same ? "Hello" : "Goodbye")])
            try store.write(GoldenStore.text(recorder.record(old, document: "a.md")!), to: relative)
        }
        let session = GoldenSession(record: mode, diff: GoldenDiff(mode: .exact), recorder: recorder)
        let report = Make.report([Make.result(exchanges: [Make.exchange(prompt: "Hi", answer: "Hello", id: "chatcmpl-other")])])
        let (reports, changes) = try session.apply([GoldenSession.Document(report: report, article: article, layout: layout)])
        return Outcome(rules: reports[0].findings.map(\.rule), text: store.read(relative), changes: changes, status: reports[0].scenarios[0].status)
    }

    @Test(arguments: RecordMode.allCases)
    func recordModeMatrix(mode: RecordMode) throws {
        // Absent.
        let absent = try run(mode, .absent)
        #expect(absent.rules == (mode == .never ? ["golden-missing"] : []))
        #expect((absent.text != nil) == (mode != .never))
        #expect(absent.changes.created.count == (mode == .never ? 0 : 1))
        #expect(absent.status == (mode == .never ? .failed : .passed))
        if let text = absent.text { #expect(text.contains("\"<chatcmpl-1>\"")) }

        // Present and equal after masking (the id differs, the masked golden does not).
        let same = try run(mode, .same)
        #expect(same.rules.isEmpty)
        #expect(same.status == .passed)
        #expect(same.changes.changed.isEmpty)
        #expect(same.text?.contains("Hello") == true)

        // Present and different.
        let different = try run(mode, .different)
        #expect(different.rules == (mode == .all ? [] : ["golden-mismatch"]))
        #expect(different.status == (mode == .all ? .passed : .failed))
        let rewritten = mode == .all || mode == .failed
        #expect(different.text?.contains("Hello") == rewritten)
        #expect(different.text?.contains("Goodbye") == !rewritten)
        #expect(different.changes.changed.count == (rewritten ? 1 : 0))
    }

    @Test func mismatchNamesThePathWithBothValues() throws {
        let root = try Make.tempDirectory()
        let layout = GoldenLayout(repositoryRoot: root)
        let recorder = GoldenRecorder()
        let relative = layout.file(for: Make.scenario(), documentPath: "a.md")
        try GoldenStore(layout: layout).write(
            GoldenStore.text(recorder.record(Make.result(exchanges: [Make.exchange(prompt: "Hi", answer: "Hello")]), document: "a.md")!), to: relative)
        let session = GoldenSession(record: .never, diff: GoldenDiff(mode: .exact), recorder: recorder)
        let report = Make.report([Make.result(exchanges: [Make.exchange(prompt: "Hey", answer: "Hello")])])
        let (reports, changes) = try session.apply([GoldenSession.Document(report: report, article: root + "/a.md", layout: layout)])
        let finding = try #require(reports[0].findings.first)
        #expect(finding.rule == "golden-mismatch")
        #expect(finding.location == SourceLocation(file: "a.md", line: 10))
        #expect(finding.message.contains(#"request.body.messages[0].content: expected "Hi", got "Hey""#))
        let diff = UnifiedDiff.render(old: changes.mismatches[0].old, new: changes.mismatches[0].new, name: "x.json")
        #expect(diff.contains(#"-                "content" : "Hi","#) || diff.contains(#"-              "content" : "Hi""#))
        #expect(diff.contains("+") && diff.contains("Hey"))
        #expect(!diff.contains("\u{1B}["))
        #expect(UnifiedDiff.render(old: "a\n", new: "b\n", name: "x", colour: true).contains("\u{1B}[31m-a"))
    }

    @Test func staleGoldensAreWarnedAboutAndPrunedOnRequest() throws {
        let root = try Make.tempDirectory()
        let layout = GoldenLayout(repositoryRoot: root)
        let store = GoldenStore(layout: layout)
        try store.write("{}\n", to: "a/py/removed-section--api-key.json")
        let report = Make.report([Make.result(exchanges: [Make.exchange(prompt: "Hi", answer: "Hello")])])
        let document = GoldenSession.Document(report: report, article: root + "/a.md", layout: layout)
        let (warned, _) = try GoldenSession(record: .missing, diff: GoldenDiff(mode: .exact)).apply([document])
        #expect(warned[0].findings.map(\.rule) == ["golden-stale"])
        #expect(warned[0].findings[0].severity == .warning)
        #expect(store.read("a/py/removed-section--api-key.json") != nil)
        let (pruned, changes) = try GoldenSession(record: .all, diff: GoldenDiff(mode: .exact), prune: true).apply([document])
        #expect(pruned[0].findings.isEmpty)
        #expect(changes.pruned == ["golden/a/py/removed-section--api-key.json"])
        #expect(store.read("a/py/removed-section--api-key.json") == nil)
    }

    struct Interrupted: Error {}

    @Test func anInterruptedUpdateLeavesNoTruncatedFile() throws {
        let root = try Make.tempDirectory()
        let layout = GoldenLayout(repositoryRoot: root)
        let store = GoldenStore(layout: layout)
        let recorder = GoldenRecorder()
        let scenarios = (0..<4).map { Make.scenario("Section \($0)") }
        for scenario in scenarios {
            let old = Make.result(scenario, exchanges: [Make.exchange(prompt: "old", answer: "old answer")])
            try store.write(GoldenStore.text(recorder.record(old, document: "a.md")!), to: layout.file(for: scenario, documentPath: "a.md"))
        }
        // The update dies on its third write, after the temporary file is written, before the rename.
        let writes = Counter()
        let session = GoldenSession(record: .all, diff: GoldenDiff(mode: .exact), recorder: recorder) {
            if writes.next() == 3 { throw Interrupted() }
        }
        let report = Make.report(scenarios.map { Make.result($0, exchanges: [Make.exchange(prompt: "new", answer: "new answer")]) })
        #expect(throws: Interrupted.self) {
            try session.apply([GoldenSession.Document(report: report, article: root + "/a.md", layout: layout)])
        }
        var states: [String] = []
        for scenario in scenarios {
            let text = try #require(store.read(layout.file(for: scenario, documentPath: "a.md")))
            let json = try JSONValue.parse(text)  // whole, never truncated
            states.append(json["exchanges"]?[0]?["request"]?["body"]?["messages"]?[0]?["content"]?.stringValue ?? "?")
        }
        #expect(states == ["new", "new", "old", "old"])
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: layout.directory).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }
}

/// A thread-safe counter for the interruption hook.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int {
        lock.lock(); defer { lock.unlock() }
        value += 1
        return value
    }
}
