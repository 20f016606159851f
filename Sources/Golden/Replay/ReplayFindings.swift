import Core
import Runner

/// In a replay, a request with no recording gets a 404 from ``ReplayBook``; the Runner reports it
/// as `response-status`. This turns those into `golden-missing`, with the replay's explanation.
public enum ReplayFindings {
    public static func apply(_ reports: [RunReport]) -> [RunReport] {
        reports.map { report in
            var report = report
            for i in report.scenarios.indices {
                var result = report.scenarios[i]
                for call in result.calls {
                    guard let response = call.exchange?.response, response.headers[ReplayBook.missingHeader] != nil else { continue }
                    let message = call.response?["error"]?["message"]?.stringValue ?? "no golden recording answers this request"
                    result.findings.removeAll { $0.rule == "response-status" && $0.location == call.location }
                    var finding = Finding(rule: "golden-missing", severity: .error, location: call.location, message: message)
                    finding.pivot = result.scenario.pivot
                    finding.tab = result.scenario.tab
                    result.findings.append(finding)
                    result.status = .failed
                    result.reason = "a request has no golden recording"
                }
                report.scenarios[i] = result
            }
            return report
        }
    }
}
