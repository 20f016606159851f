import Core
import Procedure
import Quickstart
import TestSupport
import Testing
@testable import Extraction

/// Loads an article of our own through the real loader and returns the procedure findings.
private func findings(_ markdown: String) throws -> [Finding] {
    let root = try MarkdownFixture.folder(["a.md": markdown])
    let document = try QuickstartLoader.load(path: root + "/a.md", root: root, pivotGroupsFile: nil)
    return ProcedureChecks.findings(in: document)
}

private func pythonPage(install: String = "pip install openai", setup: String = "export SERVICE_URL=https://x", code: String) -> String {
    """
    # Python page

    1. Install:

        ```console
        \(install)
        ```

    1. Set the variable:

        ```bash
        \(setup)
        ```

    1. Create `app.py`:

        ```python
    \(code.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n"))
        ```
    """
}

@Suite struct UndefinedNameTests {
    @Test func pythonNameNeverBound() throws {
        let code = "import os\nfrom openai import OpenAI\nclient = OpenAI(base_url=os.environ[\"SERVICE_URL\"])\nprint(clinet.models)"
        let result = try findings(pythonPage(code: code)).filter { $0.rule == "undefined-name" }
        #expect(result.count == 1)
        #expect(result.first?.location.line == 21)
        #expect(result.first?.message.contains("`clinet`") == true)
        #expect(result.first?.message.contains("did you mean `client`") == true)
    }

    @Test func pythonModuleUsedWithoutImport() throws {
        let code = "from openai import OpenAI\nclient = OpenAI(base_url=os.getenv(\"SERVICE_URL\"))"
        let result = try findings(pythonPage(code: code)).filter { $0.rule == "undefined-name" }
        #expect(result.map(\.location.line) == [19])
        #expect(result.first?.message.contains("NameError: name 'os'") == true)
        #expect(result.first?.message.contains("add `import os`") == true)
    }

    /// `YOUR_SERVICE_KEY` written as a bare name is a stand-in, not a forgotten variable: a warning
    /// about its quotes; a misspelled real name beside it is still an error.
    @Test func aBareStandInIsAWarningAboutItsQuotes() throws {
        let code = "from openai import OpenAI\nclient = OpenAI(api_key=YOUR_SERVICE_KEY)\nprint(clinet)"
        let result = try findings(pythonPage(code: code)).filter { $0.rule == "undefined-name" }
        #expect(result.map(\.severity) == [.warning, .error])
        #expect(result.first?.message.contains("write it as a string (\"YOUR_SERVICE_KEY\")") == true)
    }

    @Test func pythonScopesStayClean() throws {
        let code = """
            import os
            import json as j
            from openai import OpenAI
            def ask(question, *args, retries=3, **options):
                global counter
                counter = 1
                return [word for word in question.split() if word]
            class Helper:
                size = 2
                def run(self):
                    return self.size
            with open("x") as handle:
                data = handle.read()
            try:
                pass
            except ValueError as error:
                print(error)
            for index, (a, b) in enumerate([(1, 2)]):
                print(index, a, b)
            if (n := len(data)) > 1:
                print(n, j.dumps({}), __name__, lambda x: x + 1)
            match data:
                case {"k": value}:
                    print(value)
            print(OpenAI, os.environ["SERVICE_URL"], ask, Helper, later)
            later = 2
            """
        #expect(try findings(pythonPage(code: code)).filter { $0.rule == "undefined-name" }.isEmpty)
    }

    @Test func pythonMisspeltOsEnviron() throws {
        let code = "import os\nprint(os.enviorn[\"SERVICE_URL\"])"
        let result = try findings(pythonPage(code: code)).filter { $0.rule == "undefined-name" }
        #expect(result.map(\.location.line) == [19])
        #expect(result.first?.message.contains("write `os.environ`") == true)
    }

    @Test func starImportSilencesTheFile() throws {
        let code = "from os import *\nprint(environ, anything)"
        #expect(try findings(pythonPage(code: code)).isEmpty)
    }

