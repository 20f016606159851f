import Quickstart

/// One sample's code as the parsers read it: tokens, syntax tree and syntax errors, computed once
/// per sample per run and handed to every reader of the code (the front-end, the procedure checks'
/// ``SampleFacts``, `js-module-mismatch`), which used to tokenize and parse it again each.
///
/// A value of what the code says, not of what any check concludes: each consumer still decides for
/// itself what a syntax error means to it.
struct ParsedSample: Sendable {
    /// A Python sample read as written (not dedented), with comma repairs: see
    /// ``PythonParser/parseModuleRecovering(_:maxRepairs:)``.
    struct Python: Sendable {
        var statements: [PythonStmt]?
        var errors: [PythonSyntaxError]

        /// The statements when the code parses as written, without any repair: what a reader runs.
        var cleanStatements: [PythonStmt]? { errors.isEmpty ? statements : nil }
    }

    /// A JavaScript or TypeScript sample: its tokens, then its program parsed in the dialect the
    /// page gives it (``JavaScriptFrontEnd/isTypeScript(_:)``).
    struct JavaScript: Sendable {
        var typescript: Bool
        var tokens: Result<[JSToken], JSSyntaxError>
        /// The tokenizer's error again when the code does not even tokenize.
        var program: Result<[JSStatement], JSSyntaxError>
    }

    /// The code this form was parsed from; a form is only reused for the same code.
    var code: String
    var python: Python?
    var javascript: JavaScript?

    /// Parses `sample` with the parser of its language; other languages get an empty form.
    init(_ sample: CodeSample) {
        code = sample.code
        switch sample.language {
        case .python:
            let parsed = PythonParser.parseModuleRecovering(sample.code)
            python = Python(statements: parsed.statements, errors: parsed.errors)
        case .javascript, .typescript:
            javascript = Self.readJavaScript(sample.code, typescript: JavaScriptFrontEnd.isTypeScript(sample))
        default:
            break
        }
    }

    static func readJavaScript(_ code: String, typescript: Bool) -> JavaScript {
        let tokens: [JSToken]
        do {
            tokens = try JSTokenizer.tokenize(code)
        } catch {
            return JavaScript(typescript: typescript, tokens: .failure(error), program: .failure(error))
        }
        var parser = JSParser(tokens: tokens, typescript: typescript)
        let program: Result<[JSStatement], JSSyntaxError>
        do {
            program = .success(try parser.parseProgram())
        } catch {
            program = .failure(error)
        }
        return JavaScript(typescript: typescript, tokens: .success(tokens), program: program)
    }

    /// Whether this form is the reading of `sample` as it is now (same code, same dialect).
    func matches(_ sample: CodeSample) -> Bool {
        guard code == sample.code else { return false }
        switch sample.language {
        case .python: return python != nil
        case .javascript, .typescript: return javascript?.typescript == JavaScriptFrontEnd.isTypeScript(sample)
        default: return true
        }
    }
}

/// The parsed forms of one document's samples, by sample id. Lives for one extraction of one
/// document: never shared across documents or runs, so two copies of a file are both fully read.
struct ParsedSamples: Sendable {
    private var forms: [Int: ParsedSample] = [:]

    init() {}

    /// The form of `sample`, parsed now and kept when it is not known yet.
    mutating func form(storing sample: CodeSample) -> ParsedSample {
        if let known = forms[sample.id], known.matches(sample) { return known }
        let form = ParsedSample(sample)
        forms[sample.id] = form
        return form
    }

    /// The form of `sample`: the kept one, or one parsed now (and not kept) for a sample no
    /// front-end read.
    func form(of sample: CodeSample) -> ParsedSample {
        if let known = forms[sample.id], known.matches(sample) { return known }
        return ParsedSample(sample)
    }
}
