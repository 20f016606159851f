import Core
import Foundation
import Quickstart

/// The steps one sample stands for: the file it fills, the commands it runs, the packages a
/// `package.json` or `requirements.txt` lists, the variables a `.env` file sets.
enum SampleReader {
    static func steps(for sample: CodeSample) -> [ProcedureStep] {
        var steps: [ProcedureStep] = []
        let step = (sample.stepText ?? "")
        if let file = sample.fileName ?? dotEnvName(sample) {
            var create = ProcedureStep(kind: .createFile, location: sample.location, sampleID: sample.id, file: file)
            create.tool = sample.language.rawValue
            steps.append(create)
        } else if [.python, .javascript, .typescript].contains(sample.language), !sample.isModelWritten {
            // Code the page shows as the model's own is no step of the reader's.
            var code = ProcedureStep(kind: .code, location: sample.location, sampleID: sample.id)
            code.tool = sample.language.rawValue
            steps.append(code)
        }
        let fileName = sample.fileName?.split(separator: "/").last.map(String.init) ?? ""
        switch sample.language {
        case .shell:
            for command in CommandLines.commands(in: sample.code) {
                let location = sample.markdownLocation(codeLine: command.line)
                guard var found = CommandReader.step(command.words, location: location) else { continue }
                found.sampleID = sample.id
                if found.command == nil { found.command = command.words.joined(separator: " ") }
                steps.append(found)
            }
        case .json, .jsonc:
            if fileName == "package.json" || (sample.fileName == nil && mentions(step, "package.json")) { steps += packageJSON(sample) }
        default:
            break
        }
        if fileName.lowercased() == "requirements.txt" || (sample.language == .text && mentions(step, "requirements.txt")) {
            var listed = ProcedureStep(kind: .install, location: sample.location, sampleID: sample.id, file: "requirements.txt")
            listed.tool = "requirements"
            listed.ecosystem = .python
            listed.packages = sample.code.split(separator: "\n").compactMap { line in
                let t = ASCIIScan.trimmingWhitespace(line)
                guard !t.isEmpty, !t.hasPrefix("#"), !t.hasPrefix("-") else { return nil }
                return PackageNames.packageName(fromSpec: t, ecosystem: .python)
            }
            listed.alsoInstalls = sample.code.split(separator: "\n").flatMap { PackageNames.olderMajorDependencies(fromSpec: ASCIIScan.trimmingWhitespace($0)) }
            steps.append(listed)
        }
        if dotEnvName(sample) != nil {
            var set = ProcedureStep(kind: .setVariables, location: sample.location, sampleID: sample.id, file: ".env")
            set.variables = VariableSettings.fromDotEnv(sample.code)
            if !set.variables.isEmpty { steps.append(set) }
        }
        return steps
    }

    /// Whether `text` holds `word` (ASCII), searched in its UTF-8 bytes. Every sample of a step
    /// asks this of the step's text: Foundation's search converts the text to UTF-16 each time,
    /// which made a long step with many samples take seconds.
    static func mentions(_ text: String, _ word: StaticString) -> Bool {
        let needle = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard let first = needle.first else { return true }
        let bytes = text.utf8
        var i = bytes.startIndex
        while let hit = bytes[i...].firstIndex(of: first) {
            if bytes[hit...].starts(with: needle) { return true }
            i = bytes.index(after: hit)
        }
        return false
    }

    /// `.env` when the step names a `.env` file and the sample is its lines (not commands).
    static func dotEnvName(_ sample: CodeSample) -> String? {
        guard sample.fileName == nil, [.text, .other, .shell].contains(sample.language),
              mentions(sample.stepText ?? "", ".env") || sample.infoString.lowercased().hasPrefix("dotenv")
                || sample.infoString.lowercased().hasPrefix("env") else { return nil }
        let names = VariableSettings.fromDotEnv(sample.code)
        let lines = sample.code.split(separator: "\n").filter { !ASCIIScan.trimmingWhitespace($0).isEmpty && !$0.hasPrefix("#") }
        return !names.isEmpty && names.count == lines.count ? ".env" : nil
    }

    /// A `package.json` sample: its module type and its dependencies (installed by `npm install`).
    static func packageJSON(_ sample: CodeSample) -> [ProcedureStep] {
        guard let json = try? JSONValue.parse(sample.code, allowComments: true), json.objectValue != nil else { return [] }
        var steps: [ProcedureStep] = []
        let location = sample.location
        if let type = json["type"]?.stringValue {
            var step = ProcedureStep(kind: .packageType, location: location, sampleID: sample.id)
            step.packageType = type.lowercased()
            steps.append(step)
        }
        let dependencies = ["dependencies", "devDependencies", "peerDependencies"].flatMap { key in
            json[key]?.objectValue.map { Array($0.keys).sorted() } ?? []
        }
        if !dependencies.isEmpty {
            var step = ProcedureStep(kind: .install, location: location, sampleID: sample.id)
            step.ecosystem = .node
            step.tool = "package.json"
            step.packages = dependencies
            steps.append(step)
        }
        return steps
    }
}