    @Test func javascriptMisspeltProcessEnv() throws {
        let markdown = """
            # JS page

            1. Create `app.js`:

                ```javascript
                import OpenAI from "openai";
                const key = process.evn.SERVICE_KEY;
                console.log(OpenAI, key);
                ```
            """
        let result = try findings(markdown).filter { $0.rule == "undefined-name" }
        #expect(result.count == 1)
        #expect(result.first?.location.line == 7)
        #expect(result.first?.message.contains("`process.evn`") == true)
    }

    @Test func javascriptUndeclared() throws {
        let markdown = """
            # JS page

            1. Create `app.js`:

                ```javascript
                const { AzureOpenAI } = require("openai");
                const client = new AzureOpenAI({ endpoint });
                ```
            """
        let result = try findings(markdown).filter { $0.rule == "undefined-name" }
        #expect(result.map(\.location.line) == [7])
        #expect(result.first?.message.contains("ReferenceError: endpoint is not defined") == true)
    }

    /// `true`, `false` and `null` are literals, in JavaScript as in TypeScript; an unbound name
    /// beside them is still reported.
    @Test func javascriptLiteralsAreNotNames() throws {
        let markdown = """
            # JS page

            1. Create `app.js`:

                ```javascript
                import OpenAI from "openai";
                let ready = false;
                const strict = true;
                let last = null;
                function Maker() { if (!new.target) { return new Maker(); } }
                console.log(OpenAI, ready, strict, last, Maker, notDeclaredAnywhere);
                ```
            """
        let result = try findings(markdown).filter { $0.rule == "undefined-name" }
        #expect(result.count == 1)
        #expect(result.first?.message.contains("notDeclaredAnywhere") == true)
    }

    @Test func javascriptAndTypeScriptScopesStayClean() throws {
        let markdown = """
            # TS page

            1. Create `app.ts`:

                ```typescript
                import OpenAI, { type ClientOptions } from "openai";
                import * as fs from "node:fs";
                enum Mode { Fast, Slow }
                interface Options { mode: Mode }
                const options: Options = { mode: Mode.Fast };
                main().catch((err: Error) => console.error(err, fs, options as ClientOptions));
                async function main(): Promise<void> {
                  var total = 0;
                  for (const [i, { name = "x" }] of [[0, {}]].entries()) { total += i; console.log(name); }
                  try { await fetch(new URL("https://x")); } catch (e) { console.log(e, typeof missing, window, Buffer); }
                  const client = new OpenAI({ apiKey: process.env.KEY ?? "" });
                  return helper(client, total);
                }
                function helper(...rest: unknown[]) { return rest.length; }
                ```
            """
        #expect(try findings(markdown).filter { $0.rule == "undefined-name" }.isEmpty)
    }

    @Test func browserOnlyNamesInCodeRunByNode() throws {
        let page = """
            # Node page

            1. Create `index.mjs`:

                ```javascript
                import OpenAI from "openai";
                console.log(OpenAI, prompt);
                ```

            1. Run it:

                ```console
                node index.mjs
                ```
            """
        let result = try findings(page).filter { $0.rule == "undefined-name" }
        #expect(result.map(\.location.line) == [7])
        // Without a Node.js step the same code may run in a browser, where `prompt` is a global.
        let browser = page.replacingOccurrences(of: "node index.mjs", with: "echo done")
        #expect(try findings(browser).filter { $0.rule == "undefined-name" }.isEmpty)
    }

    @Test func fragmentsAreNotJudged() throws {
        let markdown = """
            # Fragment

            The call looks like this:

            ```python
            response = client.chat.completions.create(model=deployment)
            ```
            """
        #expect(try findings(markdown).isEmpty)
    }
}

@Suite struct DependencyMissingTests {
    @Test func pythonImportNotInstalled() throws {
        let code = "import os\nfrom dotenv import load_dotenv\nimport openai\nprint(os.environ[\"SERVICE_URL\"], load_dotenv, openai)"
        let result = try findings(pythonPage(code: code)).filter { $0.rule == "dependency-missing" }
        #expect(result.map(\.location.line) == [19])
        #expect(result.first?.message.contains("`python-dotenv`") == true)
    }

