import Core
import Quickstart
@testable import Extraction

/// A sample as if fenced at line 10 of `doc.md`, indented by 4 (code starts at line 11, column 5).
func pythonSample(_ code: String, id: Int = 0) -> CodeSample {
    CodeSample(
        id: id, language: .python, infoString: "python", code: code,
        location: SourceLocation(file: "doc.md", line: 10, column: 5), codeStartLine: 11, codeStartColumn: 5)
}

func pythonTokens(_ code: String) -> [PythonToken] {
    PythonTokenizer(code).tokenize()
}

/// The first syntax error CPython-style parsing reports, nil when the code parses.
func pythonSyntaxError(_ code: String) -> PythonSyntaxError? {
    if case .failure(let e) = PythonParser.parseModule(code) { return e }
    return nil
}

func parsePython(_ code: String) throws -> [PythonStmt] {
    try PythonParser.parseModule(code).get()
}

func env(_ name: String, _ fallback: String? = nil) -> SymbolicValue {
    .placeholder(.environment(name: name, fallback: fallback))
}
