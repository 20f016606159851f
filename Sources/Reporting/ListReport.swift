import Core
import Foundation
import Procedure
import Quickstart

/// The output of `docverify list`: the quickstart model as JSON (a contract other tools read) or as
/// a readable tree. Both are built as one string so nothing is ever half-printed.
public enum ListReport {
    /// Version of the JSON contract.
    public static let version = 1

    /// `{"version": 1, "documents": [...], "findings": [...]}`, pretty-printed.
    ///
    /// `samplePayload` adds keys to each sample object (`check` adds `"requests"`).
    ///
    /// `findingArticles` (for `check`): each finding once, with an `articles` array naming every
    /// article that reaches it, so a shared include's finding is not repeated per article.
    public static func json(
        _ documents: [QuickstartDocument], extraFindings: [Finding] = [],
        findingArticles: [Finding: [String]]? = nil,
        samplePayload: ((QuickstartDocument, CodeSample) -> [String: JSONValue])? = nil
    ) -> String {
        var findings = (documents.flatMap(\.findings) + extraFindings).sortedForReport()
        if findingArticles != nil {
            var seen = Set<Finding>()
            findings = findings.filter { seen.insert($0).inserted }
        }
        let report = JSONReport(
            version: version, documents: documents.map { JSONDocument($0, samplePayload: samplePayload) },
            findings: findings.map { finding in JSONFinding(finding: finding, articles: findingArticles.map { $0[finding] ?? [] }) })
        let encoder = JSONEncoder()
        // Sorted keys: the output is byte-stable from run to run (goldens, diffs).
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(report) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A tree: document → pivot → section → tab → sample, then the findings.
    public static func text(_ documents: [QuickstartDocument], extraFindings: [Finding] = []) -> String {
        var out = documents.map(textTree).joined()
        out += textFindings(documents.flatMap(\.findings) + extraFindings)
        return out
    }

    /// One document's tree in the text form: the same for a document whether it is rendered alone
    /// or among others, so each article can be rendered on the core that loaded it.
    public static func textTree(_ document: QuickstartDocument) -> String {
        var out = "\(document.file)" + (document.title.map { " — \($0)" } ?? "") + "\n"
        let procedure = ProcedureBuilder.build(document)
        for pivot in document.pivots {
            out += "  pivot \(pivot.id ?? "(none)")\n"
            out += procedure.pivot(pivot.id).map(ProcedureText.lines) ?? ""
            for section in pivot.sections {
                out += "    ## \(section.title.isEmpty ? "(before the first section)" : section.title)  \(section.location.file):\(section.location.line)\n"
                for tab in section.tabs {
                    var tabLine = "      tab \(tab.id ?? "(no tab)")"
                    if let label = tab.label { tabLine += " \"\(label)\"" }
                    if let group = tab.group, groupCount(section) > 1 { tabLine += " [group \(group)]" }
                    out += tabLine + "\n"
                    for step in tab.steps {
                        let text = longerThan70Characters(step.text) ? String(step.text.prefix(69)) + "…" : step.text
                        out += "        step: \(text.isEmpty ? "(no text)" : text)\n"
                        for sample in step.samples {
                            let lines = lineBreaks(in: sample.code)
                            out += "          #\(sample.id) \(sample.language.rawValue)"
                                + (sample.fileName.map { " \($0)" } ?? "")
                                + "  \(sample.location.file):\(sample.location.line)  (\(lines) lines)\n"
                        }
                    }
                }
            }
        }
        return out
    }

    /// `text.count > 70` without walking the characters of a short text: a text has at most as many
    /// characters as UTF-8 bytes.
    static func longerThan70Characters(_ text: String) -> Bool {
        text.utf8.count > 70 && text.count > 70
    }

    /// How many `"\n"` characters the code holds (its line count as `list` prints it), counted in bytes:
    /// a line feed right after a carriage return is one `"\r\n"` character, not a `"\n"` one, so it is
    /// not counted, as splitting the string at `"\n"` characters would not count it either.
    static func lineBreaks(in code: String) -> Int {
        var count = 0
        var previous: UInt8 = 0
        for byte in code.utf8 {
            if byte == 0x0A && previous != 0x0D { count += 1 }
            previous = byte
        }
        return count
    }

    /// The `findings:` block that ends the text form, sorted; empty when there are none.
    public static func textFindings(_ findings: [Finding]) -> String {
        let findings = findings.sortedForReport()
        guard !findings.isEmpty else { return "" }
        var out = "findings:\n"
        for finding in findings { out += "  \(finding.textLine)\n" }
        return out
    }

    /// One document's object in the `documents` array of the JSON form through `JSONEncoder`, exactly as
    /// ``json(_:extraFindings:findingArticles:samplePayload:)`` writes it there (indented for that place):
    /// the reference `ListJSONDocument`, which `list` uses, is tested against.
    static func jsonDocument(_ document: QuickstartDocument) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Nothing in a document fails to encode (no floats); an empty object keeps the output valid JSON.
        guard let data = try? encoder.encode(JSONDocument(document, samplePayload: nil)) else { return "    {}" }
        return PrettyJSON.indented(data, by: 4, first: true)
    }

