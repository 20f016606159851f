import Core

/// `audio`: how generated audio should sound and be encoded. Both fields are required when
/// `modalities` includes `audio`.
public struct AudioOutputOptions: Hashable, Sendable, Codable {
    public var voice: Voice
    public var format: AudioOutputFormat

    public init(voice: Voice, format: AudioOutputFormat) {
        self.voice = voice
        self.format = format
    }
}

/// `stop`: one sequence or up to four.
public enum StopSequences: Hashable, Sendable {
    case single(String)
    case multiple([String])
}

extension StopSequences: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let s = try? c.decode(String.self) { self = .single(s) } else { self = .multiple(try c.decode([String].self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .single(let s): try c.encode(s)
        case .multiple(let m): try c.encode(m)
        }
    }
}

/// `tools[]`: a function the model may call.
public struct ChatTool: Hashable, Sendable, Codable {
    /// Always `function` in this API version.
    public var type: String
    public var function: FunctionDefinition

    public init(type: String = "function", function: FunctionDefinition) {
        self.type = type
        self.function = function
    }
}

/// A function's name, description and JSON Schema parameters.
public struct FunctionDefinition: Hashable, Sendable, Codable {
    public var name: String
    public var description: String?
    /// A JSON Schema object, kept as JSON: its shape is the caller's.
    public var parameters: JSONValue?
    public var strict: Bool?

    public init(name: String, description: String? = nil, parameters: JSONValue? = nil, strict: Bool? = nil) {
        self.name = name
        self.description = description
        self.parameters = parameters
        self.strict = strict
    }
}

/// `tool_choice`: a mode string or a named function.
public enum ToolChoice: Hashable, Sendable {
    case none
    case auto
    case required
    case function(name: String)
}

extension ToolChoice: Codable {
    private enum Keys: String, CodingKey { case type, function }
    private struct Named: Codable { var name: String }

    public init(from decoder: any Decoder) throws {
        if let s = try? decoder.singleValueContainer().decode(String.self) {
            switch s {
            case "none": self = .none
            case "auto": self = .auto
            case "required": self = .required
            default:
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown tool_choice '\(s)'"))
            }
            return
        }
        let c = try decoder.container(keyedBy: Keys.self)
        self = .function(name: try c.decode(Named.self, forKey: .function).name)
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .none: var c = encoder.singleValueContainer(); try c.encode("none")
        case .auto: var c = encoder.singleValueContainer(); try c.encode("auto")
        case .required: var c = encoder.singleValueContainer(); try c.encode("required")
        case .function(let name):
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode("function", forKey: .type)
            try c.encode(Named(name: name), forKey: .function)
        }
    }
}

/// Deprecated `function_call` option: `none`, `auto` or `{"name": …}`.
public enum FunctionCallOption: Hashable, Sendable {
    case none
    case auto
    case function(name: String)
}

extension FunctionCallOption: Codable {
    private enum Keys: String, CodingKey { case name }

    public init(from decoder: any Decoder) throws {
        if let s = try? decoder.singleValueContainer().decode(String.self) {
            switch s {
            case "none": self = .none
            case "auto": self = .auto
            default:
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown function_call '\(s)'"))
            }
            return
        }
        self = .function(name: try decoder.container(keyedBy: Keys.self).decode(String.self, forKey: .name))
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .none: var c = encoder.singleValueContainer(); try c.encode("none")
        case .auto: var c = encoder.singleValueContainer(); try c.encode("auto")
        case .function(let name):
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(name, forKey: .name)
        }
    }
}

/// Deprecated `functions[]` entry.
public struct FunctionDeclaration: Hashable, Sendable, Codable {
    public var name: String
    public var description: String?
    public var parameters: JSONValue?

    public init(name: String, description: String? = nil, parameters: JSONValue? = nil) {
        self.name = name
        self.description = description
        self.parameters = parameters
    }
}

/// `response_format`.
public enum ResponseFormat: Hashable, Sendable {
    case text
    case jsonObject
    case jsonSchema(JSONSchemaFormat)
}

/// `response_format.json_schema`.
public struct JSONSchemaFormat: Hashable, Sendable, Codable {
    public var name: String
    public var description: String?
    public var schema: JSONValue
    public var strict: Bool?

    public init(name: String, description: String? = nil, schema: JSONValue, strict: Bool? = nil) {
        self.name = name
        self.description = description
        self.schema = schema
        self.strict = strict
    }
}

extension ResponseFormat: Codable {
    private enum Keys: String, CodingKey {
        case type
        case jsonSchema = "json_schema"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let type = try c.decode(String.self, forKey: .type)
        switch type {
        case "text": self = .text
        case "json_object": self = .jsonObject
        case "json_schema": self = .jsonSchema(try c.decode(JSONSchemaFormat.self, forKey: .jsonSchema))
        default: throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: "unknown response_format type '\(type)'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        switch self {
        case .text: try c.encode("text", forKey: .type)
        case .jsonObject: try c.encode("json_object", forKey: .type)
        case .jsonSchema(let s):
            try c.encode("json_schema", forKey: .type)
            try c.encode(s, forKey: .jsonSchema)
        }
    }
}

/// `prediction`: predicted output text (type `content`) that speeds up regeneration.
public struct PredictionContent: Hashable, Sendable, Codable {
    /// Always `content`.
    public var type: String
    /// A string or text parts.
    public var content: MessageContent

    public init(type: String = "content", content: MessageContent) {
        self.type = type
        self.content = content
    }
}

/// `stream_options`.
public struct StreamOptions: Hashable, Sendable, Codable {
    public var includeUsage: Bool?

    public init(includeUsage: Bool? = nil) { self.includeUsage = includeUsage }

    enum CodingKeys: String, CodingKey { case includeUsage = "include_usage" }
}

/// `user_security_context`: who the end user is, for Defender for Cloud.
public struct UserSecurityContext: Hashable, Sendable, Codable {
    public var applicationName: String?
    public var endUserID: String?
    public var endUserTenantID: String?
    public var sourceIP: String?

    public init(applicationName: String? = nil, endUserID: String? = nil, endUserTenantID: String? = nil, sourceIP: String? = nil) {
        self.applicationName = applicationName
        self.endUserID = endUserID
        self.endUserTenantID = endUserTenantID
        self.sourceIP = sourceIP
    }

    enum CodingKeys: String, CodingKey {
        case applicationName = "application_name"
        case endUserID = "end_user_id"
        case endUserTenantID = "end_user_tenant_id"
        case sourceIP = "source_ip"
    }
}

/// `data_sources[]`: an Azure "On Your Data" extension. Only `type` is modelled; each kind's
/// `parameters` schema is large and not relevant to audio quickstarts, so it stays JSON.
public struct DataSource: Hashable, Sendable, Codable {
    public var type: DataSourceType
    public var parameters: JSONValue?

    public init(type: DataSourceType, parameters: JSONValue? = nil) {
        self.type = type
        self.parameters = parameters
    }
}
