import Config
import Foundation
import Reporting

/// Where an effective setting came from, for `docverify config`.
enum SettingSource: Equatable {
    case flag
    case file(String, line: Int)
    case defaultValue

    var description: String {
        switch self {
        case .flag: "flag"
        case .file(let path, let line): "\(path):\(line)"
        case .defaultValue: "default"
        }
    }
}

/// One setting after precedence: command-line flag > `.docverify.yml` > default.
struct Setting<Value: Equatable & Sendable> {
    var value: Value
    var source: SettingSource

    /// The one precedence rule every setting goes through.
    static func pick(flag: Value?, file: Configured<Value>?, in config: ConfigFile?, default value: Value) -> Setting {
        if let flag { return Setting(value: flag, source: .flag) }
        if let file, let config { return Setting(value: file.value, source: .file(config.path, line: file.line)) }
        return Setting(value: value, source: .defaultValue)
    }
}

/// Finding and loading the configuration file for a command.
enum ConfigLookup {
    /// `--config FILE` when given (it must exist), else the nearest `.docverify.yml` above the docs
    /// root or the first path. A broken file is a usage error naming its line.
    static func load(explicit: String?, root: String?, paths: [String]) throws -> ConfigFile? {
        let path: String
        if let explicit {
            guard FileManager.default.isReadableFile(atPath: explicit) else {
                throw UsageError(message: "cannot read the configuration file '\(explicit)' (--config)")
            }
            path = explicit
        } else {
            guard let start = root ?? paths.first else { return nil }
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: start, isDirectory: &isDirectory)
            let folder = exists && isDirectory.boolValue ? start : URL(fileURLWithPath: start).deletingLastPathComponent().path
            guard let found = ConfigLoader.find(from: folder) else { return nil }
            path = found
        }
        let file: ConfigFile
        do {
            file = try ConfigLoader.load(path: path)
        } catch {
            throw UsageError(message: "\(error.description)")
        }
        if let unknown = RuleIDCheck.unknownRule(in: file, known: RuleCatalog.rules.map(\.id)) {
            throw UsageError(message: unknown.description)
        }
        return file
    }
}

extension Setting {
    /// The same for a setting whose default is "not set".
    static func pick<Wrapped: Sendable & Equatable>(flag: Wrapped?, file: Configured<Wrapped>?, in config: ConfigFile?) -> Setting<Wrapped?> where Value == Wrapped? {
        Setting<Wrapped?>.pick(flag: flag.map { Optional($0) }, file: file.map { Configured(Optional($0.value), line: $0.line) }, in: config, default: nil)
    }
}
