import Foundation
import Testing

/// libcurl (and the ~30 libraries it pulls in) is loaded by the first request, not at start: a
/// command that sends nothing must not pay for loading it. The dynamic loader's own log
/// (`LD_DEBUG=files`, glibc) tells which libraries a process loaded.
@Suite(.serialized) struct LazyLibcurlTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = packageRoot.appendingPathComponent(".build/debug/docverify")
    static var built: Bool { FileManager.default.isExecutableFile(atPath: binary.path) }

    /// Runs docverify with the loader's file log on; returns its exit status and standard error.
    /// Files, not pipes: draining pipes would block threads of the concurrency pool.
    static func loaderLog(_ arguments: [String]) throws -> (status: Int32, log: String) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("docverify-lazycurl-\(UUID().uuidString)")
        let outURL = base.appendingPathExtension("out"), errURL = base.appendingPathExtension("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["LD_DEBUG"] = "files"
        environment["CI"] = "true"
        process.environment = environment
        process.currentDirectoryURL = packageRoot
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, try String(contentsOf: errURL, encoding: .utf8))
    }

    @Test(.enabled(if: built, "needs .build/debug/docverify (swift build first)"))
    func checkDoesNotLoadLibcurl() throws {
        let page = FileManager.default.temporaryDirectory.appendingPathComponent("docverify-lazycurl-\(UUID().uuidString).md")
        try "# A page\n\nNo samples here.\n".write(to: page, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: page) }
        let (status, log) = try Self.loaderLog(["check", page.path])
        #expect(status == 0)
        // The log is on (libcmark, which check needs, is in it), and libcurl is not.
        #expect(log.contains("file=libcmark"))
        #expect(!log.contains("file=libcurl"))
    }

    @Test(.enabled(if: built, "needs .build/debug/docverify (swift build first)"))
    func runLoadsLibcurlAndSendsItsRequests() throws {
        let (status, log) = try Self.loaderLog(["run", "docs/examples/audio-chat-quickstart.md"])
        #expect(status == 0)
        #expect(log.contains("file=libcurl.so.4"))
    }
}
