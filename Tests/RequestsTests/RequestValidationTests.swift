import Testing
import Core
import Extraction
@testable import Requests

@Suite("Strict request decoding")
struct RequestValidationTests {
    private func parse(_ text: String) throws -> JSONValue { try JSONValue.parse(text) }

    @Test func decodesEveryMessageRoleAndPartKind() throws {
        let body = try parse("""
        {
          "model": "audio-model",
          "modalities": ["text", "audio"],
          "audio": {"voice": "alloy", "format": "wav"},
          "messages": [
            {"role": "system", "content": "Be brief."},
            {"role": "developer", "content": [{"type": "text", "text": "Answer in English."}]},
            {"role": "user", "name": "ann", "content": [
              {"type": "text", "text": "What is in these?"},
              {"type": "image_url", "image_url": {"url": "https://example.test/a.png", "detail": "high"}},
              {"type": "input_audio", "input_audio": {"data": "UklGRg==", "format": "mp3"}}
            ]},
            {"role": "assistant", "content": null, "audio": {"id": "audio_7"},
             "tool_calls": [{"id": "call_1", "type": "function", "function": {"name": "f", "arguments": "{}"}}]},
            {"role": "assistant", "content": [{"type": "refusal", "refusal": "No."}]},
            {"role": "tool", "tool_call_id": "call_1", "content": "42"},
            {"role": "function", "name": "f", "content": null}
          ],
          "temperature": 0.5, "top_p": 1, "n": 1, "stream": false, "stop": ["END"],
          "max_tokens": 100, "max_completion_tokens": 200, "presence_penalty": 0, "frequency_penalty": -1.5,
          "logit_bias": {"50256": -100}, "user": "u1", "seed": 7, "tool_choice": "auto",
          "tools": [{"type": "function", "function": {"name": "f", "parameters": {"type": "object"}}}],
          "response_format": {"type": "json_schema", "json_schema": {"name": "s", "schema": {"type": "object"}}},
          "data_sources": [{"type": "azure_search", "parameters": {"endpoint": "https://search.example.test"}}]
        }
        """)
        let result = RequestValidation.decode(body)
        #expect(result.issues == [])
        let request = try #require(result.request)
        #expect(request.messages.map(\.role) == [.system, .developer, .user, .assistant, .assistant, .tool, .function])
        guard case .user(let user) = request.messages[2], case .parts(let parts) = user.content else {
            Issue.record("message 2 should be a user message with parts"); return
        }
        #expect(parts == [
            .text("What is in these?"),
            .imageURL(ImageURL(url: "https://example.test/a.png", detail: .high)),
            .inputAudio(InputAudio(data: "UklGRg==", format: .mp3)),
        ])
        guard case .assistant(let assistant) = request.messages[3] else { Issue.record("message 3"); return }
        #expect(assistant.audio == AssistantAudioReference(id: "audio_7"))
        #expect(assistant.toolCalls?.first?.function.name == "f")
        #expect(request.audio == AudioOutputOptions(voice: .alloy, format: .wav))
        #expect(request.stop == .multiple(["END"]))
        #expect(request.logitBias == ["50256": -100])
        #expect(request.toolChoice == .auto)
        #expect(request.dataSources?.first?.type == .azureSearch)
        #expect(request.maxTokens == 100 && request.maxCompletionTokens == 200)
    }

    @Test func reportsUnknownFieldsWithTheirPaths() throws {
        let body = try parse("""
        {"messages": [{"role": "user", "contnet": "hi", "content": "hi"}], "audio": {"voice": "alloy", "format": "wav", "speed": 2},
         "temprature": 1}
        """)
        let issues = RequestValidation.issues(in: body)
        #expect(Set(issues) == [
            .unknownField(path: "messages[0].contnet"),
            .unknownField(path: "audio.speed"),
            .unknownField(path: "temprature"),
        ])
        #expect(RequestIssue.unknownField(path: "messages[0].contnet").message == "unknown field 'contnet'")
        #expect(RequestValidation.decode(body).request == nil)
    }

    @Test func reportsInvalidEnumValuesAtTheirPaths() throws {
        let body = try parse("""
        {"modalities": ["text", "video"], "audio": {"voice": "robot", "format": "aiff"},
         "messages": [
           {"role": "user", "content": [{"type": "input_audio", "input_audio": {"data": "AA==", "format": "flac"}}]},
           {"role": "narrator", "content": "x"}
         ]}
        """)
        let paths = RequestValidation.issues(in: body).map(\.path)
        #expect(Set(paths) == ["modalities[1]", "audio.voice", "audio.format", "messages[0].content[0].input_audio.format", "messages[1].role"])
        let voice = try #require(RequestValidation.issues(in: body).first { $0.path == "audio.voice" })
        #expect(voice.message.contains("'robot'") && voice.message.contains("alloy"))
    }

    @Test func reportsWrongTypesAndMissingRequiredFields() throws {
        let body = try parse("""
        {"messages": [{"role": "user"}, {"content": "x"}, {"role": "tool", "content": "x"}, 5],
         "temperature": "hot", "n": 0, "stream": "yes", "stop": [], "audio": {"voice": "alloy"}}
        """)
        let issues = RequestValidation.issues(in: body)
        let byPath = Dictionary(issues.map { ($0.path, $0.message) }, uniquingKeysWith: { a, _ in a })
        #expect(byPath["messages[0].content"] == "missing required field 'content'")
        #expect(byPath["messages[1].role"] == "missing required field 'role'")
        #expect(byPath["messages[2].tool_call_id"] == "missing required field 'tool_call_id'")
        #expect(byPath["messages[3]"] == "expected an object, found number")
        #expect(byPath["temperature"] == "expected a number, found string")
        #expect(byPath["n"]?.contains("out of range") == true)
        #expect(byPath["stream"] == "expected a boolean, found string")
        #expect(byPath["stop"] == "must not be empty")
        #expect(byPath["audio.format"] == "missing required field 'format'")
        #expect(issues.allSatisfy { if case .invalid = $0 { true } else { false } })
    }

    @Test func missingMessagesAndNonObjectBody() throws {
        #expect(RequestValidation.issues(in: try parse("{}")) == [.invalid(path: "messages", message: "missing required field 'messages'")])
        #expect(RequestValidation.issues(in: try parse("[]")) == [.invalid(path: "", message: "expected an object, found array")])
        #expect(RequestValidation.issues(in: try parse(#"{"messages": []}"#)) == [.invalid(path: "messages", message: "must not be empty")])
    }

    @Test func partsNotAllowedForTheRoleAreInvalid() throws {
        let body = try parse("""
        {"messages": [{"role": "system", "content": [{"type": "image_url", "image_url": {"url": "u"}}]},
                      {"role": "user", "content": [{"type": "hologram"}]}]}
        """)
        let issues = RequestValidation.issues(in: body)
        #expect(issues.map(\.path) == ["messages[0].content[0].type", "messages[1].content[0].type"])
        #expect(issues[0].message.contains("not allowed in system messages"))
    }

    @Test func audioModalityRequiresAudioOptions() throws {
        let body = try parse(#"{"modalities": ["audio", "text"], "messages": [{"role": "user", "content": "hi"}]}"#)
        #expect(RequestValidation.issues(in: body).map(\.path) == ["audio"])
    }

    @Test func profileOptionsWidenTheVoices() throws {
        let body = try parse(#"{"modalities": ["audio"], "audio": {"voice": "ash", "format": "wav"}, "messages": [{"role": "user", "content": "hi"}]}"#)
        #expect(RequestValidation.issues(in: body).map(\.path) == ["audio.voice"])
        let wide = ValidationOptions(voices: Voice.specValues + ["ash"])
        #expect(RequestValidation.decode(body, options: wide).request?.audio?.voice == "ash")
    }

    @Test func placeholdersStandInForValuesOfTheExpectedType() {
        let body = SymbolicValue.object([
            "model": .string("audio-model"),
            "messages": .array([
                .object(["role": .string("user"), "content": .array([
                    .object(["type": .string("input_audio"), "input_audio": .object([
                        "data": .placeholder(.file(path: "dog.wav", encoding: .base64)), "format": .string("wav"),
                    ])]),
                ])]),
                .object(["role": .string("assistant"), "audio": .object([
                    "id": .placeholder(.response(call: 0, path: "choices[0].message.audio.id")),
                ])]),
            ]),
            "temperature": .placeholder(.environment(name: "TEMP", fallback: nil)),
        ])
        let result = RequestValidation.decode(body)
        #expect(result.issues == [])
        #expect(result.request != nil)
        #expect(result.bindings == [
            "messages[0].content[0].input_audio.data": .file(path: "dog.wav", encoding: .base64),
            "messages[1].audio.id": .response(call: 0, path: "choices[0].message.audio.id"),
            "temperature": .environment(name: "TEMP", fallback: nil),
        ])
    }
}

@Suite("Strict request decoding: values docverify can't type")
struct UntypedValueTests {
    private func body(_ format: SymbolicValue) -> SymbolicValue {
        .object(["model": .string("m"), "messages": .array([.object(["role": .string("user"), "content": .string("Hi")])]), "response_format": format])
    }

    @Test func anUnknownOrEarlierAnswerValueWhereAnObjectGoesIsNoIssue() {
        #expect(RequestValidation.decode(body(.placeholder(.unknown("make_format()")))).issues == [])
        #expect(RequestValidation.decode(.object([
            "model": .string("m"),
            "messages": .array([
                .object(["role": .string("user"), "content": .string("Hi")]),
                .placeholder(.response(call: 0, path: "choices[0].message")),
            ]),
        ])).issues == [])
    }

    @Test func anEnvironmentVariableWhereAnObjectGoesIsStillAnIssue() {
        let issues = RequestValidation.decode(body(.placeholder(.environment(name: "FORMAT", fallback: nil)))).issues
        #expect(issues.map(\.path) == ["response_format"])
    }
}
