import Testing
@testable import Requests

@Suite("api-version table: published versions, their operations and features")
struct APIVersionTableTests {
    @Test("versions are unique, sorted by date, and name only catalog operations")
    func tableIsWellFormed() {
        let names = APIVersionTable.versions.map(\.version)
        #expect(Set(names).count == names.count)
        let dates = names.map { String($0.prefix(10)) }
        #expect(dates == dates.sorted())
        let known = Set(OperationCatalog.operations.map(\.id))
        for info in APIVersionTable.versions {
            #expect(info.operations.isSubset(of: known), "\(info.version): \(info.operations.subtracting(known))")
            #expect(info.isPreview == info.version.hasSuffix("-preview"))
            #expect(APIVersionTable.wellFormedDate(info.version) != nil)
        }
    }

    @Test("every catalog operation is served by some dated version")
    func everyOperationHasAVersion() {
        for op in OperationCatalog.operations {
            #expect(!op.apiVersions.isEmpty, "\(op.id)")
            #expect(op.apiVersions.allSatisfy { APIVersionTable.supports(version: $0, operation: op.id) })
        }
    }

    @Test("versions docs commonly use are published", arguments: [
        "2023-05-15", "2023-12-01-preview", "2024-02-01", "2024-02-15-preview", "2024-05-01-preview",
        "2024-06-01", "2024-10-21", "2024-12-01-preview", "2025-01-01-preview", "2025-03-01-preview",
        "2025-04-01-preview",
    ])
    func commonVersionsPublished(version: String) {
        #expect(APIVersionTable.info(version) != nil)
        #expect(APIVersionTable.supports(version: version, operation: "chat.completions.create"))
    }

    @Test("operations arrive in the versions the spec folders show")
    func operationHistory() {
        #expect(!APIVersionTable.supports(version: "2022-12-01", operation: "chat.completions.create"))
        #expect(APIVersionTable.supports(version: "2022-12-01", operation: "embeddings.create"))
        #expect(!APIVersionTable.supports(version: "2023-05-15", operation: "audio.transcriptions.create"))
        #expect(APIVersionTable.supports(version: "2023-09-01-preview", operation: "audio.transcriptions.create"))
        #expect(!APIVersionTable.supports(version: "2024-02-01", operation: "assistants.create"))
        #expect(APIVersionTable.supports(version: "2024-02-15-preview", operation: "assistants.create"))
        #expect(APIVersionTable.supports(version: "2024-02-15-preview", operation: "audio.speech.create"))
        #expect(!APIVersionTable.supports(version: "2024-10-21", operation: "threads.runs.create"))
        #expect(!APIVersionTable.supports(version: "2024-10-21", operation: "audio.speech.create"))
        #expect(APIVersionTable.supports(version: "2024-10-21", operation: "images.generate"))
        #expect(!APIVersionTable.supports(version: "2031-01-01", operation: "embeddings.create"))
    }

    @Test("features: chat audio from 2025-01-01-preview, structured outputs from 2024-08-01-preview")
    func featureHistory() {
        #expect(!APIVersionTable.supports(version: "2024-12-01-preview", feature: .chatAudio))
        #expect(APIVersionTable.supports(version: "2025-01-01-preview", feature: .chatAudio))
        #expect(!APIVersionTable.supports(version: "2024-10-21", feature: .chatAudio))
        #expect(!APIVersionTable.supports(version: "2024-07-01-preview", feature: .structuredOutputs))
        #expect(APIVersionTable.supports(version: "2024-08-01-preview", feature: .structuredOutputs))
        #expect(APIVersionTable.supports(version: "2024-10-21", feature: .structuredOutputs))
        #expect(!APIVersionTable.supports(version: "2024-06-01", feature: .maxCompletionTokens))
        #expect(APIVersionTable.supports(version: "2024-09-01-preview", feature: .maxCompletionTokens))
    }

    @Test("isNewerThanKnown: only well-formed dates after the newest entry")
    func newerThanKnown() {
        #expect(APIVersionTable.isNewerThanKnown("2030-01-01-preview"))
        #expect(APIVersionTable.isNewerThanKnown("2030-01-01"))
        #expect(!APIVersionTable.isNewerThanKnown("2025-01-01-preview"))
        #expect(!APIVersionTable.isNewerThanKnown("2023-11-01"))
        #expect(!APIVersionTable.isNewerThanKnown("2030-13-01"))
        #expect(!APIVersionTable.isNewerThanKnown("2030-1-01"))
        #expect(!APIVersionTable.isNewerThanKnown("latest"))
        #expect(!APIVersionTable.isNewerThanKnown("2030-01-01-beta"))
    }
}
