import Foundation

/// What a scenario leaves for the scenarios that depend on it: the files its samples wrote (and the
/// inputs it was given), and the resource ids the service handed out.
struct ScenarioState: Sendable {
    var files: [String: Data] = [:]
    var ids = ResourceIDs()

    /// Later dependencies win, as the later step's file or id is the one a reader has.
    mutating func merge(_ other: ScenarioState) {
        files.merge(other.files) { _, new in new }
        ids.merge(other.ids)
    }
}
