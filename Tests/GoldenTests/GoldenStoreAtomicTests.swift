import Foundation
import Testing
@testable import Golden

/// `golden update` stopped between writing a golden and renaming it into place (a signal, a full
/// disk) leaves the old golden whole and no temporary file a later run would read as a golden.
@Suite struct GoldenStoreAtomicTests {
    struct Stopped: Error {}

    @Test("a write stopped before its rename leaves the old text and no temporary file")
    func stoppedWriteKeepsOldGolden() throws {
        let root = try Make.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = GoldenStore(layout: GoldenLayout(repositoryRoot: root))
        let relative = "docs/a/zone/section--tab.json"
        try store.write("{\"old\": true}\n", to: relative)
        #expect(throws: Stopped.self) {
            try store.write("{\"new\": " + String(repeating: "1", count: 100_000) + "}\n", to: relative, beforeRename: { throw Stopped() })
        }
        #expect(store.read(relative) == "{\"old\": true}\n")
        let folder = (store.layout.absolute(relative) as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["section--tab.json"])
        #expect(store.files(under: "docs") == [relative])
    }

    @Test("a completed write replaces the golden whole; a temporary file left by a kill is never a golden")
    func completedWriteAndLeftovers() throws {
        let root = try Make.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = GoldenStore(layout: GoldenLayout(repositoryRoot: root))
        let relative = "docs/a/zone/section--tab.json"
        try store.write("{\"old\": true}\n", to: relative)
        try store.write("{\"new\": true}\n", to: relative)
        #expect(store.read(relative) == "{\"new\": true}\n")
        // What a SIGKILL between the temporary write and the rename would leave behind.
        let folder = (store.layout.absolute(relative) as NSString).deletingLastPathComponent
        _ = FileManager.default.createFile(atPath: folder + "/.section--tab.json.0000.tmp", contents: Data("{\"ha".utf8))
        #expect(store.files(under: "docs") == [relative])
    }
}
