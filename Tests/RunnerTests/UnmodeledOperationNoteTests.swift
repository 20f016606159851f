import Core
import Extraction
import Requests
import Testing

/// A reference page shows each operation more than once (its signature, its examples): the note
/// that docverify doesn't model an operation is given at its first call only, while a warning
/// about a wrong path stays at every call.
@Suite struct UnmodeledOperationNoteTests {
    typealias F = OperationFixtures

    @Test func oneNotePerUnmodeledOperationPerDocument() {
        let list = F.call("GET", "/openai/batches", line: 20)
        let again = F.call("GET", "/openai/batches", line: 120)
        let other = F.call("GET", "/openai/vector_stores", line: 220)
        let extraction = F.document([
            SampleExtraction(sampleID: 0, requests: [list]), SampleExtraction(sampleID: 1, requests: [again]),
            SampleExtraction(sampleID: 2, requests: [other]),
        ])
        let notes = RequestBuilder().build(extraction).findings.filter { $0.rule == "request-unknown-operation" }
        #expect(notes.count == 2)
        #expect(notes.allSatisfy { $0.severity == .note })
        // Wrong paths are warned about at every call.
        let wrong = F.document([
            SampleExtraction(sampleID: 0, requests: [F.call("POST", "/openai/deployments/{deployment}/chat/complete", line: 20, body: .object([:]))]),
            SampleExtraction(sampleID: 1, requests: [F.call("POST", "/openai/deployments/{deployment}/chat/complete", line: 120, body: .object([:]))]),
        ])
        #expect(RequestBuilder().build(wrong).findings.filter { $0.rule == "request-unknown-operation" }.count == 2)
    }
}
