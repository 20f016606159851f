import Foundation
import Testing
@testable import CLI

@Suite struct CheckCommandTests {
    static func article(pivots: [(id: String, prompt: String)], extraField: String = "") -> String {
        var text = """
            ---
            title: Speak
            zone_pivot_groups: langs
            ---

            # Speak

            """
        for pivot in pivots {
            text += """

                ::: zone pivot="\(pivot.id)"

                ## Say something

                1. Create the `say.py` file:

                    ```python
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
                        audio={"voice": "alloy", "format": "wav"},\(extraField)
                        messages=[{"role": "user", "content": "\(pivot.prompt)"}],
                    )
                    print(completion.choices[0].message.audio.transcript)
                    ```

                ::: zone-end

                """
        }
        return text
    }

    func check(_ arguments: [String]) throws -> (output: String, hasErrors: Bool) {
        let command = try DocverifyCommand.parseAsRoot(["check"] + arguments)
        return try #require(command as? CheckCommand).render()
    }

    @Test func cleanDocumentHasNoFindingsAndASummary() throws {
        let root = try ListCommandTests.docs(["a.md": Self.article(pivots: [("py", "Name three colours.")])])
        let (output, hasErrors) = try check([root + "/a.md"])
        #expect(!hasErrors)
        #expect(output == "a.md: no findings\n1 document checked: 0 errors, 0 warnings, 0 notes\n")
    }

    @Test func unknownBodyFieldIsAnErrorAtTheCall() throws {
        let root = try ListCommandTests.docs(["a.md": Self.article(pivots: [("py", "Hi.")], extraField: "\n            voices=[\"alloy\"],")])
        let (output, hasErrors) = try check([root + "/a.md"])
        #expect(hasErrors)
        // The create( call is on Markdown line 23 (fence at 14, code from 15).
        #expect(output.contains("a.md:23:"))
        #expect(output.contains("error: request body field 'voices'"))
        #expect(output.contains("[request-unknown-field]"))
    }

    @Test func pivotDriftBetweenTwoLanguagesIsFound() throws {
        let root = try ListCommandTests.docs(["a.md": Self.article(pivots: [("py", "Name three colours."), ("py2", "Name four colours.")])])
        let (output, _) = try check([root + "/a.md"])
        #expect(output.contains("[pivot-drift]"))
        #expect(output.contains("Name four colours."))
    }

    @Test func strictTurnsWarningsIntoAFailingExit() throws {
        let root = try ListCommandTests.docs(["a.md": Self.article(pivots: [("py", "Name three colours."), ("py2", "Name four colours.")])])
        #expect(try check([root + "/a.md"]).hasErrors == false)
        #expect(try check([root + "/a.md", "--strict"]).hasErrors == true)
    }

