import Core
import Testing
@testable import Extraction

/// Bad input never crashes and every error points inside the code: every prefix of a valid
/// sample is fed to the front-ends.
@Suite struct JavaScriptRobustnessTests {
    private let program = """
        import { AzureOpenAI } from "openai";
        const messages: Array<{ role: string; content: string }> = [{ role: "user", content: `Hi ${name}` }];
        const client = new AzureOpenAI({ endpoint: process.env.E ?? "x", apiVersion: "v" });
        async function main(): Promise<void> {
          const r = await client.chat.completions.create({ model: "m", messages, audio: { voice: "alloy" } });
          messages.push({ role: "assistant", content: r.choices[0]?.message?.content! });
          if (r.choices.length > 0 /* any */) { console.log(r.choices[0].message.content as string); }
        }
        main().catch((e: Error) => console.error(e));
        """

    @Test func everyPrefixOfATypeScriptSampleIsHandled() {
        let lineCount = program.split(separator: "\n", omittingEmptySubsequences: false).count
        var errors = 0
        for cut in program.indices {
            let code = String(program[..<cut]) + "\n"
            let result = ExtractorFixture.javascript(code, .typescript)
            for finding in result.findings {
                #expect(finding.rule == "ts-syntax")
                #expect((ExtractorFixture.codeStartLine..<(ExtractorFixture.codeStartLine + lineCount + 1)).contains(finding.location.line))
                #expect(finding.location.column >= ExtractorFixture.codeStartColumn)
            }
            errors += result.findings.count
        }
        // Most prefixes cut a construct in half.
        #expect(errors > program.count / 2)
        #expect(ExtractorFixture.javascript(program, .typescript).requests.count == 1)
    }

    @Test func everyPrefixOfACurlCommandIsHandled() {
        let command = """
            curl -X POST "$E/openai/deployments/d/chat/completions?api-version=v" \\
              -H "api-key: ${KEY}" \\
              -d '{"messages": [{"role": "user", "content": "Hi"}], "max_tokens": 10}'
            """
        for cut in command.indices {
            let result = ExtractorFixture.rest(String(command[..<cut]) + "\n")
            for finding in result.findings {
                #expect(["json-invalid", "shell-syntax"].contains(finding.rule))
                #expect((ExtractorFixture.codeStartLine..<(ExtractorFixture.codeStartLine + 3)).contains(finding.location.line))
            }
        }
        #expect(ExtractorFixture.rest(command).requests.count == 1)
    }

    @Test func circularObjectsEndInAPlaceholder() {
        let result = ExtractorFixture.javascript("""
            const { AzureOpenAI } = require("openai");
            const client = new AzureOpenAI({ apiVersion: "v" });
            const a = { role: "user" };
            a.self = a;
            a.again = a;
            client.chat.completions.create({ model: "m", messages: [a] });
            """)
        let message = ExtractorFixture.dig(result.requests.first?.body, "messages", 0)
        #expect(ExtractorFixture.dig(message, "role") == .string("user"))
        #expect(ExtractorFixture.dig(message, "self") == .placeholder(.unknown("circular object")))
    }
}

/// `...` standing for left-out code (`const settings = ...;`, a loop body of `...`) is the page's
/// shorthand, not a program a reader runs as written: a note. A spread is still read, and a real
/// syntax error next to it is still an error.
@Suite struct JavaScriptElisionTests {
    @Test func anElisionIsANote() throws {
        for code in ["const settings = ...;\nawait run(settings);\n", "for (const row of rows) {\n  ...\n}\n"] {
            let result = ExtractorFixture.javascript(code, .typescript)
            let finding = try #require(result.findings.first)
            #expect(result.findings.count == 1)
            #expect(finding.rule == "ts-syntax" && finding.severity == .note, "\(code)")
            #expect(finding.message.contains("leaves out"))
        }
    }

    @Test func aSpreadReadsAndABrokenCallIsStillAnError() {
        #expect(ExtractorFixture.javascript("const base = {a: 1};\nconst more = {...base, b: 2};\n", .javascript).findings.isEmpty)
        let broken = ExtractorFixture.javascript("const more = {...base, b: 2;\n", .javascript)
        #expect(broken.findings.map(\.severity) == [.error])
    }
}

/// A snippet that loads the library and only builds a credential or a client sends nothing, so it
/// isn't a call docverify failed to read; one that calls a method on the client is.
@Suite struct JavaScriptAPIUsageTests {
    @Test func constructingIsNotCalling() {
        let credential = ExtractorFixture.javascript("import { KeyCredential } from \"openai\";\nconst key = new KeyCredential(\"k\");\n", .typescript)
        #expect(!credential.callsAPI)
        let calling = ExtractorFixture.javascript("import { LegacyClient } from \"openai\";\nconst c = new LegacyClient(\"e\");\nawait c.getAnswers(\"d\", []);\n", .typescript)
        #expect(calling.callsAPI)
    }
}
