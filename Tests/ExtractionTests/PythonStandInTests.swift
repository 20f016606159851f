import Core
import Testing
@testable import Extraction

/// `<…>` stand-ins written where Python expects a value: a warning, and the sample is still read
/// (its request extracted). Own-words fixture.
@Suite struct PythonStandInTests {
    private let program = """
        import requests

        body = {
            "plan": {"tier": "basic"},
            "name": <"your_widget_name">,
        }
        token = <your-token>
        r = requests.put("https://widgets.example.invalid/v1/widgets/w1", json=body, headers={"Authorization": "Bearer " + token})
        print(r.status_code)
        """

    @Test func standInsAreWarningsAndTheRequestIsStillRead() throws {
        let x = PythonFrontEnd().extract(pythonSample(program))
        let syntax = x.findings.filter { $0.rule == "python-syntax" }
        #expect(syntax.map(\.severity) == [.warning, .warning], "\(syntax)")
        #expect(syntax.first?.message.contains("<\"your_widget_name\">") == true)
        let request = try #require(x.requests.first)
        #expect(request.method == "PUT")
        #expect(ExtractorFixture.dig(request.body, "name") == .string("your_widget_name"))
    }

    @Test func otherSyntaxErrorsStayErrors() {
        let broken = "import os\nx = (1, 2\nprint(x)\n"
        #expect(PythonFrontEnd().extract(pythonSample(broken)).findings.map(\.severity).contains(.error))
        // A comparison is not a stand-in.
        let compare = "import os\nif len(os.sep) < 2 > 1:\n    print('ok')\n"
        #expect(PythonFrontEnd().extract(pythonSample(compare)).findings.isEmpty)
    }
}
