import Core
import Foundation
import Testing

/// The one reader of the files findings point at: Policy's lines and texts, Reporting's quoted lines.
@Suite struct SourceLinesReadingTests {
    static func folder(_ files: [String: [UInt8]]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("source-lines-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for (name, bytes) in files { try Data(bytes).write(to: URL(fileURLWithPath: root + "/" + name)) }
        return root
    }

    @Test("roots are searched in order; an absolute name is read as it is; no roots read nothing")
    func lookup() throws {
        let first = try Self.folder(["a.md": Array("first\n".utf8)])
        let second = try Self.folder(["a.md": Array("second\n".utf8), "b.md": Array("only b\n".utf8)])
        defer { for root in [first, second] { try? FileManager.default.removeItem(atPath: root) } }
        let sources = SourceLines(roots: [first, second])
        #expect(sources.text("a.md") == "first\n")
        #expect(sources.lines("b.md") == ["only b", ""])
        #expect(sources.text("missing.md") == nil)
        #expect(sources.line("missing.md", 1) == "")
        #expect(SourceLines(roots: []).text(second + "/b.md") == nil)
        #expect(SourceLines.workingFolderFirst().line(second + "/b.md", 1) == "only b")
    }

    @Test("a report quotes line N without the byte-order mark, and nothing of a file that is not UTF-8")
    func reportLines() throws {
        let root = try Self.folder(["bom.md": [0xEF, 0xBB, 0xBF] + Array("# T\nvoice: nova\n".utf8), "bad.md": Array("ok\n".utf8) + [0xFF, 0x0A]])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let sources = SourceLines.workingFolderFirst(roots: [root])
        #expect(sources.line("bom.md", 1) == "# T")
        #expect(sources.line("bom.md", 2) == "voice: nova")
        #expect(sources.line("bom.md", 4) == "")
        #expect(sources.line("bom.md", 0) == "")
        // Suppressions read the text as it is, mark and all, and a bad byte as U+FFFD.
        #expect(sources.lines("bom.md")?.first == "\u{FEFF}# T")
        #expect(sources.line("bad.md", 1) == "")
        #expect(sources.lines("bad.md") == ["ok", "\u{FFFD}", ""])
    }

    @Test("a CRLF file is split into its lines: Swift's one-Character \\r\\n does not hide them")
    func crlfLines() throws {
        let root = try Self.folder(["crlf.md": Array("# T\r\n<!-- docverify-disable -->\r\nvoice: nova\r\n".utf8)])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let sources = SourceLines(roots: [root])
        #expect(sources.lines("crlf.md") == ["# T", "<!-- docverify-disable -->", "voice: nova", ""])
        // Reports quote the line as written, its \r kept (as for an LF file's lines, nothing else changes).
        #expect(sources.line("crlf.md", 3) == "voice: nova\r")
        #expect(sources.line("crlf.md", 4) == "")
    }
}
