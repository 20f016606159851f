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
    private var kept: [LoggedRequest] = []
    /// Bounds memory for long-running servers; the file keeps everything. `mock serve` keeps none
    /// in memory: nothing there reads them, and 10,000 entries are megabytes.
    private let memoryLimit: Int

    /// False when entries go nowhere (no file, none kept): the responder skips building them.
    nonisolated let isRecording: Bool

    /// The last ``memoryLimit`` requests, oldest first.
    var entries: [LoggedRequest] { Array(kept.suffix(memoryLimit)) }

    /// The log's spelling of a removed credential (what earlier logs and their readers expect).
    static let marker = "REDACTED"

    /// Opens (creating or appending to) `path`; keeps the last `memoryLimit` entries in memory.
    init(path: String?, memoryLimit: Int = 10_000) throws(MockOptionError) {
        self.memoryLimit = max(0, memoryLimit)
        isRecording = path != nil || memoryLimit > 0
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
        if memoryLimit > 0 {
            kept.append(entry)
            // Trimmed a quarter at a time: dropping one entry a request moved all the others each time.
            if kept.count >= memoryLimit + max(1, memoryLimit / 4) { kept.removeFirst(kept.count - memoryLimit) }
        }
        guard let file else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard var line = try? encoder.encode(entry) else { return }
        line.append(0x0A)
        // A full disk must not take the server down: the in-memory log still has the entry.
        try? file.write(contentsOf: line)
    }

    /// The redactor for one request: name rules, plus the credentials its own headers carry, so a
    /// key repeated in the path or the query is removed too.
    static func redactor(for fields: HTTPFields) -> SecretRedactor {
        var values: [String] = []
        for field in fields where SecretRedactor.headerNames.contains(field.name.canonicalName.lowercased()) {
            values.append(field.value)
            if let space = field.value.firstIndex(of: " ") { values.append(String(field.value[field.value.index(after: space)...])) }
        }
        return SecretRedactor(values: values, marker: marker)
    }

    /// Header fields as the log shows them: lower-case names, secrets redacted.
    static func redactedHeaders(_ fields: HTTPFields) -> [String: String] {
        let redactor = redactor(for: fields)
        var result: [String: String] = [:]
        for field in fields {
            let name = field.name.canonicalName.lowercased()
            let value = redactor.redactHeader(name: name, value: field.value)
            if let existing = result[name] { result[name] = existing + ", " + value } else { result[name] = value }
        }
        return result
    }

    /// Query parameters as the log shows them: the values of secret keys (`api-key`, `sig`,
    /// `subscription-key`…) and any credential the headers carry replaced.
    static func redactedQuery(_ parameters: [(String, String)], headers: HTTPFields) -> [[String]] {
        let redactor = redactor(for: headers)
        return parameters.map { name, value in
            [name, SecretRedactor.queryKeys.contains(name.lowercased()) && !value.isEmpty ? marker : redactor.redact(value)]
        }
    }

    /// The path as the log shows it, with any credential the headers carry replaced.
    static func redactedPath(_ path: String, headers: HTTPFields) -> String {
        redactor(for: headers).redact(path)
    }
}
