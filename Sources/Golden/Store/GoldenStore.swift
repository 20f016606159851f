import Core
import Foundation

/// Reads and writes golden files. Every write goes to a temporary file in the same folder and is
/// renamed into place, so an interrupted update leaves each golden old or new, never truncated.
public struct GoldenStore: Sendable {
    public var layout: GoldenLayout

    public init(layout: GoldenLayout) {
        self.layout = layout
    }

    /// The text a golden file holds: pretty-printed, sorted keys, trailing newline.
    public static func text(_ value: JSONValue) -> String { value.serialized(pretty: true) + "\n" }

    public func read(_ relative: String) -> String? {
        guard let data = FileManager.default.contents(atPath: layout.absolute(relative)) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Writes `text` atomically. `beforeRename` runs between the temporary write and the rename
    /// (tests interrupt an update there).
    public func write(_ text: String, to relative: String, beforeRename: () throws -> Void = {}) throws {
        let target = layout.absolute(relative)
        let folder = (target as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw GoldenStoreError(path: target, message: "cannot create the folder (\(error))")
        }
        let temporary = (folder as NSString).appendingPathComponent(".\((target as NSString).lastPathComponent).\(UUID().uuidString).tmp")
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
            throw GoldenStoreError(path: target, message: "cannot create a temporary file in \(folder)")
        }
        do {
            try beforeRename()
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
        if rename(temporary, target) != 0 {
            let code = errno
            try? FileManager.default.removeItem(atPath: temporary)
            throw GoldenStoreError(path: target, message: "cannot rename the temporary file into place (errno \(code))")
        }
    }

    public func delete(_ relative: String) throws {
        do {
            try FileManager.default.removeItem(atPath: layout.absolute(relative))
        } catch {
            throw GoldenStoreError(path: layout.absolute(relative), message: "cannot delete: \(error)")
        }
    }

    /// Every golden file under `folder` (relative to the golden dir), relative paths, sorted.
    /// Temporary files and the rules file are not goldens.
    public func files(under folder: String) -> [String] {
        let base = layout.absolute(folder)
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [] }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasSuffix(".json"), !name.hasPrefix(".") { found.append(folder + "/" + relative) }
        }
        return found.sorted()
    }
}

/// A golden file could not be written or deleted.
public struct GoldenStoreError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message); check that the golden folder is writable" }
}
