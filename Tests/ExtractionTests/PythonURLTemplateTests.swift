import Testing
@testable import Extraction

@Suite("Python URL templates")
struct PythonURLTemplateTests {
    @Test("a literal URL splits after the host")
    func literal() {
        let url = PythonURLTemplate(.string("https://res.example.test/openai/deployments/d1/chat/completions?api-version=v&flag"))
        #expect(url.endpoint == .string("https://res.example.test"))
        #expect(url.path == "/openai/deployments/{deployment}/chat/completions")
        #expect(url.deployment == .string("d1"))
        #expect(url.query == ["api-version": .string("v"), "flag": .string("")])
    }

    @Test("a hole in the host stays part of the endpoint")
    func holeInHost() {
        let resource = Placeholder.environment(name: "RESOURCE", fallback: nil)
        let url = PythonURLTemplate(.template([.literal("https://"), .placeholder(resource), .literal(".example.test/v1/chat")]))
        #expect(url.endpoint == .template([.literal("https://"), .placeholder(resource), .literal(".example.test")]))
        #expect(url.path == "/v1/chat")
        #expect(url.deployment == nil)
        #expect(url.query.isEmpty)
    }

    @Test("holes in the deployment and query are kept as placeholders")
    func holes() {
        let url = PythonURLTemplate(.template([
            .placeholder(.environment(name: "E", fallback: nil)), .literal("/openai/deployments/"),
            .placeholder(.environment(name: "D", fallback: nil)), .literal("/chat/completions?api-version="),
            .placeholder(.environment(name: "V", fallback: nil)),
        ]))
        #expect(url.endpoint == env("E"))
        #expect(url.deployment == env("D"))
        #expect(url.path == "/openai/deployments/{deployment}/chat/completions")
        #expect(url.query == ["api-version": env("V")])
    }
}
