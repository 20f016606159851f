/// Azure Resource Manager templates (and the resource objects pasted into one) are JSON that
/// ARM reads with `//` and `/* */` comments allowed, so a `json` fence holding one is judged as
/// JSON with comments. A template is recognized by what only ARM JSON carries: the
/// `schema.management.azure.com` template schema, or a resource's `"type": "Microsoft.…/…"`
/// beside its `"apiVersion"`.
enum ARMTemplateJSON {
    static func isTemplate(_ code: String) -> Bool {
        if code.contains("schema.management.azure.com/schemas/") { return true }
        guard code.contains("\"apiVersion\"") else { return false }
        return resourceType(in: code)
    }

    /// A `"type"` member whose string value names an ARM resource provider type
    /// (`Microsoft.CognitiveServices/accounts`); comments and spacing around the colon allowed.
    private static func resourceType(in code: String) -> Bool {
        var rest = code[...]
        while let key = rest.range(of: "\"type\"") {
            var after = rest[key.upperBound...].drop { $0 == " " || $0 == "\t" }
            if after.first == ":" {
                after = after.dropFirst().drop { $0 == " " || $0 == "\t" }
                if after.hasPrefix("\"Microsoft."), let slash = after.firstIndex(of: "/"),
                   let close = after.dropFirst().firstIndex(of: "\""), slash < close {
                    return true
                }
            }
            rest = rest[key.upperBound...]
        }
        return false
    }
}
