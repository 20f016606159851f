import Foundation
import Testing
@testable import Core

/// Serializing with large strings spliced in gives the encoder's own bytes, compact and pretty.
@Suite struct JSONSpliceTests {
    static func encoderText(_ value: JSONValue, pretty: Bool) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static let big = Data((0..<9_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }).base64EncodedString()

    static let values: [JSONValue] = [
        .object(["a": .string("x/y"), "b": .int(1)]),
        .object(["data": .string(big), "format": .string("wav"), "n": .array([.double(0.5), .null, .bool(false), .string(big)])]),
        .object(["escaped": .string(String(repeating: "q\"\\\n\t", count: 2_000)), "plain": .string(big), "Z": .double(1e21)]),
        .object(["sentinel": .string("\u{E000}0\u{E001}"), "plain": .string(big)]),
        .array([.string(big)]),
        .string(big),
    ]

    @Test(arguments: values, [false, true])
    func splicedOutputIsTheEncodersOutput(value: JSONValue, pretty: Bool) throws {
        let expected = try Self.encoderText(value, pretty: pretty)
        #expect(value.serialized(pretty: pretty) == expected)
        #expect(value.serializedData(pretty: pretty) == Data(expected.utf8))
    }
}