    /// `IPython` comes with the notebook kernel its importer is written for; a real package
    /// beside it is still reported.
    @Test func theNotebookKernelIsNotAPackageToInstall() throws {
        let code = "from IPython.display import clear_output\nimport yaml\nimport openai\nclear_output(wait=True)\nprint(yaml, openai)"
        let result = try findings(pythonPage(code: code)).filter { $0.rule == "dependency-missing" }
        #expect(result.count == 1)
        #expect(result.first?.message.contains("`pyyaml`") == true || result.first?.message.contains("yaml") == true)
    }

    /// A page whose only install step upgrades a package updates an environment set up elsewhere:
    /// a package it never installs is a warning (docverify can't be sure), not an error.
    @Test func anUpgradeOnlyPageMakesItAWarning() throws {
        let code = "from dotenv import load_dotenv\nimport openai\nprint(load_dotenv, openai)"
        for install in ["pip install --upgrade openai", "pip install openai -U"] {
            let result = try findings(pythonPage(install: install, code: code)).filter { $0.rule == "dependency-missing" }
            #expect(result.map(\.severity) == [.warning], "\(install)")
            #expect(result.first?.message.contains("only upgrades `openai`") == true)
        }
    }

    /// Two tabs install the same packages; the sample after the tab group imports one neither
    /// installs: one finding, not one per tab.
    @Test func aMissingPackageIsReportedOncePerImport() throws {
        let markdown = """
            # Two tabs

            # [New](#tab/new)

            ```console
            pip install openai
            ```

            # [Old](#tab/old)

            ```console
            pip install openai==0.28.1
            ```

            ---

            ```python
            from dotenv import load_dotenv
            import openai
            print(load_dotenv, openai)
            ```
            """
        let result = try findings(markdown).filter { $0.rule == "dependency-missing" }
        #expect(result.count == 1, "\(result)")
    }

    @Test func anOlderPinnedOpenAIBringsWhatThatVersionDependedOn() throws {
        let code = "import os\nimport requests\nimport openai\nprint(os.environ[\"SERVICE_URL\"], requests, openai)"
        // openai 0.x depended on requests; 1.x does not.
        #expect(try findings(pythonPage(install: "pip install openai==0.28.1", code: code)).filter { $0.rule == "dependency-missing" }.isEmpty)
        #expect(try findings(pythonPage(install: "pip install \"openai<1\"", code: code)).filter { $0.rule == "dependency-missing" }.isEmpty)
        let current = try findings(pythonPage(install: "pip install openai", code: code)).filter { $0.rule == "dependency-missing" }
        #expect(current.count == 1 && current.first?.message.contains("`requests`") == true)
        #expect(PackageNames.olderMajorDependencies(fromSpec: "openai>=1.2").isEmpty)
        #expect(PackageNames.olderMajorDependencies(fromSpec: "openai~=0.27").contains("requests"))
    }

    @Test func pythonInstalledStdlibTransitiveAndLocalAreClean() throws {
        let code = "import os, json\nimport azure.identity\nfrom dotenv import load_dotenv\nimport pydantic\nimport helpers\nprint(os.environ[\"SERVICE_URL\"], json, azure, load_dotenv, pydantic, helpers)"
        let page = pythonPage(install: "pip install openai azure-identity python-dotenv", code: code)
            + "\n\n1. Create `helpers.py`:\n\n    ```python\n    X = 1\n    ```\n"
        #expect(try findings(page).filter { $0.rule == "dependency-missing" }.isEmpty)
    }

    @Test func pageWithoutInstallStepsSaysNothing() throws {
        let markdown = """
            # No installs

            1. Create `app.py`:

                ```python
                import numpy
                print(numpy)
                ```
            """
        #expect(try findings(markdown).isEmpty)
    }

    @Test func bareNpmInstallOfAnUnseenPackageJSONSaysNothing() throws {
        let markdown = """
            # Clone

            1. Get the sample and install it:

                ```console
                npm install
                ```

            1. Create `app.mjs`:

                ```javascript
                import { z } from "zod";
                console.log(z);
                ```
            """
        #expect(try findings(markdown).filter { $0.rule == "dependency-missing" }.isEmpty)
    }

