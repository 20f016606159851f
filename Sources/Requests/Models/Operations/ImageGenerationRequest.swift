/// The body of `POST …/images/generations` (schema `imageGenerationsRequest`; DALL-E 3 and
/// gpt-image-1 deployments).
public struct ImageGenerationRequest: Hashable, Sendable, Codable {
    public var prompt: String
    public var model: String?
    public var n: Int?
    public var size: String?
    public var quality: String?
    /// `url` or `b64_json`.
    public var responseFormat: String?
    public var style: String?
    public var user: String?
    public var outputFormat: String?
    public var outputCompression: Int?
    public var background: String?
    public var moderation: String?

    public init(prompt: String, size: String? = nil, n: Int? = nil, responseFormat: String? = nil) {
        self.prompt = prompt
        self.size = size
        self.n = n
        self.responseFormat = responseFormat
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case prompt, model, n, size, quality, style, user, background, moderation
        case responseFormat = "response_format"
        case outputFormat = "output_format"
        case outputCompression = "output_compression"
    }

    /// Values the service accepts, across the DALL-E 3 and gpt-image-1 models (which value a
    /// given model takes is the model's business, not the schema's).
    public static let sizes = ["256x256", "512x512", "1024x1024", "1792x1024", "1024x1792", "1536x1024", "1024x1536", "auto"]
    public static let qualities = ["standard", "hd", "low", "medium", "high", "auto"]
    public static let responseFormats = ["url", "b64_json"]
    public static let styles = ["vivid", "natural"]
    public static let outputFormats = ["png", "jpeg", "webp"]
    public static let backgrounds = ["transparent", "opaque", "auto"]
}
