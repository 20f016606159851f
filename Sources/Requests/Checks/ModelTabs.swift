/// Tab groups whose tabs are named after models (`#tab/gpt-image-1`, `#tab/dall-e-3`): each tab
/// shows the request for its own model, whose parameters and values differ by design (DALL-E 3's
/// `quality: "hd"` is refused by gpt-image-1, which takes `"medium"`), so their bodies are not
/// expected to agree. One table of model names, written without `-`, `.` and `_`.
enum ModelTabs {
    /// Model (and common deployment) names, normalized; a tab id names one when its normalized
    /// form equals it.
    static let models: Set<String> = [
        "gptimage1", "gptimage1mini", "dalle3", "dalle2", "dalle",
        "whisper", "gpt4otranscribe", "gpt4ominitranscribe", "tts", "ttshd", "gpt4ominitts",
        "sora", "gpt4o", "gpt4omini", "gpt4", "gpt41", "gpt41mini", "gpt35turbo", "gpt5", "gpt5mini",
        "o1", "o1mini", "o3", "o3mini", "o4mini",
        "textembedding3small", "textembedding3large", "textembeddingada002",
        "gpt4oaudiopreview", "gpt4ominiaudiopreview", "gpt4orealtimepreview", "gpt4ominirealtimepreview",
    ]

    static func normalized(_ id: String) -> String {
        String(id.lowercased().unicodeScalars.filter { !["-", ".", "_", " "].contains($0) })
    }

    /// The model a tab id names, nil when it names none.
    static func model(ofTab id: String?) -> String? {
        guard let id else { return nil }
        let key = normalized(id)
        return models.contains(key) ? key : nil
    }

    /// True when `a` and `b` are tabs of one tab group, each named after another model.
    static func areDifferentModels(_ a: DocumentChecks.Alternative, _ b: DocumentChecks.Alternative) -> Bool {
        guard a.pivot == b.pivot, a.group != nil, a.group == b.group,
              let modelA = model(ofTab: a.tab), let modelB = model(ofTab: b.tab) else { return false }
        return modelA != modelB
    }
}
