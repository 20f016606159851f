import ArgumentParser
import Foundation
import MockServer
import Spec

/// `--spec FILE` for `check`, `run` and `drift`: the OpenAPI specs requests and documented lists are
/// compared with.
struct SpecOptions: ParsableArguments {
    @Option(name: .customLong("spec"), help: "An OpenAPI 2 or 3 spec (JSON or YAML), or a folder of them; repeatable. Request bodies and documented lists are checked against it.")
    var paths: [String] = []

    /// The loaded specs (empty without `--spec`); an unreadable or invalid spec is a usage error.
    func load() throws -> SpecSet {
        do {
            let specs = SpecSet(try SpecLoader.load(paths: paths))
            // A spec read by the fallback walker still works; say so, without failing the command.
            for document in specs.documents {
                if let note = document.loadNote { FileHandle.standardError.write(Data("note: \(document.file): \(note)\n".utf8)) }
            }
            return specs
        } catch {
            throw UsageError(message: "cannot use the spec \(error.description)")
        }
    }
}

extension SpecOptions {
    /// How the embedded mock answers operations it has no model of: from the specs' examples and
    /// response schemas; nil (a 404) without specs.
    static func mockFallback(_ specs: SpecSet) -> FallbackAnswerer? {
        guard !specs.isEmpty else { return nil }
        let answerer = SpecAnswerer(specs: specs)
        return { request in
            answerer.answer(method: request.method, path: request.path, apiVersion: request.query["api-version"], body: request.body)
                .map { FallbackAnswer(status: $0.status, body: $0.body) }
        }
    }
}
