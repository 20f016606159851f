import Foundation
import Core

/// Reading a `text/event-stream` answer (`stream: true`): the `data:` payloads of its events, and
/// the chat completion chunks they hold.
public enum StreamDecoding {
    /// The data of each event, in order, up to `[DONE]`; `done` tells whether the terminator
    /// arrived (a stream cut short lacks it). Multi-line data joins with newlines, as the
    /// server-sent events format says; comments (`:`) and other fields are skipped.
    public static func events(_ text: String) -> (payloads: [String], done: Bool) {
        var payloads: [String] = []
        var current: [String] = []
        var done = false
        func flush() {
            guard !current.isEmpty else { return }
            let payload = current.joined(separator: "\n")
            current = []
            if payload.trimmingCharacters(in: .whitespaces) == "[DONE]" { done = true } else if !done { payloads.append(payload) }
        }
        // `\n` bytes, not Characters: an event stream may end its lines with `\r\n`, one Character.
        for rawLine in ASCIIScan.lines(text) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty { flush(); continue }
            guard line.hasPrefix("data:") else { continue }
            var value = line.dropFirst(5)
            if value.first == " " { value = value.dropFirst() }
            current.append(String(value))
        }
        flush()
        return (payloads, done)
    }

    /// The chunks of a streamed chat completion, or the first problem with its path, prefixed by
    /// the event's position (`events[3].choices[0].delta`).
    public static func chatChunks(_ text: String) -> Result<[ChatCompletionChunk], ResponseDecodingProblem> {
        let (payloads, done) = events(text)
        var chunks: [ChatCompletionChunk] = []
        for (i, payload) in payloads.enumerated() {
            do {
                chunks.append(try JSONDecoder().decode(ChatCompletionChunk.self, from: Data(payload.utf8)))
            } catch let error as DecodingError {
                let problem = ResponseDecodingProblem(error)
                let prefix = "events[\(i)]"
                return .failure(ResponseDecodingProblem(path: problem.path.isEmpty ? prefix : prefix + "." + problem.path, message: problem.message))
            } catch {
                return .failure(ResponseDecodingProblem(path: "events[\(i)]", message: "\(error)"))
            }
        }
        if !done {
            return .failure(ResponseDecodingProblem(path: "", message: "the stream ended without 'data: [DONE]'"))
        }
        return .success(chunks)
    }
}
