import Core
import Extraction
import Quickstart

/// Hand-built documents: two scenarios of one pivot, the second reading the file the first writes,
/// and a two-call sample chaining by audio id.
enum RunnerFixtures {
    static let file = "quickstart.md"

    static func sample(_ id: Int, line: Int) -> CodeSample {
        CodeSample(id: id, language: .python, infoString: "python", code: "# code\n",
                   location: SourceLocation(file: file, line: line), codeStartLine: line + 1, codeStartColumn: 5,
                   fileName: "s\(id).py")
    }

    static func request(line: Int, messages: SymbolicValue, audio: Bool = true, auth: AuthKind = .apiKey,
                        voice: String = "alloy", format: String = "wav") -> ExtractedRequest {
        var body: [String: SymbolicValue] = ["model": .string("gpt-4o-audio-preview"), "messages": messages]
        if audio {
            body["modalities"] = .array([.string("text"), .string("audio")])
            body["audio"] = .object(["voice": .string(voice), "format": .string(format)])
        }
        var config = OpenAIClientConfig(
            endpoint: .placeholder(.environment(name: "AZURE_OPENAI_ENDPOINT", fallback: nil)),
            apiVersion: .string("2025-01-01-preview"))
        if auth == .bearer { config.usesTokenProvider = true } else {
            config.apiKey = .placeholder(.environment(name: "AZURE_OPENAI_API_KEY", fallback: nil))
        }
        return config.request(body: body, location: SourceLocation(file: file, line: line), client: .pythonOpenAI)
    }

    static func userText(_ text: String) -> SymbolicValue {
        .object(["role": .string("user"), "content": .string(text)])
    }

    /// Scenario A writes reply.wav; scenario B sends it back and then chains a second turn by id.
    static func document(voice: String = "alloy", auth: AuthKind = .apiKey, readsMissingField: Bool = false) -> DocumentExtraction {
        let a = sample(0, line: 10)
        let b = sample(1, line: 40)
        let section1 = Section(title: "Speak", location: SourceLocation(file: file, line: 5), tabs: [
            TabVariant(id: "api-key", label: "API key", group: nil, location: nil,
                       steps: [Step(text: "Create speak.py", location: a.location, samples: [a])]),
        ])
        let section2 = Section(title: "Listen", location: SourceLocation(file: file, line: 35), tabs: [
            TabVariant(id: "api-key", label: "API key", group: nil, location: nil,
                       steps: [Step(text: "Create listen.py", location: b.location, samples: [b])]),
        ])
        let doc = QuickstartDocument(file: file, title: "T", frontMatter: [:],
                                     pivots: [Pivot(id: "programming-language-python", sections: [section1, section2])], findings: [])
        let audioIn = SymbolicValue.object([
            "role": .string("user"),
            "content": .array([
                .object(["type": .string("text"), "text": .string("What is said here?")]),
                .object(["type": .string("input_audio"), "input_audio": .object([
                    "data": .placeholder(.file(path: "reply.wav", encoding: .base64)), "format": .string("wav")])]),
            ]),
        ])
        let first = request(line: 50, messages: .array([audioIn]), auth: auth, voice: voice)
        let second = request(line: 60, messages: .array([
            audioIn,
            .object(["role": .string("assistant"), "audio": .object(["id": .placeholder(.response(call: 0, path: "choices[0].message.audio.id"))])]),
            userText("And briefly?"),
        ]), audio: false, auth: auth)
        var reads = [ResponseRead(call: 0, path: "choices[0].message.audio.transcript", location: SourceLocation(file: file, line: 55))]
        if readsMissingField {
            reads.append(ResponseRead(call: 1, path: "choices[0].message.audio.transcript", location: SourceLocation(file: file, line: 65)))
        }
        return DocumentExtraction(document: doc, samples: [
            0: SampleExtraction(sampleID: 0, requests: [request(line: 20, messages: .array([userText("Say hello.")]), auth: auth, voice: voice)],
                                writes: [FileAccess(path: "reply.wav", location: SourceLocation(file: file, line: 25))],
                                responseReads: [ResponseRead(call: 0, path: "choices[0].message.audio.data", location: SourceLocation(file: file, line: 24))],
                                callsAPI: true),
            1: SampleExtraction(sampleID: 1, requests: [first, second],
                                reads: [FileAccess(path: "reply.wav", location: SourceLocation(file: file, line: 45))],
                                responseReads: reads, callsAPI: true),
        ], findings: [])
    }
}
