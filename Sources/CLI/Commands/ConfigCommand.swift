import ArgumentParser
import Config
import Core
import Foundation

/// `docverify config [PATH]`: the effective configuration and where each value came from.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the effective configuration and where each value came from (flag, file:line, default).",
        discussion: "Precedence: command-line flag > .docverify.yml > default. Exit status 2 when the file cannot be used.")

    @Argument(help: "The docs folder or article the configuration is for (default: the current folder).")
    var path: String = "."

    @Option(help: "The configuration file (default: the nearest .docverify.yml above PATH, up to the repository root).")
    var config: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: "The docs root.") var root: String?
    @Option(name: .customLong("pivot-groups"), help: "The zone-pivot-groups.yml.") var pivotGroups: String?
    @Option(name: .customLong("map"), help: "~/prefix=DIR (repeatable).") var map: [String] = []
    @Option(help: "A live endpoint.") var endpoint: String?
    @Option(name: .customLong("api-key-env"), help: "Environment variable holding the API key.") var apiKeyEnv: String?
    @Option(name: .customLong("token-env"), help: "Environment variable holding an Entra ID token.") var tokenEnv: String?
    @Option(name: .customLong("golden-dir"), help: "The golden folder.") var goldenDir: String?
    @Option(help: "Requests at once.") var jobs: Int?
    @Option(help: "Seconds per request.") var timeout: Double?
    @Option(help: "Seconds the whole run may take.") var deadline: Double?
    @Option(name: .customLong("max-response-bytes"), help: "Largest answer read, in bytes.") var maxResponseBytes: Int?
    @Option(name: .customLong("max-file-bytes"), help: "Largest article, include or code source read, in bytes.") var maxFileBytes: Int?
    @Option(name: .customLong("max-scenarios"), help: "Most scenarios one run executes.") var maxScenarios: Int?

    func run() throws {
        print(try render(), terminator: "")
    }

    /// One row per setting: key, value as text, source.
    func rows() throws -> (file: String?, rows: [(key: String, value: String, source: SettingSource)]) {
        let file = try ConfigLookup.load(explicit: config, root: root, paths: [path])
        func row<V>(_ key: String, _ setting: Setting<V>, _ text: (V) -> String) -> (String, String, SettingSource) {
            (key, text(setting.value), setting.source)
        }
        let list: ([String]) -> String = { $0.isEmpty ? "(none)" : $0.joined(separator: ", ") }
        let optional: (String?) -> String = { $0 ?? "(none)" }
        let run = RunSettings(
            endpoint: endpoint, apiKeyEnv: apiKeyEnv, tokenEnv: tokenEnv, jobs: jobs, timeout: timeout, config: file,
            deadline: deadline, maxResponseBytes: maxResponseBytes, maxScenarios: maxScenarios)
        var rows: [(String, String, SettingSource)] = [
            row("root", Setting<String?>.pick(flag: root, file: file?.root, in: file), optional),
            row("pivot-groups", Setting<String?>.pick(flag: pivotGroups, file: file?.pivotGroups, in: file), optional),
            row("map", Setting.pick(flag: map.isEmpty ? nil : map, file: file?.map, in: file, default: []), list),
            row("include", Setting.pick(flag: nil, file: file?.include, in: file, default: []), list),
            row("exclude", Setting.pick(flag: nil, file: file?.exclude, in: file, default: []), list),
            row("endpoint", run.endpoint) { $0.map(SecretRedactor.names.redact) ?? "(embedded mock)" },
            row("api-key-env", run.apiKeyEnv) { $0 },
            row("token-env", run.tokenEnv) { $0 },
            row("golden-dir", Setting<String?>.pick(flag: goldenDir, file: file?.goldenDir, in: file), optional),
            row("jobs", run.jobs) { String($0) },
            row("timeout", run.timeout) { String($0) },
            row("deadline", run.deadline) { $0.map { String($0) } ?? "(none)" },
            row("max-response-bytes", run.maxResponseBytes) { String($0) },
            row("max-file-bytes", Setting.pick(flag: maxFileBytes, file: file?.maxFileBytes, in: file, default: InputFileBound.defaultMaxBytes)) { String($0) },
            row("max-scenarios", run.maxScenarios) { String($0) },
        ]
        for (id, setting) in (file?.rules ?? [:]).sorted(by: { $0.key < $1.key }) {
            rows.append(("rules.\(id)", setting.value.rawValue, .file(file?.path ?? "", line: setting.line)))
        }
        return (file?.path, rows.map { (key: $0.0, value: $0.1, source: $0.2) })
    }

    func render() throws -> String {
        let (file, rows) = try rows()
        switch format {
        case .json:
            let settings = rows.map { row in
                JSONValue.object(["key": .string(row.key), "value": .string(row.value), "source": .string(row.source.description)])
            }
            return JSONValue.object(["file": file.map(JSONValue.string) ?? .null, "settings": .array(settings)]).serialized(pretty: true) + "\n"
        case .text:
            let width = rows.map(\.key.count).max() ?? 0
            var text = "configuration file: \(file ?? "(none found)")\n"
            for row in rows {
                text += row.key.padding(toLength: width, withPad: " ", startingAt: 0) + "  \(row.value)  [\(row.source.description)]\n"
            }
            return text
        }
    }
}
