import Foundation
import Quickstart
@testable import Reporting
import Testing
import TestSupport
@testable import CLI

/// Issue 12, goal 2: `list` renders each article on the core that loaded it and only joins the
/// parts. Its output must stay byte for byte the one-piece report over the same documents.
@Suite struct ListedArticleTests {
    /// `list` as the command prints it, and the one-piece report of the same documents (the
    /// configuration's `rules` applied, as `list` applies them).
    func both(_ arguments: [String], format: String) throws -> (listed: String, reference: String, hasErrors: Bool) {
        let command = try #require(try DocverifyCommand.parseAsRoot(["list", "--format", format] + arguments) as? ListCommand)
        let (listed, hasErrors) = try command.render()
        let pipeline = try command.documents.pipeline
        let documents = pipeline.rules.apply(try pipeline.loadDocuments())
        let reference = format == "json" ? ListReport.json(documents) : ListReport.text(documents)
        return (listed, reference, hasErrors)
    }

    @Test(arguments: ["text", "json"])
    func sixteenArticlesWithASharedBrokenInclude(format: String) throws {
        let root = try ParallelPipelineTests.docset()
        let (listed, reference, hasErrors) = try both(["--root", root, root], format: format)
        #expect(listed == reference)
        #expect(listed.contains("folder7/article15.md"))
        // The include's unclosed fence is in the findings, after every article.
        #expect(listed.contains("shared.md"))
        _ = hasErrors
    }

    @Test(arguments: ["text", "json"])
    func noArticleAtAll(format: String) throws {
        // A folder whose only file is an include lists nothing; JSON still writes the empty arrays.
        let root = try ListCommandTests.docs(["only.md": "---\nms.topic: include\n---\n\nText.\n"])
        let (listed, reference, hasErrors) = try both([root], format: format)
        #expect(listed == reference)
        #expect(!hasErrors)
        if format == "json" {
            #expect(listed == "{\n  \"documents\" : [\n\n  ],\n  \"findings\" : [\n\n  ],\n  \"version\" : 1\n}\n")
        } else {
            #expect(listed.isEmpty)
        }
    }

    /// Titles, labels and code with what JSON escapes or keeps: quotes, backslashes, slashes, tabs,
    /// control characters, non-ASCII and emoji, plus an empty section and a missing include.
    @Test(arguments: ["text", "json"])
    func stringsJSONEscapes(format: String) throws {
        let article = """
            ---
            title: "Quotes \\" and / slashes — ünïcödé 🎧"
            ---

            # Odd

            ## Empty section

            ## Run it

            # [Tab "one" / ü](#tab/one)

            1. Create `app.py`:

                ```python
                print("tab\there \\\\ back \u{7} bell /path/ 🎧")
                ```

            # [Two](#tab/two)

            Run it:

            ```bash
            curl https://example.com/a/b
            ```

            ---

            [!INCLUDE [gone](includes/missing.md)]

            """
        let root = try ListCommandTests.docs(["odd.md": article, "plain.md": "# Plain\n\nNo code.\n"])
        let (listed, reference, hasErrors) = try both([root], format: format)
        #expect(listed == reference)
        #expect(hasErrors)
        if format == "json" {
            let parsed = try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [String: Any]
            #expect((parsed?["documents"] as? [Any])?.count == 2)
        }
    }

    @Test(arguments: ["text", "json"])
    func rulesFromTheConfigurationApply(format: String) throws {
        let root = try ListCommandTests.docs([
            "a.md": "# A\n\n[!INCLUDE [gone](includes/missing.md)]\n",
            ".docverify.yml": "rules:\n  include-missing: warning\n",
        ])
        let (listed, reference, hasErrors) = try both([root], format: format)
        #expect(listed == reference)
        #expect(!hasErrors)
        #expect(listed.contains("warning"))
    }

    @Test(arguments: ["text", "json"])
    func corpusArticlesListAsBefore(format: String) throws {
        guard let corpus = SharedCorpus.path("azure-openai"), let later = SharedCorpus.path("azure-openai-later") else { return }
        for folder in [corpus, later] {
            let (listed, reference, _) = try both([folder], format: format)
            #expect(listed == reference)
            #expect(listed.contains("audio-completions-quickstart.md"))
        }
    }

