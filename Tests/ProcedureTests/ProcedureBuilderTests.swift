import Core
import Testing
@testable import Procedure

@Suite struct ProcedureBuilderTests {
    static let article = """
        # Tiny quickstart

        ## Set up

        1. Install the packages:

            ```console
            $ pip install "openai>=1.0" python-dotenv
            ```

        1. Set the variables:

        # [Bash](#tab/bash)

        ```bash
        export SERVICE_URL="https://example.test"
        ```

        # [PowerShell](#tab/powershell)

        ```powershell
        $env:SERVICE_URL = "https://example.test"
        ```

        ---

        For the keys, see [set up your environment](../other/setup.md).

        ## Run

        1. Create a file named `app.py` with this code:

            ```python
            import os
            print(os.environ["SERVICE_URL"])
            ```

        1. Run it:

            ```console
            python app.py
            ```
        """

    @Test func stepsInReadingOrderWithTabs() throws {
        let procedure = ProcedureBuilder.build(try loadArticle(Self.article))
        let pivot = try #require(procedure.pivots.first)
        #expect(pivot.steps.map(\.kind) == [.install, .setVariables, .setVariables, .setUpElsewhere, .createFile, .run])
        #expect(pivot.steps[0].packages == ["openai", "python-dotenv"])
        #expect(pivot.steps[0].location.line == 8)
        #expect(pivot.steps[1].tab?.id == "bash")
        #expect(pivot.steps[2].variables == ["SERVICE_URL"])
        #expect(pivot.steps[3].link == "../other/setup.md")
        #expect(pivot.steps[4].file == "app.py")
        #expect(pivot.steps[4].sampleID != nil)
        #expect(pivot.steps[5].needs == ["file:app.py"])
        #expect(pivot.readers == ["bash", "powershell"])
        // The bash reader skips the PowerShell tab, and sees everything untabbed.
        #expect(pivot.steps(forTab: "bash").count == 5)
        #expect(!pivot.steps(forTab: "bash").contains { $0.tab?.id == "powershell" })
    }

    @Test func nodeInstallsPackageTypeAndRequirements() throws {
        let markdown = """
            # Node and Python

            1. Set up the project:

                ```bash
                npm init -y
                npm pkg set type=module
                npm i openai@4 @azure/identity --save
                npx tsc
                node dist/app.js
                ```

            1. Create `requirements.txt`:

                ```text
                openai==1.40
                azure-identity  # auth
                ```

            1. Install them:

                ```bash
                python -m pip install -r requirements.txt
                ```
            """
        let steps = try #require(ProcedureBuilder.build(try loadArticle(markdown)).pivots.first).steps
        let installs = steps.filter { $0.kind == .install }
        #expect(installs.map(\.packages) == [[], ["openai", "@azure/identity"], ["openai", "azure-identity"]])
        #expect(installs.last?.installsUnknown == false)
        #expect(steps.first { $0.kind == .packageType }?.packageType == "module")
        #expect(steps.filter { $0.kind == .run }.map(\.tool) == ["tsc", "node"])
        #expect(steps.filter { $0.kind == .run }.last?.file == "dist/app.js")
    }

    @Test func setxSetAndDotEnv() throws {
        let markdown = """
            # Variables

            1. On Windows:

                ```cmd
                setx AZURE_OPENAI_ENDPOINT "https://x"
                set AZURE_OPENAI_KEY=abc
                ```

            1. Or write a `.env` file:

                ```text
                AZURE_OPENAI_DEPLOYMENT=gpt
                # comment
                OPENAI_API_VERSION=2025-01-01
                ```
            """
        let steps = try #require(ProcedureBuilder.build(try loadArticle(markdown)).pivots.first).steps
        let names = steps.filter { $0.kind == .setVariables }.flatMap(\.variables)
        #expect(names == ["AZURE_OPENAI_ENDPOINT", "AZURE_OPENAI_KEY", "AZURE_OPENAI_DEPLOYMENT", "OPENAI_API_VERSION"])
        #expect(steps.contains { $0.kind == .createFile && $0.file == ".env" })
    }
}
