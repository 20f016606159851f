import Core
import Limits

/// Lists the docs state (the voices) against the enumerations of the spec, both ways.
public enum DocumentedListChecks {
    /// One comparison: the documented list, the spec's values, and what differs.
    public struct Comparison: Sendable, Hashable {
        public var limit: DocumentedLimit
        public var site: SpecEnumSite
        public var specVersion: String
        public var specValues: [String]
        /// Documented, but the spec does not accept them.
        public var unsupported: [String]
        /// Accepted by the spec, but the docs never name them.
        public var unmentioned: [String]
    }

    /// Every documented list the sites table knows, compared with the spec of its api-version (the
    /// documented minimum when the page states one, else the newest spec).
    public static func compare(_ limits: [DocumentedLimit], specs: SpecSet) -> [Comparison] {
        let minimum = limits.first { $0.key == "api-version.minimum" }.flatMap { limit -> String? in
            if case .version(let v) = limit.value { return v }
            return nil
        }
        guard let spec = specs.document(for: minimum) else { return [] }
        var out: [Comparison] = []
        for limit in limits {
            guard let site = SpecEnumSites.documentedLists[limit.key], case .names(let names) = limit.value,
                  let values = spec.enumValues(at: site) else { continue }
            let lowerValues = Set(values.map { $0.lowercased() })
            let lowerNames = Set(names.map { $0.lowercased() })
            out.append(Comparison(
                limit: limit, site: site, specVersion: spec.version, specValues: values,
                unsupported: names.filter { !lowerValues.contains($0.lowercased()) },
                unmentioned: values.filter { !lowerNames.contains($0.lowercased()) }))
        }
        return out
    }

    /// `doc-promise-unsupported` (error) and `doc-incomplete` (note) at the list's location.
    public static func findings(_ comparisons: [Comparison]) -> [Finding] {
        comparisons.flatMap { c -> [Finding] in
            var findings: [Finding] = []
            if !c.unsupported.isEmpty {
                findings.append(Finding(
                    rule: "doc-promise-unsupported", severity: .error, location: c.limit.location,
                    message: "the page lists \(c.unsupported.joined(separator: ", ")) for \(c.site.name), but the \(c.specVersion) spec accepts only \(c.specValues.joined(separator: ", ")); remove the value or name the api-version that has it"))
            }
            if !c.unmentioned.isEmpty {
                findings.append(Finding(
                    rule: "doc-incomplete", severity: .note, location: c.limit.location,
                    message: "the page lists \(names(c)) value(s) for \(c.site.name), but the \(c.specVersion) spec accepts \(c.specValues.count): \(c.unmentioned.joined(separator: ", ")) are never mentioned; list them, or say the list is a selection"))
            }
            return findings
        }
    }

    static func names(_ c: Comparison) -> Int {
        if case .names(let names) = c.limit.value { return names.count }
        return 0
    }
}
