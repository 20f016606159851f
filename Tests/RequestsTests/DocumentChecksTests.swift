import Testing
import Core
import Extraction
import Quickstart
@testable import Requests

/// Builds small documents: pivots × sections × tabs, each tab one sample making the given calls.
private struct DocumentFixture {
    struct TabSpec {
        var id: String?
        var calls: [ExtractedRequest]
    }

    var pivots: [(id: String, sections: [(title: String, tabs: [TabSpec])])] = []

    func extraction() -> DocumentExtraction {
        var nextID = 0
        var samples: [Int: SampleExtraction] = [:]
        let pivotValues = pivots.map { pivot in
            Pivot(id: pivot.id, sections: pivot.sections.map { section in
                Section(title: section.title, location: SourceLocation(file: "\(pivot.id).md", line: 1), tabs: section.tabs.map { tab in
                    let id = nextID
                    nextID += 1
                    let sample = CodeSample(
                        id: id, language: .python, infoString: "python", code: "pass\n",
                        location: tab.calls.first?.location ?? SourceLocation(file: "\(pivot.id).md", line: 2),
                        codeStartLine: 3, codeStartColumn: 1)
                    samples[id] = SampleExtraction(sampleID: id, requests: tab.calls, callsAPI: true)
                    return TabVariant(id: tab.id, label: tab.id, group: tab.id == nil ? nil : 0, location: nil,
                                      steps: [Step(text: "Run it.", location: sample.location, samples: [sample])])
                })
            })
        }
        let document = QuickstartDocument(file: "quickstart.md", title: "Audio", frontMatter: [:], pivots: pivotValues, findings: [])
        return DocumentExtraction(document: document, samples: samples, findings: [])
    }
}

private func call(
    _ file: String, _ line: Int, client: RequestClient = .pythonOpenAI, auth: AuthKind = .apiKey,
    apiVersion: SymbolicValue = .string("2025-01-01-preview"),
    path: String = "/openai/deployments/{deployment}/chat/completions", body: SymbolicValue
) -> ExtractedRequest {
    ExtractedRequest(
        location: SourceLocation(file: file, line: line, column: 5), client: client,
        endpoint: .placeholder(.environment(name: "AZURE_OPENAI_ENDPOINT", fallback: nil)),
        path: path, deployment: .string("audio-model"),
        query: ["api-version": apiVersion],
        headers: auth == .apiKey
            ? ["api-key": .placeholder(.environment(name: "AZURE_OPENAI_API_KEY", fallback: nil))]
            : ["authorization": .template([.literal("Bearer "), .placeholder(.credential(.bearerToken))])],
        auth: auth, body: body)
}

private let audioFile = SymbolicValue.placeholder(.file(path: "dog.wav", encoding: .base64))

private func firstTurn(modalities: [String]) -> SymbolicValue {
    .object([
        "model": .string("audio-model"),
        "modalities": .array(modalities.map(SymbolicValue.string)),
        "audio": .object(["voice": .string("alloy"), "format": .string("wav")]),
        "messages": .array([.object(["role": .string("user"), "content": .array([
            .object(["type": .string("text"), "text": .string("Describe the recording.")]),
            .object(["type": .string("input_audio"), "input_audio": .object(["data": audioFile, "format": .string("wav")])]),
        ])])]),
    ])
}

/// The second turn: the history plus a follow-up, as a string or as one text part.
private func secondTurn(followUp: String, asParts: Bool, responseCall: Int = 0) -> SymbolicValue {
    let content: SymbolicValue = asParts
        ? .array([.object(["type": .string("text"), "text": .string(followUp)])])
        : .string(followUp)
    return .object([
        "model": .string("audio-model"),
        "messages": .array([
            .object(["role": .string("user"), "content": .array([
                .object(["type": .string("text"), "text": .string("Describe the recording.")]),
                .object(["type": .string("input_audio"), "input_audio": .object(["data": audioFile, "format": .string("wav")])]),
            ])]),
            .object(["role": .string("assistant"), "audio": .object([
                "id": .placeholder(.response(call: responseCall, path: "choices[0].message.audio.id")),
            ])]),
            .object(["role": .string("user"), "content": content]),
        ]),
    ])
}

