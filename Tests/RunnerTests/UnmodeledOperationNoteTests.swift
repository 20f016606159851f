import Core
import Extraction
import Requests
import Testing

/// A reference page shows each operation more than once (its signature, its examples): the note
/// that docverify doesn't model an operation is kept at its first call by the report
/// (``RepeatedNotes``), which counts the others, while a warning about a wrong path stays at every call.
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
        let notes = RepeatedNotes.collapse(RequestBuilder().build(extraction).findings).filter { $0.rule == "request-unknown-operation" }
        #expect(notes.count == 2)
        #expect(notes.allSatisfy { $0.severity == .note })
        #expect(notes.first?.location.line == 20)
        #expect(notes.first?.message.hasSuffix("(the same holds at 1 more place on this page: line 120)") == true)
        // Wrong paths are warned about at every call.
        let wrong = F.document([
            SampleExtraction(sampleID: 0, requests: [F.call("POST", "/openai/deployments/{deployment}/chat/complete", line: 20, body: .object([:]))]),
            SampleExtraction(sampleID: 1, requests: [F.call("POST", "/openai/deployments/{deployment}/chat/complete", line: 120, body: .object([:]))]),
        ])
        #expect(RepeatedNotes.collapse(RequestBuilder().build(wrong).findings).filter { $0.rule == "request-unknown-operation" }.count == 2)
    }
}
