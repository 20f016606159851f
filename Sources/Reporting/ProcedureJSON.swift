import Core
import Procedure

/// The `procedure` of a pivot in `list --format json`: one reader per tab id (or one with a null tab),
/// each with the steps that reader follows, in order.
struct JSONProcedureReader: Encodable {
    var tab: String?
    var steps: [JSONProcedureStep]

    static func readers(_ pivot: PivotProcedure) -> [JSONProcedureReader] {
        pivot.readers.map { tab in JSONProcedureReader(tab: tab, steps: pivot.steps(forTab: tab).map(JSONProcedureStep.init)) }
    }

    enum CodingKeys: String, CodingKey { case tab, steps }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(tab, forKey: .tab)
        try c.encode(steps, forKey: .steps)
    }
}

struct JSONProcedureStep: Encodable {
    var kind: String
    var file: String
    var line: Int
    var tab: String?
    var name: String?
    var command: String?
    var sample: Int?
    var provides: [String]
    var needs: [String]

    init(_ step: ProcedureStep) {
        kind = step.kind.rawValue
        file = step.location.file
        line = step.location.line
        tab = step.tab?.id
        name = step.file
        command = step.command
        sample = step.sampleID
        provides = step.provides
        needs = step.needs
    }

    enum CodingKeys: String, CodingKey { case kind, file, line, tab, name, command, sample, provides, needs }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(file, forKey: .file)
        try c.encode(line, forKey: .line)
        try c.encode(tab, forKey: .tab)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encodeIfPresent(command, forKey: .command)
        try c.encodeIfPresent(sample, forKey: .sample)
        try c.encode(provides, forKey: .provides)
        try c.encode(needs, forKey: .needs)
    }
}

/// The compact text form: one line per step under `procedure`, `kind name/command (provides) file:line`.
enum ProcedureText {
    static func lines(_ pivot: PivotProcedure) -> String {
        guard !pivot.steps.isEmpty else { return "" }
        var out = "    procedure (\(pivot.readers.count == 1 && pivot.readers[0] == nil ? "no tabs" : "tabs: " + pivot.tabIDs.joined(separator: ", ")))\n"
        for step in pivot.steps {
            var line = "      \(step.kind.rawValue)"
            if let tab = step.tab { line += " [\(tab.id)]" }
            if let command = step.command { line += " `\(command.count > 50 ? String(command.prefix(49)) + "…" : command)`" }
            else if let file = step.file { line += " \(file)" }
            let provided = step.provides
            if !provided.isEmpty && step.kind != .createFile { line += " → " + provided.joined(separator: " ") }
            if !step.needs.isEmpty { line += " ← " + step.needs.joined(separator: " ") }
            out += line + "  \(step.location.file):\(step.location.line)\n"
        }
        return out
    }
}