@Suite("Document checks: pivot-drift and api-version-mismatch")
struct DocumentChecksTests {
    /// Four pivots × two tabs, like the audio quickstart: JavaScript and TypeScript ask a different
    /// follow-up (as parts) than Python and REST (as a string); REST lists modalities in another order.
    private func multiTurnDocument() -> DocumentExtraction {
        var fixture = DocumentFixture()
        let languages: [(String, RequestClient, String, Bool)] = [
            ("javascript", .javascriptOpenAI, "Answer very concisely.", true),
            ("python", .pythonOpenAI, "Answer very briefly.", false),
            ("rest", .pythonRequests, "Answer very briefly.", false),
            ("typescript", .javascriptOpenAI, "Answer very concisely.", true),
        ]
        for (pivot, client, followUp, asParts) in languages {
            let file = "includes/\(pivot).md"
            let modalities = pivot == "rest" ? ["audio", "text"] : ["text", "audio"]
            fixture.pivots.append((pivot, [
                (title: "Multi-turn", tabs: [
                    .init(id: "keyless", calls: [
                        call(file, 100, client: client, auth: .bearer, body: firstTurn(modalities: modalities)),
                        call(file, 120, client: client, auth: .bearer, body: secondTurn(followUp: followUp, asParts: asParts)),
                    ]),
                    .init(id: "api-key", calls: [
                        call(file, 200, client: client, body: firstTurn(modalities: modalities)),
                        call(file, 220, client: client, body: secondTurn(followUp: followUp, asParts: asParts, responseCall: 0)),
                    ]),
                ]),
            ]))
        }
        return fixture.extraction()
    }

