import Core
import Foundation
import Testing

@testable import MockServer

/// The in-place readings of a large body agree with the whole-copy readings they replace: the
/// request hash (seed of every answer, so goldens stay put) and the base64 audio summary.
@Suite struct LargeBodyDecodingTests {
    static func base64(_ count: Int, seed: UInt8 = 7) -> String {
        Data((0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ Int(seed)) }).base64EncodedString()
    }

    static let bodies: [JSONValue] = [
        .object(["model": .string("m"), "messages": .array([.object(["role": .string("user"), "content": .string("hi / there")])])]),
        .object(["a": .string(base64(6_000)), "b": .array([.string(base64(9_000, seed: 3)), .int(3), .double(0.25), .null, .bool(true)])]),
        // A long string that needs escaping stays in the serialized text; one beside it is hashed in place.
        .object(["quoted": .string(String(repeating: "say \"hi\"\n", count: 800)), "raw": .string(base64(5_000)), "z": .double(1e300)]),
        // Keys that sort differently by bytes and by case.
        .object(["B": .string(base64(4_500)), "a": .string(base64(4_500, seed: 1)), "_": .int(-1)]),
        // A body that already holds the sentinel character is hashed from its plain text.
        .object(["x": .string("\u{E000}0\u{E001}"), "y": .string(base64(5_000))]),
    ]

    @Test(arguments: bodies)
    func theHashIsTheHashOfTheSerializedText(body: JSONValue) {
        #expect(CanonicalBodyHash.hash(body) == FNV1a64.hash(body.serialized()))
    }

    static let base64Inputs: [String] = [
        base64(1), base64(2), base64(3), base64(4_096), base64(10_000), "",
        "QUJD", "QUI=", "QQ==", "QR==", "QUJ", "Q===", "QU=D", "QUJD\n", "QU JD", "QUJD-_", "@@@@", "====",
    ]

    @Test(arguments: base64Inputs)
    func theSummaryMatchesFoundationsDecoding(text: String) {
        let decoded = Data(base64Encoded: text)
        let summary = Base64Summary(text)
        #expect((summary == nil) == (decoded == nil), "accepted by one and not the other: \(text.prefix(40))")
        if let decoded, let summary {
            #expect(summary.byteCount == decoded.count)
            #expect(summary.prefix == [UInt8](decoded.prefix(Base64Summary.prefixLimit)))
        }
    }

    @Test func aLargeWAVIsMeasuredWithoutDecodingItWhole() throws {
        // A RIFF/WAVE header followed by 1 MB of samples.
        var wav = Data("RIFF".utf8)
        let dataBytes = 1_000_000
        func le32(_ v: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
        func le16(_ v: Int) -> [UInt8] { (0..<2).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
        wav += le32(36 + dataBytes) + Array("WAVEfmt ".utf8) + le32(16) + le16(1) + le16(1) + le32(24_000) + le32(48_000) + le16(2) + le16(16)
        wav += Array("data".utf8) + le32(dataBytes) + [UInt8](repeating: 0, count: dataBytes)
        let summary = try #require(Base64Summary(wav.base64EncodedString()))
        #expect(summary.byteCount == wav.count)
        #expect(summary.prefix.count == Base64Summary.prefixLimit)
        let info = try #require(WAVInfo(summary.prefix, totalCount: summary.byteCount))
        #expect(info.sampleRate == 24_000)
    }
}