    @Test func nodePackagesScopedAndSubpaths() throws {
        let markdown = """
            # Node page

            1. Install:

                ```console
                npm install openai @azure/identity
                ```

            1. Create `app.mjs`:

                ```javascript
                import { AzureOpenAI } from "openai";
                import { zodResponseFormat } from "openai/helpers/zod";
                import { DefaultAzureCredential } from "@azure/identity";
                import { readFile } from "node:fs/promises";
                import path from "path";
                import { z } from "zod";
                import "dotenv/config";
                console.log(AzureOpenAI, zodResponseFormat, DefaultAzureCredential, readFile, path, z);
                ```
            """
        let result = try findings(markdown).filter { $0.rule == "dependency-missing" }
        #expect(result.map(\.location.line) == [17, 18])
        #expect(result.map { $0.message.contains("`zod`") || $0.message.contains("`dotenv`") } == [true, true])
    }
}

@Suite struct EnvVarUndefinedTests {
    @Test func nearMissIsAnError() throws {
        let code = "import os\nprint(os.environ[\"SERVICE_ULR\"])"
        let result = try findings(pythonPage(code: code)).filter { $0.rule == "env-var-undefined" }
        #expect(result.map(\.severity) == [.error])
        #expect(result.first?.location.line == 19)
        #expect(result.first?.message.contains("`SERVICE_URL`") == true)
    }

    @Test func setByEveryOSTabAndDefaultsAreClean() throws {
        let markdown = """
            # Tabs

            # [Bash](#tab/bash)

            ```bash
            export SERVICE_URL=https://x
            ```

            # [PowerShell](#tab/ps)

            ```powershell
            $env:SERVICE_URL = "https://x"
            ```

            ---

            1. Create `app.js`:

                ```javascript
                const url = process.env.SERVICE_URL;
                const region = process.env["REGION"] || "west";
                const { SERVICE_URL } = process.env;
                console.log(url, region, SERVICE_URL);
                ```
            """
        #expect(try findings(markdown).filter { $0.rule == "env-var-undefined" }.isEmpty)
    }

    @Test func oneTabMissesTheVariable() throws {
        let markdown = """
            # Tabs

            # [Bash](#tab/bash)

            ```bash
            export SERVICE_URL=https://x
            export SERVICE_KEY=k
            ```

            # [PowerShell](#tab/ps)

            ```powershell
            $env:SERVICE_URL = "https://x"
            ```

            ---

            1. Create `app.js`:

                ```javascript
                console.log(process.env.SERVICE_URL, process.env.SERVICE_KEY);
                ```
            """
        let result = try findings(markdown).filter { $0.rule == "env-var-undefined" }
        #expect(result.map(\.severity) == [.error])
        #expect(result.first?.tab == "ps")
        #expect(result.first?.location.line == 21)
    }

    @Test func dotEnvFileAndRequirementsCount() throws {
        let markdown = """
            # dotenv

            1. Create `requirements.txt`:

                ```text
                openai>=1.0
                python-dotenv
                ```

            1. Install them:

                ```console
                python -m pip install -r requirements.txt
                ```

            1. Create a `.env` file:

                ```text
                SERVICE_URL=https://example.test
                SERVICE_KEY=k
                ```

            1. Create `app.py`:

                ```python
                import os
                from dotenv import load_dotenv
                load_dotenv()
                print(os.environ["SERVICE_URL"], os.getenv("SERVICE_KEY"))
                ```
            """
        #expect(try findings(markdown).isEmpty)
        let misspelt = markdown.replacingOccurrences(of: "os.getenv(\"SERVICE_KEY\")", with: "os.getenv(\"SERVICE_KY\")")
        let result = try findings(misspelt)
        #expect(result.map(\.rule) == ["env-var-undefined"])
        #expect(result.first?.message.contains("`SERVICE_KEY`") == true)
    }

