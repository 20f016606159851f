import Core
import Foundation
import Testing
@testable import Golden

@Suite("A request body is recorded from the value it was serialized from as from its bytes")
struct BodyRecordJSONTests {
    @Test func theValueAndTheBytesRecordAlike() {
        let audio = String(repeating: "UklGRiQAAABXQVZF", count: 2_000)
        let bodies: [JSONValue] = [
            .object(["model": .string("m"), "temperature": .double(1.0), "top_p": .double(0.95), "n": .int(2),
                     "big": .double(1e300), "small": .double(-2.5e-8), "whole": .double(-3)]),
            .object(["messages": .array([.object(["role": .string("user"), "content": .array([
                .object(["type": .string("input_audio"), "input_audio": .object(["data": .string(audio), "format": .string("wav")])]),
                .object(["type": .string("text"), "text": .string("quote \" backslash \\ é 😀 \u{1}")]),
            ])])]), "stop": .null, "stream": .bool(false)]),
            .array([.int(1), .double(2.0), .string("x")]),
        ]
        for body in bodies {
            let data = body.serializedData()
            for type in ["application/json", "application/json; charset=utf-8", nil] as [String?] {
                #expect(BodyRecord.record(json: body, byteCount: data.count, contentType: type) == BodyRecord.record(data, contentType: type))
            }
        }
    }

    @Test func bodiesNotReadAsJSONAreLeftToTheBytes() {
        let body = JSONValue.object(["a": .int(1)])
        #expect(BodyRecord.record(json: body, byteCount: body.serializedData().count, contentType: "text/plain") == nil)
        #expect(BodyRecord.record(json: body, byteCount: body.serializedData().count, contentType: "multipart/form-data; boundary=x") == nil)
        #expect(BodyRecord.record(json: body, byteCount: 0, contentType: "application/json") == nil)
    }
}
