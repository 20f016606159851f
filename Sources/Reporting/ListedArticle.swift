import Core
import Foundation
import Quickstart

/// One article of `docverify list`, rendered on its own: its part of the output and its findings.
///
/// `list` renders each article on the core that loaded it (building its procedure is most of the
/// rendering), then ``ListedArticles/report(_:findings:format:)`` only joins the parts, so the
/// output is byte for byte that of ``ListReport/text(_:extraFindings:)`` or
/// ``ListReport/json(_:extraFindings:findingArticles:samplePayload:)`` over the same documents.
public struct ListedArticle: Sendable, Equatable {
    /// The article's tree (text) or its object in the `documents` array (JSON, indented for that place).
    public var rendering: String
    /// The article's findings, as loaded; they are printed after every article.
    public var findings: [Finding]

    public init(_ document: QuickstartDocument, format: ListFormat) {
        rendering = format == .json ? ListJSONDocument.text(document) : ListReport.textTree(document)
        findings = document.findings
    }
}

/// The forms `docverify list` prints.
public enum ListFormat: String, Sendable {
    case text, json
}

/// The whole `list` output from articles rendered one by one.
public enum ListedArticles {
    /// The articles' parts in order, then the findings (sorted here, as the one-piece reports sort them).
    /// - Parameter findings: every finding to report, with the configuration's `rules` already applied.
    public static func report(_ articles: [ListedArticle], findings: [Finding], format: ListFormat) -> String {
        switch format {
        case .text:
            return articles.map { $0.rendering }.joined() + ListReport.textFindings(findings)
        case .json:
            return json(articles.map { $0.rendering }, findings: findings)
        }
    }

    /// `{"documents": [...], "findings": [...], "version": 1}` laid out as `JSONEncoder` lays out the
    /// one-piece report (pretty, sorted keys): an empty array is `[`, a blank line, `]`.
    static func json(_ documents: [String], findings: [Finding]) -> String {
        var out = "{\n  \"documents\" : "
        out += documents.isEmpty ? "[\n\n  ]" : "[\n" + documents.joined(separator: ",\n") + "\n  ]"
        out += ",\n  \"findings\" : " + findingsJSON(findings.sortedForReport())
        out += ",\n  \"version\" : \(ListReport.version)\n}\n"
        return out
    }

    private static func findingsJSON(_ findings: [Finding]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let wrapped = findings.map { JSONFinding(finding: $0, articles: nil) }
        guard let data = try? encoder.encode(wrapped) else { return "[\n\n  ]" }
        return PrettyJSON.indented(data, by: 2, first: false)
    }
}

/// Re-indents pretty-printed JSON so a value encoded alone can stand nested in a larger document.
enum PrettyJSON {
    /// `data` with `by` spaces before every non-empty line (the first line too when `first`).
    ///
    /// Splitting at newline bytes is safe: the encoder escapes newlines inside strings, so every
    /// newline byte is layout. Empty lines (inside an empty array) stay empty, as the encoder writes them.
    static func indented(_ data: Data, by width: Int, first: Bool) -> String {
        let newline = UInt8(ascii: "\n")
        let indent = [UInt8](repeating: UInt8(ascii: " "), count: width)
        var out: [UInt8] = []
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            out.reserveCapacity(bytes.count + bytes.count / 4)
            var lineStart = 0
            var isFirst = true
            // One line at a time: find its end, indent it unless it is empty, copy it with its newline.
            while lineStart < bytes.count {
                var end = lineStart
                while end < bytes.count && bytes[end] != newline { end += 1 }
                if end > lineStart && (first || !isFirst) { out.append(contentsOf: indent) }
                out.append(contentsOf: bytes[lineStart..<min(end + 1, bytes.count)])
                lineStart = end + 1
                isFirst = false
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
