import Core
import Extraction
import Foundation
import Quickstart
import Testing
@testable import Golden
import Runner

@Suite struct GoldenModeTests {
    @Test func recordModeComesFromTheEnvironment() {
        #expect(RecordMode.fromEnvironment([:]) == .missing)
        #expect(RecordMode.fromEnvironment(["CI": "true"]) == .never)
        #expect(RecordMode.fromEnvironment(["CI": "true", "DOCVERIFY_RECORD": "all"]) == .all)
        #expect(RecordMode.fromEnvironment(["DOCVERIFY_RECORD": "FAILED"]) == .failed)
        #expect(RecordMode.fromEnvironment(["DOCVERIFY_RECORD": "sometimes"]) == nil)
    }

    @Test func aStreamedAnswerReplaysAsTheSameAssembledMessage() {
        let recorded = JSONValue.object(["stream": .object([
            "chunks": .int(5), "id": .string("<chatcmpl-1>"), "finish_reason": .string("stop"),
            "message": .object(["role": .string("assistant"), "content": .string("Hello there")]),
        ])])
        let bytes = StandInBytes.body(recorded, contentType: "text/event-stream")
        let again = BodyRecord.record(bytes, contentType: "text/event-stream")
        #expect(again["stream"]?["message"] == recorded["stream"]?["message"])
        #expect(again["stream"]?["finish_reason"] == .string("stop"))
    }

    @Test func anOutputOfThePrintedFieldIsComparedWithThatField() {
        let answer = JSONValue.object([
            "id": .string("chatcmpl-1"),
            "choices": .array([.object(["message": .object(["role": .string("assistant"), "content": .null,
                                                            "audio": .object(["id": .string("audio_1"), "transcript": .string("Hi")])])])]),
        ])
        let call = CallResult(location: SourceLocation(file: "a.md", line: 20), method: "POST", url: "u", status: 200, timings: nil, attempts: 1, response: answer)
        let block = CodeSample(id: 2, language: .json, infoString: "json", code: "", location: SourceLocation(file: "a.md", line: 30), codeStartLine: 31, codeStartColumn: 1)
        let checks = DocumentedOutputs(usingMock: true) { _ in nil }
        let reads = [ResponseRead(call: 0, path: "choices[0].message", location: SourceLocation(file: "a.md", line: 22))]
        let fine = JSONValue.object(["role": .string("assistant"), "audio": .object(["transcript": .string("Hello")])])
        #expect(checks.drift(fine, block: block, answer: .init(json: answer, call: call), reads: reads) == nil)
        let drifting = JSONValue.object(["role": .string("assistant"), "audio": .object(["transcript": .string("Hello"), "format": .string("wav")])])
        let finding = checks.drift(drifting, block: block, answer: .init(json: answer, call: call), reads: reads)
        #expect(finding?.rule == "output-drift")
        #expect(finding?.message.contains("choices[0].message.audio.format (missing from the answer)") == true)
        // Unrelated JSON (no key in common with the answer or a field it prints) says nothing.
        #expect(checks.drift(.object(["compilerOptions": .object([:])]), block: block, answer: .init(json: answer, call: call), reads: reads) == nil)
    }
}
