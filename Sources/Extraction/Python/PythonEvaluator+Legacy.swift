import Core

/// Calls of the `openai` 0.28 module API, configured by the module globals
/// (`openai.api_type`, `api_base`, `api_version`, `api_key`) or the same names as arguments.
extension PythonEvaluator {
    mutating func legacyCall(_ op: LegacyOpenAI.Operation, _ args: Arguments, _ e: PythonExpr) -> PythonValue {
        callsAPI = true
        func setting(_ name: String, env: String) -> SymbolicValue {
            if let v = args.keyword(name) ?? legacyOpenAI[name] { return snapshot(v) }
            return .placeholder(.environment(name: env, fallback: nil))
        }
        let apiType = (args.keyword("api_type") ?? legacyOpenAI["api_type"])?.stringValue?.lowercased()
        // Azure pages set `api_type`; a page that only sets `api_version` relies on the environment's.
        let isAzure = apiType == "azure" || apiType == "azure_ad"
            || (apiType == nil && (args.keyword("api_version") ?? legacyOpenAI["api_version"]) != nil)
        let key = setting("api_key", env: "OPENAI_API_KEY")
        let base = BaseURL(setting("api_base", env: "OPENAI_API_BASE"))
        var deployment = (args.keyword("deployment_id") ?? args.keyword("engine")).map { snapshot($0) }
        var body: [String: SymbolicValue] = [:]
        var parts: [MultipartPart] = []
        for (name, value) in args.keywords where !LegacyOpenAI.settingArguments.contains(name) {
            if op.multipart {
                parts += multipartParts(name, value, at: e)
            } else {
                body[name] = snapshot(value)
            }
        }
        if op.multipart, deployment == nil { deployment = body["model"] ?? parts.first { $0.name == "model" }?.value }
        var headers: [String: SymbolicValue] = [:]
        if !op.multipart { headers["content-type"] = .string("application/json") }
        var query: [String: SymbolicValue] = [:]
        let path: String
        let auth: AuthKind
        if isAzure {
            path = base.openAIPrefix + (op.deploymentScoped ? "/deployments/{deployment}" : "") + op.path
            query["api-version"] = setting("api_version", env: "OPENAI_API_VERSION")
            if apiType == "azure_ad" {
                headers["authorization"] = .template([.literal("Bearer ")] + key.templateParts(fallback: "api_key"))
                auth = .bearer
            } else {
                headers["api-key"] = key
                auth = .apiKey
            }
        } else {
            path = base.prefix + op.openAIPath
            headers["authorization"] = .template([.literal("Bearer ")] + key.templateParts(fallback: "api_key"))
            auth = .bearer
            deployment = nil
        }
        var request = ExtractedRequest(
            location: location(e.line, e.column), client: .pythonOpenAILegacy, endpoint: base.endpoint, path: path,
            deployment: op.deploymentScoped && isAzure ? deployment : nil, query: query, headers: headers, auth: auth,
            body: op.multipart ? nil : .object(body))
        if op.multipart { request.multipart = parts }
        requests.append(request)
        return .response(call: requests.count - 1, path: [], needsJSON: false)
    }
}
