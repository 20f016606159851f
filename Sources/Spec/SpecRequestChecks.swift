import Core
import Requests

/// Checks extracted requests against the operation schemas of the loaded specs.
public enum SpecRequestChecks {
    /// `spec-unknown-field`, `spec-enum-violation`, `spec-type`, `spec-required` for each JSON body whose
    /// operation the spec declares, and `api-version-mismatch` for a literal api-version no spec serves.
    /// A call the specs do not declare (another API family, the `/openai/v1` form) is left alone.
    public static func check(_ requests: [BuiltRequest], specs: SpecSet) -> [Finding] {
        located(requests, specs: specs).map(\.finding)
    }

    /// A finding with both sides of the disagreement, for the drift report.
    public struct Located: Sendable, Hashable {
        public var finding: Finding
        /// What the sample sends.
        public var docSide: String
        /// What the spec says.
        public var specSide: String
    }

    /// ``check(_:specs:)`` with both sides of each finding.
    public static func located(_ requests: [BuiltRequest], specs: SpecSet) -> [Located] {
        guard !specs.isEmpty else { return [] }
        let versions = specs.apiVersions
        var findings: [Located] = []
        for request in requests where request.extracted.purpose == .api {
            let version = request.apiVersion
            guard let spec = specs.document(for: version),
                  let operation = spec.operation(method: request.method, path: request.extracted.path) else { continue }
            if let version, !versions.contains(version) {
                // With one spec loaded, the set says little about which versions exist; with several it does.
                findings.append(Located(finding: Finding(
                    rule: "api-version-mismatch", severity: specs.documents.count > 1 ? .warning : .note, location: request.location,
                    message: "api-version \(version) is not among the versions of the specs given (\(versions.sorted().joined(separator: ", "))); the body was checked against \(spec.version); pass the spec of \(version), or use a version the specs describe"),
                    docSide: "api-version=\(version)", specSide: "versions: \(versions.sorted().joined(separator: ", "))"))
            }
            let issues: [SpecIssue]
            if let schema = operation.requestSchema, let body = request.extracted.body {
                issues = SchemaValidator(spec: spec).validate(SpecInstance.json(body), against: schema)
            } else if let schema = operation.formSchema, let parts = request.extracted.multipart {
                issues = SchemaValidator(spec: spec, formValues: true).validate(SpecInstance.form(parts), against: schema)
            } else {
                continue
            }
            let kept = issues.filter { !tolerated($0, operation: operation) }
            for issue in kept {
                findings.append(Located(finding: Finding(
                    rule: issue.kind.rawValue, severity: issue.severity, location: request.location,
                    message: "\(issue.message) (\(operation.title) in the \(spec.version) spec); \(advice(issue))"),
                    docSide: issue.found, specSide: "\(spec.version): \(issue.expected)"))
            }
        }
        return findings
    }

    static func advice(_ issue: SpecIssue) -> String {
        switch issue.kind {
        case .unknownField where !issue.closed:
            "the service may accept it if the spec lags the API; check the field name against the API reference"
        case .unknownField: "remove or rename the field, or check whether a newer spec defines it"
        case .enumViolation: "use an allowed value, or check whether a newer spec adds this one"
        case .type: "change the value's type to what the spec expects"
        case .required: "add the field"
        }
    }

    /// Members the SDKs send that the service ignores although the spec does not declare them. `model`:
    /// the OpenAI SDKs (and most REST samples) put the deployment name in the body too, while Azure
    /// routes by the deployment in the URL.
    static let toleratedOnDeploymentPaths: Set<String> = ["model"]

    static func tolerated(_ issue: SpecIssue, operation: SpecOperation) -> Bool {
        issue.kind == .unknownField && operation.path.contains("/deployments/{") && toleratedOnDeploymentPaths.contains(issue.path)
    }
}
