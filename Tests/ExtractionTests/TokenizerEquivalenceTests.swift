import Foundation
import Testing
import TestSupport
@testable import Extraction

/// The byte-level tokenizers (issue 12) must give exactly the tokens, positions and errors of the
/// scalar-by-scalar tokenizers they replaced, kept as frozen reference copies beside this file.
///
/// Inputs: every fenced block of the repo's docs and of the shared corpus (when present), whatever
/// its language — a shell block read as Python stops with an error somewhere, which checks errors
/// too — plus our own edge cases (non-ASCII identifiers, emoji, CRLF, tabs, escapes), and each
/// input cut in half and with CRLF line ends.
@Suite("Tokenizers match their reference copies")
struct TokenizerEquivalenceTests {
    @Test("Python tokens, positions, string pieces and errors are unchanged")
    func python() {
        var compared = 0
        for input in TokenizerInputs.all {
            for mode in [false, true] {
                let fast = PythonTokenizer(input, line: 3, column: 5, expressionMode: mode)
                let reference = ReferencePythonTokenizer(input, line: 3, column: 5, expressionMode: mode)
                let tokens = fast.tokenize()
                let expected = reference.tokenize()
                #expect(tokens == expected, "input: \(input.debugDescription.prefix(200))")
                compared += 1
                guard tokens == expected else { continue }
                // The parser slices expression text by token offsets.
                for (a, b) in zip(tokens, tokens.dropFirst(2)) where a.start <= b.end {
                    #expect(fast.text(a.start, b.end) == reference.text(a.start, b.end))
                }
                #expect(fast.text(-3, 1_000_000) == reference.text(-3, 1_000_000))
                #expect(fast.position(input.unicodeScalars.count) == reference.position(input.unicodeScalars.count))
            }
        }
        #expect(compared >= 2 * TokenizerInputs.ownCases.count)
    }

    @Test("JavaScript / TypeScript tokens, positions and errors are unchanged")
    func javaScript() {
        for input in TokenizerInputs.all {
            let fast = Result { () throws(JSSyntaxError) in try JSTokenizer.tokenize(input) }
            let reference = Result { () throws(JSSyntaxError) in try ReferenceJSTokenizer.tokenize(input) }
            #expect(fast == reference, "input: \(input.debugDescription.prefix(200))")
        }
    }

    @Test("the corpus fences are part of the comparison when the corpus is present")
    func corpusIsRead() {
        guard SharedCorpus.directory != nil else { return }
        #expect(TokenizerInputs.fences.count > 100)
    }
}

/// What the equivalence tests tokenize.
enum TokenizerInputs {
    /// Edge cases of our own: positions count Unicode scalars, so non-ASCII text matters most.
    static let ownCases: [String] = [
        "café = 1\nnaïve_ß = café + 2\nprint(naïve_ß)\n",
        "s = \"🙂 emoji 👩‍👩‍👧 family\"\nx = 1  # 🙂 comment\ny = '日本語' + s\n",
        "名前 = \"値\"\nprint(名前, f\"{名前!r:>10} 🙂 {x=}\")\n",
        "const café = \"🙂\"; let ñ = `a ${café} 👩‍👩‍👧 ${ {a: 1}.a } z`; // 🙂\n",
        "const re = /[a-z]+\\/é/gi; x = a / b / c; y = (1) / 2;\n",
        "x = 0x1F + 0o17 + 0b101 + 1_000.5e-3 + 3j + .5\n",
        "let n = 0xFF + 1e10 + 1_000n + .25;\n",
        "s = r'\\d+' + b'\\x41' + u'\\u00e9\\U0001F642' + '\\101\\N{BULLET}' + 'a\\\nb' + '\\q'\n",
        "f = f'{a!r} {b:{w}.{p}} {{lit}} {c[\"k\"]} {d = }'\nf2 = f\"{'x' if y else \"z\"}\"\n",
        "t = '''multi\nline 🙂\n''' + \"\"\"x\"\"\"\n",
        "if a:\r\n    b = 1\r\n\tc = 2\r\n",
        "def f(x):\n\tif x:\n\t\treturn x\n  return 0\n",
        "x = (1, [2, {3: 4}]\n",
        "x = (1]\n",
        "x = 1)\n",
        "x = 'unterminated\ny = 2\n",
        "x = '''never closed\n",
        "x = 1 $ 2\n",
        "x = a ! b\n",
        "x = \\ 1\n",
        "x = f'{}'\n",
        "x = f'}'\n",
        "x = f'{a'\n",
        "\u{FEFF}import os\nprint(os.environ[\"A\"])\n",
        "x = a\u{00A0}+ b\u{2003}+ c\n",
        "const s = 'a\\x41\\u{1F642}\\u00e9\\0\\\nb'; const t = \"unterminated\n",
        "const t = `never closed ${a\n",
        "/* unterminated comment\n",
        "#!/usr/bin/env node\nclass A { #p = 1; get() { return this.#p } }\n",
        "a?.b ?? c ?.5 : d; x >>>= 1; y **= 2; z ||= w &&= v;\n",
        "let x = 1a;\n",
        "let x = `a\\`b ${`nested ${deep}`} c`;\n",
        "x = 1 @ 2 → 3\n",
        "",
        "\n\n",
        "   \n# only a comment",
    ]

    /// Fenced blocks of the repo docs and of the shared corpus (absent corpus: docs only).
    static let fences: [String] = {
        var roots: [URL] = []
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        roots.append(packageRoot.appendingPathComponent("docs"))
        if let corpus = SharedCorpus.directory { roots.append(corpus) }
        var out: [String] = []
        for root in roots {
            guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { continue }
            let files = walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "md" }.sorted { $0.path < $1.path }
            for file in files {
                guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
                out.append(contentsOf: fencedBlocks(text))
            }
        }
        return out
    }()

    static let all: [String] = {
        var inputs = ownCases + fences
        for base in ownCases + fences {
            let scalars = Array(base.unicodeScalars)
            var half = String.UnicodeScalarView()
            half.append(contentsOf: scalars.prefix(scalars.count / 2))
            inputs.append(String(half))
            inputs.append(base.replacingOccurrences(of: "\n", with: "\r\n"))
        }
        return inputs
    }()

    /// The bodies of ``` / ~~~ fences, indentation of the opening fence removed.
    static func fencedBlocks(_ text: String) -> [String] {
        var blocks: [String] = []
        var current: [Substring]?
        var indent = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            let isFence = trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~")
            if var body = current {
                if isFence {
                    blocks.append(body.joined(separator: "\n") + "\n")
                    current = nil
                } else {
                    body.append(line.dropFirst(min(indent, line.count - trimmed.count)))
                    current = body
                }
            } else if isFence {
                indent = line.count - trimmed.count
                current = []
            }
        }
        return blocks
    }
}
