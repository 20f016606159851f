import Core
import Testing
@testable import Procedure

@Suite struct FileMissingTests {
    static func article(create: String, run: String) -> String {
        """
        # Files

        1. Create `\(create)` with this code:

            ```javascript
            console.log("hi");
            ```

        1. Run it:

            ```console
            \(run)
            ```
        """
    }

    @Test func runOfAFileNoStepCreates() throws {
        let findings = try procedureFindings(Self.article(create: "main.js", run: "node app.js"))
        #expect(findings.map(\.rule) == ["file-missing"])
        #expect(findings.first?.location.line == 12)
        #expect(findings.first?.message.contains("`main.js`") == true)
    }

    @Test func caseDiffersIsReported() throws {
        let findings = try procedureFindings(Self.article(create: "App.js", run: "node app.js"))
        #expect(findings.map(\.rule) == ["file-missing"])
        #expect(findings.first?.message.contains("case-sensitive") == true)
    }

    @Test func matchingRunIsClean() throws {
        #expect(try procedureFindings(Self.article(create: "app.js", run: "node app.js")).isEmpty)
        #expect(try procedureFindings(Self.article(create: "app.js", run: "node --env-file=.env ./app.js")).isEmpty)
    }

    @Test func compiledTypeScriptOutputCounts() throws {
        let markdown = """
            # TS

            1. Create `app.ts`:

                ```typescript
                const x: number = 1;
                ```

            1. Build and run:

                ```console
                npx tsc app.ts
                node app.js
                ```
            """
        #expect(try procedureFindings(markdown).isEmpty)
        let unbuilt = markdown.replacingOccurrences(of: "npx tsc app.ts\n", with: "")
        let findings = try procedureFindings(unbuilt)
        #expect(findings.map(\.rule) == ["file-missing"])
        #expect(findings.first?.message.contains("npx tsc") == true)
    }

    @Test func clonedProjectsHoldFilesThePageDoesntShow() throws {
        let markdown = Self.article(create: "main.js", run: "git clone https://example.test/sample.git && cd sample\n    node app.js")
        #expect(try procedureFindings(markdown).isEmpty)
    }

    @Test func unnamedSamplesLeaveTheNameToTheReader() throws {
        let markdown = """
            # Unnamed

            1. Copy this code into a file:

                ```python
                print("hi")
                ```

            1. Create `other.py`:

                ```python
                print("other")
                ```

            1. Run `python main.py`:

                ```console
                python main.py
                ```
            """
        #expect(try procedureFindings(markdown).isEmpty)
    }
}

@Suite struct BuildStepTests {
    static func article(config: String?, build: String, type: String = "module") -> String {
        var text = """
            # Build

            1. Set up:

                ```console
                npm init -y
                npm pkg set type=\(type)
                ```

            1. Create `app.ts`:

                ```typescript
                import { readFileSync } from "node:fs";
                console.log(readFileSync("x").length);
                ```

            """
        if let config {
            text += """

                1. Create `tsconfig.json`:

                    ```json
                    \(config)
                    ```

                """
        }
        text += """

            1. Build and run:

                ```console
                \(build)
                node app.js
                ```
            """
        return text
    }

    @Test func tscWithNothingToBuild() throws {
        let findings = try procedureFindings(Self.article(config: nil, build: "npx tsc"))
        #expect(findings.filter { $0.rule == "build-step-invalid" }.map(\.severity) == [.error])
        #expect(findings.first { $0.rule == "build-step-invalid" }?.message.contains("prints its help") == true)
    }

    @Test func fileArgumentIgnoresTheConfig() throws {
        let config = #"{ "compilerOptions": { "module": "nodenext", "target": "es2022" } }"#
        let findings = try procedureFindings(Self.article(config: config, build: "npx tsc app.ts"))
        let build = findings.filter { $0.rule == "build-step-invalid" }
        // tsc's defaults emit CommonJS, which the type=module package refuses.
        #expect(build.map(\.severity) == [.error])
        #expect(build.first?.message.contains("ignores the tsconfig.json") == true)
    }

    @Test func commonJSOutputInAModulePackage() throws {
        let config = #"{ "compilerOptions": { "module": "commonjs" } }"#
        let findings = try procedureFindings(Self.article(config: config, build: "npx tsc"))
        #expect(findings.filter { $0.rule == "build-step-invalid" }.first?.message.contains("exports is not defined") == true)
    }

    @Test func consistentBuildsAreClean() throws {
        let config = #"{ "compilerOptions": { "module": "nodenext", "target": "es2022" } }"#
        #expect(try procedureFindings(Self.article(config: config, build: "npx tsc")).isEmpty)
        #expect(try procedureFindings(Self.article(config: nil, build: "npx tsc app.ts", type: "commonjs")).isEmpty)
    }
}
