import Core
import Extraction
import Requests

/// Which `api-version` values the mock accepts for an operation, and Azure's answer to the others.
///
/// Dated forms (deployment and assistants/files URLs) need a published version that has the
/// operation (``APIVersionTable``); the profile's `apiVersions`, when set, narrows that further.
/// Azure answers a missing, unknown or unsupported version with 404 and code "404" ("Resource not
/// found"), which is what clients see. The `/openai/v1/` form takes no dated version: only none,
/// `preview` or `latest`.
enum APIVersionPolicy {
    /// Values the v1 URL form accepts besides no api-version at all.
    static let v1Values: Set<String> = ["preview", "latest", "v1"]

    static func check(_ version: String?, route: MockRoute, profile: MockProfile) throws(MockError) {
        let version = version.flatMap { $0.isEmpty ? nil : $0 }
        if route.form == .v1 {
            guard let version, !v1Values.contains(version) else { return }
            throw MockError(
                status: .badRequest, code: "BadRequest",
                message: "API version not supported: the /openai/v1/ routes take no dated api-version (only 'preview' or 'latest'), not '\(version)'.")
        }
        guard let version else {
            throw MockError.resourceNotFound("The 'api-version' query parameter is missing; add ?api-version=\(suggested(for: route.operation.id, profile: profile)).")
        }
        if accepts(version, operation: route.operation.id, profile: profile) { return }
        let known = APIVersionTable.info(version) != nil || profile.apiVersions?.contains(version) == true
        let why = known ? "does not have the operation \(route.operation.id)" : "is not a published api-version"
        throw MockError.resourceNotFound(
            "api-version '\(version)' \(why); use one that has it, such as \(suggested(for: route.operation.id, profile: profile)).")
    }

    static func accepts(_ version: String, operation: String, profile: MockProfile) -> Bool {
        if let narrowed = profile.apiVersions {
            guard narrowed.contains(version) else { return false }
            // A version the table does not know is the profile's own (a drift test's): trust it.
            guard APIVersionTable.info(version) != nil else { return true }
        }
        // A well-formed version newer than the table may be real: docverify's table, not the
        // page, would be out of date, so the mock serves it.
        if APIVersionTable.isNewerThanKnown(version) { return true }
        return APIVersionTable.supports(version: version, operation: operation)
    }

    /// The newest accepted version for the operation, for messages.
    static func suggested(for operation: String, profile: MockProfile) -> String {
        if let narrowed = profile.apiVersions, let last = narrowed.last(where: { accepts($0, operation: operation, profile: profile) }) {
            return last
        }
        return APIVersionTable.versions.last { $0.operations.contains(operation) }?.version ?? "2025-01-01-preview"
    }

    /// A request field that arrived after the called version: Azure answers 400 "Unrecognized
    /// request argument supplied". Only for versions the table knows (never for the v1 form, a
    /// newer-than-known version or one only the profile names); unparsable bodies are left to the
    /// operation's handler.
    static func checkFeatures(_ body: [UInt8], version: String?, route: MockRoute) throws(MockError) {
        try checkFeatures(try? JSONValue.parse(bytes: body), version: version, route: route)
    }

    /// As ``checkFeatures(_:version:route:)`` for a body already parsed (nil: not JSON, nothing to check).
    static func checkFeatures(_ body: JSONValue?, version: String?, route: MockRoute) throws(MockError) {
        guard route.form != .v1, route.operation.body == .json, let version, let info = APIVersionTable.info(version),
            let json = body
        else { return }
        for use in APIFeatureUse.uses(in: SymbolicValue(json), operation: route.operation) where !info.features.contains(use.feature) {
            let field = use.path.split(separator: ".").first.map { String($0.split(separator: "[").first ?? $0) } ?? use.path
            let newer = APIVersionTable.versions.first { $0.version > version && $0.features.contains(use.feature) && $0.operations.contains(route.operation.id) }
            throw .invalidRequest(
                param: use.path,
                "Unrecognized request argument supplied: \(field). api-version \(version) does not have \(use.name)\(newer.map { "; use \($0.version) or later" } ?? "").")
        }
    }
}
