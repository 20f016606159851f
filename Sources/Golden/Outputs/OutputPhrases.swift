import Foundation
import Quickstart

/// The one table of how pages introduce the output of a sample and name the files it creates.
enum OutputPhrases {
    /// Lead text of an output block: ``Quickstart/OutputIntroduction`` (shared with the checks).
    static var introduction: NSRegularExpression { OutputIntroduction.expression }

    /// First words of a heading over an output block ("### Output", "### Output for …", "Example response").
    static let headingWords = ["output", "outputs", "response", "sample output", "example output", "example response", "sample response", "result", "results"]

    /// Tab ids and labels of an output tab (`# [Output](#tab/python-output)`).
    static func isOutputTab(id: String?, label: String?) -> Bool {
        let id = id?.lowercased() ?? "", label = label?.lowercased() ?? ""
        return id == "output" || id.hasSuffix("-output") || id.hasSuffix("-response") || label == "output" || label == "response"
            || label.hasSuffix(" output")
    }

    /// "The script generates an audio file named _dog.wav_", "creates a file called `reply.mp3`",
    /// "saves the audio to out.wav": the file name is group 1. Third-person verbs only: "Create a
    /// file named listen.py" is an instruction, not a claim about what a script does.
    static let fileClaim = try! NSRegularExpression(
        pattern: #"\b(?:generates|creates|saves|writes|produces|outputs)\b[^.\n]{0,60}?(?:\bfiles?\b(?:\s+(?:named|called))?|\bto|\bas)\s+[_*`"']*([A-Za-z0-9][A-Za-z0-9_.-]*\.(?:wav|mp3|flac|opus|pcm|ogg|m4a|aac|png|jpe?g|webp|json|txt|srt|vtt))(?![A-Za-z0-9])"#,
        options: [.caseInsensitive])

    /// Answer fields a live Azure OpenAI resource adds that the embedded mock does not imitate: a
    /// page documenting them is right, so a mock run says nothing about them.
    static let serviceOnlyFields: Set<String> = [
        "prompt_filter_results", "content_filter_results", "content_filter_result", "system_fingerprint", "service_tier",
        "logprobs", "refusal", "annotations", "prompt_tokens_details", "completion_tokens_details",
        // On Your Data answers: the citations and intent of the search, and whether the turn ended.
        "context", "end_turn",
    ]

    static func matches(_ expression: NSRegularExpression, _ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
