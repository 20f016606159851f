import Core
import Foundation
import Yams

/// A `zone-pivot-groups.yml` file: pivot group id → its pivot ids, in order.
public struct PivotGroups: Sendable, Hashable {
    public struct Group: Sendable, Hashable {
        public var id: String
        public var title: String?
        public var pivots: [String]
    }

    public var groups: [Group]
    /// The file it was read from.
    public var path: String

    public func group(_ id: String) -> Group? { groups.first { $0.id == id } }

    /// Parses the file's YAML (`groups:` → `- id:`, `pivots:` → `- id:`).
    public static func parse(yaml: String, path: String) throws -> PivotGroups {
        guard let node = try Yams.compose(yaml: yaml), let list = node["groups"]?.sequence else {
            throw PivotGroupsError(path: path, message: "no 'groups:' list")
        }
        let groups = list.compactMap { entry -> Group? in
            guard let id = entry["id"]?.string else { return nil }
            let pivots = entry["pivots"]?.sequence?.compactMap { $0["id"]?.string } ?? []
            return Group(id: id, title: entry["title"]?.string, pivots: pivots)
        }
        return PivotGroups(groups: groups, path: path)
    }

    /// Reads a pivot groups file.
    public static func load(path: String) throws -> PivotGroups {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw PivotGroupsError(path: path, message: "cannot read the file")
        }
        do {
            return try parse(yaml: text, path: path)
        } catch let error as PivotGroupsError {
            throw error
        } catch {
            throw PivotGroupsError(path: path, message: "not valid YAML: \(error)")
        }
    }

    /// The nearest `zone-pivot-groups.yml` in `directory` or one of its parents.
    public static func find(from directory: String) -> String? {
        var url = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = url.appendingPathComponent("zone-pivot-groups.yml").path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }
}

/// A pivot groups file that cannot be used.
public struct PivotGroupsError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}
