import Core
import Foundation
import Quickstart

/// The output of `docverify list`: the quickstart model as JSON (a contract other tools read) or as
/// a readable tree. Both are built as one string so nothing is ever half-printed.
public enum ListReport {
    /// Version of the JSON contract.
    public static let version = 1

    /// `{"version": 1, "documents": [...], "findings": [...]}`, pretty-printed.
    public static func json(_ documents: [QuickstartDocument], extraFindings: [Finding] = []) -> String {
        let report = JSONReport(
            version: version, documents: documents.map(JSONDocument.init),
            findings: (documents.flatMap(\.findings) + extraFindings).sortedForReport())
        let encoder = JSONEncoder()
        // Sorted keys: the output is byte-stable from run to run (goldens, diffs).
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(report) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A tree: document → pivot → section → tab → sample, then the findings.
    public static func text(_ documents: [QuickstartDocument], extraFindings: [Finding] = []) -> String {
        var out = ""
        for document in documents {
            out += "\(document.file)" + (document.title.map { " — \($0)" } ?? "") + "\n"
            for pivot in document.pivots {
                out += "  pivot \(pivot.id ?? "(none)")\n"
                for section in pivot.sections {
                    out += "    ## \(section.title.isEmpty ? "(before the first section)" : section.title)  \(section.location.file):\(section.location.line)\n"
                    for tab in section.tabs {
                        var tabLine = "      tab \(tab.id ?? "(no tab)")"
                        if let label = tab.label { tabLine += " \"\(label)\"" }
                        if let group = tab.group, groupCount(section) > 1 { tabLine += " [group \(group)]" }
                        out += tabLine + "\n"
                        for step in tab.steps {
                            let text = step.text.count > 70 ? String(step.text.prefix(69)) + "…" : step.text
                            out += "        step: \(text.isEmpty ? "(no text)" : text)\n"
                            for sample in step.samples {
                                let lines = sample.code.split(separator: "\n", omittingEmptySubsequences: false).count - 1
                                out += "          #\(sample.id) \(sample.language.rawValue)"
                                    + (sample.fileName.map { " \($0)" } ?? "")
                                    + "  \(sample.location.file):\(sample.location.line)  (\(lines) lines)\n"
                            }
                        }
                    }
                }
            }
        }
        let findings = (documents.flatMap(\.findings) + extraFindings).sortedForReport()
        if !findings.isEmpty {
            out += "findings:\n"
            for finding in findings { out += "  \(finding.textLine)\n" }
        }
        return out
    }

    static func groupCount(_ section: Section) -> Int {
        Set(section.tabs.compactMap(\.group)).count
    }
}

private struct JSONReport: Encodable {
    var version: Int
    var documents: [JSONDocument]
    var findings: [Finding]
}

private struct JSONDocument: Encodable {
    var file: String
    var title: String?
    var pivots: [JSONPivot]

    init(_ document: QuickstartDocument) {
        file = document.file
        title = document.title
        pivots = document.pivots.map(JSONPivot.init)
    }

    enum CodingKeys: String, CodingKey { case file, title, pivots }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(title, forKey: .title)
        try c.encode(pivots, forKey: .pivots)
    }
}

private struct JSONPivot: Encodable {
    var id: String?
    var sections: [JSONSection]

    init(_ pivot: Pivot) {
        id = pivot.id
        sections = pivot.sections.map(JSONSection.init)
    }

    enum CodingKeys: String, CodingKey { case id, sections }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(sections, forKey: .sections)
    }
}

private struct JSONSection: Encodable {
    var title: String
    var file: String
    var line: Int
    var tabs: [JSONTab]

    init(_ section: Section) {
        title = section.title
        file = section.location.file
        line = section.location.line
        let several = ListReport.groupCount(section) > 1
        tabs = section.tabs.map { JSONTab($0, withGroup: several) }
    }
}

private struct JSONTab: Encodable {
    var id: String?
    var label: String?
    var group: Int?
    var samples: [JSONSample]

    init(_ tab: TabVariant, withGroup: Bool) {
        id = tab.id
        label = tab.label
        group = withGroup ? tab.group : nil
        samples = tab.samples.map(JSONSample.init)
    }

    enum CodingKeys: String, CodingKey { case id, label, group, samples }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(label, forKey: .label)
        // Only when the section has several tab groups, as the contract says.
        try c.encodeIfPresent(group, forKey: .group)
        try c.encode(samples, forKey: .samples)
    }
}

private struct JSONSample: Encodable {
    var language: String
    var file: String
    var line: Int
    var fileName: String?
    var code: String

    init(_ sample: CodeSample) {
        language = sample.language.rawValue
        file = sample.location.file
        line = sample.location.line
        fileName = sample.fileName
        code = sample.code
    }

    enum CodingKeys: String, CodingKey { case language, file, line, fileName, code }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(language, forKey: .language)
        try c.encode(file, forKey: .file)
        try c.encode(line, forKey: .line)
        try c.encode(fileName, forKey: .fileName)
        try c.encode(code, forKey: .code)
    }
}
