import Core
import Quickstart

/// `input-too-deep`: code or JSON nested deeper than docverify's reader goes. Every recursive
/// reader has a bound so hostile pages cannot exhaust the stack; past it the sample is not read,
/// which is docverify's limit, named as such, never a syntax error the page does not have.
enum InputTooDeep {
    static let rule = "input-too-deep"

    /// The finding at the Markdown position of the level that went past `bound`.
    static func finding(
        _ what: String, bound: Int, line: Int, column: Int, in sample: CodeSample, context: FrontEndContext = FrontEndContext()
    ) -> Finding {
        let file = sample.fileName.map { " (`\($0)`)" } ?? ""
        return Finding(
            rule: rule, severity: .error, location: sample.markdownLocation(codeLine: line, codeColumn: column),
            message: "\(what)\(file) is nested more than \(bound) levels deep here; docverify reads no deeper, so the sample's "
                + "requests are not checked: flatten the nesting",
            pivot: context.pivot, tab: context.tab)
    }
}
