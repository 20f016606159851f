import Core
import Extraction
import Foundation
import Quickstart
import Requests
import Runner

/// Checks the outputs a page promises against what its samples did: JSON output blocks against the
/// answers (`output-drift`) and sentences naming the file a script creates against the files the
/// sample writes (`output-file-mismatch`). Both are warnings: the page still works.
public struct DocumentedOutputs: Sendable {
    /// True when the answers came from the embedded mock, which doesn't imitate every service field.
    public var usingMock: Bool
    /// Reads a Markdown file by its document-relative name (the claims sit in prose after a sample).
    public var readFile: @Sendable (String) -> String?

    public init(usingMock: Bool, readFile: @escaping @Sendable (String) -> String?) {
        self.usingMock = usingMock
        self.readFile = readFile
    }

    public func check(_ report: RunReport, extraction: DocumentExtraction) -> [Finding] {
        var findings: [Finding] = []
        var seen = Set<Finding>()
        let answers = answersBySample(report)
        for pivot in extraction.document.pivots {
            for section in pivot.sections {
                for (tabIndex, tab) in section.tabs.enumerated() {
                    let samples = tab.samples
                    for (index, sample) in samples.enumerated() where isOutputBlock(sample, in: tab) || introducedByLine(sample) {
                        guard let documented = try? JSONValue.parse(sample.code), documented.objectValue != nil || documented.arrayValue != nil else { continue }
                        let producer = samples[..<index].last { answers[$0.id] != nil }
                            ?? producingSample(before: tabIndex, in: section, answers: answers)
                        guard let producer, let answer = answers[producer.id] else { continue }
                        if let finding = drift(documented, block: sample, answer: answer, reads: extraction.samples[producer.id]?.responseReads ?? []),
                           seen.insert(finding).inserted {
                            findings.append(finding)
                        }
                    }
                }
            }
        }
        for finding in fileClaims(report, extraction: extraction) where seen.insert(finding).inserted { findings.append(finding) }
        return findings
    }

    /// A fence of JSON or plain text introduced as output, or in an output tab.
    func isOutputBlock(_ sample: CodeSample, in tab: TabVariant) -> Bool {
        guard [.json, .jsonc, .text].contains(sample.language) else { return false }
        if sample.infoString.lowercased().hasPrefix("output") { return true }
        if OutputPhrases.isOutputTab(id: tab.id, label: tab.label) { return true }
        return sample.stepText.map { OutputPhrases.matches(OutputPhrases.introduction, $0) } ?? false
    }

    /// A JSON fence right under a heading or line that introduces output ("### Output", "Output:",
    /// "The response looks like this:"), read from the Markdown since the model keeps no headings
    /// below H2.
    func introducedByLine(_ sample: CodeSample) -> Bool {
        guard [.json, .jsonc, .text].contains(sample.language), sample.sourceFile == nil,
              let text = readFile(sample.location.file) else { return false }
        let lines = ASCIIScan.lines(text)
        // The file may have changed since it was parsed: a line past its end introduces nothing.
        var index = min(sample.location.line - 2, lines.count - 1)
        while index >= 0, lines[index].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { index -= 1 }
        guard index >= 0 else { return false }
        let line = lines[index].trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("#") {
            let heading = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces).lowercased()
            return OutputPhrases.headingWords.contains { heading == $0 || heading.hasPrefix($0 + " ") }
        }
        return OutputPhrases.matches(OutputPhrases.introduction, line)
    }

    /// For an output tab, the sample of the tab before it in the same group (`python` → `python-output`).
    func producingSample(before tabIndex: Int, in section: Section, answers: [Int: Answer]) -> CodeSample? {
        let tab = section.tabs[tabIndex]
        guard tabIndex > 0 else { return nil }
        // A block after a tab group (no tab of its own) follows the group's samples.
        guard OutputPhrases.isOutputTab(id: tab.id, label: tab.label) else {
            guard tab.id == nil else { return nil }
            return section.tabs[..<tabIndex].reversed().lazy.compactMap { $0.samples.last { answers[$0.id] != nil } }.first
        }
        if let id = tab.id, id.hasSuffix("-output"),
           let twin = section.tabs.first(where: { $0.id == String(id.dropLast("-output".count)) }) {
            return twin.samples.last { answers[$0.id] != nil }
        }
        return section.tabs[tabIndex - 1].samples.last { answers[$0.id] != nil }
    }

    struct Answer {
        var json: JSONValue
        var call: CallResult
    }

    /// The last 2xx JSON answer of each request-making sample, from the first scenario that ran it.
    func answersBySample(_ report: RunReport) -> [Int: Answer] {
        var out: [Int: Answer] = [:]
        for result in report.scenarios where result.status != .skipped {
            for entry in result.scenario.samples where out[entry.sample.id] == nil {
                let sample = entry.sample
                let file = sample.sourceFile ?? sample.location.file
                let lines = sample.code.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
                let call = result.calls.last { call in
                    call.location.file == file && call.location.line >= sample.codeStartLine && call.location.line <= sample.codeStartLine + lines
                        && (call.status.map { (200..<300).contains($0) } ?? false) && call.response != nil
                }
                if let call, let json = call.response { out[sample.id] = Answer(json: json, call: call) }
            }
        }
        return out
    }

    /// The documented block against the whole answer, or against the response field the sample
    /// prints when the block is shaped like that field. Silent when the block resembles neither.
    func drift(_ documented: JSONValue, block: CodeSample, answer: Answer, reads: [ResponseRead]) -> Finding? {
        var roots: [(String, JSONValue)] = [("", answer.json)]
        for read in reads { if let value = JSONPath.value(at: read.path, in: answer.json) { roots.append((read.path, value)) } }
        func overlap(_ root: JSONValue) -> Int {
            let keys = Set(documented.objectValue?.keys.map { $0 } ?? documented[0]?.objectValue?.keys.map { $0 } ?? [])
            let actual = Set(root.objectValue?.keys.map { $0 } ?? root[0]?.objectValue?.keys.map { $0 } ?? [])
            return keys.intersection(actual).count
        }
        guard let (prefix, root) = roots.max(by: { overlap($0.1) < overlap($1.1) }), overlap(root) > 0 else { return nil }
        let skipping = usingMock ? OutputPhrases.serviceOnlyFields : []
        let drifts = OutputShape.drift(documented: documented, actual: root, skipping: skipping, nullMayBeAbsent: usingMock)
        guard !drifts.isEmpty else { return nil }
        let listed = drifts.prefix(8).map { d in
            let path = prefix.isEmpty ? d.path : (d.path.isEmpty ? prefix : "\(prefix).\(d.path)")
            return d.actualType.map { "\(path) (\(d.documentedType) here, \($0) in the answer)" } ?? "\(path) (missing from the answer)"
        }.joined(separator: ", ")
        return Finding(
            rule: "output-drift", severity: .warning, location: block.location,
            message: "this output shows what the answer to the call at \(answer.call.location.file):\(answer.call.location.line) doesn't have: \(listed)"
                + (drifts.count > 8 ? " and \(drifts.count - 8) more" : "") + "; update the output to match the answer")
    }
}
