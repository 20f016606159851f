import Foundation
import Quickstart
import TestSupport
import XCTest

/// The official `openai` Python package runs the corpus quickstart's API-key samples, unchanged,
/// against `docverify mock serve`: the mock is faithful to a real SDK, not just to our own client.
final class RealClientTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testOpenAIPythonSDKRunsTheCorpusAPIKeySamplesAgainstTheMock() async throws {
        let article = try corpusArticle()
        let binary = Self.packageRoot.appendingPathComponent(".build/debug/docverify")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw XCTSkip("the docverify binary is not built; run `make test` (it runs `swift build` first)")
        }
        let python = try await pythonWithOpenAI()

        let document = try QuickstartLoader.load(path: article.path, root: nil, pivotGroupsFile: nil)
        let pivot = try XCTUnwrap(document.pivots.first { $0.id == "programming-language-python" })
        var samples: [String: String] = [:]
        for section in pivot.sections {
            for tab in section.tabs where tab.id == "api-key" {
                for sample in tab.samples where sample.language == .python {
                    if let name = sample.fileName { samples[name] = sample.code }
                }
            }
        }
        XCTAssertEqual(Set(samples.keys), ["to-audio.py", "from-audio.py", "multi-turn.py"])

        let work = FileManager.default.temporaryDirectory.appendingPathComponent("docverify-real-client-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        for (name, code) in samples {
            try code.write(to: work.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }

        let server = try await MockProcess(binary: binary)
        defer { server.stop() }
        let environment = [
            "AZURE_OPENAI_ENDPOINT": server.baseURL,
            "AZURE_OPENAI_API_KEY": "real-client-test-key",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": work.path,
        ]

        let toAudio = try await runPython(python, "to-audio.py", in: work, environment: environment)
        XCTAssertEqual(toAudio.status, 0, toAudio.output)
        let wav = try Data(contentsOf: work.appendingPathComponent("dog.wav"))
        XCTAssertGreaterThan(wav.count, 44)
        XCTAssertEqual(String(decoding: wav.prefix(4), as: UTF8.self), "RIFF")
        XCTAssertEqual(String(decoding: wav[8..<12], as: UTF8.self), "WAVE")
        let sampleRate = wav[24..<28].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        XCTAssertEqual(sampleRate, 24_000)

        let fromAudio = try await runPython(python, "from-audio.py", in: work, environment: environment)
        XCTAssertEqual(fromAudio.status, 0, fromAudio.output)
        XCTAssertFalse(fromAudio.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "no transcript printed")
        XCTAssertTrue(FileManager.default.fileExists(atPath: work.appendingPathComponent("analysis.wav").path))

        let multiTurn = try await runPython(python, "multi-turn.py", in: work, environment: environment)
        XCTAssertEqual(multiTurn.status, 0, multiTurn.output)
        // Both turns printed: the first turn's audio id, then the second turn's text answer.
        XCTAssertTrue(multiTurn.stdout.contains("audio_"), multiTurn.output)
        XCTAssertGreaterThanOrEqual(multiTurn.stdout.split(separator: "\n").count, 6, multiTurn.output)
    }

    /// Our own samples for transcription, translation, speech, images (with the URL downloaded),
    /// embeddings, assistants (create, thread, message, run, poll, list), streamed chat and legacy
    /// completions run unchanged with the official package against the mock.
    func testOpenAIPythonSDKRunsEveryOperationFamilyAgainstTheMock() async throws {
        let binary = Self.packageRoot.appendingPathComponent(".build/debug/docverify")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw XCTSkip("the docverify binary is not built; run `make test` (it runs `swift build` first)")
        }
        let python = try await pythonWithOpenAI()
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("docverify-real-ops-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        for (name, code) in RealClientScripts.all {
            try code.write(to: work.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        // The recording a reader would download: 2 s of a 16 kHz tone.
        try Data(Self.toneWAV(seconds: 2, sampleRate: 16_000)).write(to: work.appendingPathComponent("speech-sample.wav"))

        let server = try await MockProcess(binary: binary)
        defer { server.stop() }
        let environment = [
            "AZURE_OPENAI_ENDPOINT": server.baseURL, "AZURE_OPENAI_API_KEY": "real-client-test-key",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": work.path,
        ]
        func run(_ script: String) async throws -> [String] {
            let outcome = try await runPython(python, script, in: work, environment: environment)
            XCTAssertEqual(outcome.status, 0, "\(script): \(outcome.output)")
            return outcome.stdout.split(separator: "\n").map(String.init)
        }

        let transcript = try await run("transcribe.py")
        XCTAssertEqual(transcript.count, 4, transcript.joined(separator: "\n"))
        XCTAssertTrue(transcript.first?.contains("2.0 seconds of WAV audio") == true, transcript.joined(separator: "\n"))
        XCTAssertEqual(transcript.dropFirst().first, "2.0 2")  // verbose_json: duration and two segments
        XCTAssertEqual(transcript.dropFirst(2).first, "00:00:00,000 --> 00:00:01,000")  // SRT timing line
        XCTAssertEqual(transcript.last, transcript.first)  // translation of the same upload

        _ = try await run("speak.py")
        let wav = try Data(contentsOf: work.appendingPathComponent("greeting.wav"))
        XCTAssertEqual(String(decoding: wav.prefix(4), as: UTF8.self), "RIFF")
        XCTAssertGreaterThan(wav.count, 10_000)
        let flac = try Data(contentsOf: work.appendingPathComponent("greeting.flac"))
        XCTAssertEqual(String(decoding: flac.prefix(4), as: UTF8.self), "fLaC")

        let images = try await run("images.py")
        XCTAssertEqual(images.last, "saved panda.png")
        let png = try [UInt8](Data(contentsOf: work.appendingPathComponent("panda.png")))
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        func u32(_ at: Int) -> Int { png[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        XCTAssertEqual([u32(16), u32(20)], [1_024, 1_792])
        // The image data inflates to exactly one filtered RGB row per line (zlib is the judge).
        let inflate = """
            import struct, sys, zlib
            b = open("panda.png", "rb").read(); i = 8; idat = b""
            while i < len(b):
                n = struct.unpack(">I", b[i:i+4])[0]; t = b[i+4:i+8]; d = b[i+8:i+8+n]
                assert zlib.crc32(t + d) == struct.unpack(">I", b[i+8+n:i+12+n])[0]
                idat += d if t == b"IDAT" else b""; i += 12 + n
            print(len(zlib.decompress(idat)))
            """
        try inflate.write(to: work.appendingPathComponent("inflate.py"), atomically: true, encoding: .utf8)
        let inflated = try await run("inflate.py")
        XCTAssertEqual(inflated, [String(1_792 * (1 + 3 * 1_024))])

        let embeddings = try await run("embed.py")
        XCTAssertEqual(embeddings, ["1536", "2 256 6", "1.0"])

        let assistants = try await run("assistants.py")
        XCTAssertTrue(assistants.first?.hasPrefix("completed ") == true, assistants.joined(separator: "\n"))
        XCTAssertTrue(assistants.contains { $0.hasPrefix("assistant: ") && $0.contains("How long do red pandas sleep?") }, assistants.joined(separator: "\n"))
        XCTAssertTrue(assistants.contains("user: How long do red pandas sleep?"))
        XCTAssertEqual(assistants.last, "completed")

        // Chat with stream=True: the SDK reads the events and assembles the text; then a legacy completion.
        let streamed = try await run("stream.py")
        XCTAssertEqual(streamed.count, 3, streamed.joined(separator: "\n"))
        XCTAssertTrue(streamed.first?.contains("Name three facts about red pandas.") == true, streamed.joined(separator: "\n"))
        XCTAssertEqual(streamed.dropFirst().first, "True True")
        XCTAssertTrue(streamed.last?.contains("Red pandas live in") == true, streamed.joined(separator: "\n"))
    }

    /// The legacy 0.28 package (module globals, `engine=`, `openai.Audio.transcribe`) runs our
    /// legacy sample against the mock: chat, completions, embeddings and transcription.
    func testLegacyOpenAI028PackageRunsAgainstTheMock() async throws {
        let binary = Self.packageRoot.appendingPathComponent(".build/debug/docverify")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw XCTSkip("the docverify binary is not built; run `make test` (it runs `swift build` first)")
        }
        // 0.28 decodes embeddings with numpy, so both are needed.
        let venv = FileManager.default.temporaryDirectory.appendingPathComponent("docverify-openai028-venv")
        let python = venv.appendingPathComponent("bin/python").path
        if (try? await run(python, ["-c", "import openai, numpy; assert openai.version.VERSION.startswith('0.28')"]).status) != 0 {
            guard (try? await run("/usr/bin/env", ["python3", "-m", "venv", venv.path]).status) == 0,
                  (try? await run(python, ["-m", "pip", "install", "--quiet", "openai==0.28.1", "numpy"], timeout: 300).status) == 0 else {
                throw XCTSkip("cannot install openai==0.28.1 and numpy (no PyPI access?)")
            }
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("docverify-real-legacy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        try RealClientScripts.legacy.write(to: work.appendingPathComponent("legacy.py"), atomically: true, encoding: .utf8)
        try Data(Self.toneWAV(seconds: 2, sampleRate: 16_000)).write(to: work.appendingPathComponent("speech-sample.wav"))
        let server = try await MockProcess(binary: binary)
        defer { server.stop() }
        let environment = [
            "AZURE_OPENAI_ENDPOINT": server.baseURL, "AZURE_OPENAI_API_KEY": "real-client-test-key",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": work.path,
        ]
        let outcome = try await runPython(python, "legacy.py", in: work, environment: environment)
        XCTAssertEqual(outcome.status, 0, outcome.output)
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4, outcome.output)
        XCTAssertTrue(lines.first?.contains("Say hello.") == true, outcome.output)
        XCTAssertTrue(lines.dropFirst().first?.contains("Red pandas eat") == true, outcome.output)
        XCTAssertEqual(lines.dropFirst(2).first, "1536")
        XCTAssertTrue(lines.last?.contains("2.0 seconds of WAV audio") == true, outcome.output)
    }

    /// A mono 16-bit PCM WAV of a 440 Hz tone.
    static func toneWAV(seconds: Int, sampleRate: Int) -> [UInt8] {
        var out: [UInt8] = []
        func le(_ v: Int, _ bytes: Int) { for i in 0..<bytes { out.append(UInt8(truncatingIfNeeded: v >> (8 * i))) } }
        let count = seconds * sampleRate
        out += Array("RIFF".utf8); le(36 + count * 2, 4); out += Array("WAVEfmt ".utf8)
        le(16, 4); le(1, 2); le(1, 2); le(sampleRate, 4); le(sampleRate * 2, 4); le(2, 2); le(16, 2)
        out += Array("data".utf8); le(count * 2, 4)
        for n in 0..<count { le(Int(8_000 * sin(Double(n) * 2 * .pi * 440 / Double(sampleRate))), 2) }
        return out
    }

    // MARK: - Helpers

    func corpusArticle() throws -> URL {
        guard let article = SharedCorpus.url("azure-openai/audio-completions-quickstart.md") else {
            throw XCTSkip("../shared/corpus is absent")
        }
        return article
    }

    /// A Python that can `import openai`: the system one when it can, else a temporary venv with
    /// the package installed from PyPI.
    func pythonWithOpenAI() async throws -> String {
        if (try? await run("/usr/bin/env", ["python3", "-c", "import openai"]).status) == 0 {
            return "python3"
        }
        let venv = FileManager.default.temporaryDirectory.appendingPathComponent("docverify-openai-venv")
        let python = venv.appendingPathComponent("bin/python").path
        if (try? await run(python, ["-c", "import openai"]).status) == 0 { return python }
        guard (try? await run("/usr/bin/env", ["python3", "-m", "venv", venv.path]).status) == 0,
              (try? await run(python, ["-m", "pip", "install", "--quiet", "openai"], timeout: 300).status) == 0 else {
            throw XCTSkip("cannot install the openai Python package (pip install openai failed: no PyPI access?)")
        }
        return python
    }

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        var output: String { "stdout:\n\(stdout)\nstderr:\n\(stderr)" }
    }

    func runPython(_ python: String, _ script: String, in dir: URL, environment: [String: String]) async throws -> Outcome {
        let executable = python.hasPrefix("/") ? python : "/usr/bin/env"
        let arguments = python.hasPrefix("/") ? [script] : [python, script]
        return try await run(executable, arguments, in: dir, environment: environment, timeout: 120)
    }

    /// Runs a command off the concurrency pool; past `timeout` it is killed and the error thrown
    /// carries what it printed.
    func run(_ executable: String, _ arguments: [String], in dir: URL? = nil, environment: [String: String]? = nil,
             timeout: TimeInterval = 60) async throws -> Outcome {
        let outcome = try await ChildProcess.run(executable, arguments, environment: environment, directory: dir, timeout: timeout)
        return Outcome(status: outcome.status, stdout: outcome.stdout, stderr: outcome.stderr)
    }
}

/// `docverify mock serve --port 0` as a child process; its first stdout line is the bound URL.
final class MockProcess {
    let child: ChildProcess
    let baseURL: String

    init(binary: URL) async throws {
        child = try ChildProcess(binary.path, ["mock", "serve", "--port", "0"])
        baseURL = try await child.firstLine(timeout: 60).trimmingCharacters(in: .whitespaces)
        guard baseURL.hasPrefix("http://127.0.0.1:") else {
            child.send(SIGKILL)
            throw MockProcessError(message: "docverify mock serve did not print its URL first (got '\(baseURL)')")
        }
    }

    /// Ends the server with SIGINT, as a user would (no wait: nothing of its exit is checked).
    func stop() {
        child.send(SIGINT)
    }
}

struct MockProcessError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
