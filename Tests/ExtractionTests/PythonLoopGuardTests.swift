import Core
import Testing
@testable import Extraction

/// A chat loop that leaves on a typed word (`if text == "quit": break`) or skips an empty turn
/// (`continue`) before its call: the guard's test is unknown statically, and following the
/// `break` would hide every call of the loop (a `request-unextracted` false alarm).
@Suite("Python loop guards")
struct PythonLoopGuardTests {
    private func extract(_ code: String) -> SampleExtraction { PythonFrontEnd().extract(pythonSample(code)) }

    @Test("an unknown-test break or continue before the call does not hide the call")
    func guardedLoop() throws {
        let x = extract("""
        from openai import AzureOpenAI
        client = AzureOpenAI(azure_endpoint="https://example.openai.azure.com", api_key="k", api_version="2024-10-21")

        def converse():
            while True:
                said = input("you> ")
                if said.strip().lower() in ("bye", "stop"):
                    break
                if not said:
                    continue
                reply = client.chat.completions.create(model="d", messages=[{"role": "user", "content": said}])
                print(reply.choices[0].message.content)

        converse()
        """)
        let request = try #require(x.requests.first)
        #expect(x.requests.count == 1)
        #expect(request.path.hasSuffix("/chat/completions"))
    }

    @Test("a break in a for loop under an unknown test keeps the pass going; a known-true test still leaves")
    func forLoop() {
        let x = extract("""
        import requests
        for word in ["a"]:
            if word.startswith("#"):
                break
            requests.post("https://example.com/v1/echo", json={"w": word})
        for word in ["b"]:
            if True:
                break
            requests.post("https://example.com/v1/never", json={"w": word})
        """)
        #expect(x.requests.map(\.path) == ["/v1/echo"])
    }
}
