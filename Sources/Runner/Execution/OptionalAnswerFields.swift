import Extraction

/// Answer fields a model may leave out of a successful answer: it calls a tool or not at its own
/// choice, and the embedded mock never does. Code that reads one is guarded by the page (`if
/// message.tool_calls:`), so an answer without it is a code path not exercised, not a defect.
enum OptionalAnswerFields {
    /// Path components (`choices[0].message.tool_calls[0].id` holds `tool_calls`).
    static let names: Set<String> = ["tool_calls", "function_call"]

    /// Members the SDK computes on its side from the answer rather than reading them from it:
    /// `message.parsed` of `chat.completions.parse(…)`, the Responses SDK's `output_text`.
    static let sdkComputed: Set<String> = ["parsed", "output_text"]

    /// True when `path` goes through one of ``names``.
    static func contains(_ path: String) -> Bool {
        components(path).contains { names.contains($0) }
    }

    /// True when `path` goes through a member the SDK computes (never in the HTTP answer).
    static func isSDKComputed(_ path: String) -> Bool {
        components(path).contains { sdkComputed.contains($0) }
    }

    static func components(_ path: String) -> [String] {
        path.split(whereSeparator: { $0 == "." }).map { String($0.prefix { $0 != "[" }) }
    }

    /// True when a run can't give `placeholder` a value only because docverify doesn't run the
    /// sample's own code (`.unknown`: an expression it couldn't evaluate) or because the answer
    /// left out an optional field it comes from.
    static func isBeyondStaticReading(_ placeholder: Placeholder) -> Bool {
        switch placeholder {
        case .unknown: return true
        case .response(_, let path): return contains(path)
        default: return false
        }
    }
}
