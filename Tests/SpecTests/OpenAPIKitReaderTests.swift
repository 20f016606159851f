import Core
import Extraction
import Foundation
import TestSupport
import Testing
@testable import Spec

/// OpenAPI 3 goes through OpenAPIKit; OpenAPI 2, and OpenAPI 3 that OpenAPIKit refuses, through the walker.
@Suite struct OpenAPIKitReaderTests {
    /// An OpenAPI 3.1 spec of our own in YAML: `type` lists with `null`, `$ref` siblings, `anyOf`.
    static let openAPI31YAML = """
    openapi: 3.1.0
    info:
      title: Toy 3.1
      version: 2032-01-01-preview
    servers:
      - url: https://{endpoint}/openai
    paths:
      /deployments/{deployment-id}/embeddings:
        post:
          operationId: Embeddings_Create
          parameters:
            - in: path
              name: deployment-id
              required: true
              schema: {type: string}
            - in: query
              name: api-version
              required: true
              schema:
                type: string
                enum: [2032-01-01-preview, 2031-06-01]
          requestBody:
            content:
              application/json:
                schema:
                  $ref: '#/components/schemas/embeddingsRequest'
          responses:
            '201':
              description: created
              content:
                application/json:
                  schema: {type: object}
                  examples:
                    first:
                      value: {object: list}
    components:
      schemas:
        embeddingsRequest:
          type: object
          additionalProperties: false
          required: [input]
          properties:
            input:
              anyOf:
                - type: string
                - type: array
                  items: {type: string}
            user:
              type: [string, 'null']
            encoding_format:
              type: string
              enum: [float, base64]
    """

    @Test func theToyOpenAPI3SpecIsReadByOpenAPIKit() throws {
        let spec = try SpecFixtures.spec()
        #expect(spec.reader == .openAPIKit)
        #expect(spec.loadNote == nil)
        // OpenAPIKit's normalized form: the 3.0 `nullable: true` is a `null` type now.
        let content = spec.resolve("#/components/schemas/assistantMessage")?["properties"]?["content"]
        #expect(content?["type"]?.arrayValue?.compactMap(\.stringValue).sorted() == ["null", "string"])
    }

    @Test func anOpenAPI31YAMLSpecIsReadAndValidates() throws {
        let spec = try SpecLoader.parse(Self.openAPI31YAML, file: "toy31.yaml")
        #expect(spec.reader == .openAPIKit)
        #expect(spec.format == .openAPI3)
        #expect(spec.version == "2032-01-01-preview")
        #expect(spec.apiVersions == ["2032-01-01-preview", "2031-06-01"])
        let operation = try #require(spec.operation(method: "POST", path: "/openai/deployments/d/embeddings"))
        #expect(operation.operationId == "Embeddings_Create")
        #expect(operation.success?.status == 201)
        #expect(operation.success?.example?["object"]?.stringValue == "list")
        let schema = try #require(operation.requestSchema)
        let validator = SchemaValidator(spec: spec)
        #expect(validator.validate(.object(["input": .array([.string("a")]), "user": .null]), against: schema).isEmpty)
        let issues = validator.validate(.object(["input": .int(3), "encoding_format": .string("hex"), "dims": .int(2)]), against: schema)
        #expect(Set(issues.map(\.kind)) == [.type, .enumViolation, .unknownField])
    }

    @Test func aMemberOnlyRequiredInOnePartKeepsTheSchemaOfAnother() throws {
        // OpenAPIKit writes `required: [voice]` without a `voice` property as an empty `voice` schema.
        let text = """
        {"openapi": "3.0.0", "info": {"title": "Parts", "version": "2033-01-01"},
         "paths": {"/speak": {"post": {"requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/req"}}}},
                                       "responses": {"200": {"description": "OK"}}}}},
         "components": {"schemas": {
           "req": {"allOf": [{"type": "object", "required": ["voice"]}, {"$ref": "#/components/schemas/voiced"}]},
           "voiced": {"type": "object", "properties": {"voice": {"type": "string", "enum": ["alloy", "echo"]}}}}}}
        """
        let spec = try SpecLoader.parse(text, file: "parts.json")
        #expect(spec.reader == .openAPIKit)
        let schema = try #require(spec.operation(method: "POST", path: "/speak")?.requestSchema)
        let issues = SchemaValidator(spec: spec).validate(.object(["voice": .string("marin")]), against: schema)
        #expect(issues.map(\.kind) == [.enumViolation])
        #expect(SchemaValidator(spec: spec).validate(.object([:]), against: schema).map(\.kind) == [.required])
    }

    @Test func openAPI2StaysWithTheWalker() throws {
        let spec = try SpecLoader.parse(SpecFixtures.openAPI2YAML, file: "toy.yaml")
        #expect(spec.reader == .jsonWalker)
        #expect(spec.loadNote == nil)
    }

