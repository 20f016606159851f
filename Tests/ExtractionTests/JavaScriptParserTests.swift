import Core
import Testing
@testable import Extraction

@Suite struct JavaScriptParserTests {
    private func parses(_ source: String, typescript: Bool = false) -> Bool {
        (try? JSParser.parse(source, typescript: typescript)) != nil
    }

    private func error(_ source: String, typescript: Bool = false) -> JSSyntaxError? {
        do {
            _ = try JSParser.parse(source, typescript: typescript)
            return nil
        } catch {
            return error
        }
    }

    @Test func importsAndRequires() throws {
        let program = try JSParser.parse("""
            import OpenAI, { AzureOpenAI as Client, type X } from "openai";
            import * as fs from "node:fs";
            import "dotenv/config";
            const { writeFileSync } = require("node:fs");
            """, typescript: true)
        #expect(program.count == 4)
        guard case .import(let first) = program[0].kind else {
            Issue.record("expected an import")
            return
        }
        #expect(first.module == "openai")
        #expect(first.defaultName == "OpenAI")
        #expect(first.named.map(\.local) == ["Client", "X"])
        guard case .import(let second) = program[1].kind else { return }
        #expect(second.namespaceName == "fs")
    }

    @Test func importTypeIsTypeOnly() throws {
        let program = try JSParser.parse("import type { Foo } from './foo';", typescript: true)
        guard case .import(let decl) = program[0].kind else {
            Issue.record("expected an import")
            return
        }
        #expect(decl.typeOnly)
    }

    @Test func expressionsOfEveryKindParse() {
        #expect(parses("""
            const a = { b, [key]: 1, ...rest, m() { return 1 }, async n() {}, get g() { return 2 }, "q": [1, , ...xs] };
            let f = async (x, { y = 2 }, ...more) => { await x?.y?.[0]?.(z) };
            var g = x => x ?? (y || z) ? `t${a}u` : new Foo.Bar(1)(2);
            items.push({ role: "user" }), i++, --j;
            for (const m of messages) console.log(m);
            for (let i = 0; i < 3; i += 1) { if (i) continue; else break }
            while (false) {}
            do { x() } while (y)
            try { risky() } catch { } finally { done() }
            try { risky() } catch (e) { throw e }
            switch (x) { case 1: y(); break; default: z() }
            class A extends B { constructor() { super(); this.#p = 1 } #p; static s = 2 }
            label: for (;;) break label
            export default function () {}
            """))
    }

    @Test func automaticSemicolonInsertion() {
        #expect(parses("const a = 1\nconst b = a\n+ 2\nfoo()\n"))
        #expect(error("const a = 1 const b = 2") == JSSyntaxError(line: 1, column: 13, message: "expected ';' or a line break, found 'const'"))
    }

    @Test func typescriptAnnotationsAreAcceptedAndDropped() {
        #expect(parses("""
            interface Options { endpoint: string; retries?: number }
            type Handler<T> = (value: T) => Promise<void> | undefined;
            declare const x: number;
            enum Color { Red, Green }
            const endpoint: string = process.env["E"] as string;
            const getClient = (): AzureOpenAI => { return new AzureOpenAI({}) };
            async function main(a: number, b?: Map<string, Array<number>>): Promise<void> {}
            const messages: ChatCompletionMessageParam[] = [];
            const v = obj!.value!.deep as unknown as { a: 1 };
            const r = call<string>("x");
            main().catch((err: Error) => { console.error(err) });
            export { main };
            """, typescript: true))
    }

    @Test func typescriptSyntaxIsAnErrorInJavaScript() {
        #expect(error("const endpoint: string = 'x';") == JSSyntaxError(line: 1, column: 15, message: "expected ';' or a line break, found ':'"))
    }

    @Test func missingCommaInObjectLiteralIsFoundExactly() {
        let source = """
            const client = new AzureOpenAI({
                endpoint,
                apiKey
                apiVersion,
            });
            """
        #expect(error(source) == JSSyntaxError(line: 4, column: 5, message: "expected ',' or '}' after a property in the object literal, found 'apiVersion'"))
    }

    @Test func unclosedBracesAndBadTokens() {
        #expect(error("function main() {\n  call(\n") == JSSyntaxError(line: 3, column: 1, message: "expected an expression, found the end of the code"))
        #expect(error("const = 5") == JSSyntaxError(line: 1, column: 7, message: "expected a variable name, found '='"))
        #expect(error("foo(a b)") == JSSyntaxError(line: 1, column: 7, message: "expected ',' or ')' in the argument list, found 'b'"))
        #expect(error("x = [1 2]") == JSSyntaxError(line: 1, column: 8, message: "expected ',' or ']' after an array element, found number 2"))
    }

    @Test func arrowBodyErrorsAreNotSwallowedBySpeculation() {
        #expect(error("const f = (a) => { return a b }") == JSSyntaxError(line: 1, column: 29, message: "expected ';' or a line break, found 'b'"))
    }
}
