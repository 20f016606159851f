import Core
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import MockServer

@Suite("Images, embeddings and legacy completions")
struct ImagesEmbeddingsCompletionsTests {
    static let images = Fixture.deploymentPath("dall-e-3", "/images/generations", apiVersion: "2024-02-01")

    @Test("images: n URLs on the mock that download as PNGs of the requested size, with revised_prompt")
    func imageURLs() async throws {
        try await Fixture.app().test(.router) { client in
            let reply = try await Fixture.call(
                client, .post, Self.images, json: .object(["prompt": .string("A red panda"), "n": .int(2), "size": .string("1792x1024")]))
            #expect(reply.status == .ok)
            let data = try #require(reply.json?["data"]?.arrayValue)
            #expect(data.count == 2)
            #expect(data[0]["revised_prompt"]?.stringValue?.contains("A red panda") == true)
            let url = try #require(data[0]["url"]?.stringValue)
            #expect(url.contains(ImagesAnswer.downloadPrefix))
            let path = String(url[try #require(url.range(of: ImagesAnswer.downloadPrefix)).lowerBound...])
            // No key needed, like the service's storage URLs.
            let png = try await Fixture.call(client, .get, path, headers: [:])
            #expect(png.status == .ok && png.contentType == "image/png")
            let size = try #require(PNGEncoding.size(of: png.bytes))
            #expect(size.width == 1_792 && size.height == 1_024)
            let gone = try await Fixture.call(client, .get, ImagesAnswer.downloadPrefix + "img-0000.png", headers: [:])
            #expect(gone.status == .notFound)
        }
    }

    @Test("images: b64_json holds the PNG; bad size → 400 param size")
    func imageBase64() async throws {
        try await Fixture.app().test(.router) { client in
            let reply = try await Fixture.call(
                client, .post, Self.images,
                json: .object(["prompt": .string("A red panda"), "response_format": .string("b64_json"), "size": .string("256x256")]))
            let b64 = try #require(reply.json?["data"]?[0]?["b64_json"]?.stringValue)
            let png = try #require(Data(base64Encoded: b64))
            #expect(PNGEncoding.size(of: [UInt8](png))?.width == 256)
            let bad = try await Fixture.call(client, .post, Self.images, json: .object(["prompt": .string("x"), "size": .string("999x999")]))
            #expect(bad.status == .badRequest && bad.error?["param"]?.stringValue == "size")
        }
    }

    @Test("PNG chunks carry correct CRCs and the zlib stream its Adler-32")
    func pngStructure() throws {
        let png = PNGEncoding.bands(width: 300, height: 7, seed: 42)
        var offset = 8
        var types: [String] = []
        while offset < png.count {
            let length = png[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            let typed = Array(png[offset + 4..<offset + 8 + length])
            let crc = png[offset + 8 + length..<offset + 12 + length].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            #expect(CRC32.checksum(typed) == crc)
            types.append(String(decoding: typed.prefix(4), as: UTF8.self))
            offset += 12 + length
        }
        #expect(types == ["IHDR", "IDAT", "IEND"])
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        var adler = Adler32()
        adler.update(Array("Wikipedia".utf8))
        #expect(adler.value == 0x11E6_0398)
        var zeros = Adler32(), explicit = Adler32()
        zeros.update([7]); zeros.updateZeros(1_000)
        explicit.update([7] + [UInt8](repeating: 0, count: 1_000))
        #expect(zeros.value == explicit.value)
    }

    @Test("embeddings: deterministic unit vectors of the model's width or `dimensions`, base64 on request, usage")
    func embeddings() async throws {
        try await Fixture.app().test(.router) { client in
            let large = Fixture.deploymentPath("text-embedding-3-large", "/embeddings", apiVersion: "2024-10-21")
            let a = try await Fixture.call(client, .post, large, json: .object(["input": .array([.string("one two"), .string("three")])]))
            let data = try #require(a.json?["data"]?.arrayValue)
            #expect(data.count == 2)
            let vector = try #require(data[0]["embedding"]?.arrayValue).compactMap { v -> Double? in
                if case .double(let d) = v { return d }
                if case .int(let i) = v { return Double(i) }
                return nil
            }
            #expect(vector.count == 3_072)
            #expect(abs(vector.reduce(0) { $0 + $1 * $1 } - 1) < 1e-4)
            #expect(a.json?["usage"]?["total_tokens"] != nil)
            let again = try await Fixture.call(client, .post, large, json: .object(["input": .array([.string("one two"), .string("three")])]))
            #expect(again.bytes == a.bytes)
            let small = try await Fixture.call(client, .post, large, json: .object(["input": .string("x"), "dimensions": .int(8)]))
            #expect(small.json?["data"]?[0]?["embedding"]?.arrayValue?.count == 8)
            let b64 = try await Fixture.call(client, .post, large, json: .object(["input": .string("x"), "encoding_format": .string("base64")]))
            let text = try #require(b64.json?["data"]?[0]?["embedding"]?.stringValue)
            #expect(Data(base64Encoded: text)?.count == 3_072 * 4)
            let bad = try await Fixture.call(client, .post, large, json: .object(["input": .int(3)]))
            #expect(bad.status == .badRequest && bad.error?["param"]?.stringValue == "input")
        }
    }

    @Test("legacy completions: deterministic text, max_tokens → finish_reason length, stream as events")
    func completions() async throws {
        try await Fixture.app().test(.router) { client in
            let path = Fixture.deploymentPath("gpt-35-turbo-instruct", "/completions", apiVersion: "2023-05-15")
            let reply = try await Fixture.call(client, .post, path, json: .object(["prompt": .string("Tell me about red pandas")]))
            #expect(reply.json?["object"]?.stringValue == "text_completion")
            #expect(reply.json?["choices"]?[0]?["text"]?.stringValue?.contains("red pandas") == true)
            let cut = try await Fixture.call(client, .post, path, json: .object(["prompt": .string("Hi"), "max_tokens": .int(2)]))
            #expect(cut.json?["choices"]?[0]?["finish_reason"]?.stringValue == "length")
            let stream = try await Fixture.call(client, .post, path, json: .object(["prompt": .string("Hi"), "stream": .bool(true)]))
            #expect(stream.contentType == "text/event-stream")
            #expect(stream.text.hasPrefix("data: {") && stream.text.hasSuffix("data: [DONE]\n\n"))
        }
    }
}
