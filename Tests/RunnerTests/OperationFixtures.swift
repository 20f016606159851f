import Core
import Extraction
import Quickstart

/// Hand-built documents for the operations beyond chat: each sample in its own section of one
/// pivot, so a later section can read what an earlier one saved.
enum OperationFixtures {
    static let file = "operations.md"
    static let endpoint = SymbolicValue.placeholder(.environment(name: "AZURE_OPENAI_ENDPOINT", fallback: nil))
    static let key = SymbolicValue.placeholder(.environment(name: "AZURE_OPENAI_API_KEY", fallback: nil))

    static func at(_ line: Int) -> SourceLocation { SourceLocation(file: file, line: line) }

    /// A REST-style call with an API key header and an api-version.
    static func call(
        _ method: String, _ path: String, line: Int, body: SymbolicValue? = nil, deployment: String? = nil,
        version: String = "2024-05-01-preview", endpoint: SymbolicValue = OperationFixtures.endpoint
    ) -> ExtractedRequest {
        var request = ExtractedRequest(
            location: at(line), client: .curl, method: method, endpoint: endpoint, path: path,
            deployment: deployment.map(SymbolicValue.string), query: ["api-version": .string(version)],
            headers: ["api-key": key], auth: .apiKey, body: body)
        if body != nil { request.headers["content-type"] = .string("application/json") }
        return request
    }

    /// One sample per entry, each in a section of its own ("Step 1", "Step 2", …), all in one pivot.
    static func document(_ samples: [SampleExtraction]) -> DocumentExtraction {
        var sections: [Section] = []
        var extractions: [Int: SampleExtraction] = [:]
        for (i, var extraction) in samples.enumerated() {
            let line = 10 + i * 100
            let sample = CodeSample(id: i, language: .shell, infoString: "bash", code: "# code\n",
                                    location: at(line), codeStartLine: line + 1, codeStartColumn: 1, fileName: nil)
            sections.append(Section(title: "Step \(i + 1)", location: at(line - 2), tabs: [
                TabVariant(id: nil, label: nil, group: nil, location: nil,
                           steps: [Step(text: "Run it", location: sample.location, samples: [sample])]),
            ]))
            extraction.sampleID = i
            extraction.callsAPI = true
            extractions[i] = extraction
        }
        let doc = QuickstartDocument(file: file, title: "Operations", frontMatter: [:],
                                     pivots: [Pivot(id: "rest-api", sections: sections)], findings: [])
        return DocumentExtraction(document: doc, samples: extractions, findings: [])
    }
}
