import Foundation
import Yams

/// Finds and reads `.docverify.yml`.
public enum ConfigLoader {
    /// The nearest `.docverify.yml` in `directory` or a folder above it. The search stops at the
    /// repository root (a folder holding `.git`), so a file in some unrelated parent never applies.
    public static func find(from directory: String) -> String? {
        var url = URL(fileURLWithPath: directory).standardizedFileURL
        // A path has far fewer than 256 components; the bound keeps the walk finite whatever happens.
        for _ in 0..<256 {
            let candidate = url.appendingPathComponent(ConfigFile.fileName).path
            if FileManager.default.isReadableFile(atPath: candidate) { return candidate }
            if FileManager.default.fileExists(atPath: url.appendingPathComponent(".git").path) { return nil }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
        return nil
    }

    /// Reads the file at `path`.
    public static func load(path: String) throws(ConfigError) -> ConfigFile {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, line: 0, message: "cannot read the configuration file; check that it exists and is UTF-8")
        }
        return try parse(text, path: path)
    }

    /// Parses configuration text; `path` names the file in errors and anchors relative paths.
    public static func parse(_ text: String, path: String) throws(ConfigError) -> ConfigFile {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw ConfigError(file: path, line: 0, message: "is not valid YAML: \(error)")
        }
        var config = ConfigFile(path: path)
        guard let node else { return config }
        guard case .mapping(let mapping) = node else {
            throw ConfigError(file: path, line: line(node), message: "must be a mapping of keys (root, rules, …) to values")
        }
        let reader = NodeReader(file: path, base: URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path)
        for (keyNode, value) in mapping {
            let at = line(keyNode)
            guard case .scalar(let key) = keyNode else {
                throw ConfigError(file: path, line: at, message: "keys must be plain names such as 'root'")
            }
            try reader.refuseAliases(value, depth: 0)
            switch key.string {
            case "root": config.root = Configured(reader.path(try reader.string(value, key: key.string)), line: at)
            case "pivot-groups": config.pivotGroups = Configured(reader.path(try reader.string(value, key: key.string)), line: at)
            case "map":
                var entries: [String] = []
                for entry in try reader.strings(value, key: key.string) { entries.append(try reader.mapping(entry, line: at)) }
                config.map = Configured(entries, line: at)
            case "include": config.include = Configured(try reader.globs(value, key: key.string, line: at), line: at)
            case "exclude": config.exclude = Configured(try reader.globs(value, key: key.string, line: at), line: at)
            case "rules": config.rules = try reader.rules(value)
            case "endpoint":
                let endpoint = try reader.string(value, key: key.string)
                guard let url = URL(string: endpoint), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
                    throw ConfigError(file: path, line: at, message: "'endpoint' must be an http(s) URL, such as https://NAME.openai.azure.com")
                }
                config.endpoint = Configured(endpoint, line: at)
            case "api-key-env": config.apiKeyEnv = Configured(try reader.string(value, key: key.string), line: at)
            case "token-env": config.tokenEnv = Configured(try reader.string(value, key: key.string), line: at)
            case "golden-dir": config.goldenDir = Configured(reader.path(try reader.string(value, key: key.string)), line: at)
            case "jobs":
                guard let jobs = Int(try reader.string(value, key: key.string)), jobs >= 1 else {
                    throw ConfigError(file: path, line: at, message: "'jobs' must be a whole number of at least 1")
                }
                config.jobs = Configured(jobs, line: at)
            case "timeout":
                guard let seconds = Double(try reader.string(value, key: key.string)), seconds > 0, seconds <= 86_400 else {
                    throw ConfigError(file: path, line: at, message: "'timeout' must be a number of seconds between 0 and 86400")
                }
                config.timeout = Configured(seconds, line: at)
            case "deadline":
                guard let seconds = Double(try reader.string(value, key: key.string)), seconds > 0, seconds <= 604_800 else {
                    throw ConfigError(file: path, line: at, message: "'deadline' must be a number of seconds between 0 and 604800 (a week)")
                }
                config.deadline = Configured(seconds, line: at)
            case "max-response-bytes":
                config.maxResponseBytes = Configured(try reader.count(value, key: key.string, line: at, of: "bytes", example: "67108864 for 64 MiB"), line: at)
            case "max-file-bytes":
                config.maxFileBytes = Configured(try reader.count(value, key: key.string, line: at, of: "bytes", example: "67108864 for 64 MiB"), line: at)
            case "max-scenarios":
                config.maxScenarios = Configured(try reader.count(value, key: key.string, line: at, of: "scenarios", example: "10000"), line: at)
            default:
                throw ConfigError(
                    file: path, line: at,
                    message: "unknown key '\(key.string)'; the keys are \(ConfigFile.keys.joined(separator: ", "))")
            }
        }
        return config
    }

    static func line(_ node: Node) -> Int { node.mark?.line ?? 0 }
}

