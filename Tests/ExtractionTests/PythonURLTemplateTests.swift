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

    @Test("an endpoint stand-in glued to openai/ (the endpoint ends with '/') still starts the path at /openai")
    func gluedEndpointStandIn() {
        let url = PythonURLTemplate(.string("<my_resource_endpoint>openai/deployments/<my_deployment>/chat/completions?api-version=v"))
        #expect(url.endpoint == .string("<my_resource_endpoint>"))
        #expect(url.path == "/openai/deployments/{deployment}/chat/completions")
        #expect(url.deployment == .string("<my_deployment>"))
    }

    @Test("an endpoint variable glued to openai/ starts the path at /openai; other glued text is left alone")
    func gluedEndpointVariable() {
        let url = PythonURLTemplate(.template([
            .placeholder(.environment(name: "E", fallback: nil)), .literal("openai/deployments/d1/embeddings"),
        ]))
        #expect(url.endpoint == env("E"))
        #expect(url.path == "/openai/deployments/{deployment}/embeddings")
        #expect(url.deployment == .string("d1"))
        // A host suffix after a hole is part of the host, as before.
        let host = PythonURLTemplate(.template([.placeholder(.environment(name: "R", fallback: nil)), .literal(".example.test/openai/x")]))
        #expect(host.path == "/openai/x")
    }

    @Test("the curl/fetch URL splitter reads a glued endpoint stand-in the same way")
    func gluedStandInInRESTSplitter() {
        let url = RESTURLTemplate.split([.literal("<my_resource_endpoint>openai/deployments/d2/chat/completions?api-version=v")])
        #expect(url.endpoint == .string("<my_resource_endpoint>"))
        #expect(url.path == "/openai/deployments/{deployment}/chat/completions")
        #expect(url.deployment == .string("d2"))
    }
}
