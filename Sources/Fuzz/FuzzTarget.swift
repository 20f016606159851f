import Core
import DocFX
import Extraction
import Foundation
import Quickstart

/// One thing to fuzz: how an input becomes a run of docverify's readers.
struct FuzzTarget: Sendable {
    var name: String
    /// Tokens the mutator splices in: the constructs whose nesting and breakage hurt parsers.
    var dictionary: [String]
    /// Runs the readers on one input. Returning normally is a pass; a crash ends the process.
    var run: @Sendable (String, ArticleFile) -> Void

    /// Every target `make fuzz` runs.
    static let all: [FuzzTarget] = [markdown, python, javascript, typescript, shell, json]

    /// Markdown + the DocFX layer + the quickstart model + every front-end, as `check` runs them.
    static let markdown = FuzzTarget(
        name: "markdown",
        dictionary: ["\n::: zone pivot=\"programming-language-python\"\n", "\n::: zone-end\n", "[!INCLUDE [x](inc.md)]", "\n# [Tab](#tab/a)\n",
                     "\n---\n", "\n```python\n", "\n```\n", "> ", "- ", "1. ", "*", "_", "[", "](", ":::code language=\"python\" source=\"x.py\":::",
                     "> [!NOTE]\n", "| a | b |\n|---|---|\n", "<!-- ", " -->", "\n---\ntitle: t\n---\n", "    "],
        run: { input, file in file.check(markdown: input) })

    static let python = fence("python", ["(", ")", "[", "]", "{", "}", "f\"{", "}\"", "lambda: ", " if a else ", "**", "not ", "'''", "\"\"\"",
                                         "\\\n", "\n    ", "client.chat.completions.create(", "open('a.wav', 'rb')", "os.environ['X']", "1e999", ":=", "*", "@"])
    static let javascript = fence("javascript", ["(", ")", "[", "]", "{", "}", "`${", "}`", "=> ", "? a : ", "...", "/re/g", "await ", "a[1e300]",
                                                 "process.env.X", "new AzureOpenAI({", "client.chat.completions.create({", "//", "/*", "*/", "\n"])
    static let typescript = fence("typescript", ["<", ">", ": string", " as any", "interface A {", "}", "Array<", "(", ")", "`${", "=> ", "!", "?."])
    static let shell = fence("bash", ["curl -X POST ", "\"", "'", "\\\n", "$(", ")", "${", "}", "-H \"api-key: $K\" ", "-d '{\"a\": [", "]}'",
                                      "-F file=@a.wav ", "| ", "&& ", "`", "$env:X", "<<EOF\n"])
    static let json = fence("json", ["{", "}", "[", "]", "\"a\": ", ",", "//", "/*", "*/", "1e999", "-", "\"\\u", "null", "true"])

    /// Code of `language` read by that language's front-end alone, as the sample of a fence: the
    /// Markdown around it is the `markdown` target's business, and building a page per input
    /// (a file written, cmark, DocFX) costs far more than reading the code.
    static func fence(_ language: String, _ dictionary: [String]) -> FuzzTarget {
        let codeLanguage = CodeLanguage(infoString: language)
        return FuzzTarget(name: language == "bash" ? "shell" : language, dictionary: dictionary) { input, _ in
            let sample = CodeSample(
                id: 0, language: codeLanguage, infoString: language, code: input,
                location: SourceLocation(file: "article.md", line: 5, column: 4), codeStartLine: 6, codeStartColumn: 4)
            _ = extractor.extract(sample: sample)
        }
    }

    private static let extractor = Extractor()
}

/// The article file each input is written to (the DocFX loader reads from disk).
struct ArticleFile: Sendable {
    let directory: String
    var path: String { directory + "/article.md" }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("docverify-fuzz-\(getpid())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try "Included text.\n".write(toFile: directory + "/inc.md", atomically: true, encoding: .utf8)
        try "print('x')\n".write(toFile: directory + "/x.py", atomically: true, encoding: .utf8)
    }

    func check(markdown: String) {
        FileManager.default.createFile(atPath: path, contents: Data(markdown.utf8))
        guard let document = try? QuickstartLoader.load(path: path, root: directory, pivotGroupsFile: nil) else { return }
        _ = Extractor().extract(document)
    }
}
