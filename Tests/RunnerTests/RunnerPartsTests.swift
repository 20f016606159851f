import Core
import Extraction
import Foundation
import Testing
import Transport
@testable import Runner

@Suite struct EndpointResolutionTests {
    let base = "http://127.0.0.1:9"
    func resolve(_ value: SymbolicValue) -> EndpointResolution.Outcome {
        EndpointResolution.resolve(value, baseURL: base) { p in
            if case .response = p { return .string("http://127.0.0.1:9/mock-images/a.png") }
            return nil
        }
    }

    @Test func theReadersEndpointIsTheRunsEndpoint() {
        #expect(resolve(.placeholder(.environment(name: "AZURE_OPENAI_ENDPOINT", fallback: nil))) == .url(base))
        #expect(resolve(.string("https://YOUR_RESOURCE_NAME.openai.azure.com/")) == .url(base))
        #expect(resolve(.string("https://<your-resource>.openai.azure.com/openai/v1")) == .url(base + "/openai/v1"))
        #expect(resolve(.string("https://contoso-eastus.cognitiveservices.azure.com")) == .url(base))
        #expect(resolve(.placeholder(.readerValue(kind: .endpoint, text: "<your-endpoint>"))) == .url(base))
        #expect(resolve(.placeholder(.readerValue(kind: .endpoint, text: "https://YOUR_RESOURCE.openai.azure.com/openai/v1"))) == .url(base + "/openai/v1"))
        #expect(resolve(.template([.literal("https://"), .placeholder(.environment(name: "RESOURCE", fallback: nil)), .literal(".openai.azure.com")])) == .url(base))
        #expect(resolve(.template([.placeholder(.environment(name: "AZURE_OPENAI_ENDPOINT", fallback: nil)), .literal("/openai/v1/")])) == .url(base + "/openai/v1/"))
    }

    @Test func aURLFromAnEarlierAnswerIsKept() {
        #expect(resolve(.placeholder(.response(call: 0, path: "data[0].url"))) == .url("http://127.0.0.1:9/mock-images/a.png"))
        #expect(resolve(.string("http://localhost:8080")) == .url("http://localhost:8080"))
    }

    @Test func aWholeURLWrittenAsOneCapitalWordIsAStandIn() {
        #expect(resolve(.string("URL")) == .standIn("URL"))
        #expect(resolve(.string("ENDPOINT_URL")) == .standIn("ENDPOINT_URL"))
        guard case .unresolved = resolve(.string("not a url")) else {
            Issue.record("text that is no stand-in resolved")
            return
        }
    }

    @Test func whatCannotBeEvaluatedIsUnresolved() {
        guard case .unresolved(let why) = resolve(.placeholder(.unknown("config.endpoint"))) else {
            Issue.record("an unknown endpoint resolved")
            return
        }
        #expect(why.contains("config.endpoint"))
        guard case .unresolved = resolve(.template([.literal("https://"), .placeholder(.unknown("host()")), .literal("/")])) else {
            Issue.record("an unknown host resolved")
            return
        }
    }
}

@Suite struct ResourceIDsTests {
    @Test func exampleIdsAreReplacedByTheLatestOfTheirKind() {
        var ids = ResourceIDs()
        ids.record(.object(["id": .string("run_X1234"), "thread_id": .string("thread_T1234"), "assistant_id": .string("asst_A1234")]))
        #expect(ids.substitute(path: "/openai/threads/thread_abc123/runs/run_abc123") == "/openai/threads/thread_T1234/runs/run_X1234")
        #expect(ids.substitute(json: .object(["assistant_id": .string("asst_abc123"), "model": .string("gpt-4o")]))
                == .object(["assistant_id": .string("asst_A1234"), "model": .string("gpt-4o")]))
        // An id the service gave out, or one of a kind not seen yet, is kept.
        #expect(ids.substitute("thread_T1234") == "thread_T1234")
        #expect(ids.substitute("file-abc123") == "file-abc123")
    }
}

@Suite struct StreamCheckTests {
    func events(_ lines: [String]) -> [ServerSentEvent] { lines.map { ServerSentEvent(data: $0) } }

