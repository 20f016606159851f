import Foundation

/// Selects the lines a code directive asks for from a source file.
enum CodeSnippetReader {
    /// Parses `2-24,26` or `5-` into line ranges; nil when malformed.
    static func parseRanges(_ text: String, lineCount: Int) -> [ClosedRange<Int>]? {
        var ranges: [ClosedRange<Int>] = []
        for part in text.split(separator: ",") {
            let bounds = part.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
            guard let first = bounds.first, let low = Int(first.trimmingCharacters(in: .whitespaces)), low >= 1 else { return nil }
            var high = low
            if bounds.count == 2 {
                let h = bounds[1].trimmingCharacters(in: .whitespaces)
                if h.isEmpty { high = max(low, lineCount) } else { guard let value = Int(h), value >= low else { return nil }; high = value }
            } else if bounds.count > 2 {
                return nil
            }
            ranges.append(low...high)
        }
        return ranges.isEmpty ? nil : ranges
    }

    /// The selected code and its first line, or an error message.
    static func select(lines: [String], ranges: [ClosedRange<Int>], snippetID: String?) -> Result<(code: String, firstLine: Int), SnippetError> {
        var selected: [(Int, String)] = Array(zip(1..., lines))
        if let snippetID {
            let open = "<\(snippetID)>", close = "</\(snippetID)>"
            guard let start = lines.firstIndex(where: { $0.contains(open) }),
                  let end = lines[(start + 1)...].firstIndex(where: { $0.contains(close) }) else {
                return .failure(SnippetError(message: "the snippet '\(snippetID)' (a '<\(snippetID)>' … '</\(snippetID)>' region) is not in the file"))
            }
            selected = Array(selected[(start + 1)..<end])
        }
        if !ranges.isEmpty {
            guard let last = ranges.map(\.upperBound).max(), last <= selected.count else {
                return .failure(SnippetError(message: "the line range goes past the end of the code (\(selected.count) lines)"))
            }
            selected = ranges.flatMap { range in range.map { selected[$0 - 1] } }
        }
        guard let firstLine = selected.first?.0 else {
            return .failure(SnippetError(message: "the selection is empty"))
        }
        return .success((selected.map(\.1).joined(separator: "\n") + "\n", firstLine))
    }

    struct SnippetError: Error {
        var message: String
    }
}