    @Test func jsonCarriesEachSamplesRequestsWithPlaceholders() throws {
        let root = try ListCommandTests.docs(["a.md": Self.article(pivots: [("py", "Hi.")])])
        let (output, _) = try check([root + "/a.md", "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let document = try #require((json["documents"] as? [[String: Any]])?.first)
        let pivot = try #require((document["pivots"] as? [[String: Any]])?.first)
        let section = try #require((pivot["sections"] as? [[String: Any]])?.first { $0["title"] as? String == "Say something" })
        let sample = try #require(((section["tabs"] as? [[String: Any]])?.first?["samples"] as? [[String: Any]])?.first)
        let request = try #require((sample["requests"] as? [[String: Any]])?.first)
        #expect(request["method"] as? String == "POST")
        #expect(request["url"] as? String == "{endpoint}/openai/deployments/{deployment}/chat/completions")
        #expect(request["auth"] as? String == "api-key")
        #expect((request["query"] as? [String: String])?["api-version"] == "2025-01-01-preview")
        #expect((request["headers"] as? [String: Any])?["api-key"] as? [String: String] == ["$env": "AZURE_OPENAI_API_KEY"])
        let body = try #require(request["body"] as? [String: Any])
        #expect(body["model"] as? String == "gpt-4o-audio-preview")
    }

    @Test func mapReadsATildeIncludeFromAnotherFolder() throws {
        let root = try ListCommandTests.docs([
            "docs/a.md": "---\ntitle: Shared\n---\n\n# Shared\n\n[!INCLUDE [s](~/reusable-content/s.md)]\n",
            "rc/s.md": "## From elsewhere\n\n```json\n{\"a\": 1,}\n```\n",
        ])
        // Unmapped: a note, nothing read.
        let (unmapped, _) = try check([root + "/docs/a.md"])
        #expect(unmapped.contains("[include-external]"))
        // Mapped: the include is read, and its broken JSON is found there.
        let (mapped, hasErrors) = try check(["--map", "~/reusable-content=" + root + "/rc", root + "/docs/a.md"])
        #expect(!mapped.contains("[include-external]"))
        #expect(hasErrors && mapped.contains("~/reusable-content/s.md:4"))
        #expect(throws: (any Error).self) { try check(["--map", "reusable-content", root + "/docs/a.md"]) }
        #expect(throws: (any Error).self) { try check(["--map", "~/x=" + root + "/missing", root + "/docs/a.md"]) }
    }

    @Test func anUnclosedFenceIsOneErrorNotAlsoTheSyntaxItSwallows() throws {
        let root = try ListCommandTests.docs(["a.md": """
            ---
            title: Open fence
            ---

            # Open fence

            ## Write the code

            ```python
            from openai import AzureOpenAI
            client = AzureOpenAI()

            ## Run the code

            ```console
            python app.py
            """])
        let (output, hasErrors) = try check([root + "/a.md"])
        #expect(hasErrors)
        #expect(output.contains("a.md:9:1: error:") && output.contains("[code-fence-unclosed]"))
        #expect(output.hasSuffix("1 document checked: 1 error, 0 warnings, 0 notes\n"))
    }

    @Test func unreadablePathIsAUsageError() throws {
        #expect(throws: (any Error).self) { try check(["/nonexistent/nowhere.md"]) }
        do {
            _ = try check(["/nonexistent/nowhere.md"])
        } catch {
            #expect(DocverifyCommand.usageStatus(for: error) == 2)
        }
    }
}

@Suite struct RunCommandTests {
    func run(_ arguments: [String]) async throws -> (output: String, failed: Bool) {
        let command = try DocverifyCommand.parseAsRoot(["run"] + arguments)
        return try await #require(command as? RunCommand).render()
    }

    @Test func runsEveryPivotAgainstTheEmbeddedMock() async throws {
        let root = try ListCommandTests.docs(["a.md": CheckCommandTests.article(pivots: [("py", "Name three colours."), ("py2", "Name three colours.")])])
        let (output, failed) = try await run([root + "/a.md", "--format", "json"])
        #expect(!failed)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(json["summary"] as? [String: Int] == ["scenarios": 2, "passed": 2, "failed": 0, "skipped": 0])
        let scenarios = try #require((json["documents"] as? [[String: Any]])?.first?["scenarios"] as? [[String: Any]])
        #expect(scenarios.map { $0["pivot"] as? String } == ["py", "py2"])
        #expect(scenarios.allSatisfy { ($0["calls"] as? [[String: Any]])?.first?["status"] as? Int == 200 })
    }

    @Test func textListsScenariosAndASummary() async throws {
        let root = try ListCommandTests.docs(["a.md": CheckCommandTests.article(pivots: [("py", "Hi.")])])
        let (output, failed) = try await run([root + "/a.md"])
        #expect(!failed)
        #expect(output.contains("PASS  py / Say something / -"))
        #expect(output.hasSuffix("1 scenarios: 1 passed, 0 failed, 0 skipped; 0 errors, 0 other findings\n"))
    }

    @Test func unreachableEndpointFailsTheRun() async throws {
        let root = try ListCommandTests.docs(["a.md": CheckCommandTests.article(pivots: [("py", "Hi.")])])
        setenv("DOCVERIFY_TEST_KEY", "k", 1)
        let (output, failed) = try await run([root + "/a.md", "--endpoint", "http://127.0.0.1:1", "--api-key-env", "DOCVERIFY_TEST_KEY"])
        #expect(failed)
        #expect(output.contains("[endpoint-unreachable]"))
    }

    @Test func badFlagsAreUsageErrors() async throws {
        for arguments in [["x.md", "--jobs", "0"], ["x.md", "--endpoint", "ftp://host"], ["x.md", "--format", "xml"]] {
            do {
                _ = try DocverifyCommand.parseAsRoot(["run"] + arguments)
                Issue.record("accepted \(arguments)")
            } catch {
                #expect(DocverifyCommand.usageStatus(for: error) == 2)
            }
        }
    }
}
