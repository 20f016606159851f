import Core
import Foundation
import Runner

/// The output of `docverify run`, as text or as JSON (`version`, `documents` with their scenarios,
/// `findings`, `summary`).
public enum RunReportFormat {
    public static func json(_ reports: [RunReport]) -> String {
        let (findings, articles) = reported(reports)
        let summary = total(reports)
        let value = JSONValue.object([
            "version": .int(ListReport.version),
            "documents": .array(reports.map(document)),
            "findings": .array(findings.map { finding in
                guard case .object(var object) = findingJSON(finding) else { return .null }
                object["articles"] = .array((articles[finding] ?? []).map(JSONValue.string))
                return .object(object)
            }),
            "summary": summaryJSON(summary),
        ])
        return value.serialized(pretty: true) + "\n"
    }

    public static func text(_ reports: [RunReport]) -> String {
        var out = ""
        for report in reports {
            out += "\(report.file)" + (report.title.map { " — \($0)" } ?? "") + "\n"
            for result in report.scenarios {
                let s = result.scenario
                let mark = switch result.status {
                case .passed: "PASS"
                case .failed: "FAIL"
                case .skipped: "SKIP"
                }
                var line = "  \(mark)  \(s.pivot ?? "-") / \(s.section) / \(s.tabLabel ?? s.tab ?? "-")"
                if !result.calls.isEmpty {
                    let ms = Int((result.calls.compactMap(\.timings?.total).reduce(0, +) * 1000).rounded())
                    line += "  (\(result.calls.count) call\(result.calls.count == 1 ? "" : "s"), \(ms) ms)"
                }
                if let reason = result.reason, result.status != .passed { line += " — \(reason)" }
                out += line + "\n"
                for input in result.inputs { out += "        input \(input.summary)\n" }
            }
        }
        let (findings, articles) = reported(reports)
        if !findings.isEmpty {
            out += "findings:\n"
            for finding in findings {
                let reach = articles[finding] ?? []
                out += "  \(finding.textLine)\(reach.count > 1 ? " (in \(reach.joined(separator: ", ")))" : "")\n"
            }
        }
        let summary = total(reports)
        let errors = findings.filter { $0.severity == .error }.count
        out += "\(summary.scenarios) scenarios: \(summary.passed) passed, \(summary.failed) failed, \(summary.skipped) skipped; "
            + "\(errors) error\(errors == 1 ? "" : "s"), \(findings.count - errors) other finding\(findings.count - errors == 1 ? "" : "s")\n"
        return out
    }

    /// Every finding once (a shared include's finding comes back from each article that reaches
    /// it), with the articles that reported it.
    static func reported(_ reports: [RunReport]) -> (findings: [Finding], articles: [Finding: [String]]) {
        let articles = SharedFindings.articles(reports.map { ReportDocument(file: $0.file, findings: $0.findings) })
        var seen = Set<Finding>()
        return (reports.flatMap(\.findings).filter { seen.insert($0).inserted }.sortedForReport(), articles)
    }

    static func document(_ report: RunReport) -> JSONValue {
        .object([
            "file": .string(report.file),
            "title": report.title.map(JSONValue.string) ?? .null,
            "summary": summaryJSON(report.summary),
            "scenarios": .array(report.scenarios.map(scenario)),
        ])
    }

    static func scenario(_ result: ScenarioResult) -> JSONValue {
        let s = result.scenario
        return .object([
            "id": .string(s.id),
            "pivot": s.pivot.map(JSONValue.string) ?? .null,
            "section": .string(s.section),
            "tab": s.tab.map(JSONValue.string) ?? .null,
            "status": .string(result.status.rawValue),
            "reason": result.reason.map(JSONValue.string) ?? .null,
            "dependsOn": .array(s.dependencies.map(JSONValue.string)),
            "calls": .array(result.calls.map(call)),
            "inputs": .array(result.inputs.map(inputJSON)),
            "findings": .array(result.findings.sortedForReport().map(findingJSON)),
        ])
    }

    /// `{"path": "dog.wav", "source": "stand-in", "detail": "a speech-like WAV"}` or
    /// `{"path": …, "source": "inputs", "detail": "/abs/inputs/dog.wav"}`.
    static func inputJSON(_ input: SuppliedInput) -> JSONValue {
        switch input.source {
        case .inputs(let file): .object(["path": .string(input.path), "source": .string("inputs"), "detail": .string(file)])
        case .standIn(let kind): .object(["path": .string(input.path), "source": .string("stand-in"), "detail": .string(kind)])
        }
    }

    static func call(_ call: CallResult) -> JSONValue {
        var timings: JSONValue = .null
        if let t = call.timings {
            timings = .object([
                "nameLookupMs": ms(t.nameLookup), "connectMs": ms(t.connect),
                "tlsMs": t.tls.map(ms) ?? .null, "firstByteMs": ms(t.firstByte), "totalMs": ms(t.total),
            ])
        }
        return .object([
            "file": .string(call.location.file),
            "line": .int(call.location.line),
            "method": .string(call.method),
            "url": .string(call.url),
            "status": call.status.map(JSONValue.int) ?? .null,
            "attempts": .int(call.attempts),
            "timings": timings,
        ])
    }

    static func ms(_ seconds: TimeInterval) -> JSONValue { .double((seconds * 1000 * 1000).rounded() / 1000) }

    static func summaryJSON(_ s: RunSummary) -> JSONValue {
        .object(["scenarios": .int(s.scenarios), "passed": .int(s.passed), "failed": .int(s.failed), "skipped": .int(s.skipped)])
    }

    static func total(_ reports: [RunReport]) -> RunSummary {
        reports.map(\.summary).reduce(RunSummary(scenarios: 0, passed: 0, failed: 0, skipped: 0), +)
    }

    /// A finding in the same JSON shape `list` and `check` print (``Finding``'s own encoding).
    static func findingJSON(_ f: Finding) -> JSONValue {
        guard let data = try? JSONEncoder().encode(f), let json = try? JSONDecoder().decode(JSONValue.self, from: data) else { return .null }
        return json
    }
}
