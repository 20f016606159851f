import Core
import Foundation
import Markup
import Yams

/// Reads front matter YAML through Yams, keeping every key.
enum FrontMatterParser {
    static func parse(_ split: FrontMatterSplit, lines: [String], file: String) -> (FrontMatter, [Finding]) {
        if split.yaml == nil {
            if lines.first?.trimmingCharacters(in: .whitespaces) == "---" {
                return (FrontMatter(), [Finding(
                    rule: "frontmatter-invalid", severity: .error, location: SourceLocation(file: file, line: 1),
                    message: "front matter opened with '---' is never closed; add a '---' line after the last key")])
            }
            return (FrontMatter(), [])
        }
        let yaml = split.yaml ?? ""
        if let alias = YAMLAliasScan.firstAlias(in: yaml) {
            // Expanding aliases is how a few hundred bytes of YAML become gigabytes ("billion
            // laughs"); Learn front matter never needs them, so they are not read at all.
            return (FrontMatter(), [Finding(
                rule: "frontmatter-invalid", severity: .warning,
                location: SourceLocation(file: file, line: split.yamlStartLine + alias.line - 1),
                message: "front matter uses the YAML alias '*\(alias.name)'; docverify does not expand aliases, so it ignored the front matter. Write the value out instead")])
        }
        let node: Node?
        do {
            // UTF-8 named: the default encoding reads the process environment at every parse.
            node = try Yams.compose(yaml: yaml, .default, .default, .utf8)
        } catch {
            var line = split.yamlStartLine
            if let yamlError = error as? YamlError, case .scanner(_, _, let mark, _) = yamlError { line += mark.line - 1 }
            else if let yamlError = error as? YamlError, case .parser(_, _, let mark, _) = yamlError { line += mark.line - 1 }
            return (FrontMatter(), [Finding(
                rule: "frontmatter-invalid", severity: .error, location: SourceLocation(file: file, line: line),
                message: "front matter is not valid YAML (\(String(describing: error).split(separator: "\n").first ?? "")); fix the YAML between the '---' lines")])
        }
        guard let node else { return (FrontMatter(), []) }
        guard let mapping = node.mapping else {
            return (FrontMatter(), [Finding(
                rule: "frontmatter-invalid", severity: .error, location: SourceLocation(file: file, line: split.yamlStartLine),
                message: "front matter must be a YAML mapping of 'key: value' lines")])
        }
        var result = FrontMatter()
        var findings: [Finding] = []
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            let line = split.yamlStartLine + (key.mark.map { $0.line - 1 } ?? 0)
            result.keyLines[name] = line
            result.values[name] = text(of: value)
            if ["title", "ms.topic", "ms.date", "zone_pivot_groups"].contains(name), value.scalar == nil {
                findings.append(Finding(
                    rule: "frontmatter-invalid", severity: .error, location: SourceLocation(file: file, line: line),
                    message: "front matter key '\(name)' must be a single text value"))
            }
        }
        return (result, findings)
    }

    static func text(of node: Node) -> String {
        switch node {
        case .scalar(let scalar): return scalar.string
        case .sequence(let sequence): return sequence.map { text(of: $0) }.joined(separator: ", ")
        case .mapping, .alias: return ((try? Yams.serialize(node: node)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }
}