    @Test func reindentingKeepsEmptyLinesEmpty() {
        let data = Data("[\n  {\n    \"a\" : [\n\n    ]\n  }\n]".utf8)
        #expect(PrettyJSON.indented(data, by: 2, first: false) == "[\n    {\n      \"a\" : [\n\n      ]\n    }\n  ]")
        #expect(PrettyJSON.indented(data, by: 1, first: true) == " [\n   {\n     \"a\" : [\n\n     ]\n   }\n ]")
    }
}

/// The byte-level counts the text tree uses agree with the character-level ones they replace.
@Suite struct ListTextCountsTests {
    @Test(arguments: ["", "a", "a\n", "\n\n", "a\r\nb\nc", "\r\n", "\r\r\n\n", "x\n\u{301}y", "é\n🎧\n", "a\rb\n"])
    func lineBreaksMatchSplittingAtNewlineCharacters(code: String) {
        #expect(ListReport.lineBreaks(in: code) == code.split(separator: "\n", omittingEmptySubsequences: false).count - 1)
    }

    @Test func longTextsAreCountedInCharacters() {
        for text in [String(repeating: "a", count: 70), String(repeating: "a", count: 71), String(repeating: "é", count: 40),
                     String(repeating: "🎧", count: 70), String(repeating: "🎧", count: 71), String(repeating: "e\u{301}", count: 71)] {
            #expect(ListReport.longerThan70Characters(text) == (text.count > 70))
        }
    }
}

/// The direct JSON writer `list` uses lays out and escapes exactly as `JSONEncoder` does.
@Suite struct PrettyJSONWriterTests {
    func encoded<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func everyASCIIByteAndSomeUnicodeEscapeAlike() throws {
        var samples = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        samples += ["", "a/b\\c\"d", "é ü — 🎧 \u{2028}\u{2029} \u{FEFF}", "\r\n\t\u{7F}", "e\u{301}"]
        for sample in samples {
            var w = PrettyJSONWriter()
            w.string(sample)
            #expect(w.text == (try encoded(sample)), "\(Array(sample.unicodeScalars))")
        }
    }

    @Test func nestingAndEmptyContainersLayOutAlike() throws {
        struct Inner: Encodable { var a: [String]; var b: Int?; var c: [[Int]] }
        struct Outer: Encodable { var items: [Inner]; var none: [Inner]; var title: String? }
        let value = Outer(items: [Inner(a: [], b: nil, c: [[], [1, -2]]), Inner(a: ["x", "y"], b: 3, c: [])], none: [], title: nil)
        var w = PrettyJSONWriter()
        w.openObject()
        w.key("items"); w.openArray()
        for item in value.items {
            w.element(); w.openObject()
            w.key("a"); w.strings(item.a)
            if let b = item.b { w.key("b"); w.int(b) }
            w.key("c"); w.openArray()
            for row in item.c {
                w.element(); w.openArray()
                for number in row { w.element(); w.int(number) }
                w.closeArray()
            }
            w.closeArray()
            w.closeObject()
        }
        w.closeArray()
        w.key("none"); w.openArray(); w.closeArray()
        w.key("title"); w.string(value.title)
        w.closeObject()
        // Synthesized `Encodable` leaves a nil optional out; `title` is written as null here on purpose.
        let reference = try encoded(value).replacingOccurrences(of: "\n  ]\n}", with: "\n  ],\n  \"title\" : null\n}")
        #expect(w.text == reference)
    }

    @Test func documentsWriteAsTheEncoderWritesThem() throws {
        let root = try ParallelPipelineTests.docset()
        let command = try #require(try DocverifyCommand.parseAsRoot(["list", "--root", root, root]) as? ListCommand)
        let documents = try command.documents.pipeline.loadDocuments()
        #expect(documents.count == 16)
        for document in documents {
            #expect(ListJSONDocument.text(document) == ListReport.jsonDocument(document))
        }
        guard let corpus = SharedCorpus.path("azure-openai") else { return }
        let corpusCommand = try #require(try DocverifyCommand.parseAsRoot(["list", corpus]) as? ListCommand)
        for document in try corpusCommand.documents.pipeline.loadDocuments() {
            #expect(ListJSONDocument.text(document) == ListReport.jsonDocument(document))
        }
    }
}