    @Test func driftingFollowUpIsFoundAtTheMinorityCalls() {
        let findings = DocumentChecks.pivotDrift(multiTurnDocument())
        // Only the follow-up text differs; content-as-string vs parts and modalities order do not.
        #expect(findings.count == 4)
        #expect(findings.allSatisfy { $0.rule == "pivot-drift" && $0.severity == .warning })
        #expect(Set(findings.map { "\($0.location.file):\($0.location.line)" }) == [
            "includes/javascript.md:120", "includes/javascript.md:220",
            "includes/typescript.md:120", "includes/typescript.md:220",
        ])
        let js = findings.first { $0.location == SourceLocation(file: "includes/javascript.md", line: 120, column: 5) }!
        #expect(js.pivot == "javascript" && js.tab == "keyless")
        #expect(js.message.contains("messages[2].content[0].text"))
        #expect(js.message.contains("\"Answer very concisely.\""))
        #expect(js.message.contains("\"Answer very briefly.\""))
        #expect(js.message.contains("includes/python.md:120"))
        #expect(js.message.contains("request 2"))
    }

    @Test func majorityWinsAndEachDifferenceIsReportedOnce() {
        var fixture = DocumentFixture()
        let body = secondTurn(followUp: "Summarize.", asParts: false)
        var other = body
        if case .object(var m) = other { m["model"] = .string("other-model"); m["seed"] = .int(4); other = .object(m) }
        for (i, pivot) in ["a", "b", "c"].enumerated() {
            fixture.pivots.append((pivot, [(title: "Chat", tabs: [.init(id: nil, calls: [call("\(pivot).md", 10 + i, body: i == 1 ? other : body)])])]))
        }
        let findings = DocumentChecks.pivotDrift(fixture.extraction())
        // `model` is not compared on a deployment URL; a seed only one pivot sends is a note.
        #expect(findings.map(\.location.file) == ["b.md"])
        #expect(findings.map { $0.message.contains("seed = 4") } == [true])
        #expect(findings.map(\.severity) == [.note])
        #expect(findings.allSatisfy { $0.message.contains("a.md:10") && $0.message.contains("2 of 3") })
    }

    /// A schema built by an SDK helper carries `title`s a hand-written one leaves out; a property
    /// that is itself named `title` is still compared.
    @Test func schemaTitlesAreNotDriftButATitlePropertyIs() {
        func body(titles: Bool, titleProperty: String) -> SymbolicValue {
            var day: [String: SymbolicValue] = ["type": .string("string")]
            if titles { day["title"] = .string("Day") }
            var schema: [String: SymbolicValue] = [
                "type": .string("object"),
                "properties": .object(["day": .object(day), "title": .object(["type": .string(titleProperty)])]),
            ]
            if titles { schema["title"] = .string("Meeting") }
            return .object([
                "messages": .array([.object(["role": .string("user"), "content": .string("When?")])]),
                "response_format": .object(["type": .string("json_schema"), "json_schema": .object(["name": .string("Meeting"), "schema": .object(schema)])]),
            ])
        }
        var fixture = DocumentFixture()
        fixture.pivots.append(("python", [(title: "Parse", tabs: [.init(id: nil, calls: [call("p.md", 10, body: body(titles: true, titleProperty: "string"))])])]))
        fixture.pivots.append(("rest", [(title: "Parse", tabs: [.init(id: nil, calls: [call("r.md", 10, body: body(titles: false, titleProperty: "string"))])])]))
        #expect(DocumentChecks.pivotDrift(fixture.extraction()) == [])
        fixture.pivots.append(("rest2", [(title: "Parse", tabs: [.init(id: nil, calls: [call("s.md", 10, body: body(titles: false, titleProperty: "number"))])])]))
        let findings = DocumentChecks.pivotDrift(fixture.extraction())
        #expect(findings.map(\.location.file) == ["s.md"])
        #expect(findings.first?.message.contains("properties.title.type") == true)
    }

    /// Two tabs that show wholly different requests get one note, not a warning per field; a few
    /// differences stay warnings each.
    @Test func manyDifferencesAreOneNote() {
        func body(_ words: [String]) -> SymbolicValue {
            .object(["messages": .array(words.map { .object(["role": .string("user"), "content": .string($0)]) })])
        }
        var fixture = DocumentFixture()
        fixture.pivots.append(("a", [(title: "Chat", tabs: [.init(id: nil, calls: [call("a.md", 10, body: body(["1", "2", "3", "4", "5", "6"]))])])]))
        fixture.pivots.append(("b", [(title: "Chat", tabs: [.init(id: nil, calls: [call("b.md", 10, body: body(["7", "8", "9", "10", "11", "12"]))])])]))
        let findings = DocumentChecks.pivotDrift(fixture.extraction())
        #expect(findings.count == 1)
        #expect(findings.first?.severity == .note)
        #expect(findings.first?.message.contains("in 6 fields") == true)
        #expect(findings.first?.message.contains("messages[0].content[0].text") == true)

        var few = DocumentFixture()
        few.pivots.append(("a", [(title: "Chat", tabs: [.init(id: nil, calls: [call("a.md", 10, body: body(["1", "2"]))])])]))
        few.pivots.append(("b", [(title: "Chat", tabs: [.init(id: nil, calls: [call("b.md", 10, body: body(["1", "3"]))])])]))
        let warnings = DocumentChecks.pivotDrift(few.extraction())
        #expect(warnings.count == 1)
        #expect(warnings.first?.severity == .warning)
    }

    /// One tab writes the reader's stand-in where another writes a real name: each reader puts
    /// their own value there, so it is not drift.
    @Test func aStandInAgainstARealValueIsNotDrift() {
        func body(_ model: String) -> SymbolicValue {
            .object(["model": .string(model), "instructions": .string("Help with sums.")])
        }
        var fixture = DocumentFixture()
        fixture.pivots.append(("python", [(title: "Create", tabs: [.init(id: nil, calls: [call("p.md", 10, path: "/openai/assistants", body: body("<REPLACE WITH YOUR DEPLOYMENT>"))])])]))
        fixture.pivots.append(("rest", [(title: "Create", tabs: [.init(id: nil, calls: [call("r.md", 10, path: "/openai/assistants", body: body("gpt-4o"))])])]))
        #expect(DocumentChecks.pivotDrift(fixture.extraction()) == [])
    }

    /// Tabs named after two models show each model's own values: a note, never a warning asking
    /// to align them; tabs that are not models (or two tabs of one model) still drift.
    @Test func tabsForDifferentModelsDifferByDesign() {
        func body(_ quality: String) -> SymbolicValue {
            .object(["prompt": .string("a lighthouse at dusk"), "quality": .string(quality)])
        }
        func fixture(_ a: String, _ b: String) -> DocumentExtraction {
            var f = DocumentFixture()
            f.pivots.append(("rest", [(title: "Draw", tabs: [
                .init(id: a, calls: [call("r.md", 10, path: "/openai/deployments/{deployment}/images/generations", body: body("medium"))]),
                .init(id: b, calls: [call("r.md", 40, path: "/openai/deployments/{deployment}/images/generations", body: body("hd"))]),
            ])]))
            return f.extraction()
        }
        let models = DocumentChecks.pivotDrift(fixture("gpt-image-1", "dall-e-3"))
        #expect(models.count == 1)
        #expect(models.first?.severity == .note)
        #expect(models.first?.message.contains("different models") == true)
        // Several fields of two models' requests: still one note.
        var many = DocumentFixture()
        many.pivots.append(("rest", [(title: "Draw", tabs: [
            .init(id: "gpt-image-1", calls: [call("r.md", 10, path: "/openai/deployments/{deployment}/images/generations",
                                               body: .object(["prompt": .string("a"), "quality": .string("medium")]))]),
            .init(id: "dall-e-3", calls: [call("r.md", 40, path: "/openai/deployments/{deployment}/images/generations",
                                            body: .object(["prompt": .string("b"), "quality": .string("hd"), "style": .string("vivid")]))]),
        ])]))
        let manyFindings = DocumentChecks.pivotDrift(many.extraction())
        #expect(manyFindings.map(\.severity) == [.note])
        let styles = DocumentChecks.pivotDrift(fixture("short", "detailed"))
        #expect(styles.map(\.severity) == [.warning])
        let sameModel = DocumentChecks.pivotDrift(fixture("dall-e-3", "DALL-E-3"))
        #expect(sameModel.map(\.severity) == [.warning])
    }

    @Test func authDifferencesBetweenTabsAreNotDrift() {
        var fixture = DocumentFixture()
        let body = firstTurn(modalities: ["text", "audio"])
        fixture.pivots.append(("python", [(title: "Speak", tabs: [
            .init(id: "keyless", calls: [call("p.md", 10, auth: .bearer, body: body)]),
            .init(id: "api-key", calls: [call("p.md", 30, body: body)]),
        ])]))
        #expect(DocumentChecks.run(fixture.extraction()) == [])
    }

    @Test func sectionsAreMatchedByTitleOnly() {
        var fixture = DocumentFixture()
        fixture.pivots.append(("a", [(title: "One", tabs: [.init(id: nil, calls: [call("a.md", 5, body: firstTurn(modalities: ["text"]))])])]))
        fixture.pivots.append(("b", [(title: "Two", tabs: [.init(id: nil, calls: [call("b.md", 5, body: firstTurn(modalities: ["audio"]))])])]))
        #expect(DocumentChecks.pivotDrift(fixture.extraction()) == [])
    }

    @Test func aVariantMakingFewerCallsIsReportedOnce() {
        var fixture = DocumentFixture()
        let first = firstTurn(modalities: ["text", "audio"])
        let second = secondTurn(followUp: "Summarize.", asParts: false)
        fixture.pivots.append(("a", [(title: "Chat", tabs: [.init(id: nil, calls: [call("a.md", 10, body: first), call("a.md", 20, body: second)])])]))
        fixture.pivots.append(("b", [(title: "Chat", tabs: [.init(id: nil, calls: [call("b.md", 10, body: first), call("b.md", 20, body: second)])])]))
        fixture.pivots.append(("c", [(title: "Chat", tabs: [.init(id: nil, calls: [call("c.md", 10, body: first)])])]))
        let findings = DocumentChecks.pivotDrift(fixture.extraction())
        #expect(findings.count == 1)
        #expect(findings.first?.location.file == "c.md")
        #expect(findings.first?.severity == .note)
        #expect(findings.first?.message.contains("makes 1 request(s)") == true)
    }

    @Test func twoSamplesOfOneTabAreAlternativesNotOneLongerProgram() {
        // Pivot b's tab shows the call twice (say, Python and curl): each sample is compared alone.
        let body = firstTurn(modalities: ["text", "audio"])
        var fixture = DocumentFixture()
        fixture.pivots.append(("a", [(title: "Speak", tabs: [.init(id: "k", calls: [call("a.md", 10, body: body)])])]))
        fixture.pivots.append(("b", [(title: "Speak", tabs: [.init(id: "k", calls: [call("b.md", 10, body: body)])])]))
        var extraction = fixture.extraction()
        let curl = CodeSample(id: 99, language: .shell, infoString: "bash", code: "curl\n",
                              location: SourceLocation(file: "b.md", line: 30), codeStartLine: 31, codeStartColumn: 1)
        extraction.samples[99] = SampleExtraction(sampleID: 99, requests: [call("b.md", 31, client: .curl, body: body)], callsAPI: true)
        extraction.document.pivots[1].sections[0].tabs[0].steps.append(Step(text: "Or with curl:", location: curl.location, samples: [curl]))
        #expect(DocumentChecks.pivotDrift(extraction) == [])
    }

    @Test func aMissingMessageIsOneFindingNotOnePerField() {
        var fixture = DocumentFixture()
        let full = secondTurn(followUp: "Summarize.", asParts: false)
        var short = full
        if case .object(var m) = short, case .array(let messages)? = m["messages"] {
            m["messages"] = .array(Array(messages.prefix(2)))
            short = .object(m)
        }
        let differentText = secondTurn(followUp: "Summarize now.", asParts: false)
        fixture.pivots.append(("a", [(title: "Chat", tabs: [.init(id: nil, calls: [call("a.md", 10, body: full)])])]))
        fixture.pivots.append(("b", [(title: "Chat", tabs: [.init(id: nil, calls: [call("b.md", 10, body: full)])])]))
        fixture.pivots.append(("c", [(title: "Chat", tabs: [.init(id: nil, calls: [call("c.md", 10, body: short)])])]))
        fixture.pivots.append(("d", [(title: "Chat", tabs: [.init(id: nil, calls: [call("d.md", 10, body: differentText)])])]))
        let findings = DocumentChecks.pivotDrift(fixture.extraction())
        #expect(findings.filter { $0.location.file == "c.md" }.count == 1)
        #expect(findings.first { $0.location.file == "c.md" }?.message.contains("messages[2] = (absent)") == true)
        #expect(findings.filter { $0.location.file == "d.md" }.count == 1)
        #expect(findings.filter { $0.location.file == "a.md" || $0.location.file == "b.md" }.isEmpty)
    }

    @Test func apiVersionMismatchIsReportedAtTheOddCalls() {
        var fixture = DocumentFixture()
        let body = firstTurn(modalities: ["text", "audio"])
        fixture.pivots.append(("python", [(title: "Speak", tabs: [
            .init(id: "keyless", calls: [call("p.md", 10, body: body)]),
            .init(id: "api-key", calls: [call("p.md", 30, body: body)]),
        ])]))
        fixture.pivots.append(("javascript", [(title: "Speak", tabs: [
            .init(id: "keyless", calls: [call("j.md", 10, apiVersion: .string("2024-10-01-preview"), body: body),
                                         call("j.md", 15, apiVersion: .string("2024-10-01-preview"), body: body)]),
            .init(id: "api-key", calls: [call("j.md", 30, apiVersion: .placeholder(.environment(name: "OPENAI_API_VERSION", fallback: nil)), body: body)]),
        ])]))
        let findings = DocumentChecks.apiVersionMismatch(fixture.extraction())
        #expect(findings.count == 1)
        let finding = findings[0]
        #expect(finding.rule == "api-version-mismatch" && finding.severity == .warning)
        #expect(finding.location == SourceLocation(file: "j.md", line: 10, column: 5))
        #expect(finding.pivot == "javascript" && finding.tab == "keyless")
        #expect(finding.message.contains("'2024-10-01-preview'") && finding.message.contains("'2025-01-01-preview'") && finding.message.contains("p.md:10"))
    }

    /// A tab kept for the openai 0.28 library pins the version of its time beside the current
    /// library's tab: a note there; the same odd version in a current-library tab stays a warning.
    @Test func legacyLibraryTabsOddVersionIsANote() {
        func document(_ oldClient: RequestClient) -> DocumentExtraction {
            var fixture = DocumentFixture()
            let body = firstTurn(modalities: ["text", "audio"])
            fixture.pivots.append(("python", [(title: "Ask", tabs: [
                .init(id: "current", calls: [call("p.md", 10, apiVersion: .string("2024-10-21"), body: body)]),
                .init(id: "old", calls: [call("p.md", 40, client: oldClient, apiVersion: .string("2023-08-01-preview"), body: body)]),
            ])]))
            fixture.pivots.append(("rest", [(title: "Ask", tabs: [
                .init(id: nil, calls: [call("r.md", 10, client: .curl, apiVersion: .string("2024-10-21"), body: body)]),
            ])]))
            return fixture.extraction()
        }
        let legacy = DocumentChecks.apiVersionMismatch(document(.pythonOpenAILegacy))
        #expect(legacy.map(\.severity) == [.note])
        #expect(legacy.first?.message.contains("openai 0.28") == true)
        #expect(DocumentChecks.apiVersionMismatch(document(.pythonOpenAI)).map(\.severity) == [.warning])
    }

    @Test func differentOperationsMayUseDifferentVersions() {
        // Chat on a GA version, assistants on the preview that has them: no mismatch.
        var fixture = DocumentFixture()
        let body = firstTurn(modalities: ["text", "audio"])
        fixture.pivots.append(("python", [(title: "Ask", tabs: [
            .init(id: nil, calls: [
                call("p.md", 10, apiVersion: .string("2024-10-21"), body: body),
                call("p.md", 20, apiVersion: .string("2024-05-01-preview"), path: "/openai/assistants", body: .object(["model": .string("m")])),
                call("p.md", 30, apiVersion: .string("2024-05-01-preview"), path: "/openai/threads", body: .object([:])),
            ]),
        ])]))
        #expect(DocumentChecks.apiVersionMismatch(fixture.extraction()) == [])
    }

    @Test func otherServicesVersionsAreNotCompared() {
        // An Azure AI Search call on the page has its own service's api-version.
        var fixture = DocumentFixture()
        let body = firstTurn(modalities: ["text", "audio"])
        fixture.pivots.append(("python", [(title: "Ask", tabs: [
            .init(id: nil, calls: [
                call("p.md", 10, body: body),
                call("p.md", 20, apiVersion: .string("2023-11-01"), path: "/indexes/my-index/docs/search", body: .object([:])),
            ]),
        ])]))
        #expect(DocumentChecks.apiVersionMismatch(fixture.extraction()) == [])
    }

    @Test func oneApiVersionThroughoutIsClean() {
        #expect(DocumentChecks.apiVersionMismatch(multiTurnDocument()) == [])
    }

    // MARK: alternatives only (issue 8 §3)

    private func chat(_ text: String, extra: [String: SymbolicValue] = [:]) -> SymbolicValue {
        var members: [String: SymbolicValue] = [
            "model": .string("gpt-4o"),
            "messages": .array([.object(["role": .string("user"), "content": .string(text)])]),
        ]
        for (k, v) in extra { members[k] = v }
        return .object(members)
    }

    /// Builds an extraction whose pivot `a` has one tab with two samples (two steps), and pivot `b`
    /// one sample making both calls.
    private func stepsAgainstProgram(_ first: ExtractedRequest, _ second: ExtractedRequest, _ program: [ExtractedRequest]) -> DocumentExtraction {
        var fixture = DocumentFixture()
        fixture.pivots.append(("a", [(title: "Chat", tabs: [.init(id: nil, calls: [first])])]))
        fixture.pivots.append(("b", [(title: "Chat", tabs: [.init(id: nil, calls: program)])]))
        var extraction = fixture.extraction()
        let step = CodeSample(id: 50, language: .python, infoString: "python", code: "pass\n",
                              location: SourceLocation(file: "a.md", line: 40), codeStartLine: 41, codeStartColumn: 1)
        extraction.samples[50] = SampleExtraction(sampleID: 50, requests: [second], callsAPI: true)
        extraction.document.pivots[0].sections[0].tabs[0].steps.append(Step(text: "Then ask again:", location: step.location, samples: [step]))
        return extraction
    }

    @Test func successiveCallsOfOnePivotAreNotComparedWithEachOther() {
        // Pivot a asks two different questions in two steps; pivot b asks the same two in one program.
        let extraction = stepsAgainstProgram(
            call("a.md", 10, body: chat("Hello")), call("a.md", 42, body: chat("Tell me a joke.")),
            [call("b.md", 10, body: chat("Hello")), call("b.md", 20, body: chat("Tell me a joke."))])
        #expect(DocumentChecks.pivotDrift(extraction) == [])
    }

    @Test func successiveStepsAreAlignedWithTheSameCallOfTheOtherPivot() {
        let extraction = stepsAgainstProgram(
            call("a.md", 10, body: chat("Hello")), call("a.md", 42, body: chat("Tell me a story.")),
            [call("b.md", 10, body: chat("Hello")), call("b.md", 20, body: chat("Tell me a joke."))])
        let findings = DocumentChecks.pivotDrift(extraction)
        #expect(findings.count == 1)
        // Two pivots disagree 1:1; the earlier one is the reference, so b's second call is reported.
        #expect(findings.map { "\($0.location.file):\($0.location.line)" } == ["b.md:20"])
        #expect(findings.first?.severity == .warning)
        #expect(findings.first?.message.contains("a.md:42") == true)
    }

    @Test func differentOperationsAreAlignedByOperationNotPosition() {
        // Pivot a creates an assistant then a thread in two steps; pivot b creates only the thread.
        let assistants = "/openai/assistants", threads = "/openai/threads"
        let assistant = SymbolicValue.object(["model": .string("gpt-4o"), "instructions": .string("Be brief.")])
        let thread = SymbolicValue.object(["metadata": .object(["topic": .string("math")])])
        let extraction = stepsAgainstProgram(
            call("a.md", 10, path: assistants, body: assistant), call("a.md", 42, path: threads, body: thread),
            [call("b.md", 10, path: threads, body: thread)])
        let findings = DocumentChecks.pivotDrift(extraction)
        // The thread bodies agree; b making fewer calls is a note, never drift of a body.
        #expect(findings.count == 1)
        #expect(findings.first?.severity == .note)
        #expect(findings.first?.location.file == "b.md")
    }

    @Test func modelIsIgnoredWhenTheURLNamesTheDeployment() {
        var fixture = DocumentFixture()
        fixture.pivots.append(("a", [(title: "Chat", tabs: [.init(id: nil, calls: [call("a.md", 10, body: chat("Hi"))])])]))
        var other = chat("Hi")
        if case .object(var m) = other { m["model"] = .string("my-deployment"); other = .object(m) }
        fixture.pivots.append(("b", [(title: "Chat", tabs: [.init(id: nil, calls: [call("b.md", 10, body: other)])])]))
        #expect(DocumentChecks.pivotDrift(fixture.extraction()) == [])

        // On the v1 URL the body's model chooses the deployment: a real difference.
        var v1 = DocumentFixture()
        v1.pivots.append(("a", [(title: "Chat", tabs: [.init(id: nil, calls: [call("a.md", 10, path: "/openai/v1/chat/completions", body: chat("Hi"))])])]))
        v1.pivots.append(("b", [(title: "Chat", tabs: [.init(id: nil, calls: [call("b.md", 10, path: "/openai/v1/chat/completions", body: other)])])]))
        let findings = DocumentChecks.pivotDrift(v1.extraction())
        #expect(findings.count == 1)
        #expect(findings.first?.severity == .warning && findings.first?.message.contains("model = \"") == true)
    }

    @Test func anOptionalMemberLeftOutIsANoteUnlessItsDefaultDiffers() {
        func findings(_ extra: [String: SymbolicValue]) -> [Finding] {
            var fixture = DocumentFixture()
            fixture.pivots.append(("a", [(title: "Chat", tabs: [.init(id: nil, calls: [call("a.md", 10, body: chat("Hi", extra: extra))])])]))
            fixture.pivots.append(("b", [(title: "Chat", tabs: [.init(id: nil, calls: [call("b.md", 10, body: chat("Hi"))])])]))
            return DocumentChecks.pivotDrift(fixture.extraction())
        }
        // Sending the default is the same request: a note at most.
        #expect(findings(["temperature": .double(1.0)]).map(\.severity) == [.note])
        #expect(findings(["stream": .bool(false)]).map(\.severity) == [.note])
        // No known default: worth a look, not a warning.
        #expect(findings(["max_tokens": .int(100)]).map(\.severity) == [.note])
        // A value other than the default changes the answer: a warning.
        #expect(findings(["temperature": .double(0.2)]).map(\.severity) == [.warning])
        #expect(findings(["stream": .bool(true)]).map(\.severity) == [.warning])
    }

    @Test func tabsOfDifferentGroupsAndUntabbedStepsAreNotAlternatives() {
        // One pivot: an untabbed step asks one thing, a tab of the section's group asks another.
        var fixture = DocumentFixture()
        fixture.pivots.append(("a", [(title: "Chat", tabs: [
            .init(id: nil, calls: [call("a.md", 10, body: chat("Set up."))]),
            .init(id: "api-key", calls: [call("a.md", 30, body: chat("Now ask."))]),
        ])]))
        #expect(DocumentChecks.pivotDrift(fixture.extraction()) == [])
    }

    @Test func aValueDocverifyCouldNotEvaluateTakesNoSide() {
        var fixture = DocumentFixture()
        fixture.pivots.append(("a", [(title: "Chat", tabs: [.init(id: nil, calls: [call("a.md", 10, body: chat("Hi"))])])]))
        fixture.pivots.append(("b", [(title: "Chat", tabs: [.init(id: nil, calls: [call("b.md", 10, body: .object([
            "messages": .array([.object(["role": .string("user"), "content": .placeholder(.unknown("input()"))])]),
        ]))])])]))
        fixture.pivots.append(("c", [(title: "Chat", tabs: [.init(id: nil, calls: [call("c.md", 10, body: .object([
            "messages": .placeholder(.unknown("build_messages()")),
        ]))])])]))
        #expect(DocumentChecks.pivotDrift(fixture.extraction()) == [])
    }
}
