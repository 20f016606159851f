import Foundation
import Core
import Extraction
import Quickstart

/// Checks that need the whole document: do pivots and tabs agree with each other?
///
/// - `pivot-drift` (warning): a section (matched across pivots by its title) sends different
///   requests in different pivots or tabs. It is a warning, not an error, because each sample may
///   still work on its own: the defect is that readers of different languages are taught different
///   requests (another prompt, another parameter), which a reviewer must judge; whether a sample
///   actually works is decided by `request-*` errors and by `docverify run`.
/// - `api-version-mismatch` (warning): calls of one document use different literal `api-version`s.
/// - `api-version-unknown` / `-unsupported` / `-missing`: see ``APIVersionChecks``.
public struct DocumentChecks {
    /// All document checks, findings in report order.
    public static func run(_ extraction: DocumentExtraction) -> [Finding] {
        (pivotDrift(extraction) + apiVersionMismatch(extraction) + APIVersionChecks.run(extraction)).sortedForReport()
    }

    /// One way a section is done: a request-making sample of one pivot × tab, with its calls in
    /// order. A tab that shows the same call twice (a Python program and a `curl` line) has two
    /// variants, each compared with the other pivots' — not one variant with both samples' calls.
    struct Variant {
        var index: Int
        var pivot: String?
        var tab: String?
        var calls: [ExtractedRequest]

        var label: String {
            let p = pivot.map { "pivot '\($0)'" } ?? "the article"
            return tab.map { "\(p), tab '\($0)'" } ?? p
        }

        /// Samples that speak raw HTTP are closest to the API reference; they win ties.
        var isRawHTTP: Bool {
            calls.contains { [.curl, .httpBlock, .pythonRequests, .javascriptFetch].contains($0.client) }
        }
    }

    /// Section title → its variants with at least one call, in document order.
    static func variantsBySection(_ extraction: DocumentExtraction) -> [(title: String, variants: [Variant])] {
        var order: [String] = []
        var groups: [String: [Variant]] = [:]
        var index = 0
        for pivot in extraction.document.pivots {
            for section in pivot.sections {
                let title = section.title.trimmingCharacters(in: .whitespaces)
                for tab in section.tabs {
                    for sample in tab.samples {
                        let calls = extraction.samples[sample.id]?.requests ?? []
                        guard !calls.isEmpty else { continue }
                        if groups[title] == nil { order.append(title) }
                        groups[title, default: []].append(Variant(index: index, pivot: pivot.id, tab: tab.id, calls: calls))
                        index += 1
                    }
                }
            }
        }
        return order.map { ($0, groups[$0]!) }
    }

    /// Picks the reference value among variant groups: most variants, then a raw-HTTP variant, then
    /// the earliest variant.
    static func reference<Key: Hashable>(_ groups: [Key: [Variant]]) -> Key? {
        groups.max { a, b in
            if a.value.count != b.value.count { return a.value.count < b.value.count }
            let aHTTP = a.value.contains(where: \.isRawHTTP), bHTTP = b.value.contains(where: \.isRawHTTP)
            if aHTTP != bHTTP { return !aHTTP }
            return a.value.map(\.index).min()! > b.value.map(\.index).min()!
        }?.key
    }

    // MARK: pivot-drift

    public static func pivotDrift(_ extraction: DocumentExtraction) -> [Finding] {
        var findings: [Finding] = []
        for (title, variants) in variantsBySection(extraction) where variants.count > 1 {
            let sectionName = title.isEmpty ? "the introduction" : "section '\(title)'"
            // Call counts first: a variant that makes another number of calls is reported once.
            let byCount = Dictionary(grouping: variants, by: { $0.calls.count })
            let referenceCount = reference(byCount)!
            let referenceVariant = byCount[referenceCount]!.min { $0.index < $1.index }!
            for variant in variants where variant.calls.count != referenceCount {
                findings.append(Finding(
                    rule: "pivot-drift", severity: .warning, location: variant.calls[0].location,
                    message: "\(sectionName) makes \(variant.calls.count) request(s) in \(variant.label) but \(referenceCount) in \(referenceVariant.label) (\(referenceVariant.calls[0].location)); every pivot and tab should send the same requests",
                    pivot: variant.pivot, tab: variant.tab))
            }
            let callCount = variants.map(\.calls.count).max()!
            for call in 0..<callCount {
                let present = variants.filter { $0.calls.count > call }
                guard present.count > 1 else { continue }
                findings += drift(call: call, variants: present, sectionName: sectionName)
            }
        }
        return findings
    }

