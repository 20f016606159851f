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
///   Only alternatives are compared — the same step's call in two pivots, or in two tabs of one tab
///   group — aligned by operation and by its occurrence within the section, never two successive
///   calls of one pivot and tab. An optional member sent in one alternative and left out in another
///   is a note unless the value sent differs from the API's default (``OptionalFieldDefaults``); a
///   different number of calls is a note. The body's `model` is ignored when the URL names the
///   deployment (the service does not read it then).
/// - `api-version-mismatch` (warning): calls of one document use different literal `api-version`s.
/// - `api-version-unknown` / `-unsupported` / `-missing`: see ``APIVersionChecks``.
public struct DocumentChecks {
    /// All document checks, findings in report order.
    public static func run(_ extraction: DocumentExtraction) -> [Finding] {
        (pivotDrift(extraction) + apiVersionMismatch(extraction) + APIVersionChecks.run(extraction)).sortedForReport()
    }

    /// Where a reader follows one way of doing a section: a pivot, and a tab of one tab group.
    struct Alternative: Hashable {
        var pivot: String?
        var group: Int?
        var tab: String?

        /// Two places a reader chooses between (not two steps one reader follows): another pivot, or
        /// another tab of the same tab group.
        func isAlternative(to other: Alternative) -> Bool {
            if pivot != other.pivot { return true }
            return group != nil && group == other.group && tab != other.tab
        }
    }

    /// Which call of a section a call is: its operation and how many calls of that operation the
    /// same alternative made before it.
    struct Slot: Hashable {
        var operation: String
        var occurrence: Int
    }

    /// One request-making sample of one alternative, with its calls in order and each call's slot.
    /// A sample that shows an earlier sample's calls again with another client (a Python program and
    /// then a `curl` line) takes that sample's slots: it is another way, not the next step.
    struct Variant {
        var index: Int
        var alternative: Alternative
        var calls: [ExtractedRequest]
        var slots: [Slot]
        /// False for a sample that repeats an earlier one's calls.
        var advances: Bool = true

        var pivot: String? { alternative.pivot }
        var tab: String? { alternative.tab }

        var label: String {
            let p = pivot.map { "pivot '\($0)'" } ?? "the article"
            return tab.map { "\(p), tab '\($0)'" } ?? p
        }

        /// Samples that speak raw HTTP are closest to the API reference; they win ties.
        var isRawHTTP: Bool {
            calls.contains { [.curl, .httpBlock, .pythonRequests, .javascriptFetch].contains($0.client) }
        }
    }

    /// The operation a call is aligned by: the catalog's id, else its method and path.
    static func operationKey(_ call: ExtractedRequest) -> String {
        OperationCatalog.match(method: call.method, path: call.path)?.id ?? "\(call.method.uppercased()) \(call.path)"
    }

