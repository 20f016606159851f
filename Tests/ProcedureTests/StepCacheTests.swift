import Core
import DocFX
import Markup
import Quickstart
import Testing
@testable import Procedure

/// The builder reads prose and samples shared by several pivots once and reuses their steps: the
/// procedure must be exactly the one a fresh reading of every pivot gives.
@Suite struct StepCacheTests {
    static let article = """
        ---
        zone_pivot_groups: our-languages
        ---
        # Two ways

        Set `SERVICE_URL` as an environment variable; see [set up](../setup.md) first.

        ```bash
        pip install requests
        export SERVICE_URL="https://example.test"
        ```

        ::: zone pivot="lang-a"

        Create a file named `app.py` with this code:

        ```python
        print("a")
        ```

        ::: zone-end

        ::: zone pivot="lang-b"

        Create a file named `app.js` with this code:

        ```javascript
        console.log("b")
        ```

        ::: zone-end

        Save the `notes.txt` file when you are done.
        """

    static func paragraphs(_ blocks: [DocBlock]) -> [DocParagraph] {
        blocks.flatMap { block -> [DocParagraph] in
            switch block {
            case .paragraph(let p): [p]
            case .zone(let zone): paragraphs(zone.blocks)
            default: []
            }
        }
    }

    @Test func sharedProseAndSamplesGiveWhatAFreshReadingGives() throws {
        let document = try loadArticle(Self.article)
        #expect(document.pivots.count == 2)
        let procedure = ProcedureBuilder.build(document)
        for pivot in document.pivots {
            // The same pivot read with a cache of its own: nothing reused from the other pivot.
            let samples = Dictionary(
                pivot.sections.flatMap { $0.tabs.flatMap(\.samples) }.map { (ProcedureBuilder.Walker.key($0.location), $0) },
                uniquingKeysWith: { first, _ in first })
            var fresh = ProcedureBuilder.Walker(samples: samples, cache: ProcedureBuilder.StepCache())
            fresh.walk(PivotFlattener.flatten(document.blocks, pivot: pivot.id), tab: nil)
            let built = try #require(procedure.pivots.first { $0.pivot == pivot.id })
            #expect(built.steps == RequirementsFiles.resolve(fresh.steps))
            #expect(built.steps.contains { $0.kind == .setUpElsewhere })
            #expect(built.steps.contains { $0.kind == .install && $0.packages == ["requests"] })
        }
        // The shared sample's steps carry each pivot's own sample id.
        let installs = procedure.pivots.compactMap { $0.steps.first { $0.kind == .install }?.sampleID }
        #expect(installs.count == 2 && installs[0] != installs[1])
    }

    @Test func aParagraphIsReadOnceAndAChangedOneAgain() throws {
        let document = try loadArticle(Self.article)
        var cache = ProcedureBuilder.StepCache()
        for paragraph in Self.paragraphs(document.blocks) {
            #expect(cache.steps(in: paragraph) == ProseReader.steps(in: paragraph))
            #expect(cache.steps(in: paragraph) == ProseReader.steps(in: paragraph))
            // Another paragraph at the same place (not what DocFX gives, but the cache must not trust the place alone).
            var other = paragraph
            other.inlines = [.text("Create `other.py` and set `OTHER_NAME` in the environment.")]
            #expect(cache.steps(in: other) == ProseReader.steps(in: other))
            #expect(cache.steps(in: paragraph) == ProseReader.steps(in: paragraph))
        }
    }

    @Test func aSampleInAnotherPivotTakesItsOwnIdAndAChangedOneIsReadAgain() throws {
        let document = try loadArticle(Self.article)
        var cache = ProcedureBuilder.StepCache()
        let shell = try #require(document.allSamples.map(\.sample).first { $0.language == .shell })
        #expect(cache.steps(for: shell) == SampleReader.steps(for: shell))
        var again = shell
        again.id = shell.id + 1000
        let reused = cache.steps(for: again)
        #expect(reused == SampleReader.steps(for: again))
        #expect(!reused.isEmpty && reused.allSatisfy { $0.sampleID == again.id })
        var changed = shell
        changed.code = "npm install openai\n"
        #expect(cache.steps(for: changed) == SampleReader.steps(for: changed))
        #expect(cache.steps(for: changed).first?.packages == ["openai"])
    }
}