    @Test func wordMoreOrLessIsANearMiss() throws {
        #expect(EnvVarUndefinedCheck.nearMiss("AZURE_OPENAI_KEY", "AZURE_OPENAI_API_KEY"))
        #expect(EnvVarUndefinedCheck.nearMiss("AZURE_OPENAI_ENDPONT", "AZURE_OPENAI_ENDPOINT"))
        #expect(!EnvVarUndefinedCheck.nearMiss("SERVICE_KEY", "SERVICE_URL"))
        #expect(!EnvVarUndefinedCheck.nearMiss("OPENAI_API_VERSION", "AZURE_OPENAI_ENDPOINT"))
    }

    @Test func softReadWithSetUpOnlyInATableIsAWarning() throws {
        let markdown = """
            # Table set-up

            | Variable | Value |
            |---|---|
            | `SERVICE_URL` | your endpoint |

            1. Create `app.py`:

                ```python
                import os
                print(os.getenv("SERVICE_REGION"), os.getenv("SERVICE_URL"))
                ```
            """
        let result = try findings(markdown).filter { $0.rule == "env-var-undefined" }
        #expect(result.map(\.severity) == [.warning])
        #expect(result.first?.message.contains("`SERVICE_REGION`") == true)
    }

    @Test func unreadIncludeMayHoldTheSetUp() throws {
        let markdown = """
            # Unread include

            ```bash
            export SERVICE_URL=https://x
            ```

            [!INCLUDE [shared set-up](~/shared-content/set-up.md)]

            1. Create `app.py`:

                ```python
                import os
                print(os.environ["SERVICE_URL"], os.environ["SERVICE_REGION"])
                ```
            """
        #expect(try findings(markdown).filter { $0.rule == "env-var-undefined" }.map(\.severity) == [.note])
    }

    @Test func setUpOnAnotherPageIsANote() throws {
        let markdown = """
            # Elsewhere

            Before you begin, [set up the environment variables](../setup.md).

            1. Create `app.py`:

                ```python
                import os
                print(os.environ["SERVICE_URL"])
                ```
            """
        #expect(try findings(markdown).filter { $0.rule == "env-var-undefined" }.map(\.severity) == [.note])
    }

    /// Every sample of such a page reads the same variable: one note, at the first read.
    @Test func setUpOnAnotherPageIsOneNotePerVariable() throws {
        let markdown = """
            # Elsewhere

            Before you begin, [set up the environment variables](../setup.md).

            ```python
            import os
            print(os.environ["SERVICE_URL"])
            ```

            Then ask again:

            ```python
            import os
            print(os.environ["SERVICE_URL"], os.environ["SERVICE_KEY"])
            ```
            """
        let notes = try findings(markdown).filter { $0.rule == "env-var-undefined" }
        #expect(notes.map(\.severity) == [.note, .note])
        #expect(notes.map(\.location.line) == [7, 14])
        #expect(notes.first?.message.contains("`SERVICE_URL`") == true)
        #expect(notes.first?.message.contains("read 1 more time(s)") == true)
        #expect(notes.last?.message.contains("`SERVICE_KEY`") == true)
    }
}

@Suite struct TSInJSTests {
    @Test func typeScriptSavedAsJS() throws {
        let markdown = """
            # Saved as .js

            1. Create `app.js`:

                ```typescript
                const size: number = 1;
                console.log(size);
                ```
            """
        let root = try MarkdownFixture.folder(["a.md": markdown])
        let document = try QuickstartLoader.load(path: root + "/a.md", root: root, pivotGroupsFile: nil)
        let all = Extractor().extract(document).allFindings
        #expect(all.map(\.rule) == ["ts-in-js"])
        #expect(all.first?.location.line == 6)
        #expect(all.first?.location.column == 15)
        // The message names the file the step gives, even for a TypeScript fence.
        #expect(all.first?.message.hasPrefix("`app.js` holds TypeScript") == true)
        // The same code in a javascript fence.
        let jsFence = markdown.replacingOccurrences(of: "```typescript", with: "```javascript")
        let root2 = try MarkdownFixture.folder(["a.md": jsFence])
        let document2 = try QuickstartLoader.load(path: root2 + "/a.md", root: root2, pivotGroupsFile: nil)
        #expect(Extractor().extract(document2).allFindings.map(\.rule) == ["ts-in-js"])
    }

