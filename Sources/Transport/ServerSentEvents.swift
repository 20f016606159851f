import Foundation

/// One server-sent event (`text/event-stream`).
public struct ServerSentEvent: Sendable, Hashable {
    /// The `event:` field; `message` when absent.
    public var event: String
    /// The `data:` lines joined by line feeds.
    public var data: String
    public var id: String?

    public init(event: String = "message", data: String, id: String? = nil) {
        self.event = event
        self.data = data
        self.id = id
    }
}

/// Reads a complete `text/event-stream` body into events, following the WHATWG HTML parsing rules:
/// lines end in CRLF, LF or CR; a blank line dispatches; `:` starts a comment; one space after the
/// colon is dropped; an event with no data is not dispatched.
public enum ServerSentEvents {
    public static func parse(_ body: Data) -> [ServerSentEvent] {
        var text = String(decoding: body, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var events: [ServerSentEvent] = []
        var event = "", data: [String] = [], id: String?
        var sawData = false

        func dispatch() {
            if sawData { events.append(ServerSentEvent(event: event.isEmpty ? "message" : event, data: data.joined(separator: "\n"), id: id)) }
            event = ""
            data = []
            sawData = false
        }

        // Swift treats "\r\n" as one Character, so splitting on newlines handles all three endings.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        if lines.last?.isEmpty == true { lines.removeLast() }
        for line in lines {
            if line.isEmpty { dispatch(); continue }
            if line.first == ":" { continue }
            let field: Substring, value: Substring
            if let colon = line.firstIndex(of: ":") {
                field = line[..<colon]
                var rest = line[line.index(after: colon)...]
                if rest.first == " " { rest = rest.dropFirst() }
                value = rest
            } else {
                field = line
                value = ""
            }
            switch field {
            case "event": event = String(value)
            case "data": data.append(String(value)); sawData = true
            case "id" where !value.contains("\0"): id = String(value)
            default: break
            }
        }
        // A stream that ends without a blank line still has its last event (servers often omit it).
        dispatch()
        return events
    }
}
