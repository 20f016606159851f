import Core

/// A JSON request body that is written in the sample's code byte for byte (a single-quoted
/// `-d '{…}'`), parsed where it lies: no buffer of its own is assembled for the parser, so a body
/// carrying 20 MB of base64 is held by the code and by its parsed value, not also as JSON text.
///
/// The outcome is the one ``PositionedJSON`` gives for the same word, positions included.
enum CodeSliceJSON {
    /// The UTF-8 range of `code` that `word` is, when the word holds no run-time values, starts
    /// like JSON (`{` or `[` after blanks) and is the code's bytes exactly at its first character.
    static func range(of word: ShellWord, in code: String) -> Range<Int>? {
        guard let text = word.literalText, let start = word.firstCharacterPosition,
              let first = text.utf8.first(where: { ![0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C].contains($0) }),
              first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else { return nil }
        let matched: Range<Int>?? = code.utf8.withContiguousStorageIfAvailable { codeBytes -> Range<Int>? in
            guard let offset = offset(of: start, in: codeBytes) else { return nil }
            let length = text.utf8.count
            guard offset + length <= codeBytes.count else { return nil }
            let same = text.utf8.withContiguousStorageIfAvailable { wordBytes in
                wordBytes.elementsEqual(codeBytes[offset..<(offset + length)])
            }
            return same == true ? offset..<(offset + length) : nil
        }
        return matched ?? nil
    }

    /// The byte offset of a 1-based line and column (columns count Unicode scalars).
    static func offset(of position: JSPosition, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        var line = 1
        while line < position.line {
            guard let newline = bytes[i...].firstIndex(of: 0x0A) else { return nil }
            i = newline + 1
            line += 1
        }
        var column = 1
        while column < position.column {
            guard i < bytes.count, bytes[i] != 0x0A else { return nil }
            i += 1
            while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
            column += 1
        }
        return i
    }

    /// Parses `range` of `code`, whose first character was written at `start`.
    static func parse(_ range: Range<Int>, of code: String, startingAt start: JSPosition) -> PositionedJSON.Outcome {
        let outcome: PositionedJSON.Outcome? = code.utf8.withContiguousStorageIfAvailable { bytes in
            do {
                let json = try JSONTextParser.parse(utf8: UnsafeBufferPointer(rebasing: bytes[range]))
                return .value(RESTJSON.restore(RESTJSON.symbolic(json), []))
            } catch let error as JSONSyntaxError {
                let at = position(line: error.line, column: error.column, from: start)
                return error.isTooDeep ? .tooDeep(at: at) : .invalid(message: error.message, at: at)
            } catch {
                return .invalid(message: "\(error)", at: start)
            }
        }
        return outcome ?? .invalid(message: "the body could not be read", at: start)
    }

    /// A line and column of the slice as a position in the code: the slice is the code's own text,
    /// so only its first line is shifted (by where it starts).
    static func position(line: Int, column: Int, from start: JSPosition) -> JSPosition {
        line == 1 ? JSPosition(line: start.line, column: start.column + column - 1) : JSPosition(line: start.line + line - 1, column: column)
    }
}
