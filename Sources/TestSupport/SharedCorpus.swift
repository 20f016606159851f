import Foundation

/// The shared corpus of real docs (`../shared/corpus` beside the package; `/work/shared` on the
/// developers' machines). Tests read it in place — its text is never copied into the repo — and skip
/// when it is absent.
public enum SharedCorpus {
    /// The `corpus` folder, nil when absent.
    /// `DOCVERIFY_CORPUS_DIR` overrides the lookup; set it empty to check that every corpus test
    /// skips cleanly.
    public static let directory: URL? = {
        if let override = ProcessInfo.processInfo.environment["DOCVERIFY_CORPUS_DIR"] {
            return override.isEmpty ? nil : URL(fileURLWithPath: override)
        }
        // Sources/TestSupport/SharedCorpus.swift → the package root is three levels up.
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for candidate in [packageRoot.appendingPathComponent("../shared/corpus").standardizedFileURL, URL(fileURLWithPath: "/work/shared/corpus")] {
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("SOURCES.md").path) { return candidate }
        }
        return nil
    }()

    /// The file or folder at `relative` inside the corpus, nil when the corpus or that entry is absent.
    public static func url(_ relative: String) -> URL? {
        guard let url = directory?.appendingPathComponent(relative), FileManager.default.fileExists(atPath: url.path) else { return nil }
        return url
    }

    /// ``url(_:)`` as a path.
    public static func path(_ relative: String) -> String? { url(relative)?.path }
}
