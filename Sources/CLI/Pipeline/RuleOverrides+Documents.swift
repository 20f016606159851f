import Config
import Core
import Quickstart
import Runner

/// `rules:` over each command's results, the same way suppressions are applied to them.
extension RuleOverrides {
    func apply(_ documents: [QuickstartDocument]) -> [QuickstartDocument] {
        guard !isEmpty else { return documents }
        return documents.map { document in
            var document = document
            document.findings = apply(document.findings)
            return document
        }
    }

    func apply(_ checked: [CheckedDocument]) -> [CheckedDocument] {
        guard !isEmpty else { return checked }
        return checked.map { document in
            var document = document
            document.findings = apply(document.findings).sortedForReport()
            document.extraction.document.findings = apply(document.extraction.document.findings)
            return document
        }
    }

    func apply(_ reports: [RunReport]) -> [RunReport] {
        guard !isEmpty else { return reports }
        return reports.map { report in
            var report = report
            report.staticFindings = apply(report.staticFindings)
            report.scenarios = report.scenarios.map { scenario in
                var scenario = scenario
                scenario.findings = apply(scenario.findings)
                return scenario
            }
            return report
        }
    }
}
