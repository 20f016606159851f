import Foundation

/// How pages introduce the output of a sample ("Output", "The output looks like", "you should
/// see", "similar to the following", "here's what it looks like" before what a tool shows): the one table, read by the checks that leave program output
/// alone and by the golden comparison of documented outputs.
public enum OutputIntroduction {
    /// Matched case-insensitively against the step text before the fence.
    public static let expression = try! NSRegularExpression(
        pattern: #"(^\s*(sample |example )?(output|response|result)s?\s*:?\s*$)|(\boutput (looks|should look|is) (like|similar)|\byou (should|will|might) see\b|\bsimilar to the following\b|\b(response|output|result) (looks|should look) like\b|\bprints? (something like|output like|the following)\b|\bexample (output|response)\b|\bwhat it looks like\b)"#,
        options: [.caseInsensitive])

    /// True when `text` introduces what follows as output.
    public static func introduces(_ text: String?) -> Bool {
        guard let text, !text.isEmpty else { return false }
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
