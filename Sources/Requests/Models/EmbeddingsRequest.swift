/// The body of `POST …/embeddings` (operation `embeddings_create`, schema `AzureCreateEmbeddingRequest`).
public struct EmbeddingsRequest: Hashable, Sendable, Codable {
    /// Text (or token ids) to embed: a string, an array of strings, an array of token ids, or an
    /// array of token-id arrays.
    public enum Input: Hashable, Sendable, Codable {
        case text(String)
        case texts([String])
        case tokens([Int])
        case tokenArrays([[Int]])

        public init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let s = try? c.decode(String.self) { self = .text(s) }
            else if let a = try? c.decode([String].self) { self = .texts(a) }
            else if let t = try? c.decode([Int].self) { self = .tokens(t) }
            else { self = .tokenArrays(try c.decode([[Int]].self)) }
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .text(let s): try c.encode(s)
            case .texts(let a): try c.encode(a)
            case .tokens(let t): try c.encode(t)
            case .tokenArrays(let t): try c.encode(t)
            }
        }
    }

    public var input: Input
    public var model: String?
    public var dimensions: Int?
    /// `float` or `base64`.
    public var encodingFormat: String?
    public var user: String?
    /// Azure-specific: the kind of input for models that embed queries and documents differently.
    public var inputType: String?

    public init(input: Input, model: String? = nil, dimensions: Int? = nil, encodingFormat: String? = nil, user: String? = nil, inputType: String? = nil) {
        self.input = input
        self.model = model
        self.dimensions = dimensions
        self.encodingFormat = encodingFormat
        self.user = user
        self.inputType = inputType
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case input, model, dimensions, user
        case encodingFormat = "encoding_format"
        case inputType = "input_type"
    }

    /// `encoding_format` values the spec accepts.
    public static let encodingFormats = ["float", "base64"]
}
