import Core

/// A file a sample reads or writes (`dog.wav`), so scenarios can be ordered: a reader runs after the
/// sample that writes the file.
public struct FileAccess: Hashable, Sendable {
    public var path: String
    public var location: SourceLocation

    public init(path: String, location: SourceLocation) {
        self.path = path
        self.location = location
    }
}

/// A response field the sample's code reads, e.g. `completion.choices[0].message.audio.data`.
public struct ResponseRead: Hashable, Sendable {
    /// Index into ``SampleExtraction/requests`` of the call whose response is read.
    public var call: Int
    /// Normalized JSON path: `choices[0].message.audio.data`.
    public var path: String
    public var location: SourceLocation

    public init(call: Int, path: String, location: SourceLocation) {
        self.call = call
        self.path = path
        self.location = location
    }
}

/// What static reading learned about one code sample.
public struct SampleExtraction: Hashable, Sendable {
    public var sampleID: Int
    /// Every HTTP call, in the order the code makes them.
    public var requests: [ExtractedRequest]
    public var reads: [FileAccess]
    public var writes: [FileAccess]
    public var responseReads: [ResponseRead]
    /// Syntax errors and extraction problems, already at Markdown locations.
    public var findings: [Finding]
    /// True when the code evidently calls an API (imports an SDK, builds a client, posts a URL):
    /// with no request extracted that is a `request-unextracted` finding, never a silent skip.
    public var callsAPI: Bool
    /// True when the code opens a WebSocket session (the Realtime API), which docverify neither
    /// reads nor runs: its `request-unextracted` is a note, the limit being docverify's.
    public var opensWebSocket: Bool = false

    public init(
        sampleID: Int, requests: [ExtractedRequest] = [], reads: [FileAccess] = [], writes: [FileAccess] = [],
        responseReads: [ResponseRead] = [], findings: [Finding] = [], callsAPI: Bool = false
    ) {
        self.sampleID = sampleID
        self.requests = requests
        self.reads = reads
        self.writes = writes
        self.responseReads = responseReads
        self.findings = findings
        self.callsAPI = callsAPI
    }
}
