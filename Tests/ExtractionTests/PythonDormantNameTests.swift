import Core
import Procedure
import Quickstart
import Testing
@testable import Extraction

/// A Python program that defines a helper and never calls it reads the helper's names only once
/// the reader calls it: an undefined name there is a warning that says so. Read at module level,
/// or in a function the code calls (or a framework calls through a decorator), it stays an error.
@Suite("undefined-name in functions nobody calls")
struct PythonDormantNameTests {
    private func facts(_ code: String) throws -> CodeFacts {
        PythonNameScan.scan(try parsePython(code))
    }

    @Test("a name read only in a function that is never called is dormant")
    func dormant() throws {
        let helper = try facts("""
        import requests

        def fetch_kites():
            reply = requests.get(KITE_URL, headers={"key": KITE_KEY})
            return reply.json()
        """)
        #expect(helper.dormantFunction(reading: "KITE_URL") == "fetch_kites")
        #expect(helper.dormantFunction(reading: "KITE_KEY") == "fetch_kites")
    }

    @Test("a call, a hand-over or a decorator wakes the function; a module-level read is never dormant")
    func awake() throws {
        let called = try facts("import asyncio\nasync def fetch():\n    return KITE_URL\nasyncio.run(fetch())\n")
        #expect(called.dormantFunction(reading: "KITE_URL") == nil)
        let decorated = try facts("from flask import Flask\napp = Flask(__name__)\n@app.route('/hook')\ndef hook():\n    return KITE_URL\n")
        #expect(decorated.dormantFunction(reading: "KITE_URL") == nil)
        let both = try facts("import os\ndef helper():\n    return KITE_URL\nprint(KITE_URL)\n")
        #expect(both.dormantFunction(reading: "KITE_URL") == nil)
        let nested = try facts("import os\ndef outer():\n    def inner():\n        return KITE_URL\n    return inner()\n")
        #expect(nested.dormantFunction(reading: "KITE_URL") == "outer")
    }

    @Test("asyncio.to_thread(requests.post, …) sends the request requests.post would")
    func toThread() throws {
        let x = PythonFrontEnd().extract(pythonSample("""
        import asyncio, requests
        async def send():
            r = await asyncio.to_thread(requests.post, "https://example.com/v1/kites", json={"color": "red"})
        """))
        let request = try #require(x.requests.first)
        #expect(request.method == "POST")
        #expect(request.path == "/v1/kites")
    }
}

extension PythonDormantNameTests {
    @Test("client.batches.create / retrieve are the Batch API's calls")
    func batches() throws {
        let x = PythonFrontEnd().extract(pythonSample("""
        from openai import OpenAI
        client = OpenAI(base_url="https://example.openai.azure.com/openai/v1/", api_key="k")
        job = client.batches.create(input_file_id="file-1", endpoint="/chat/completions", completion_window="24h")
        again = client.batches.retrieve(job.id)
        """))
        #expect(x.requests.map(\.method) == ["POST", "GET"])
        #expect(x.requests.first?.path.hasSuffix("/batches") == true)
    }
}
