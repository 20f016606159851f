import Core
import Foundation
import HTTPTypes

/// One request as a client sent it, with secrets replaced by `REDACTED`.
public struct LoggedRequest: Codable, Sendable, Hashable {
    /// Unix time in milliseconds when the request arrived.
    public var time: Int
    public var method: String
    public var path: String
    /// Query parameters in order (names may repeat).
    public var query: [[String]]
    /// Header names in lower case; repeated headers joined with ", ".
    public var headers: [String: String]
    /// Body bytes received (up to the cap when the body was too large).
    public var bodyBytes: Int
    public var status: Int
}

/// Keeps the requests seen, in memory and (optionally) as JSON lines in a file. An actor, so
/// concurrent requests append whole lines one at a time.
actor RequestLog {
    private let file: FileHandle?
    private(set) var entries: [LoggedRequest] = []
    /// Bounds memory for long-running `mock serve`; the file keeps everything.
    private let memoryLimit = 10_000

    static let secretHeaders: Set<String> = ["api-key", "authorization", "proxy-authorization", "cookie", "x-api-key", "ocp-apim-subscription-key"]

    /// Opens (creating or appending to) `path`.
    init(path: String?) throws(MockOptionError) {
        guard let path else {
            file = nil
            return
        }
        let manager = FileManager.default
        if !manager.fileExists(atPath: path), !manager.createFile(atPath: path, contents: nil) {
            throw MockOptionError("cannot create the request log '\(path)': check that its folder exists and is writable")
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw MockOptionError("cannot open the request log '\(path)' for writing")
        }
        handle.seekToEndOfFile()
        file = handle
    }

    deinit { try? file?.close() }

    func append(_ entry: LoggedRequest) {
        entries.append(entry)
        if entries.count > memoryLimit { entries.removeFirst(entries.count - memoryLimit) }
        guard let file else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard var line = try? encoder.encode(entry) else { return }
        line.append(0x0A)
        // A full disk must not take the server down: the in-memory log still has the entry.
        try? file.write(contentsOf: line)
    }

    /// Header fields as the log shows them: lower-case names, secrets redacted.
    static func redactedHeaders(_ fields: HTTPFields) -> [String: String] {
        var result: [String: String] = [:]
        for field in fields {
            let name = field.name.canonicalName.lowercased()
            var value = field.value
            if secretHeaders.contains(name) {
                let scheme = value.split(separator: " ", maxSplits: 1).first.map(String.init)
                value = name.hasSuffix("authorization") && scheme != nil && value.contains(" ") ? "\(scheme!) REDACTED" : "REDACTED"
            }
            if let existing = result[name] { result[name] = existing + ", " + value } else { result[name] = value }
        }
        return result
    }
}
