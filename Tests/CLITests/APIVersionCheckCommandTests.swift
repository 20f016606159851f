import Foundation
import Testing
@testable import CLI

/// The api-version rules through `docverify check`, on pages written the way Learn pages write
/// their calls (an SDK client with a literal api_version; curl commands with the query in the URL).
@Suite struct APIVersionCheckCommandTests {
    static func page(_ body: String) -> String {
        """
        ---
        title: Try it
        ---

        # Try it

        \(body)
        """
    }

    func check(_ page: String) throws -> String {
        let root = try ListCommandTests.docs(["a.md": page])
        let command = try DocverifyCommand.parseAsRoot(["check", root + "/a.md"])
        return try #require(command as? CheckCommand).render().output
    }

    @Test func audioOnAGAVersionIsUnsupported() throws {
        let output = try check(Self.page("""
            ```python
            import os
            from openai import AzureOpenAI

            client = AzureOpenAI(
                azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"],
                api_key=os.environ["AZURE_OPENAI_API_KEY"],
                api_version="2024-10-21",
            )
            completion = client.chat.completions.create(
                model="gpt-4o-audio-preview",
                modalities=["text", "audio"],
                audio={"voice": "alloy", "format": "wav"},
                messages=[{"role": "user", "content": "Hello"}],
            )
            ```
            """))
        #expect(output.contains("[api-version-unsupported]"), "\(output)")
        #expect(output.contains("2025-01-01-preview"))
    }

    @Test func curlWithAnUnpublishedVersionAndAMissingOne() throws {
        let output = try check(Self.page("""
            ```bash
            curl -X POST "$AZURE_OPENAI_ENDPOINT/openai/deployments/my-embedder/embeddings?api-version=2024-02-30" \\
              -H "Content-Type: application/json" \\
              -H "api-key: $AZURE_OPENAI_API_KEY" \\
              -d '{"input": "Sample text"}'
            ```

            ```bash
            curl "$AZURE_OPENAI_ENDPOINT/openai/assistants" \\
              -H "api-key: $AZURE_OPENAI_API_KEY" \\
              -H "Content-Type: application/json" \\
              -d '{"model": "gpt-4o", "instructions": "You are a tutor."}'
            ```
            """))
        #expect(output.contains("[api-version-unknown]"), "\(output)")
        #expect(output.contains("'2024-02-30'"))
        #expect(output.contains("[api-version-missing]"))
    }

    @Test func publishedVersionsAndEnvironmentValuesAreClean() throws {
        let output = try check(Self.page("""
            ```bash
            curl -X POST "$AZURE_OPENAI_ENDPOINT/openai/deployments/my-embedder/embeddings?api-version=2024-02-01" \\
              -H "Content-Type: application/json" \\
              -H "api-key: $AZURE_OPENAI_API_KEY" \\
              -d '{"input": "Sample text"}'
            ```

            ```bash
            curl "$AZURE_OPENAI_ENDPOINT/openai/assistants?api-version=$API_VERSION" \\
              -H "api-key: $AZURE_OPENAI_API_KEY" \\
              -H "Content-Type: application/json" \\
              -d '{"model": "gpt-4o"}'
            ```
            """))
        #expect(!output.contains("api-version-"), "\(output)")
    }
}
