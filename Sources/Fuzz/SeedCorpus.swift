import Foundation

/// The seeds of a target: whole Markdown files for `markdown`, else the fenced code of that
/// language found in them (our own docs and test fixtures by default).
enum SeedCorpus {
    static let fenceLanguages: [String: Set<String>] = [
        "python": ["python", "py"],
        "javascript": ["javascript", "js"],
        // TypeScript grows from JavaScript too: our fixtures hold few TypeScript fences.
        "typescript": ["typescript", "ts", "javascript", "js"],
        "shell": ["bash", "sh", "shell", "console", "azurecli"],
        "json": ["json", "jsonc"],
    ]

    static func seeds(for target: String, in directories: [String]) -> [String] {
        var files: [String] = []
        for directory in directories {
            guard let enumerator = FileManager.default.enumerator(atPath: directory) else { continue }
            while let relative = enumerator.nextObject() as? String {
                if relative.hasSuffix(".md") { files.append(directory + "/" + relative) }
            }
        }
        var seeds: [String] = []
        for path in files.sorted() {
            guard let data = FileManager.default.contents(atPath: path), data.count < 256 * 1024 else { continue }
            let text = String(decoding: data, as: UTF8.self)
            if target == "markdown" { seeds.append(text); continue }
            guard let languages = fenceLanguages[target] else { continue }
            seeds += fences(in: text, languages: languages)
        }
        return seeds
    }

    /// Fenced blocks whose info string's first word is one of `languages` (indentation removed).
    static func fences(in text: String, languages: Set<String>) -> [String] {
        var result: [String] = []
        var current: [Substring]?
        var indent = 0
        var marker = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if var body = current {
                if trimmed.hasPrefix(marker) && trimmed.allSatisfy({ $0 == marker.first }) {
                    result.append(body.joined(separator: "\n"))
                    current = nil
                } else {
                    body.append(line.dropFirst(min(indent, line.prefix { $0 == " " }.count)))
                    current = body
                }
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                let fence = trimmed.prefix { $0 == trimmed.first }
                let info = trimmed.dropFirst(fence.count).split(separator: " ").first.map { $0.lowercased() } ?? ""
                if languages.contains(info) {
                    current = []
                    indent = line.count - trimmed.count
                    marker = String(fence)
                }
            }
        }
        return result
    }
}
