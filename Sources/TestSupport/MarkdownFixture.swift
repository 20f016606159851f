import Foundation

/// Writes a small docs folder of our own (file name → Markdown) to a fresh temporary directory and
/// returns its path, for tests that load articles through the real loader.
public enum MarkdownFixture {
    public static func folder(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("docverify-\(UUID().uuidString)")
        for (name, text) in files {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root.path
    }
}