/// Reads the typed values of one file's nodes.
struct NodeReader {
    var file: String
    /// The file's folder: relative paths in the file are relative to it.
    var base: String

    func path(_ text: String) -> String {
        text.hasPrefix("/") ? text : URL(fileURLWithPath: base).appendingPathComponent(text).standardizedFileURL.path
    }

    func string(_ node: Node, key: String) throws(ConfigError) -> String {
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
            throw ConfigError(file: file, line: ConfigLoader.line(node), message: "'\(key)' must be a single value")
        }
        return scalar.string
    }

    /// A whole number of at least 1 (a cap on bytes or scenarios); the error names the unit and an
    /// example.
    func count(_ node: Node, key: String, line: Int, of unit: String, example: String) throws(ConfigError) -> Int {
        guard let count = Int(try string(node, key: key)), count >= 1 else {
            throw ConfigError(file: file, line: line, message: "'\(key)' must be a whole number of \(unit), at least 1 (such as \(example))")
        }
        return count
    }

    /// A list, or one value standing for a list of one.
    func strings(_ node: Node, key: String) throws(ConfigError) -> [String] {
        if case .sequence(let sequence) = node {
            var result: [String] = []
            for item in sequence { result.append(try string(item, key: key)) }
            return result
        }
        return [try string(node, key: key)]
    }

    func mapping(_ text: String, line: Int) throws(ConfigError) -> String {
        let parts = text.split(separator: "=", maxSplits: 1)
        guard parts.count == 2, parts[0].hasPrefix("~/") else {
            throw ConfigError(file: file, line: line, message: "cannot read the map entry '\(text)'; write it as ~/prefix=FOLDER")
        }
        return "\(parts[0])=\(path(String(parts[1])))"
    }

    func globs(_ node: Node, key: String, line: Int) throws(ConfigError) -> [String] {
        let globs = try strings(node, key: key)
        for glob in globs where PathGlob(glob) == nil {
            throw ConfigError(file: file, line: line, message: "cannot read the glob '\(glob)'")
        }
        return globs
    }

    func rules(_ node: Node) throws(ConfigError) -> [String: Configured<RuleSetting>] {
        guard case .mapping(let mapping) = node else {
            throw ConfigError(file: file, line: ConfigLoader.line(node), message: "'rules' must map rule ids to off, note, warning or error")
        }
        var result: [String: Configured<RuleSetting>] = [:]
        for (key, value) in mapping {
            let at = ConfigLoader.line(key)
            guard case .scalar(let id) = key, let setting = RuleSetting(rawValue: (try? string(value, key: id.string)) ?? "") else {
                throw ConfigError(file: file, line: at, message: "a rule must be set to off, note, warning or error")
            }
            result[id.string] = Configured(setting, line: at)
        }
        return result
    }

    /// Aliases are refused, as in front matter: expanding them is how a small file becomes a huge one.
    func refuseAliases(_ node: Node, depth: Int) throws(ConfigError) {
        guard depth < 32 else {
            throw ConfigError(file: file, line: ConfigLoader.line(node), message: "is nested too deeply; the keys take plain values and lists")
        }
        switch node {
        case .alias:
            throw ConfigError(file: file, line: ConfigLoader.line(node), message: "uses a YAML alias; docverify does not expand aliases, so write the value out instead")
        case .scalar: return
        case .sequence(let sequence): for item in sequence { try refuseAliases(item, depth: depth + 1) }
        case .mapping(let mapping):
            for (key, value) in mapping {
                try refuseAliases(key, depth: depth + 1)
                try refuseAliases(value, depth: depth + 1)
            }
        }
    }
}