    @Test func aDocumentOpenAPIKitRefusesFallsBackWithANote() throws {
        // `info.title` is required by OpenAPI 3; the walker does not need it.
        let text = SpecFixtures.openAPI3.replacingOccurrences(of: #""title": "Toy", "#, with: "")
        let spec = try SpecLoader.parse(text, file: "untitled.json")
        #expect(spec.reader == .jsonWalker)
        let note = try #require(spec.loadNote)
        #expect(note.contains("OpenAPIKit could not read it"))
        #expect(note.contains("title"))
        // Still useful: the operation and its schema are there.
        #expect(spec.operation(method: "POST", path: "/openai/deployments/d/chat/completions")?.requestSchema != nil)
    }

    @Test func anInvalidSpecNamesTheFileAndTheLine() throws {
        let text = """
        {
          "openapi": "3.0.0",
          "info": {"title": "Broken", "version": "1"},
          "paths": {
            "/x": 5
          }
        }
        """
        do {
            _ = try SpecLoader.parse(text, file: "broken.json")
            Issue.record("a path item that is a number must not load")
        } catch {
            #expect(error.description.hasPrefix("broken.json: not a valid OpenAPI 3 document"))
            #expect(error.description.contains("line 5"))
        }
        do {
            _ = try SpecLoader.parse("{\n  \"openapi\": \"3.0.0\",\n  nope\n}", file: "syntax.json")
            Issue.record("invalid JSON must not load")
        } catch {
            #expect(error.description.hasPrefix("syntax.json: "))
            #expect(error.description.contains("line 3"))
        }
    }

    @Test func theLocatorFindsKeysInJSONAndYAML() {
        #expect(SpecTextLocator.line(ofKeys: ["paths", "/x", "post"], in: "{\n\"paths\": {\n  \"/x\": {\n    \"post\": {}}}}") == 4)
        #expect(SpecTextLocator.line(ofKeys: ["paths", "/x", "post"], in: "openapi: 3.1.0\npaths:\n  /x:\n    post: {}\n") == 4)
        #expect(SpecTextLocator.line(ofKeys: ["missing"], in: "a: 1\n") == nil)
    }

    @Test(.enabled(if: SpecLoaderTests.corpusSpec != nil, "the shared corpus spec is absent"))
    func theCorpusSpecIsReadByOpenAPIKit() throws {
        let spec = try SpecLoader.load(file: try #require(SpecLoaderTests.corpusSpec))
        #expect(spec.reader == .openAPIKit, "OpenAPIKit refused the corpus spec: \(spec.loadNote ?? "")")
        #expect(spec.operations.count > 20)
    }

    /// OpenAPIKit's reading and the walker's agree on the corpus spec: the same operations, versions,
    /// enumerations, and the same verdicts on bodies.
    @Test(.enabled(if: SpecLoaderTests.corpusSpec != nil, "the shared corpus spec is absent"))
    func theCorpusSpecReadsTheSameBothWays() throws {
        let file = try #require(SpecLoaderTests.corpusSpec)
        let typed = try SpecLoader.load(file: file)
        let walked = try SpecLoader.jsonTreeDocument(try JSONValue.parse(try String(contentsOfFile: file, encoding: .utf8)), file: file)
        #expect(typed.reader == .openAPIKit && walked.reader == .jsonWalker)
        #expect(typed.operations.map(\.title) == walked.operations.map(\.title))
        #expect(typed.operations.map { $0.requestSchema != nil } == walked.operations.map { $0.requestSchema != nil })
        #expect(typed.operations.map { $0.formSchema != nil } == walked.operations.map { $0.formSchema != nil })
        #expect(typed.operations.map { $0.success?.status } == walked.operations.map { $0.success?.status })
        #expect(typed.apiVersions == walked.apiVersions)
        for (site, _) in SpecEnumSites.builtInEnums {
            #expect(typed.enumValues(at: site) == walked.enumValues(at: site), "\(site.name)")
        }
        let chat = "/openai/deployments/{deployment-id}/chat/completions"
        let bodies: [JSONValue] = [
            .object(["messages": .array([.object(["role": .string("user"), "content": .string("hi")])]), "audio": .object(["voice": .string("marin"), "format": .string("wav")])]),
            .object(["messages": .array([.object(["role": .string("assistant"), "audio": .object(["id": .string("a1")])])])]),
            .object(["messages": .string("hi"), "temperature": .string("hot")]),
            .object(["modalities": .array([.string("text"), .string("smell")])]),
        ]
        for body in bodies {
            let a = SchemaValidator(spec: typed).validate(body, against: try #require(typed.operation(method: "POST", path: chat)?.requestSchema))
            let b = SchemaValidator(spec: walked).validate(body, against: try #require(walked.operation(method: "POST", path: chat)?.requestSchema))
            #expect(a.map(\.kind) == b.map(\.kind), "\(body.serialized())")
            #expect(a.map(\.path) == b.map(\.path), "\(body.serialized())")
        }
    }
}
