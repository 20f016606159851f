import Extraction

/// The image generations request schema as code.
struct ImagesSchema {
    var reader = SymbolicReader()

    static let fields: Set<String> = Set(ImageGenerationRequest.CodingKeys.allCases.map(\.rawValue))

    mutating func request(_ value: SymbolicValue) -> ImageGenerationRequest? {
        typealias R = ImageGenerationRequest
        guard let m = reader.object(value, "", allowed: Self.fields) else { return nil }
        let prompt = reader.required(m, "prompt", "").flatMap { reader.string($0, "prompt") }
        var r = R(prompt: prompt ?? "")
        r.model = reader.optional(m, "model", "", nullable: false).flatMap { reader.string($0, "model") }
        r.n = reader.optional(m, "n", "").flatMap { reader.int($0, "n", range: 1...10) }
        r.size = reader.optional(m, "size", "").flatMap { reader.oneOf($0, "size", allowed: R.sizes, what: "image size") }
        r.quality = reader.optional(m, "quality", "").flatMap { reader.oneOf($0, "quality", allowed: R.qualities, what: "image quality") }
        r.responseFormat = reader.optional(m, "response_format", "").flatMap {
            reader.oneOf($0, "response_format", allowed: R.responseFormats, what: "image response format")
        }
        r.style = reader.optional(m, "style", "").flatMap { reader.oneOf($0, "style", allowed: R.styles, what: "image style") }
        r.user = reader.optional(m, "user", "", nullable: false).flatMap { reader.string($0, "user") }
        r.outputFormat = reader.optional(m, "output_format", "").flatMap {
            reader.oneOf($0, "output_format", allowed: R.outputFormats, what: "image output format")
        }
        r.outputCompression = reader.optional(m, "output_compression", "").flatMap { reader.int($0, "output_compression", range: 0...100) }
        r.background = reader.optional(m, "background", "").flatMap { reader.oneOf($0, "background", allowed: R.backgrounds, what: "image background") }
        r.moderation = reader.optional(m, "moderation", "").flatMap { reader.string($0, "moderation") }
        return prompt == nil ? nil : r
    }
}
