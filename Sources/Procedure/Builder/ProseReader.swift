import Core
import DocFX
import Foundation
import Markup

/// What a paragraph or table tells the reader to do without a code sample: follow a link to set up
/// elsewhere, set variables it names, create a file it names.
enum ProseReader {
    /// Link wording that sends the reader to another page for set-up.
    static let setUpWords = ["set up", "setup", "environment variable", "prerequisite", "configure", "get started", "retrieve"]
    static let setUpWordMaxLength = setUpWords.map(\.count).max() ?? 0
    /// Wording that has the reader create (or fill) a file the paragraph names.
    /// Wording that has the reader set the variables the paragraph names.
    static let variableWords = ["variable", "set ", "export", "environment", "define"]
    static let createWords = ["create", "name", "save", "replace", "open", "copy", "paste", "add", "new file", "edit", "update", "called", "file"]

    static func steps(in paragraph: DocParagraph) -> [ProcedureStep] {
        let text = paragraph.text.lowercased()
        var steps: [ProcedureStep] = []
        // The wording is the link's label then the paragraph: a word wholly in the paragraph is
        // looked for once, and per link only the label with the paragraph's first few characters
        // (a word can straddle the two), so a paragraph of many links stays linear.
        let textHasSetUpWord = WordSearch.holdsAny(text, setUpWords)
        let straddle = text.prefix(setUpWordMaxLength - 1)
        for (destination, label) in links(paragraph.inlines) where !destination.hasPrefix("#") {
            let wording = (label + " " + straddle).lowercased()
            guard textHasSetUpWord || WordSearch.holdsAny(wording, setUpWords) else { continue }
            var step = ProcedureStep(kind: .setUpElsewhere, location: paragraph.location)
            step.link = destination
            steps.append(step)
            break
        }
        // "Set `AZURE_OPENAI_ENDPOINT` to …", "the `X` environment variable": the page names it for set-up.
        if WordSearch.holdsAny(text, variableWords) {
            let names = paragraph.inlines.codeSpans.filter(VariableSettings.looksLikeVariable).map(cleanVariable)
            if !names.isEmpty {
                var step = ProcedureStep(kind: .setVariables, location: paragraph.location)
                step.variables = names
                steps.append(step)
            }
        }
        if WordSearch.holdsAny(text, createWords) {
            for file in fileNames(paragraph.inlines) {
                steps.append(ProcedureStep(kind: .createFile, location: paragraph.location, file: file))
            }
        }
        return steps
    }

    /// A table that lists variable names (the "Variable name | Value" tables of set-up sections).
    static func steps(in table: PipeTable) -> [ProcedureStep] {
        let names = table.rows.flatMap { $0 }.map(\.text).filter(VariableSettings.looksLikeVariable).map(cleanVariable)
        guard !names.isEmpty else { return [] }
        var step = ProcedureStep(kind: .setVariables, location: table.location)
        step.variables = names
        return [step]
    }

    static func cleanVariable(_ text: String) -> String {
        ASCIIScan.trimming(text, asciiCharacters: " `$%")
    }

    /// Links in reading order: destination and visible text.
    static func links(_ inlines: [Inline]) -> [(String, String)] {
        inlines.flatMap { inline -> [(String, String)] in
            switch inline {
            case .link(let destination, _, let children): [(destination, children.plainText)]
            case .emphasis(let c), .strong(let c): links(c)
            default: []
            }
        }
    }

    /// File names in code spans and emphasis (`app.py`, *app.py*), as the page spells them.
    static func fileNames(_ inlines: [Inline]) -> [String] {
        var names: [String] = []
        func visit(_ inlines: [Inline], emphasized: Bool) {
            for inline in inlines {
                switch inline {
                case .code(let s):
                    if looksLikeFile(s) { names.append(s) }
                case .text(let s) where emphasized:
                    let t = ASCIIScan.trimmingWhitespace(s)
                    if looksLikeFile(t) { names.append(t) }
                case .text(let s):
                    // "create a new file named ChatCompletion.ts": plain words, code extensions only.
                    // A file name has a dot: text and words without one are passed over unsplit.
                    guard s.utf8.contains(UInt8(ascii: ".")) else { continue }
                    for word in ASCIIScan.words(s, holding: UInt8(ascii: ".")) {
                        let t = ASCIIScan.trimming(word, asciiCharacters: ".,;:()'\"!?")
                        if looksLikeFile(t), plainCodeExtensions.contains(ext(t)), !productNames.contains(t.lowercased()) {
                            names.append(t)
                        }
                    }
                case .emphasis(let c), .strong(let c):
                    visit(c, emphasized: true)
                default:
                    continue
                }
            }
        }
        visit(inlines, emphasized: false)
        return names
    }

    /// Extensions a plain (unformatted) word must have to be read as a file name.
    static let plainCodeExtensions: Set<String> = ["py", "js", "mjs", "cjs", "ts", "mts", "json", "txt"]
    /// Product names that look like files (`Node.js`).
    static let productNames: Set<String> = ["node.js", "vue.js", "next.js", "nuxt.js", "react.js", "express.js", "three.js", "chart.js", "d3.js", "nest.js", "deno.js", "bun.js"]

    static func ext(_ name: String) -> String {
        guard let dot = name.lastIndex(of: ".") else { return "" }
        return String(name[name.index(after: dot)...]).lowercased()
    }

    /// `app.py`, `src/index.ts`, `.env`, `package.json`: a name with an extension and no spaces.
    static func looksLikeFile(_ text: String) -> Bool {
        guard let dot = text.lastIndex(of: "."), !ASCIIScan.contains(text, " "), !ASCIIScan.contains(text, "://") else { return false }
        let ext = text[text.index(after: dot)...]
        guard (1...6).contains(ext.count), ext.allSatisfy({ $0.isLetter || $0.isNumber }) else { return false }
        if dot == text.startIndex { return text == ".env" }
        return text.first.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." } == true
            && !ext.allSatisfy(\.isNumber)
    }
}