    static func groupCount(_ section: Section) -> Int {
        Set(section.tabs.compactMap(\.group)).count
    }
}

private struct JSONReport: Encodable {
    var version: Int
    var documents: [JSONDocument]
    var findings: [JSONFinding]
}

/// A finding in its own JSON shape, plus `articles` when the command reports them.
struct JSONFinding: Encodable {
    var finding: Finding
    var articles: [String]?

    enum CodingKeys: String, CodingKey { case articles }
    func encode(to encoder: any Encoder) throws {
        try finding.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(articles, forKey: .articles)
    }
}

private struct JSONDocument: Encodable {
    var file: String
    var title: String?
    var pivots: [JSONPivot]

    init(_ document: QuickstartDocument, samplePayload: ((QuickstartDocument, CodeSample) -> [String: JSONValue])?) {
        file = document.file
        title = document.title
        let bound = samplePayload.map { payload in { (sample: CodeSample) in payload(document, sample) } }
        let procedure = ProcedureBuilder.build(document)
        pivots = document.pivots.map { JSONPivot($0, procedure: procedure.pivot($0.id), samplePayload: bound) }
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
    var procedure: [JSONProcedureReader]

    init(_ pivot: Pivot, procedure: PivotProcedure?, samplePayload: ((CodeSample) -> [String: JSONValue])?) {
        id = pivot.id
        sections = pivot.sections.map { JSONSection($0, samplePayload: samplePayload) }
        self.procedure = procedure.map(JSONProcedureReader.readers) ?? []
    }

    enum CodingKeys: String, CodingKey { case id, sections, procedure }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(sections, forKey: .sections)
        try c.encode(procedure, forKey: .procedure)
    }
}

private struct JSONSection: Encodable {
    var title: String
    var file: String
    var line: Int
    var tabs: [JSONTab]

    init(_ section: Section, samplePayload: ((CodeSample) -> [String: JSONValue])?) {
        title = section.title
        file = section.location.file
        line = section.location.line
        let several = ListReport.groupCount(section) > 1
        tabs = section.tabs.map { JSONTab($0, withGroup: several, samplePayload: samplePayload) }
    }
}

private struct JSONTab: Encodable {
    var id: String?
    var label: String?
    var group: Int?
    var samples: [JSONSample]

    init(_ tab: TabVariant, withGroup: Bool, samplePayload: ((CodeSample) -> [String: JSONValue])?) {
        id = tab.id
        label = tab.label
        group = withGroup ? tab.group : nil
        samples = tab.samples.map { JSONSample($0, extra: samplePayload?($0) ?? [:]) }
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
    var extra: [String: JSONValue]

    init(_ sample: CodeSample, extra: [String: JSONValue]) {
        language = sample.language.rawValue
        file = sample.location.file
        line = sample.location.line
        fileName = sample.fileName
        code = sample.code
        self.extra = extra
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(language, forKey: Key("language"))
        try c.encode(file, forKey: Key("file"))
        try c.encode(line, forKey: Key("line"))
        try c.encode(fileName, forKey: Key("fileName"))
        try c.encode(code, forKey: Key("code"))
        for (key, value) in extra { try c.encode(value, forKey: Key(key)) }
    }
}
