import Core
import Foundation
import Requests

/// Generated images the mock serves at `/mock-images/{id}.png` for a follow-up download (as the
/// service's answer `url` points at storage the client then GETs). Bounded, least recently used out.
actor ImageStore {
    private var images: BoundedStore<[UInt8]>
    private var issued: UInt64 = 0

    init(capacity: Int = 64) { images = BoundedStore(capacity: capacity) }

    func add(_ png: [UInt8], seed: UInt64) -> String {
        issued += 1
        let id = "img-" + (seed ^ issued &* 0x9e37_79b9_7f4a_7c15).paddedHex
        images.set(id, png)
        return id
    }

    func image(_ id: String) -> [UInt8]? { images.get(id) }

    var count: Int { images.count }
}

/// Images generations: `n` real PNGs of the requested `size`, as URLs on the mock or base64.
enum ImagesAnswer {
    /// The path prefix of downloads; not under `/openai`, like the storage URLs the service returns.
    static let downloadPrefix = "/mock-images/"

    static func answer(
        _ members: [String: JSONValue], model: String, now: Int, baseURL: String, store: ImageStore
    ) async throws(MockError) -> MockAnswer {
        let read = MemberReader(members: members)
        guard let prompt = try read.string("prompt", required: true), !prompt.isEmpty else {
            throw .invalidRequest(param: "prompt", "'prompt' must not be empty.")
        }
        let n = try read.int("n", in: 1...10) ?? 1
        let size = try read.oneOf("size", ImageGenerationRequest.sizes) ?? "1024x1024"
        let isGPTImage = model.contains("gpt-image")
        // gpt-image models always answer base64 and take no response_format.
        let format = try read.oneOf("response_format", ImageGenerationRequest.responseFormats) ?? (isGPTImage ? "b64_json" : "url")
        let (width, height) = dimensions(size)
        var data: [JSONValue] = []
        for index in 0..<n {
            let seed = FNV1a64.hash("\(prompt)\u{0}\(size)\u{0}\(index)")
            let png = PNGEncoding.bands(width: width, height: height, seed: seed)
            var item: [String: JSONValue] = [:]
            if format == "b64_json" {
                item["b64_json"] = .string(Data(png).base64EncodedString())
            } else {
                let id = await store.add(png, seed: seed)
                item["url"] = .string(baseURL + downloadPrefix + id + ".png")
            }
            if !isGPTImage { item["revised_prompt"] = .string("A banded colour test image standing for: \(prompt)") }
            data.append(.object(item))
        }
        return .json(.object(["created": .int(now), "data": .array(data)]))
    }

    static func dimensions(_ size: String) -> (Int, Int) {
        let parts = size.split(separator: "x").compactMap { Int($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : (1_024, 1_024)
    }
}