    /// Section title → its variants with at least one call, in document order.
    static func variantsBySection(_ extraction: DocumentExtraction) -> [(title: String, variants: [Variant])] {
        var order: [String] = []
        var groups: [String: [Variant]] = [:]
        var index = 0
        for pivot in extraction.document.pivots {
            for section in pivot.sections {
                let title = ASCIIScan.trimmingWhitespace(section.title)
                for tab in section.tabs {
                    let alternative = Alternative(pivot: pivot.id, group: tab.group, tab: tab.id)
                    var seen: [String: Int] = [:]
                    var earlier: [(operations: [String], clients: Set<RequestClient>, slots: [Slot])] = []
                    for sample in tab.samples {
                        let calls = extraction.samples[sample.id]?.requests ?? []
                        guard !calls.isEmpty else { continue }
                        let operations = calls.map(operationKey)
                        let clients = Set(calls.map(\.client))
                        var variant = Variant(index: index, alternative: alternative, calls: calls, slots: [])
                        if let repeated = earlier.first(where: { $0.operations == operations && $0.clients.isDisjoint(with: clients) }) {
                            variant.slots = repeated.slots
                            variant.advances = false
                        } else {
                            variant.slots = operations.map { op in
                                defer { seen[op, default: 0] += 1 }
                                return Slot(operation: op, occurrence: seen[op, default: 0])
                            }
                            earlier.append((operations, clients, variant.slots))
                        }
                        if groups[title] == nil { order.append(title) }
                        groups[title, default: []].append(variant)
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
        for (title, variants) in variantsBySection(extraction) {
            let alternatives = Set(variants.map(\.alternative))
            guard alternatives.count > 1 else { continue }
            let sectionName = title.isEmpty ? "the introduction" : "section '\(title)'"
            findings += callCountNotes(variants, sectionName: sectionName)
            // Align each call with the calls of the other alternatives in the same slot.
            var slotOrder: [Slot] = []
            var bySlot: [Slot: [(variant: Variant, call: Int)]] = [:]
            for variant in variants {
                for (i, slot) in variant.slots.enumerated() {
                    if bySlot[slot] == nil { slotOrder.append(slot) }
                    bySlot[slot, default: []].append((variant, i))
                }
            }
            for slot in slotOrder {
                let present = bySlot[slot]!
                guard Set(present.map(\.variant.alternative)).count > 1 else { continue }
                findings += drift(present, sectionName: sectionName)
            }
        }
        return findings
    }

    /// A note per alternative whose calls (operations and their number) differ from what most
    /// alternatives of the section make: not drift of a body, but a reader of that pivot or tab
    /// does something the others don't.
    static func callCountNotes(_ variants: [Variant], sectionName: String) -> [Finding] {
        var slotsOf: [Alternative: [Slot]] = [:]
        var firstOf: [Alternative: Variant] = [:]
        for variant in variants where variant.advances {
            slotsOf[variant.alternative, default: []] += variant.slots
            if firstOf[variant.alternative] == nil { firstOf[variant.alternative] = variant }
        }
        let bySlots = Dictionary(grouping: firstOf.values, by: { Set(slotsOf[$0.alternative]!) })
        guard bySlots.count > 1, let referenceSlots = reference(bySlots) else { return [] }
        let referenceGroup = bySlots[referenceSlots]!
        var findings: [Finding] = []
        for variant in firstOf.values.sorted(by: { $0.index < $1.index }) where Set(slotsOf[variant.alternative]!) != referenceSlots {
            guard let referenceVariant = referenceGroup.filter({ $0.alternative.isAlternative(to: variant.alternative) }).min(by: { $0.index < $1.index }) else { continue }
            findings.append(Finding(
                rule: "pivot-drift", severity: .note, location: variant.calls[0].location,
                message: "\(sectionName) makes \(slotsOf[variant.alternative]!.count) request(s) in \(variant.label) but \(referenceSlots.count) in \(referenceVariant.label) (\(referenceVariant.calls[0].location)); check that every pivot and tab teaches the same calls",
                pivot: variant.pivot, tab: variant.tab))
        }
        return findings
    }

    /// The body a call is compared by: canonical, without `model` when the URL names the deployment.
    static func comparedBody(_ call: ExtractedRequest) -> JSONValue {
        var body = call.body.map { CanonicalForm.canonical($0) } ?? .null
        if call.path.contains("{deployment}") || call.path.contains("/deployments/"), case .object(var members) = body {
            members["model"] = nil
            body = .object(members)
        }
        return body
    }

    static func drift(_ aligned: [(variant: Variant, call: Int)], sectionName: String) -> [Finding] {
        let variants = aligned.map(\.variant)
        let bodies = aligned.map { comparedBody($0.variant.calls[$0.call]) }
        var paths: [String] = []
        var seen = Set<String>()
        for body in bodies.dropFirst() {
            for difference in JSONDiff.differences(bodies[0], body) where seen.insert(difference.path).inserted {
                paths.append(difference.path)
            }
        }
        // Each variant's differences, with the alternative they were found against.
        var differences: [Int: [(finding: Finding, label: String, referenceLabel: String, other: SourceLocation, forModels: Bool)]] = [:]
        var order: [Int] = []
        var reportedPaths: [Int: [String]] = [:]
        for path in paths where !isSchemaTitle(path) {
            var groups: [JSONValue?: [Variant]] = [:]
            var valueOf: [Int: JSONValue?] = [:]
            for (variant, body) in zip(variants, bodies) {
                let value = JSONPath.value(at: path, in: body)
                // A value docverify couldn't evaluate may equal any other: it takes no side.
                // (Deeper paths still compare the parts that are known.)
                if Self.holdsUnknown(value, depth: 0) || Self.containsUnknown(at: path, in: body) { continue }
                // `<your-deployment>`: each reader puts their own value there, as in every other tab.
                if case .string(let text)? = value, ReaderValues.isReaderValue(text) { continue }
                groups[value, default: []].append(variant)
                valueOf[variant.index] = value
            }
            guard groups.count > 1, let referenceValue = reference(groups) else { continue }
            let agreeing = groups[referenceValue]!.count
            for (variant, call) in aligned where valueOf[variant.index] != nil && valueOf[variant.index]! != referenceValue {
                // Compared only with an alternative: never with a later step of the same reader.
                guard let referenceEntry = aligned.filter({ entry in
                    valueOf[entry.variant.index] == .some(referenceValue) && entry.variant.alternative.isAlternative(to: variant.alternative)
                }).min(by: { $0.variant.index < $1.variant.index }) else { continue }
                // A difference already reported at an enclosing path (a missing message) covers this one.
                if reportedPaths[variant.index, default: []].contains(where: { Self.isAncestor($0, of: path) }) { continue }
                reportedPaths[variant.index, default: []].append(path)
                let value = valueOf[variant.index]!
                // Tabs for two models: their values differ by design, and sending the same one
                // could be refused by one of them (a note, never the advice to align them).
                let forModels = ModelTabs.areDifferentModels(variant.alternative, referenceEntry.variant.alternative)
                let severity = forModels ? .note : severityOf(path: path, value, referenceValue)
                let other = referenceEntry.variant.calls[referenceEntry.call].location
                let ordinal = call == 0 && variant.calls.count == 1 ? "the request" : "request \(call + 1)"
                let advice = forModels
                    ? "the tabs are for different models, whose parameters differ; check that the difference is meant"
                    : severity == .note
                    ? "the API's default makes them alike or docverify does not know its default; check that the difference is meant"
                    : "make the samples send the same request"
                if differences[variant.index] == nil { order.append(variant.index) }
                differences[variant.index, default: []].append((Finding(
                    rule: "pivot-drift", severity: severity, location: variant.calls[call].location,
                    message: "\(sectionName): \(ordinal) sends \(path.isEmpty ? "body" : path) = \(JSONDiff.show(value)) in \(variant.label), but \(JSONDiff.show(referenceValue)) in \(referenceEntry.variant.label) at \(other.file):\(other.line) (\(agreeing) of \(variants.count) variants agree with the latter); \(advice)",
                    pivot: variant.pivot, tab: variant.tab), variant.label, referenceEntry.variant.label, other, forModels))
            }
        }
        var findings: [Finding] = []
        for index in order {
            let found = differences[index]!
            // Two models' tabs: one note for the whole request, however many fields differ.
            guard found.count > maxDetailedDifferences || (found.count > 1 && found.allSatisfy(\.forModels)) else {
                findings += found.map(\.finding)
                continue
            }
            // So many differences are another example, not a drifted copy of the same one: one
            // note names where, instead of a warning per field.
            let first = found[0]
            let fields = found.prefix(3).map { field($0.finding.message) }.joined(separator: ", ")
            findings.append(Finding(
                rule: "pivot-drift", severity: .note, location: first.finding.location,
                message: "\(sectionName): the request in \(first.label) differs from \(first.referenceLabel) at \(first.other.file):\(first.other.line) in \(found.count) fields (\(fields)\(found.count > 3 ? ", …" : "")), "
                    + (found.allSatisfy(\.forModels) ? "as the tabs are for different models, whose parameters differ" : "so the alternatives show different examples")
                    + "; check that this is meant",
                pivot: first.finding.pivot, tab: first.finding.tab))
        }
        return findings
    }

    /// More differing fields than this between two alternatives' requests are reported as one note.
    static let maxDetailedDifferences = 4

    /// The path a drift message names (`… sends PATH = …`).
    static func field(_ message: String) -> String {
        guard let start = message.range(of: " sends "), let end = message.range(of: " = ", range: start.upperBound..<message.endIndex) else { return "" }
        return String(message[start.upperBound..<end.lowerBound])
    }

    /// A `title` annotation of a JSON schema (`….parameters.title`, `….properties.date.title`):
    /// SDK helpers such as Pydantic add one for every model and field, which hand-written REST
    /// schemas leave out, and the service doesn't act on it. A property named `title` is compared.
    static func isSchemaTitle(_ path: String) -> Bool {
        let components = path.split(separator: ".", omittingEmptySubsequences: false)
        guard components.count >= 2, components.last == "title", components[components.count - 2] != "properties" else { return false }
        return components.contains { $0 == "schema" || $0 == "parameters" || $0 == "properties" || $0.hasPrefix("items") }
    }

    /// True for the canonical form of an expression docverify couldn't evaluate, or a string built
    /// with one.
    static func isUnknown(_ value: JSONValue?) -> Bool {
        switch value {
        case .object(let members)?: return members["$unknown"] != nil
        case .string(let text)?: return text.contains("{unknown}")
        default: return false
        }
    }

    /// True when `value` is or holds an unknown anywhere inside (bounded depth).
    static func holdsUnknown(_ value: JSONValue?, depth: Int) -> Bool {
        guard depth < 32, let value else { return false }
        if isUnknown(value) { return true }
        switch value {
        case .array(let items): return items.contains { holdsUnknown($0, depth: depth + 1) }
        case .object(let members): return members.values.contains { holdsUnknown($0, depth: depth + 1) }
        default: return false
        }
    }

    /// True when a container on the way to `path` is unknown (the member is then unknowable, not absent).
    static func containsUnknown(at path: String, in body: JSONValue) -> Bool {
        var current: JSONValue? = body
        for component in ResponsePath.components(path) {
            if isUnknown(current) { return true }
            switch component {
            case .key(let k): current = current?[k]
            case .index(let i): current = current?[i]
            }
        }
        return false
    }

    /// A note when a top-level optional member is sent on one side only and sending it changes
    /// nothing docverify knows of; a warning for any other difference.
    static func severityOf(path: String, _ a: JSONValue?, _ b: JSONValue?) -> Severity {
        guard !path.isEmpty, !path.contains("."), !path.contains("[") else { return .warning }
        switch (a, b) {
        case (nil, let sent?), (let sent?, nil):
            return OptionalFieldDefaults.absenceIsMinor(member: path, value: sent) ? .note : .warning
        default:
            return .warning
        }
    }

    static func isAncestor(_ a: String, of b: String) -> Bool {
        guard b.count > a.count, b.hasPrefix(a) else { return false }
        if a.isEmpty { return true }
        let next = b[b.index(b.startIndex, offsetBy: a.count)]
        return next == "." || next == "["
    }

    // MARK: api-version-mismatch

    public static func apiVersionMismatch(_ extraction: DocumentExtraction) -> [Finding] {
        // Versions are compared per operation: a page may rightly call chat on a GA version and
        // assistants on the preview that has them.
        var families: [String: [(pivot: String?, tab: String?, sample: Int, request: ExtractedRequest)]] = [:]
        var order: [String] = []
        var seenSamples = Set<Int>()
        for (pivot, _, tab, sample) in extraction.document.allSamples where seenSamples.insert(sample.id).inserted {
            for request in extraction.samples[sample.id]?.requests ?? [] where request.purpose == .api {
                // Only Azure OpenAI operations: a search index or a management call on the same page
                // has api-versions of its own service.
                guard let family = OperationCatalog.match(method: request.method, path: request.path)?.id else { continue }
                if families[family] == nil { order.append(family) }
                families[family, default: []].append((pivot.id, tab.id, sample.id, request))
            }
        }
        return order.flatMap { apiVersionMismatch(families[$0]!) }
    }

    static func apiVersionMismatch(_ calls: [(pivot: String?, tab: String?, sample: Int, request: ExtractedRequest)]) -> [Finding] {
        struct Use {
            var version: String
            var location: SourceLocation
            var pivot: String?
            var tab: String?
            var sample: Int
            var legacy = false
        }
        var uses: [Use] = []
        for call in calls {
            if case .string(let version)? = call.request.query["api-version"] {
                uses.append(Use(version: version, location: call.request.location, pivot: call.pivot, tab: call.tab, sample: call.sample,
                                legacy: call.request.client == .pythonOpenAILegacy))
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
            var message = "api-version '\(use.version)'\(where_.isEmpty ? "" : " in " + where_) differs from '\(referenceVersion)' used by \(samples(referenceVersion)) other sample(s) of this document (first at \(first.location.file):\(first.location.line)); use one API version for this operation throughout"
            // A tab kept for the retired openai 0.28 library pins the version of its era on purpose.
            let legacyTab = use.legacy && use.tab != nil
            if legacyTab { message += " (this tab uses the openai 0.28 library, whose samples pin the api-version of their time; check that the service still serves it)" }
            findings.append(Finding(
                rule: "api-version-mismatch", severity: legacyTab ? .note : .warning, location: use.location,
                message: message, pivot: use.pivot, tab: use.tab))
        }
        return findings
    }
}
