import Core
import Quickstart
@testable import Extraction

/// Builders for small, hand-written samples: the fence sits at line 10 of `guide.md`, indented
/// four spaces, so code (line l, column c) maps to Markdown (9 + l, 4 + c).
enum ExtractorFixture {
    static let file = "guide.md"
    static let codeStartLine = 10
    static let codeStartColumn = 5

    static func sample(
        _ code: String, _ language: CodeLanguage = .javascript, id: Int = 1, fileName: String? = nil,
        stepText: String? = nil, line: Int = codeStartLine
    ) -> CodeSample {
        CodeSample(
            id: id, language: language, infoString: language.rawValue, code: code,
            location: SourceLocation(file: file, line: line - 1, column: codeStartColumn),
            codeStartLine: line, codeStartColumn: codeStartColumn, fileName: fileName, stepText: stepText)
    }

    static func markdown(_ codeLine: Int, _ codeColumn: Int, startLine: Int = codeStartLine) -> SourceLocation {
        SourceLocation(file: file, line: startLine + codeLine - 1, column: codeStartColumn + codeColumn - 1)
    }

    static func javascript(_ code: String, _ language: CodeLanguage = .javascript, fileName: String? = nil) -> SampleExtraction {
        JavaScriptFrontEnd().extract(sample(code, language, fileName: fileName), context: FrontEndContext())
    }

    static func rest(_ code: String, _ language: CodeLanguage = .shell, next: CodeSample? = nil) -> SampleExtraction {
        RESTFrontEnd().extract(sample(code, language), context: FrontEndContext(next: next))
    }

    /// A document with one pivot, one section, one untabbed variant, one step per sample.
    static func document(_ samples: [CodeSample], pivot: String? = "programming-language-javascript") -> QuickstartDocument {
        let steps = samples.map { Step(text: $0.stepText ?? "", location: $0.location, samples: [$0]) }
        let tab = TabVariant(id: nil, label: nil, group: nil, location: nil, steps: steps)
        let section = Section(title: "Set up", location: SourceLocation(file: file, line: 1), tabs: [tab])
        return QuickstartDocument(file: file, title: "Guide", frontMatter: [:], pivots: [Pivot(id: pivot, sections: [section])], findings: [])
    }
}

/// One step of ``ExtractorFixture/dig(_:_:)``: an object key or an array index.
enum ExtractorPathKey: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case key(String)
    case index(Int)

    init(stringLiteral value: String) { self = .key(value) }
    init(integerLiteral value: Int) { self = .index(value) }
}

extension ExtractorFixture {
    /// The value at `path` inside `value`: `dig(body, "messages", 0, "content")`.
    static func dig(_ value: SymbolicValue?, _ path: ExtractorPathKey...) -> SymbolicValue? {
        var current = value
        for step in path {
            switch (step, current) {
            case (.key(let k), .object(let members)?): current = members[k]
            case (.index(let i), .array(let items)?) where items.indices.contains(i): current = items[i]
            default: return nil
            }
        }
        return current
    }
}
