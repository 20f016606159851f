import Foundation
import Core
import Quickstart

/// Stage 2a: sends every sample of a document through the front-end of its language and runs the
/// document-level extraction checks (`request-unextracted`, `js-module-mismatch`).
public struct Extractor: Sendable {
    let frontEnds: [CodeLanguage: any LanguageFrontEnd]
    /// Samples of one page past this many are not read (``SampleCap``).
    public var maxSamples = SampleCap.defaultMaxSamples

    /// An extractor with every front-end docverify has: JavaScript / TypeScript, REST (curl and
    /// HTTP blocks), JSON fences and Python.
    public init() {
        self.init(frontEnds: Self.defaultFrontEnds)
    }

    /// Front-ends by language; tests and the coordinator can substitute or add some.
    init(frontEnds: [CodeLanguage: any LanguageFrontEnd]) {
        self.frontEnds = frontEnds
    }

    static var defaultFrontEnds: [CodeLanguage: any LanguageFrontEnd] {
        let javascript = JavaScriptFrontEnd()
        let rest = RESTFrontEnd()
        let json = JSONFenceFrontEnd()
        return [
            .python: PythonFrontEndAdapter(),
            .javascript: javascript, .typescript: javascript,
            .shell: rest, .http: rest,
            .json: json, .jsonc: json,
        ]
    }


    /// Rules whose findings mean the code could not be read; a sample with one of them is not also
    /// reported as `request-unextracted`.
    static let syntaxRules: Set<String> = ["js-syntax", "ts-syntax", "python-syntax", "json-invalid", "shell-syntax", InputTooDeep.rule]

    /// Reads every sample of `document` (in every pivot and tab) and returns what each one sends,
    /// reads and writes, with the findings: per-sample ones (syntax, `json-invalid`) in the
    /// ``SampleExtraction``s, `request-unextracted` and `js-module-mismatch` in the document's.
    /// Never throws and never stops early: bad code becomes findings.
    public func extract(_ document: QuickstartDocument) -> DocumentExtraction {
        var samples: [Int: SampleExtraction] = [:]
        var findings: [Finding] = []
        // Each sample's code is parsed once here and read by the front-end and the checks below.
        var parsed = ParsedSamples()
        // Samples past `maxSamples`: the first (where the warning goes) and how many.
        var capped: (first: CodeSample?, count: Int) = (nil, 0)
        // A fence left open holds Markdown too: its syntax errors are that one defect, already an
        // error at the fence (`code-fence-unclosed`), so they are not reported again.
        let unclosedFences = Set(document.findings.filter { $0.rule == "code-fence-unclosed" }.map(\.location))
        for pivot in document.pivots {
            // What a reader of one tab sees: the pivot's untabbed samples and that tab's.
            let untabbed = pivot.sections.flatMap { $0.tabs.filter { $0.id == nil }.flatMap(\.samples) }
            for section in pivot.sections {
                for tab in section.tabs {
                    let siblings = tab.id == nil ? untabbed : untabbed + Self.samples(ofTab: tab.id, in: pivot)
                    let tabSamples = tab.samples
                    for (i, sample) in tabSamples.enumerated() {
                        if samples.count >= maxSamples, samples[sample.id] == nil {
                            capped.first = capped.first ?? sample
                            capped.count += 1
                            continue
                        }
                        let context = FrontEndContext(
                            pivot: pivot.id, tab: tab.id,
                            previous: i > 0 ? tabSamples[i - 1] : nil,
                            next: i + 1 < tabSamples.count ? tabSamples[i + 1] : nil,
                            siblings: siblings)
                        // Code the page shows as the model's own (code interpreter's program) is not run by the reader.
                        var extraction = (sample.isModelWritten ? nil : frontEnd(for: sample)?.extract(sample, context: context, parsed: parsed.form(storing: sample)))
                            ?? SampleExtraction(sampleID: sample.id)
                        extraction.sampleID = sample.id
                        findings += Self.markReaderValues(&extraction, pivot: pivot.id, tab: tab.id)
                        if unclosedFences.contains(sample.location) {
                            extraction.findings.removeAll { Self.syntaxRules.contains($0.rule) }
                        }
                        for f in extraction.findings.indices {
                            if extraction.findings[f].pivot == nil { extraction.findings[f].pivot = pivot.id }
                            if extraction.findings[f].tab == nil { extraction.findings[f].tab = tab.id }
                        }
                        if !unclosedFences.contains(sample.location),
                           let unextracted = Self.unextractedFinding(sample, extraction, pivot: pivot.id, tab: tab.id) {
                            findings.append(unextracted)
                        }
                        samples[sample.id] = extraction
                    }
                }
            }
        }
        if let first = capped.first {
            findings.append(SampleCap.finding(first: first, skipped: capped.count, total: samples.count + capped.count, maxSamples: maxSamples))
        }
        findings += JSModuleMismatchCheck.findings(in: document, parsed: parsed)
        findings += ProcedureChecks.findings(in: document, parsed: parsed)
        return DocumentExtraction(document: document, samples: samples, findings: findings)
    }

