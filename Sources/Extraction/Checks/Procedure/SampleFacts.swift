import Core
import Quickstart

/// ``CodeFacts`` of the Python, JavaScript and TypeScript samples of a document, parsed once; a
/// sample whose code doesn't parse has no facts (its syntax finding is reported elsewhere).
struct SampleFacts {
    private(set) var facts: [Int: CodeFacts] = [:]

    /// Facts of `samples`, read from their parsed forms in `parsed` (parsed here when missing).
    init(samples: [CodeSample], parsed: ParsedSamples = ParsedSamples()) {
        for sample in samples {
            guard sample.language == .python || sample.language == .javascript || sample.language == .typescript else { continue }
            if let f = Self.read(sample, parsed: parsed.form(of: sample)) { facts[sample.id] = f }
        }
    }

    subscript(id: Int) -> CodeFacts? { facts[id] }

    static func read(_ sample: CodeSample) -> CodeFacts? {
        read(sample, parsed: ParsedSample(sample))
    }

    /// Facts of code that parses as written: a Python sample needing a repair, or JavaScript that
    /// parses only as TypeScript (`ts-in-js`), has none.
    static func read(_ sample: CodeSample, parsed: ParsedSample) -> CodeFacts? {
        switch sample.language {
        case .python:
            guard let statements = parsed.python?.cleanStatements else { return nil }
            return PythonNameScan.scan(statements)
        case .javascript, .typescript:
            guard let form = parsed.javascript, case .success(let tokens) = form.tokens,
                  case .success(let program) = form.program else { return nil }
            var facts = JSNameScan.scan(program)
            if form.typescript { facts.bound.formUnion(JSDeclaredTypeNames.names(in: tokens)) }
            return facts
        default:
            return nil
        }
    }
}
