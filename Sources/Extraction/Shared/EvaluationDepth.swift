import Core
import Quickstart

/// Where an evaluator first stopped at one of its own depth bounds (values nested deeper than it
/// converts, calls chained deeper than it follows), so the front-end reports `input-too-deep` at
/// that line instead of silently reading an unknown value.
///
/// A reference, not a value: the evaluators convert values in non-mutating functions, and the
/// first hit must be remembered from there. Each evaluator owns one and never shares it.
final class EvaluationDepth {
    struct Hit: Equatable {
        var what: String
        var bound: Int
        var line: Int
        var column: Int
    }

    /// The first bound reached; later ones add nothing (one finding per sample).
    private(set) var first: Hit?

    /// The code position being evaluated (the statement running), for a hit found while converting.
    var line = 1
    var column = 1

    func record(_ what: String, bound: Int) {
        if first == nil { first = Hit(what: what, bound: bound, line: line, column: column) }
    }

    /// The `input-too-deep` finding of the first hit, or nil when no bound was reached.
    func finding(language: String, in sample: CodeSample, context: FrontEndContext = FrontEndContext()) -> Finding? {
        guard let first else { return nil }
        return InputTooDeep.finding("\(language) \(first.what)", bound: first.bound, line: first.line, column: first.column, in: sample, context: context)
    }
}