    static func drift(call: Int, variants: [Variant], sectionName: String) -> [Finding] {
        let bodies = variants.map { v in v.calls[call].body.map { CanonicalForm.canonical($0) } ?? .null }
        var paths: [String] = []
        var seen = Set<String>()
        for body in bodies.dropFirst() {
            for difference in JSONDiff.differences(bodies[0], body) where seen.insert(difference.path).inserted {
                paths.append(difference.path)
            }
        }
        var findings: [Finding] = []
        var reportedPaths: [Int: [String]] = [:]
        for path in paths {
            var groups: [JSONValue?: [Variant]] = [:]
            var valueOf: [Int: JSONValue?] = [:]
            for (variant, body) in zip(variants, bodies) {
                let value = JSONPath.value(at: path, in: body)
                groups[value, default: []].append(variant)
                valueOf[variant.index] = value
            }
            guard groups.count > 1, let referenceValue = reference(groups) else { continue }
            let referenceVariant = groups[referenceValue]!.min { $0.index < $1.index }!
            let agreeing = groups[referenceValue]!.count
            for variant in variants where valueOf[variant.index]! != referenceValue {
                // A difference already reported at an enclosing path (a missing message) covers this one.
                if reportedPaths[variant.index, default: []].contains(where: { Self.isAncestor($0, of: path) }) { continue }
                reportedPaths[variant.index, default: []].append(path)
                let other = referenceVariant.calls[call].location
                let ordinal = call == 0 ? "the request" : "request \(call + 1)"
                findings.append(Finding(
                    rule: "pivot-drift", severity: .warning, location: variant.calls[call].location,
                    message: "\(sectionName): \(ordinal) sends \(path.isEmpty ? "body" : path) = \(JSONDiff.show(valueOf[variant.index]!)) in \(variant.label), but \(JSONDiff.show(referenceValue)) in \(referenceVariant.label) at \(other.file):\(other.line) (\(agreeing) of \(variants.count) variants agree with the latter); make the samples send the same request",
                    pivot: variant.pivot, tab: variant.tab))
            }
        }
        return findings
    }

    static func isAncestor(_ a: String, of b: String) -> Bool {
        guard b.count > a.count, b.hasPrefix(a) else { return false }
        if a.isEmpty { return true }
        let next = b[b.index(b.startIndex, offsetBy: a.count)]
        return next == "." || next == "["
    }

    // MARK: api-version-mismatch

    public static func apiVersionMismatch(_ extraction: DocumentExtraction) -> [Finding] {
        struct Use {
            var version: String
            var location: SourceLocation
            var pivot: String?
            var tab: String?
            var sample: Int
        }
        var uses: [Use] = []
        var seenSamples = Set<Int>()
        for (pivot, _, tab, sample) in extraction.document.allSamples where seenSamples.insert(sample.id).inserted {
            for request in extraction.samples[sample.id]?.requests ?? [] {
                if case .string(let version)? = request.query["api-version"] {
                    uses.append(Use(version: version, location: request.location, pivot: pivot.id, tab: tab.id, sample: sample.id))
                }
            }
        }
        let byVersion = Dictionary(grouping: uses.indices, by: { uses[$0].version })
        guard byVersion.count > 1 else { return [] }
        // The version most samples use is the document's (a multi-turn sample counts once); ties go
        // to the version met first in document order.
        func samples(_ version: String) -> Int { Set(byVersion[version]!.map { uses[$0].sample }).count }
        let referenceVersion = byVersion.keys.max { a, b in
            if samples(a) != samples(b) { return samples(a) < samples(b) }
            return byVersion[a]!.min()! > byVersion[b]!.min()!
        }!
        let first = uses[byVersion[referenceVersion]!.min()!]
        var reported = Set<[String]>()
        var findings: [Finding] = []
        for use in uses where use.version != referenceVersion {
            guard reported.insert([String(use.sample), use.version]).inserted else { continue }
            let where_ = [use.pivot.map { "pivot '\($0)'" }, use.tab.map { "tab '\($0)'" }].compactMap { $0 }.joined(separator: ", ")
            findings.append(Finding(
                rule: "api-version-mismatch", severity: .warning, location: use.location,
                message: "api-version '\(use.version)'\(where_.isEmpty ? "" : " in " + where_) differs from '\(referenceVersion)' used by \(samples(referenceVersion)) other sample(s) of this document (first at \(first.location.file):\(first.location.line)); use one API version throughout",
                pivot: use.pivot, tab: use.tab))
        }
        return findings
    }
}
