import Core
import Quickstart

/// What the procedure checks read together: the document, its procedure, and a way from a step's
/// sample id to the sample.
public struct ProcedureContext: Sendable {
    public var document: QuickstartDocument
    public var procedure: DocumentProcedure
    public var samples: [Int: CodeSample]

    public init(document: QuickstartDocument, procedure: DocumentProcedure) {
        self.document = document
        self.procedure = procedure
        var samples: [Int: CodeSample] = [:]
        for entry in document.allSamples { samples[entry.sample.id] = entry.sample }
        self.samples = samples
    }

    /// Every (pivot procedure, reader tab, steps the reader follows), in order.
    public var readings: [(pivot: PivotProcedure, tab: String?, steps: [ProcedureStep])] {
        procedure.pivots.flatMap { pivot in pivot.readers.map { (pivot, $0, pivot.steps(forTab: $0)) } }
    }

    /// Drops repeats of one finding reached by several readers (same rule, place and message).
    public static func unique(_ findings: [Finding]) -> [Finding] {
        var seen = Set<String>()
        return findings.filter { seen.insert("\($0.rule)|\($0.location)|\($0.message)").inserted }
    }
}

/// File-name helpers shared by the procedure checks (here and in Extraction).
public enum FileNames {
    public static func base(_ path: String) -> String {
        let trimmed = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        // The checks ask this for every step of every reader: an ASCII path is cut at its last
        // separator without splitting it into an array (a byte is a Character there, so the
        // answer is the split's).
        let utf8 = trimmed.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            let isSeparator = { (byte: UInt8) in byte == UInt8(ascii: "/") || byte == UInt8(ascii: "\\") }
            guard let last = utf8.lastIndex(where: { !isSeparator($0) }) else { return trimmed }
            let end = utf8.index(after: last)
            let start = utf8[..<end].lastIndex(where: isSeparator).map(utf8.index(after:)) ?? utf8.startIndex
            return String(trimmed[start..<end])
        }
        return trimmed.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? trimmed
    }

    public static func stem(_ path: String) -> String {
        let name = base(path)
        guard let dot = lastDot(name), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    public static func ext(_ path: String) -> String {
        let name = base(path)
        guard let dot = lastDot(name), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...]).lowercased()
    }

    /// The last "." Character of `name`: its last "." byte when the name is ASCII (every byte a
    /// Character), found without stepping through Characters; the checks ask it per step per run.
    static func lastDot(_ name: String) -> String.Index? {
        let utf8 = name.utf8
        return utf8.allSatisfy({ $0 < 0x80 }) ? utf8.lastIndex(of: UInt8(ascii: ".")) : name.lastIndex(of: ".")
    }

    /// py / js family / ts family: what a run step's file and a created file must share.
    public static func family(_ path: String) -> String {
        switch ext(path) {
        case "py": "python"
        case "js", "mjs", "cjs", "jsx": "javascript"
        case "ts", "mts", "cts", "tsx": "typescript"
        default: ext(path)
        }
    }
}
