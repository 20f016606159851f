import Core
import Foundation
import Markup

/// Finds the file a step tells the reader to create ("Create the `to-audio.py` file" → `to-audio.py`).
enum FileNameFinder {
    /// The first file name in the step (code spans first, then plain words) whose extension fits the
    /// sample's language; "Run `node app.js`" next to a shell sample names no file for it.
    static func fileName(in inlines: [Inline], language: CodeLanguage) -> String? {
        // A word without a dot has no extension, so it is never a file name: only dotted words are
        // trimmed and tested (the first match is the same).
        let candidates = inlines.codeSpans + ASCIIScan.words(inlines.plainText, holding: UInt8(ascii: ".")).map {
            ASCIIScan.trimming($0, asciiCharacters: ".,;:()'\"*_")
        }
        return candidates.first { looksLikeFile($0) && fits(extension: ext($0), language: language) }
    }

    static func ext(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...]).lowercased()
    }

    static func looksLikeFile(_ text: String) -> Bool {
        let e = ext(text)
        guard !e.isEmpty, e.count <= 6, e.allSatisfy({ $0.isLetter || $0.isNumber }) else { return false }
        // An ASCII name is searched on its bytes (Foundation's search gives the same answer there).
        let ascii = text.utf8.allSatisfy { $0 < 0x80 }
        let spaced = ascii ? ASCIIScan.contains(text, " ") : text.contains(" ")
        let url = ascii ? ASCIIScan.contains(text, "://") : text.contains("://")
        return !spaced && !url && text.first.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" } == true
    }

    static func fits(extension e: String, language: CodeLanguage) -> Bool {
        let fileLanguage = CodeLanguage(infoString: e)
        if fileLanguage == language { return true }
        let jsonFamily: Set<CodeLanguage> = [.json, .jsonc]
        if jsonFamily.contains(fileLanguage) && jsonFamily.contains(language) { return true }
        if e == "env" || e == "txt" { return language == .text || language == .other || language == .shell && e == "env" }
        return fileLanguage == .other && (language == .other || language == .text) && e != "com" && e != "md"
    }
}
