import Core
import Quickstart

/// ``CodeFacts`` of the Python, JavaScript and TypeScript samples of a document, parsed once; a
/// sample whose code doesn't parse has no facts (its syntax finding is reported elsewhere).
struct SampleFacts {
    private(set) var facts: [Int: CodeFacts] = [:]

    init(samples: [CodeSample]) {
        for sample in samples {
            if let f = Self.read(sample) { facts[sample.id] = f }
        }
    }

    subscript(id: Int) -> CodeFacts? { facts[id] }

    static func read(_ sample: CodeSample) -> CodeFacts? {
        switch sample.language {
        case .python:
            guard case .success(let statements) = PythonParser.parseModule(sample.code) else { return nil }
            return PythonNameScan.scan(statements)
        case .javascript, .typescript:
            let typescript = JavaScriptFrontEnd.isTypeScript(sample)
            guard let tokens = try? JSTokenizer.tokenize(sample.code) else { return nil }
            var parser = JSParser(tokens: tokens, typescript: typescript)
            guard let program = try? parser.parseProgram() else { return nil }
            var facts = JSNameScan.scan(program)
            if typescript { facts.bound.formUnion(JSDeclaredTypeNames.names(in: tokens)) }
            return facts
        default:
            return nil
        }
    }
}
