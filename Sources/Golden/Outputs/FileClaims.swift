import Core
import Extraction
import Foundation
import Quickstart
import Runner

/// `output-file-mismatch`: what the prose after a sample says it creates against what it writes.
extension DocumentedOutputs {
    /// Sentences after a sample that name the file it creates, compared with the files it writes.
    func fileClaims(_ report: RunReport, extraction: DocumentExtraction) -> [Finding] {
        var out: [Finding] = []
        var checked = Set<Int>()
        for result in report.scenarios where result.status != .skipped {
            for entry in result.scenario.samples where checked.insert(entry.sample.id).inserted {
                let writes = Set(entry.extraction.writes.map { ($0.path as NSString).lastPathComponent.lowercased() })
                // A sample whose writes docverify could not read says nothing either way.
                guard !writes.isEmpty, entry.sample.sourceFile == nil, let text = readFile(entry.sample.location.file) else { continue }
                for claim in claims(after: entry.sample, in: text) where !writes.contains(claim.name.lowercased()) {
                    out.append(Finding(
                        rule: "output-file-mismatch", severity: .warning,
                        location: SourceLocation(file: entry.sample.location.file, line: claim.line),
                        message: "the page says the sample creates \(claim.name), but the sample at line \(entry.sample.location.line) writes "
                            + writes.sorted().joined(separator: ", ") + "; name the file the code writes"))
                }
            }
        }
        return out
    }

    /// File claims in the prose from the end of `sample`'s fence to the next H1/H2 heading or the next
    /// fence of program code (at most 40 lines): where pages say what running the sample produced.
    /// Run commands and output blocks in between are stepped over.
    func claims(after sample: CodeSample, in text: String) -> [(name: String, line: Int)] {
        let lines = ASCIIScan.lines(text).map { String($0.hasSuffix("\r") ? $0.dropLast() : $0) }
        let codeLines = sample.code.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
        var index = sample.codeStartLine + codeLines  // 0-based index of the line after the closing fence
        var out: [(String, Int)] = []
        var fence: CodeFence?
        let stop = min(lines.count, index + 40)
        while index < stop {
            let line = lines[index].trimmingCharacters(in: .whitespaces)
            if let open = fence {
                if open.isClosed(by: line) { fence = nil }
                index += 1
                continue
            }
            // A section ends the search; a sub-heading such as "### Output" introduces the claim.
            if line.hasPrefix("# ") || line.hasPrefix("## ") { break }
            if let opening = CodeFence(opening: line) {
                if Self.programLanguages.contains(CodeLanguage(infoString: String(line.dropFirst(3))).rawValue) { break }
                fence = opening
            } else if let match = OutputPhrases.fileClaim.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)),
                      let range = Range(match.range(at: 1), in: line) {
                out.append((String(line[range]), index + 1))
            }
            index += 1
        }
        return out
    }

    /// Fences that start another program: the prose after them is about that one.
    static let programLanguages: Set<String> = ["python", "javascript", "typescript", "http", "csharp", "java", "go"]
}
