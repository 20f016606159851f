import Core

/// JUnit XML: a testsuite per document; a failing testcase per error finding, or one passing testcase
/// when the document has none. Warnings and notes go to the suite's system-out.
public enum JUnitReport {
    public static func render(_ documents: [ReportDocument]) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n"
        for (index, document) in documents.enumerated() {
            let errors = document.findings.filter { $0.severity == .error }.sortedForReport()
            let cases = max(errors.count, 1)
            out += "  <testsuite name=\"\(xml(document.file))\" tests=\"\(cases)\" failures=\"\(errors.count)\" errors=\"0\" "
                + "skipped=\"0\" time=\"0\" timestamp=\"1970-01-01T00:00:00\" hostname=\"localhost\" id=\"\(index)\" package=\"docverify\">\n"
            out += "    <properties/>\n"
            if errors.isEmpty {
                out += "    <testcase name=\"\(xml(document.file))\" classname=\"docverify.check\" time=\"0\"/>\n"
            }
            for finding in errors {
                let at = "\(finding.location.file):\(finding.location.line):\(finding.location.column)"
                out += "    <testcase name=\"\(xml(finding.rule)) at \(xml(at))\" classname=\"docverify.check\" time=\"0\">\n"
                let reached = document.reachedFrom(finding)
                out += "      <failure message=\"\(xml(finding.message + reached))\" type=\"\(xml(finding.rule))\">\(xml(finding.textLine + reached))</failure>\n"
                out += "    </testcase>\n"
            }
            let others = document.findings.filter { $0.severity != .error }.sortedForReport().map { $0.textLine + document.reachedFrom($0) }
            out += "    <system-out>\(xml(others.joined(separator: "\n")))</system-out>\n    <system-err/>\n"
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    static func xml(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            default: if scalar.value >= 0x20 { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
