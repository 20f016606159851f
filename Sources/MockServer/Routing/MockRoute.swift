import Foundation
import Requests

/// A request path resolved against ``OperationCatalog``: which operation, in which URL form, with
/// the deployment and resource ids it names.
struct MockRoute: Sendable, Equatable {
    enum Form: Sendable, Equatable {
        /// `/openai/deployments/{deployment}/…?api-version=…`
        case deployment
        /// `/openai/assistants`, `/openai/threads/…`, `/openai/files…?api-version=…`
        case resource
        /// `/openai/v1/…` (no dated api-version).
        case v1
    }

    var operation: APIOperation
    var form: Form
    /// The deployment segment, percent-decoded (deployment form only).
    var deployment: String?
    /// The `{id}` segments in path order (thread id, then run id, …), percent-decoded.
    var ids: [String]

    /// What a path resolves to: an operation, a path some operation has under another method, or nothing.
    enum Resolution: Sendable, Equatable {
        case found(MockRoute)
        case wrongMethod(allowed: [String])
        case unknown
    }

    static func resolve(method: String, path: String) -> Resolution {
        let segments = path.split(separator: "/")
        var wrongMethods: [String] = []
        for operation in OperationCatalog.operations {
            for template in operation.pathTemplates {
                guard let (deployment, ids) = bind(template.split(separator: "/"), segments) else { continue }
                guard operation.method == method.uppercased() else {
                    wrongMethods.append(operation.method)
                    continue
                }
                let form: Form =
                    template.hasPrefix("/openai/v1/") ? .v1 : template.hasPrefix("/openai/deployments/") ? .deployment : .resource
                return .found(MockRoute(operation: operation, form: form, deployment: deployment, ids: ids))
            }
        }
        return wrongMethods.isEmpty ? .unknown : .wrongMethod(allowed: Array(Set(wrongMethods)).sorted())
    }

    /// Fills the template's slots from the path; nil when a literal segment differs. An empty slot
    /// never matches (`/openai/threads//runs`).
    static func bind(_ template: [Substring], _ path: [Substring]) -> (String?, [String])? {
        guard template.count == path.count else { return nil }
        var deployment: String?
        var ids: [String] = []
        for (t, p) in zip(template, path) {
            switch t {
            case "{deployment}": deployment = decode(p)
            case "{id}": ids.append(decode(p))
            default: if t != p { return nil }
            }
        }
        // `/openai/threads/runs` is thread-and-run, never a thread whose id is "runs".
        if ids.contains(where: { $0 == "runs" || $0 == "messages" }) { return nil }
        return (deployment, ids)
    }

    private static func decode(_ segment: Substring) -> String {
        String(segment).removingPercentEncoding ?? String(segment)
    }
}