    @Test func chunksAssembleIntoTheMessage() {
        let outcome = StreamChecks.check(events([
            #"{"id":"","object":"","choices":[],"prompt_filter_results":[]}"#,
            #"{"id":"c","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","content":"Hel"}}]}"#,
            #"{"id":"c","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"lo"},"finish_reason":"stop"}]}"#,
            "[DONE]",
        ]), chat: true)
        #expect(outcome.problem == nil)
        #expect(outcome.assembled["choices"]?[0]?["message"]?["content"]?.stringValue == "Hello")
        #expect(outcome.chunks.count == 3)
    }

    @Test func aStreamThatIsNotJSONChunksIsAProblem() {
        #expect(StreamChecks.check(events(["not json"]), chat: true).problem?.contains("event 1") == true)
        #expect(StreamChecks.check([], chat: true).problem?.contains("no server-sent events") == true)
        #expect(StreamChecks.check(events([#"{"object":"chat.completion","choices":[{"index":0,"message":{}}]}"#]), chat: true).problem != nil)
    }
}

@Suite struct InputFilesTests {
    @Test func standInsAreRealFilesOfTheirKind() throws {
        #expect(AudioFormatCheck.problem(try #require(StandInFiles.make(for: "a.WAV")).data, format: "wav") == nil)
        #expect(AudioFormatCheck.problem(try #require(StandInFiles.make(for: "a.flac")).data, format: "flac") == nil)
        #expect(AudioFormatCheck.problem(try #require(StandInFiles.make(for: "a.mp3")).data, format: "mp3") == nil)
        #expect(ImageFormatCheck.problem(try #require(StandInFiles.make(for: "photo.png")).data) == nil)
        #expect(StandInFiles.make(for: "slides.pptx") == nil)
        // The PDF's cross-reference table points at each object.
        let pdf = String(decoding: try #require(StandInFiles.make(for: "policy.PDF")).data, as: UTF8.self)
        #expect(pdf.hasPrefix("%PDF-1.4\n") && pdf.hasSuffix("%%EOF\n"))
        let utf8 = Array(pdf.utf8)
        for n in 1...5 {
            let entry = pdf.components(separatedBy: "\n").filter { $0.hasSuffix(" 00000 n ") }[n - 1]
            let offset = Int(entry.prefix(10))!
            #expect(String(decoding: utf8[offset...].prefix(8), as: UTF8.self).hasPrefix("\(n) 0 obj"))
        }
        // The JPEG's marker segments chain with consistent lengths up to the scan, and it ends in EOI.
        let jpeg = [UInt8](try #require(StandInFiles.make(for: "photo.jpg")).data)
        #expect(ImageFormatCheck.problem(Data(jpeg)) == nil)
        var at = 2, markers: [UInt8] = []
        while at + 4 <= jpeg.count, jpeg[at] == 0xFF, markers.last != 0xDA {
            markers.append(jpeg[at + 1])
            at += 2 + (Int(jpeg[at + 2]) << 8 | Int(jpeg[at + 3]))
        }
        #expect(markers == [0xDB, 0xC0, 0xC4, 0xC4, 0xDA])
        #expect(Array(jpeg.suffix(2)) == [0xFF, 0xD9])
        // The same name gives the same bytes.
        #expect(StandInFiles.make(for: "a.wav")?.data == StandInFiles.make(for: "a.wav")?.data)
    }

    @Test func pathsNeverLeaveTheInputsFolder() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("docverify-in-\(UUID().uuidString)")
        let inside = root.appendingPathComponent("in")
        try fm.createDirectory(at: inside, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: root) }
        try Data("secret".utf8).write(to: root.appendingPathComponent("secret.txt"))
        try Data("ok".utf8).write(to: inside.appendingPathComponent("notes.txt"))
        try fm.createSymbolicLink(at: inside.appendingPathComponent("link.txt"), withDestinationURL: root.appendingPathComponent("secret.txt"))
        let inputs = InputFiles(directory: inside.path)
        #expect(inputs.fileInDirectory("data/notes.txt") != nil)
        #expect(inputs.fileInDirectory("../secret.txt") == nil)
        #expect(inputs.fileInDirectory("link.txt") == nil)
        #expect(inputs.fileInDirectory("..") == nil)
        // Without the file in the folder, a stand-in of the kind is used.
        #expect(inputs.supply("../secret.txt")?.input.source == .standIn("a short text file"))
    }
}
