import Core
import DocFX
import Foundation
import Limits
import Testing

private let here = SourceLocation(file: "page.md", line: 7)

private func read(_ line: String) -> [String: LimitValue] {
    Dictionary(LimitExtractor.limits(inLine: line, at: here, article: "page.md").map { ($0.key, $0.value) },
               uniquingKeysWith: { a, _ in a })
}

@Suite struct LimitRecognizerTests {
    @Test func audioSizeInProseWithEachUnit() {
        #expect(read("Uploads stay small: the maximum audio file size is 8 MB for now.")["audio.max-input-size"] == .bytes(8_000_000, written: "8 MB"))
        #expect(read("The maximum audio input size is 2 MiB.")["audio.max-input-size"] == .bytes(2_097_152, written: "2 MiB"))
        #expect(read("The maximum audio file size is 512 KB.")["audio.max-input-size"] == .bytes(512_000, written: "512 KB"))
        #expect(read("The maximum audio file size is 1.5 GB.")["audio.max-input-size"] == .bytes(1_500_000_000, written: "1.5 GB"))
    }

    @Test func audioSizeInTableRow() {
        #expect(read("Message size for audio files | 16 MB")["audio.max-input-size"] == .bytes(16_000_000, written: "16 MB"))
    }

    @Test func voiceListsWithAndOrCommas() {
        #expect(read("Today the following voices are supported for audio out: Nova, Fable, and Onyx.")["audio.voices"] == .names(["Nova", "Fable", "Onyx"]))
        #expect(read("The following voices are supported: `nova` or `fable`")["audio.voices"] == .names(["nova", "fable"]))
        #expect(read("The following voices are supported for audio output: Nova, Fable, Onyx")["audio.voices"] == .names(["Nova", "Fable", "Onyx"]))
    }

    @Test func versionsAndTokenCaps() {
        #expect(read("Streaming was first added in API version `2030-02-02-preview`.")["api-version.minimum"] == .version("2030-02-02-preview"))
        #expect(read("Only `some-model` version: `2031-03-03` can do this.")["model.version"] == .version("2031-03-03"))
        let tokens = read("| some-model | Input: 64,000 <br> Output: 2,048 | notes |")
        #expect(tokens["tokens.max-input"] == .count(64_000))
        #expect(tokens["tokens.max-output"] == .count(2_048))
    }

    @Test func tableCountsAndUploads() {
        #expect(read("Max number of custom headers in API requests | 4")["headers.max-custom"] == .count(4))
        #expect(read("Some model max images per request (all turns) | 12")["images.per-request"] == .count(12))
        #expect(read("Maximum file size for transcription uploads | 30 MB")["transcription.max-upload-size"] == .bytes(30_000_000, written: "30 MB"))
        #expect(read("Message character limit | 1,000")["messages.max-characters"] == .count(1_000))
    }

    @Test func requestSizeRowsOfAQuotaTable() {
        #expect(read("Max number of `/chat/completions` messages | 1,024")["chat.max-messages"] == .count(1_024))
        #expect(read("Maximum number of /chat completions tools | 64")["chat.max-tools"] == .count(64))
        #expect(read("Max number of `/chat/completions` functions | 32")["chat.max-functions"] == .count(32))
        #expect(read("Max number of inputs in array with `/embeddings` | 512")["embeddings.max-inputs"] == .count(512))
        #expect(read("Max file size for Assistants & fine-tuning | 256 MiB")["files.max-upload-size"] == .bytes(268_435_456, written: "256 MiB"))
        // Prose that names the routes without a value cell states nothing.
        #expect(read("The number of /chat/completions messages and tools is limited.").isEmpty)
    }

    @Test func unrelatedTextStatesNothing() {
        #expect(read("Audio files can be large, so keep them short.").isEmpty)
        #expect(read("The version of the SDK is 1.2.3 and the file is 20 MB.").isEmpty)
    }

    /// A list of models with their versions, or a table with one column per model, states a value
    /// for each model: side by side, not in conflict. Running text that disagrees still is.
    @Test func entriesOfOneListOrTableDoNotConflict() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
        ---
        title: Models
        ---

        # Models

        - `model-a` version: `2025-02-03`
        - `model-b` version: `2025-04-05`

        | Limit | model-a | model-b |
        |---|---|---|
        | Window | Input: 64,000 <br> Output: 8,000 | Input: 32,000 <br> Output: 4,000 |

        Use `model-a` version: `2025-06-07` with this page.

        > [!NOTE]
        > Not available for `model-d` version: `2025-08-09`.

        """.write(to: folder.appendingPathComponent("page.md"), atomically: true, encoding: .utf8)
        let document = try DocFXLoader(root: folder.path).load(article: folder.appendingPathComponent("page.md").path)
        let limits = LimitExtractor.limits(in: document)
        #expect(limits.filter { $0.key == "model.version" }.map(\.subject) == ["model-a", "model-b", "model-a", "model-d"])
        #expect(limits.filter { $0.key == "tokens.max-input" }.count == 2)
        let conflicts = LimitChecks.conflicts(limits)
        // Only the sentence about model-a disagrees with the list; the note is about another model.
        #expect(conflicts.map(\.location.line) == [14])
        #expect(conflicts.first?.message.contains("model.version") == true)
    }

    @Test func tablesAndIncludesKeepTheirLocation() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("includes"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "---\ntitle: A page\n---\n\n# A page\n\n[!INCLUDE [intro](includes/intro.md)]\n\n| Limit | Value |\n|---|---|\n| Message size for audio files | 9 MB |\n"
            .write(to: folder.appendingPathComponent("page.md"), atomically: true, encoding: .utf8)
        try "Intro line.\n\nThe maximum audio file size is 10 MB.\n"
            .write(to: folder.appendingPathComponent("includes/intro.md"), atomically: true, encoding: .utf8)
        let document = try DocFXLoader(root: folder.path).load(article: folder.appendingPathComponent("page.md").path)
        let limits = LimitExtractor.limits(in: document)
        #expect(limits.map(\.location.file) == ["includes/intro.md", "page.md"])
        #expect(limits.map(\.location.line) == [3, 11])
        let conflicts = LimitChecks.conflicts(limits)
        #expect(conflicts.count == 1)
        #expect(conflicts.first?.rule == "limit-conflict")
        #expect(conflicts.first?.location.file == "page.md")
        #expect(conflicts.first?.message.contains("includes/intro.md:3") == true)
    }
}