    @Test func typeScriptSavedAsTSIsClean() throws {
        let markdown = """
            # Saved as .ts

            1. Create `app.ts`:

                ```typescript
                const size: number = 1;
                console.log(size);
                ```
            """
        let root = try MarkdownFixture.folder(["a.md": markdown])
        let document = try QuickstartLoader.load(path: root + "/a.md", root: root, pivotGroupsFile: nil)
        #expect(Extractor().extract(document).allFindings.isEmpty)
    }
}

/// A helper the program defines and never calls: its undefined names are warnings that say the
/// failure comes when it is called; the same read at module level stays an error.
@Suite struct DormantUndefinedNameTests {
    @Test func aHelperNeverCalledGivesAWarning() throws {
        let code = "import requests\n\ndef list_kites():\n    return requests.get(KITE_URL).json()\n\nprint(KITE_COUNT)"
        let result = try findings(pythonPage(code: code)).filter { $0.rule == "undefined-name" }
        #expect(result.map(\.severity) == [.warning, .error])
        #expect(result.first?.message.contains("in `list_kites()`, which it defines but never calls") == true)
        #expect(result.last?.message.contains("`KITE_COUNT`") == true)
    }

    @Test func helpersReadingTheSameUndefinedSettingAreOneWarning() throws {
        // Two helpers in one sample: one warning (each name once a sample).
        let code = "import requests\n\ndef list_kites():\n    return requests.get(KITE_URL).json()\n\ndef count_kites():\n    return len(requests.get(KITE_URL).json())"
        let one = try findings(pythonPage(code: code)).filter { $0.rule == "undefined-name" }
        #expect(one.map(\.severity) == [.warning])
        // The same helper pattern in two samples of the page: the first warning names the other line.
        let page = """
        # Kites

        1. Install:

            ```console
            pip install requests
            ```

        1. List them:

            ```python
            import requests
            def list_kites():
                return requests.get(KITE_URL).json()
            ```

        1. Count them:

            ```python
            import requests
            def count_kites():
                return len(requests.get(KITE_URL).json())
            ```
        """
        let two = try findings(page).filter { $0.rule == "undefined-name" }
        #expect(two.map(\.severity) == [.warning])
        #expect(two.first?.message.contains("the page's other helpers read it too, never defined: line 22") == true)
    }
}

/// Set-up in key / keyless tabs (a variables table per tab) and a sample that uses the key: the
/// key tab sets it, so a keyless reader is only told (a note); a keyless-tab sample that reads the
/// key is still reported.
@Suite struct KeyTabSetUpTests {
    private func page(sample: String) -> String {
        """
        # Key or keyless

        #### [Keyless](#tab/keyless)

        | Variable name | Value |
        |---|---|
        | `SERVICE_URL` | The endpoint of your resource. |

        #### [Key](#tab/api-key)

        | Variable name | Value |
        |---|---|
        | `SERVICE_URL` | The endpoint of your resource. |
        | `SERVICE_API_KEY` | One of the keys of your resource. |

        ---

        \(sample)
        """
    }

    @Test func untabbedSampleUsingTheKeyIsANote() throws {
        let markdown = page(sample: """
            1. Create `app.py`:

                ```python
                import os
                print(os.environ.get("SERVICE_URL"), os.environ.get("SERVICE_API_KEY"))
                ```
            """)
        let result = try findings(markdown).filter { $0.rule == "env-var-undefined" }
        #expect(!result.isEmpty)
        #expect(result.allSatisfy { $0.severity == .note })
        #expect(result.first?.message.contains("`api-key` tab") == true)
    }

    @Test func keylessTabSampleReadingTheKeyIsStillReported() throws {
        let markdown = page(sample: """
            #### [Keyless](#tab/keyless)

            ```python
            import os
            print(os.environ.get("SERVICE_URL"), os.environ.get("SERVICE_API_KEY"))
            ```

            #### [Key](#tab/api-key)

            ```python
            import os
            print(os.environ.get("SERVICE_URL"), os.environ.get("SERVICE_API_KEY"))
            ```

            ---
            """)
        let result = try findings(markdown).filter { $0.rule == "env-var-undefined" }
        #expect(result.contains { $0.severity >= .warning && $0.tab == "keyless" })
    }
}
