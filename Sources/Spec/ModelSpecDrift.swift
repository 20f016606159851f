/// Where docverify's built-in model of the API and a spec differ: enumerations and chat request
/// fields, so a new api-version's changes show up as a list.
public struct ModelSpecDifference: Sendable, Hashable, Codable {
    /// `audio.voice`, `chat.fields`.
    public var name: String
    public var specVersion: String
    /// In the spec, not in docverify's model.
    public var onlyInSpec: [String]
    /// In docverify's model, not in the spec.
    public var onlyInModel: [String]
}

public enum ModelSpecDrift {
    /// Every difference, per spec; sites a spec does not have are skipped. `extra` adds other built-in
    /// lists to compare (the embedded mock's profile, which a later stage owns).
    public static func differences(_ specs: SpecSet, extra: [(site: SpecEnumSite, values: [String])] = []) -> [ModelSpecDifference] {
        var out: [ModelSpecDifference] = []
        for spec in specs.documents {
            for (site, model) in SpecEnumSites.builtInEnums + extra {
                guard let values = spec.enumValues(at: site) else { continue }
                out.append(difference(site.name, spec.version, spec: values, model: model))
            }
            if let fields = spec.topLevelFields(method: "POST", pathSuffix: SpecEnumSites.chat) {
                out.append(difference("chat.fields", spec.version, spec: fields, model: SpecEnumSites.builtInChatFields))
            }
        }
        return out.filter { !$0.onlyInSpec.isEmpty || !$0.onlyInModel.isEmpty }
    }

    static func difference(_ name: String, _ version: String, spec: [String], model: [String]) -> ModelSpecDifference {
        ModelSpecDifference(
            name: name, specVersion: version,
            onlyInSpec: spec.filter { !model.contains($0) }.sorted(),
            onlyInModel: model.filter { !spec.contains($0) }.sorted())
    }
}
