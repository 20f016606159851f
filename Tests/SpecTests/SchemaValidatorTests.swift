import Core
import Extraction
import Testing
@testable import Spec

@Suite struct SchemaValidatorTests {
    func findings(_ body: SymbolicValue) throws -> [Finding] {
        SpecRequestChecks.check([SpecFixtures.request(body)], specs: SpecSet([try SpecFixtures.spec()]))
    }

    @Test func aConformingBodyIsClean() throws {
        let body: SymbolicValue = .object([
            "messages": .array([SpecFixtures.user("hi"), .object(["role": .string("assistant"), "content": .null])]),
            "audio": .object(["voice": .string("nova"), "format": .string("wav")]),
            "temperature": .double(0.5), "max_tokens": .int(10),
            "tool": .object(["type": .string("search"), "index": .string("docs")]),
        ])
        #expect(try findings(body).isEmpty)
    }

    @Test func placeholdersFitAnything() throws {
        let env: SymbolicValue = .placeholder(.environment(name: "VOICE", fallback: nil))
        let body: SymbolicValue = .object([
            "messages": .array([SpecFixtures.user("hi"), env]),
            "audio": .object(["voice": env, "format": .template([.literal("w"), .placeholder(.environment(name: "F", fallback: nil))])]),
        ])
        #expect(try findings(body).isEmpty)
    }

    @Test func unknownFieldOfAClosedObjectIsAWarning() throws {
        let body: SymbolicValue = .object([
            "messages": .array([SpecFixtures.user("hi")]),
            "audio": .object(["voice": .string("nova"), "format": .string("wav"), "speed": .int(2)]),
        ])
        let found = try findings(body)
        #expect(found.map(\.rule) == ["spec-unknown-field"])
        #expect(found.first?.severity == .warning)
        #expect(found.first?.message.contains("audio.speed") == true)
        #expect(found.first?.location.line == 20)
    }

    @Test func unknownFieldOfAnOpenObjectIsANote() throws {
        // The assistant message branch is chosen by its role, and does not declare `audio`.
        let body: SymbolicValue = .object([
            "messages": .array([
                SpecFixtures.user("hi"),
                .object(["role": .string("assistant"), "audio": .object(["id": .placeholder(.response(call: 0, path: "choices[0].message.audio.id"))])]),
            ]),
        ])
        let found = try findings(body)
        #expect(found.map(\.rule) == ["spec-unknown-field"])
        #expect(found.first?.severity == .note)
        #expect(found.first?.message.contains("messages[1].audio") == true)
        #expect(found.first?.message.contains("'assistantMessage'") == true)
    }

    @Test func enumViolation() throws {
        let body: SymbolicValue = .object([
            "messages": .array([SpecFixtures.user("hi")]),
            "audio": .object(["voice": .string("marin"), "format": .string("wav")]),
        ])
        let found = try findings(body)
        #expect(found.map(\.rule) == ["spec-enum-violation"])
        #expect(found.first?.message.contains("\"marin\"") == true)
        #expect(found.first?.message.contains("\"shimmer\"") == true)
    }

    @Test func unknownRoleIsAnEnumViolationOfTheTag() throws {
        let body: SymbolicValue = .object(["messages": .array([.object(["role": .string("narrator"), "content": .string("x")])])])
        let found = try findings(body)
        #expect(found.map(\.rule) == ["spec-enum-violation"])
        #expect(found.first?.message.contains("messages[0].role") == true)
    }

    @Test func typeMismatch() throws {
        let body: SymbolicValue = .object(["messages": .array([SpecFixtures.user("hi")]), "max_tokens": .string("ten")])
        let found = try findings(body)
        #expect(found.map(\.rule) == ["spec-type"])
        #expect(found.first?.message.contains("max_tokens is a string") == true)
        // A whole double is an integer.
        #expect(try findings(.object(["messages": .array([SpecFixtures.user("hi")]), "max_tokens": .double(10)])).isEmpty)
    }

    @Test func requiredMembers() throws {
        let found = try findings(.object(["audio": .object(["voice": .string("nova")])]))
        #expect(found.map(\.rule) == ["spec-required", "spec-required"])
        #expect(found.contains { $0.message.contains("lacks 'messages'") })
        #expect(found.contains { $0.message.contains("audio lacks 'format'") })
    }

    @Test func discriminatorPicksTheSubtype() throws {
        let found = try findings(.object(["messages": .array([SpecFixtures.user("hi")]), "tool": .object(["type": .string("search")])]))
        #expect(found.map(\.rule) == ["spec-required"])
        #expect(found.first?.message.contains("'searchTool'") == true)
    }

    @Test func apiVersionOutsideTheSpecs() throws {
        let request = SpecFixtures.request(.object(["messages": .array([SpecFixtures.user("hi")])]), apiVersion: "2020-01-01")
        let found = SpecRequestChecks.check([request], specs: SpecSet([try SpecFixtures.spec()]))
        #expect(found.map(\.rule) == ["api-version-mismatch"])
        #expect(found.first?.severity == .note)
    }

    @Test func operationsTheSpecDoesNotDeclareAreLeftAlone() throws {
        let request = SpecFixtures.request(.object(["bogus": .int(1)]), path: "/openai/v1/chat/completions")
        #expect(SpecRequestChecks.check([request], specs: SpecSet([try SpecFixtures.spec()])).isEmpty)
    }

    @Test func explicitlyOpenObjectsTakeAnyMember() throws {
        let spec = try SpecLoader.parse(#"""
            {"openapi": "3.0.0", "info": {"version": "v"}, "paths": {"/x": {"post": {"requestBody": {"content": {"application/json": {"schema":
              {"type": "object", "additionalProperties": true, "properties": {"a": {"type": "string"}}}}}}}}}}
            """#, file: "open.json")
        let operation = try #require(spec.operation(method: "POST", path: "/x"))
        let issues = SchemaValidator(spec: spec).validate(.object(["a": .string("1"), "b": .int(2)]), against: operation.requestSchema!)
        #expect(issues.isEmpty)
    }

    @Test func closedOpenAPI2Schema() throws {
        let spec = try SpecLoader.parse(SpecFixtures.openAPI2YAML, file: "toy.yaml")
        let request = SpecFixtures.request(.object(["messages": .array([]), "n": .int(1), "stream": .bool(true)]), apiVersion: "2030-05-01")
        let found = SpecRequestChecks.check([request], specs: SpecSet([spec]))
        #expect(found.map(\.rule) == ["spec-unknown-field"])
        #expect(found.first?.severity == .warning)
    }
}

@Suite struct SpecTolerancesTests {
    @Test func theDeploymentNameInTheBodyIsTolerated() throws {
        let body: SymbolicValue = .object(["model": .string("gpt-4o-audio-preview"), "messages": .array([SpecFixtures.user("hi")])])
        #expect(SpecRequestChecks.check([SpecFixtures.request(body)], specs: SpecSet([try SpecFixtures.spec()])).isEmpty)
    }
}
