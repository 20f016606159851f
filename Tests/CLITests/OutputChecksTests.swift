import Foundation
import Testing
@testable import CLI

/// The outputs a page promises, checked against a run on the embedded mock.
@Suite struct OutputChecksTests {
    /// One section: a Python sample that writes `writes`, then `after` (output blocks, claims).
    static func section(_ title: String, prompt: String, writes: String, after: String) -> String {
        """

        ## \(title)

        1. Create the `speak.py` file:

            ```python
            import base64
            import os
            from openai import AzureOpenAI

            client = AzureOpenAI(
                azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"],
                api_key=os.environ["AZURE_OPENAI_API_KEY"],
                api_version="2025-01-01-preview",
            )
            completion = client.chat.completions.create(
                model="gpt-4o-audio-preview",
                modalities=["text", "audio"],
                audio={"voice": "alloy", "format": "wav"},
                messages=[{"role": "user", "content": "\(prompt)"}],
            )
            print(completion.choices[0].message.audio.transcript)
            with open("\(writes)", "wb") as f:
                f.write(base64.b64decode(completion.choices[0].message.audio.data))
            ```

        \(after)
        """
    }

    static let header = "---\ntitle: Outputs\n---\n\n# Outputs\n"

    func findings(_ sections: [String]) async throws -> [(rule: String, line: Int, message: String)] {
        let root = try ListCommandTests.docs(["o.md": Self.header + sections.joined()])
        let command = try #require(try DocverifyCommand.parseAsRoot(["run", root + "/o.md", "--format", "json"]) as? RunCommand)
        let (output, failed) = try await command.render()
        #expect(!failed)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        return (json["findings"] as? [[String: Any]] ?? []).map { ($0["rule"] as? String ?? "", $0["line"] as? Int ?? 0, $0["message"] as? String ?? "") }
    }

    @Test func anOutputThatMatchesOrLeavesFieldsOutIsFine() async throws {
        let matching = Self.section("Speak", prompt: "Say hi.", writes: "reply.wav", after: """
            1. Run the script. The output looks like this:

                ```json
                {"id": "chatcmpl-1", "object": "chat.completion", "choices": [{"index": 0, "message": {"role": "assistant", "end_turn": true, "context": {"citations": []}, "audio": {"id": "audio_1", "transcript": "Hi!"}}}]}
                ```

            ### Output

            The script generates an audio file named _reply.wav_ next to it.
            """)
        // Text output is not JSON: left alone.
        let text = Self.section("Speak again", prompt: "Say hello.", writes: "hello.wav", after: """
            1. Run it. You should see:

                ```output
                {"spoken": true, this is not JSON
                ```
            """)
        let found = try await findings([matching, text])
        #expect(found.isEmpty, "\(found)")
    }

    @Test func aDocumentedFieldTheAnswerLacksIsDrift() async throws {
        let drifting = Self.section("Speak", prompt: "Say hi.", writes: "reply.wav", after: """
            1. Run the script. You should see output similar to the following:

                ```json
                {
                  "id": "chatcmpl-1",
                  "choices": [{"message": {"role": "assistant", "audio": {"transcript": "Hi!", "duration_ms": 900}}}],
                  "usage": {"total_tokens": "77"}
                }
                ```
            """)
        let found = try await findings([drifting])
        #expect(found.map(\.rule) == ["output-drift"])
        let message = try #require(found.first?.message)
        #expect(message.contains("choices[0].message.audio.duration_ms (missing from the answer)"))
        #expect(message.contains("usage.total_tokens (string here, number in the answer)"))
        #expect(!message.contains("\"id\""))
        // At the output fence, in the Markdown.
        let fenceLine = (Self.header + drifting).split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("```json") }.map { $0 + 1 }
        #expect(found.first?.line == fenceLine)
    }

    /// The service writes `"tool_calls": null` and the like; the embedded mock leaves them out. A
    /// documented null the mock's answer lacks is not drift, while a documented value still is.
    @Test func documentedNullsTheMockLeavesOutAreNotDrift() async throws {
        let nulls = Self.section("Speak", prompt: "Say hi.", writes: "reply.wav", after: """
            1. Run the script. You should see output similar to the following:

                ```json
                {
                  "id": "chatcmpl-1",
                  "choices": [{"message": {"role": "assistant", "tool_calls": null, "function_call": null, "audio": {"transcript": "Hi!", "pitch": 3}}}]
                }
                ```
            """)
        let found = try await findings([nulls])
        #expect(found.map(\.rule) == ["output-drift"])
        let message = try #require(found.first?.message)
        #expect(message.contains("choices[0].message.audio.pitch (missing from the answer)"))
        #expect(!message.contains("tool_calls") && !message.contains("function_call"))
    }

    @Test func aFileClaimThatNamesAnotherFileIsAMismatch() async throws {
        let claiming = Self.section("Speak", prompt: "Say hi.", writes: "reply.wav", after: """
            1. Run the script.

                ```shell
                python speak.py
                ```

            The script generates an audio file named _dog.wav_ in the same folder.
            """)
        let found = try await findings([claiming])
        #expect(found.map(\.rule) == ["output-file-mismatch"])
        #expect(found.first?.message.contains("creates dog.wav, but the sample at line") == true)
        #expect(found.first?.message.contains("writes reply.wav") == true)
    }

    @Test func outputTabsAndOutputHeadingsAreRecognized() async throws {
        let code = """
            import os
            from openai import AzureOpenAI

            client = AzureOpenAI(
                azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"],
                api_key=os.environ["AZURE_OPENAI_API_KEY"],
                api_version="2025-01-01-preview",
            )
            completion = client.chat.completions.create(
                model="gpt-4o-audio-preview",
                modalities=["text", "audio"],
                audio={"voice": "alloy", "format": "wav"},
                messages=[{"role": "user", "content": "Say hi."}],
            )
            print(completion.model_dump_json(indent=2))
            """
        let section = """

            ## Speak

            # [Python](#tab/python)

            ```python
            \(code)
            ```

            # [Output](#tab/python-output)

            ```json
            {"id": "x", "choices": [{"message": {"audio": {"transcript": "Hi", "voice_id": "v1"}}}]}
            ```

            ---

            ### Output

            ```json
            {"id": "x", "object": 3}
            ```

            ### Create a settings file

            ```json
            {"voice": 3}
            ```
            """
        let found = try await findings([section])
        #expect(found.map(\.rule) == ["output-drift", "output-drift"])
        #expect(found.first?.message.contains("choices[0].message.audio.voice_id (missing from the answer)") == true)
        #expect(found.last?.message.contains("object (number here, string in the answer)") == true)
    }
}
