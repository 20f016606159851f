import Foundation

/// What kind of value a limit statement carries, and so how its captured text is parsed.
public enum LimitValueKind: String, Sendable, Codable {
    /// A byte size with a unit (`20 MB`, `512 KiB`).
    case size
    /// A list of names (`Alloy, Echo, and Shimmer`).
    case list
    /// A date-shaped version (`2025-01-01-preview`).
    case version
    /// A plain count (`128,000`).
    case count
}

/// One recognizer: the limit it reads and the phrase that states it. Capture group 1 is the value,
/// group 2 the unit for sizes.
public struct LimitRecognizer: @unchecked Sendable {
    public let key: String
    public let kind: LimitValueKind
    /// Compiled once, when the catalog is first used; never per line.
    public let pattern: NSRegularExpression
    /// Lowercase ASCII words every match holds: a line without them skips the expression.
    public let keyword: String

    init(_ key: String, _ kind: LimitValueKind, keyword: String, _ pattern: String) {
        self.key = key
        self.kind = kind
        self.keyword = keyword
        // The catalog is fixed at build time; a bad pattern is a programming error caught by the tests.
        self.pattern = try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    }
}

/// Every limit statement docverify knows how to read, as data. Table rows are matched as their cells
/// joined by ` | `, so one pattern can name the row label and the value cell.
public enum LimitCatalog {
    static let size = #"(\d[\d,]*(?:\.\d+)?)\s*(MB|MiB|KB|KiB|GB|GiB|bytes)\b"#
    static let date = #"`?(\d{4}-\d{2}-\d{2}(?:-preview)?)`?"#

    public static let recognizers: [LimitRecognizer] = [
        LimitRecognizer("audio.max-input-size", .size, keyword: "maximum audio ", #"maximum audio (?:file|input) size is (?:up to )?"# + size),
        LimitRecognizer("audio.max-input-size", .size, keyword: "message size for audio files", #"message size for audio files[^|]*\|\s*"# + size),
        LimitRecognizer("audio.voices", .list, keyword: "following voices are supported", #"following voices are supported(?: for audio(?: out(?:put)?)?)?\s*:\s*([^.|]+)"#),
        LimitRecognizer("api-version.minimum", .version, keyword: "first added in ", #"first added in (?:the )?API version\s*"# + date),
        LimitRecognizer("model.version", .version, keyword: "version:", #"\bversion:\s*`(\d{4}-\d{2}-\d{2})`"#),
        LimitRecognizer("tokens.max-input", .count, keyword: "input:", #"Input:\s*(\d[\d,]*)\s*(?:<br\s*/?>\s*)*Output:"#),
        LimitRecognizer("tokens.max-output", .count, keyword: "input:", #"Input:\s*\d[\d,]*\s*(?:<br\s*/?>\s*)*Output:\s*(\d[\d,]*)"#),
        LimitRecognizer("transcription.max-upload-size", .size, keyword: "size ", #"(?:max(?:imum)?|largest) (?:upload |file )*size (?:for|of) (?:transcription|whisper|speech to text)[^|\d]*(?:\|\s*)?(?:is\s+)?"# + size),
        LimitRecognizer("transcription.max-upload-size", .size, keyword: "file size", #"(?:transcription|whisper)[^|]*file size[^|]*\|\s*"# + size),
        LimitRecognizer("headers.max-custom", .count, keyword: "number of custom headers", #"max(?:imum)? number of custom headers[^|]*\|\s*(\d+)"#),
        LimitRecognizer("headers.max-custom", .count, keyword: "allow up to ", #"allow up to (\d+) custom headers"#),
        LimitRecognizer("images.per-request", .count, keyword: "images per request", #"max(?:imum)? images per request[^|]*\|\s*(\d+)"#),
        LimitRecognizer("images.per-request", .count, keyword: "images per request", #"up to (\d+) images per request"#),
        LimitRecognizer("messages.max-characters", .count, keyword: "message character limit", #"message character limit[^|\d]*(?:\|\s*)?(\d[\d,]*)"#),
        // Request-size rows of the quotas table (the row labels name the route, with or without backticks).
        LimitRecognizer("chat.max-messages", .count, keyword: "number of ", #"max(?:imum)? number of `?/?chat[ /]?completions`? messages[^|]*\|\s*(\d[\d,]*)"#),
        LimitRecognizer("chat.max-tools", .count, keyword: "number of ", #"max(?:imum)? number of `?/?chat[ /]?completions`? tools[^|]*\|\s*(\d[\d,]*)"#),
        LimitRecognizer("chat.max-functions", .count, keyword: "number of ", #"max(?:imum)? number of `?/?chat[ /]?completions`? functions[^|]*\|\s*(\d[\d,]*)"#),
        LimitRecognizer("embeddings.max-inputs", .count, keyword: "inputs in ", #"max(?:imum)? number (?:of|or) inputs in (?:the )?array with `?/?embeddings`?[^|]*\|\s*(\d[\d,]*)"#),
        LimitRecognizer("files.max-upload-size", .size, keyword: "file size for assistants", #"max(?:imum)? file size for assistants[^|]*\|\s*"# + size),
    ]

    /// Bytes per unit; KB/MB/GB are read as decimal, KiB/MiB/GiB as binary.
    static let unitBytes: [String: Int] = [
        "bytes": 1, "kb": 1_000, "kib": 1_024, "mb": 1_000_000, "mib": 1_048_576,
        "gb": 1_000_000_000, "gib": 1_073_741_824,
    ]
}