    /// The front-end that reads `sample`: PowerShell fences get their own (they are not POSIX
    /// shell); a fence with no language whose first command is `curl` is read as shell.
    func frontEnd(for sample: CodeSample) -> (any LanguageFrontEnd)? {
        if sample.language == .shell, PowerShellFrontEnd.reads(sample) { return PowerShellFrontEnd() }
        if sample.language == .text, Self.isBareCurl(sample) { return frontEnds[.shell] }
        // A curl command in an `HTTP` fence: a command to run, not a request block.
        if sample.language == .http, Self.startsWithCurl(sample) { return frontEnds[.shell] }
        return frontEnds[sample.language]
    }

    /// A fence without an info string whose first command line is a `curl` call.
    static func isBareCurl(_ sample: CodeSample) -> Bool {
        guard sample.infoString.trimmingCharacters(in: .whitespaces).isEmpty else { return false }
        return startsWithCurl(sample)
    }

    /// The fence's first non-blank line is a `curl` call (a `$ ` prompt allowed).
    static func startsWithCurl(_ sample: CodeSample) -> Bool {
        guard let first = sample.code.split(separator: "\n").first(where: { !$0.allSatisfy(\.isWhitespace) }) else { return false }
        var line = first.drop(while: \.isWhitespace)
        if line.hasPrefix("$ ") { line = line.dropFirst(2) }
        return line.hasPrefix("curl ") || line.hasPrefix("curl.exe ")
    }

    /// Marks the values the page tells the reader to replace (endpoint, deployment, key) in every
    /// request of `extraction`, and notes each distinct one once (`placeholder-value`); the same
    /// note on other samples of the page is folded into the first by the report
    /// (`RepeatedNotes`).
    static func markReaderValues(_ extraction: inout SampleExtraction, pivot: String?, tab: String?) -> [Finding] {
        var findings: [Finding] = []
        var seen: Set<String> = []
        for index in extraction.requests.indices {
            let (marked, found) = ReaderValues.mark(extraction.requests[index])
            extraction.requests[index] = marked
            for (kind, text) in found where seen.insert(text).inserted {
                findings.append(ReaderValues.finding(kind, text, at: marked.location, pivot: pivot, tab: tab))
            }
        }
        return findings
    }

    /// Samples of every tab with this id in the pivot (tabs with one id are selected together).
    static func samples(ofTab id: String?, in pivot: Pivot) -> [CodeSample] {
        pivot.sections.flatMap { $0.tabs.filter { $0.id == id }.flatMap(\.samples) }
    }

    /// `request-unextracted`: the code evidently calls an API, could be read, yet no request came out.
    /// A warning: it is docverify's limit, not a defect a reader of the page meets.
    static func unextractedFinding(_ sample: CodeSample, _ extraction: SampleExtraction, pivot: String?, tab: String?) -> Finding? {
        guard extraction.callsAPI, extraction.requests.isEmpty,
              !extraction.findings.contains(where: { syntaxRules.contains($0.rule) }) else { return nil }
        let what = sample.fileName.map { "`\($0)`" } ?? "This \(sample.language.rawValue) sample"
        if extraction.opensWebSocket {
            return Finding(
                rule: "request-unextracted", severity: .note, location: sample.location,
                message: "\(what) opens a Realtime API WebSocket session, which docverify does not read or run, so nothing it sends was checked",
                pivot: pivot, tab: tab)
        }
        return Finding(
            rule: "request-unextracted", severity: .warning, location: sample.location,
            message: "\(what) calls an API but docverify could not tell which HTTP request it sends; "
                + "use a supported client call (openai `chat.completions.create`, `fetch`, `requests.post`, curl) "
                + "or report the pattern as a docverify gap",
            pivot: pivot, tab: tab)
    }
}

/// The Python front-end reads one sample at a time; it needs no context from the tab.
struct PythonFrontEndAdapter: LanguageFrontEnd {
    func extract(_ sample: CodeSample, context: FrontEndContext) -> SampleExtraction {
        PythonFrontEnd().extract(sample)
    }

    func extract(_ sample: CodeSample, context: FrontEndContext, parsed: ParsedSample) -> SampleExtraction {
        PythonFrontEnd().extract(sample, parsed: parsed.python)
    }
}
