import Foundation
import Testing
@testable import Procedure

/// The byte paths of the procedure checks give the answers of the Character / Foundation calls they
/// replaced, on ASCII and non-ASCII text alike.
@Suite struct ByteHelperTests {
    static let paths = [
        "app.py", "./app.py", "src/index.ts", "./src/index.ts", "a/b/", "a//b", "/", "//", "", ".", "./",
        "dir\\file.js", "a/b\\c.txt", "/abs/path/x.json", "trailing\\", "é/app.py", "src/ñame.ts", "naïve\\x",
        "./é", "e\u{301}/f", "a/\u{301}b", "line\r\n/x",
    ]

    @Test func baseIsTheLastComponentTheSplitGives() {
        for path in Self.paths {
            let trimmed = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
            let reference = trimmed.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? trimmed
            #expect(FileNames.base(path) == reference, "\(path)")
        }
        #expect(FileNames.base("./src/app.py") == "app.py")
        #expect(FileNames.stem("src/app.py") == "app")
    }

    static let texts = [
        "", "set up your environment", "to configure the resource, see", "Create a new file", "nothing here",
        "retrieve the key", "é setup é", "définir la variable", "export it", "set", "set ", "s", "environment variable",
        "ｓｅｔ ｕｐ", "the setup guide", "get starte", "get started",
    ]

    @Test func holdsAnyIsContainsOfAnyWord() {
        for words in [ProseReader.setUpWords, ProseReader.createWords, ProseReader.variableWords, []] {
            for text in Self.texts {
                #expect(WordSearch.holdsAny(text, words) == words.contains { text.contains($0) }, "\(text) \(words)")
            }
        }
    }

    @Test func variableNamesAsTheCharacterTest() {
        for text in ["", "A", "_", "AZURE_OPENAI_ENDPOINT", "azure_key", "9LIVES", "_9", "A-B", "A B", "KEY\r\n", "ÉCOLE",
                     "NAÏVE_KEY", "KEY\u{301}", "a1_b2", "$KEY", "KEY=1", "ｋｅｙ", "K\u{212A}"] {
            let reference = text.first.map { $0.isLetter || $0 == "_" } == true
                && text.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "_" }
            #expect(VariableSettings.isVariableName(text) == reference, "\(text)")
        }
    }
}
