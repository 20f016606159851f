import Foundation
import Testing
@testable import Core

@Suite struct SecretRedactorTests {
    static let key = "DVSECRET-KEY-1234567890"
    static let token = "eyJhbGciOi.DVSECRET-TOKEN.sig0123"

    @Test func knownValuesAreReplacedInEverySpelling() {
        let odd = "p&ss/w\"rd<x>'y"
        let redactor = SecretRedactor(values: [Self.key, odd])
        #expect(redactor.redact("echo: api-key \(Self.key)!") == "echo: api-key [redacted]!")
        let spellings = [
            odd, "p&amp;ss/w&quot;rd&lt;x&gt;&#39;y", "p&amp;ss/w&quot;rd&lt;x&gt;&#x27;y", #"p&ss\/w\"rd<x>'y"#, #"p&ss/w\"rd<x>'y"#,
            "p%26ss%2Fw%22rd%3Cx%3E%27y", "p%26ss%2fw%22rd%3cx%3e%27y",
        ]
        for spelling in spellings {
            #expect(redactor.redact("a \(spelling) b") == "a [redacted] b", "\(spelling)")
        }
    }

    @Test func shortValuesAreOnlyRedactedByName() {
        let redactor = SecretRedactor(values: ["a", "test", ""])
        #expect(redactor.needles.isEmpty)
        #expect(redactor.redact("a test of a thing") == "a test of a thing")
        #expect(redactor.redact("GET /x?api-key=test&b=1") == "GET /x?api-key=[redacted]&b=1")
    }

    @Test func userInfoIsDroppedFromEveryURL() {
        let text = "Could not connect to http://user:pw@127.0.0.1:8080/openai?x=1 and https://a@b.example/ and ftp://host/p@x"
        #expect(SecretRedactor.names.redact(text)
            == "Could not connect to http://127.0.0.1:8080/openai?x=1 and https://b.example/ and ftp://host/p@x")
        #expect(SecretRedactor.names.redact(#"{"url":"http:\/\/u:p@h:1\/a"}"#) == #"{"url":"http:\/\/h:1\/a"}"#)
        #expect(SecretRedactor.stripUserInfo("http://u:p%40q@host/") == "http://host/")
    }

    @Test func secretQueryKeysAreRedactedWhateverTheirValue() {
        let redactor = SecretRedactor.names
        #expect(redactor.redact("/f?sv=2024&sig=abc%2Bdef&se=1") == "/f?sv=2024&sig=[redacted]&se=1")
        #expect(redactor.redact("?Subscription-Key=k1 and ?code=xyz#frag") == "?Subscription-Key=[redacted] and ?code=[redacted]#frag")
        #expect(redactor.redact("a?x=1&amp;api-key=zz\"") == "a?x=1&amp;api-key=[redacted]\"")
        // Not a query: prose and other keys are left alone.
        #expect(redactor.redact("set key=value in the file; ?api-version=2024-10-21") == "set key=value in the file; ?api-version=2024-10-21")
    }

    @Test func bearerTokensAreRedactedWhenTheyLookLikeOne() {
        let redactor = SecretRedactor.names
        #expect(redactor.redact("Authorization: Bearer \(Self.token)") == "Authorization: Bearer [redacted]")
        #expect(redactor.redact("use Bearer authentication with a Bearer $AZURE_OPENAI_AD_TOKEN") == "use Bearer authentication with a Bearer $AZURE_OPENAI_AD_TOKEN")
    }

    @Test func endpointSecretsIncludeTheBasicCredential() {
        let secrets = SecretRedactor.endpointSecrets("http://user:DVSECRET-PASS@127.0.0.1:9/?sig=DVSECRET-SIG")
        #expect(secrets.contains("DVSECRET-PASS"))
        #expect(secrets.contains("user:DVSECRET-PASS"))
        #expect(secrets.contains(Data("user:DVSECRET-PASS".utf8).base64EncodedString()))
        #expect(secrets.contains("DVSECRET-SIG"))
        #expect(SecretRedactor.endpointSecrets("https://name.openai.azure.com").isEmpty)
        // The longer spelling goes first, so no fragment of it is left behind.
        let redactor = SecretRedactor(values: secrets)
        #expect(redactor.redact("sent user:DVSECRET-PASS") == "sent [redacted]")
    }

    @Test func headersAreRedactedByNameKeepingTheScheme() {
        let redactor = SecretRedactor(values: [Self.key])
        #expect(redactor.redactHeader(name: "Authorization", value: "Bearer x") == "Bearer [redacted]")
        #expect(redactor.redactHeader(name: "api-key", value: "k") == "[redacted]")
        #expect(redactor.redactHeader(name: "x-echo", value: "got \(Self.key)") == "got [redacted]")
        #expect(redactor.with(marker: "REDACTED").redactHeader(name: "cookie", value: "a=b") == "REDACTED")
    }

    @Test func jsonIsRedactedInNamesAndValuesAndBoundedInDepth() throws {
        let redactor = SecretRedactor(values: [Self.key])
        let value = try JSONValue.parse(#"{"\#(Self.key)": ["x \#(Self.key)", 1]}"#)
        #expect(redactor.redact(value) == .object(["[redacted]": .array([.string("x [redacted]"), .int(1)])]))
        var deep = JSONValue.string(Self.key)
        for _ in 0..<(SecretRedactor.maxDepth + 5) { deep = .array([deep]) }
        #expect(!redactor.redact(deep).serialized().contains(Self.key))
    }

    @Test func findingsAreRedacted() {
        let finding = Finding(rule: "response-status", severity: .error, location: SourceLocation(file: "a.md", line: 1),
                              message: "HTTP 401: {\"key\": \"\(Self.key)\"}")
        #expect(finding.redacted(by: SecretRedactor(values: [Self.key])).message == "HTTP 401: {\"key\": \"[redacted]\"}")
    }
}
