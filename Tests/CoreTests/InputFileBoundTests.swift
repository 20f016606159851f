import Foundation
import Testing
@testable import Core

/// `stat` decides before a byte is read: size against the bound, and the file's type.
@Suite struct InputFileBoundTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bound-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func sizeAgainstTheBound() throws {
        let file = try Self.folder().appendingPathComponent("a.md")
        try Data(repeating: 0x61, count: 1_000).write(to: file)
        #expect(InputFileBound.inspect(file.path, maxBytes: 1_000) == .readable(bytes: 1_000))
        #expect(InputFileBound.inspect(file.path, maxBytes: 999) == .tooLarge(bytes: 1_000))
        #expect(InputFileBound.inspect(file.path + ".none", maxBytes: 1_000) == .missing)
        #expect(InputFileBound.inspect(file.deletingLastPathComponent().path, maxBytes: 1_000) == .folder)
    }

    @Test("a 10 GB file (sparse: no disk used) is judged from its size, at once")
    func hugeSparseFile() throws {
        let file = try Self.folder().appendingPathComponent("huge.md")
        #expect(FileManager.default.createFile(atPath: file.path, contents: nil))
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: 10 * 1024 * 1024 * 1024)
        try handle.close()
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(InputFileBound.inspect(file.path, maxBytes: InputFileBound.defaultMaxBytes) == .tooLarge(bytes: 10 * 1024 * 1024 * 1024))
    }

    @Test func fifoIsNotARegularFile() throws {
        let path = try Self.folder().appendingPathComponent("pipe.md").path
        #expect(mkfifo(path, 0o644) == 0)
        #expect(InputFileBound.inspect(path, maxBytes: 1_000) == .notRegularFile(kind: "a FIFO (named pipe)"))
        #expect(InputFileBound.inspect("/dev/null", maxBytes: 1_000) == .notRegularFile(kind: "a character device"))
    }

    @Test("the default lets a page carrying a 20 MB body as base64 (about 27 MB) through")
    func defaultBound() {
        #expect(InputFileBound.defaultMaxBytes >= 20 * 1024 * 1024 * 4 / 3 + 1024 * 1024)
        let message = InputFileBound.tooLargeMessage(bytes: 73_400_320, maxBytes: InputFileBound.defaultMaxBytes)
        #expect(message.contains("73400320 bytes (70.0 MiB)"))
        #expect(message.contains("67108864 bytes (64.0 MiB)"))
        #expect(message.contains("--max-file-bytes"))
    }
}
