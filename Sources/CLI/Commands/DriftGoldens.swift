import Drift
import Foundation
import Golden

/// The doc ↔ golden kind of `drift`: each article's goldens (the `golden/` folder of its repository,
/// or `--golden-dir` / `golden-dir:`) against what the page sends and shows now.
extension DriftCommand {
    /// The items, and how many articles had goldens to compare with.
    func goldenItems(_ checked: [CheckedDocument], pipeline: DocumentPipeline) throws -> (items: [DriftItem], articles: Int) {
        let options = try GoldenRunOptions.parse(goldenDir.map { ["--golden-dir", $0] } ?? [])
        let run = GoldenRun(options: options, pipeline: pipeline, environment: ProcessInfo.processInfo.environment)
        let located = try run.locate(checked)
        var items: [DriftItem] = []
        var articles = 0
        for doc in checked {
            guard let (article, layout, docsRoot) = located[doc.document.file] else { continue }
            let folder = layout.absolute(layout.documentFolder(layout.documentPath(ofArticle: article)))
            guard FileManager.default.fileExists(atPath: folder) else { continue }
            articles += 1
            let drift = GoldenDrift(layout: layout) { file in
                FileManager.default.contents(atPath: (docsRoot as NSString).appendingPathComponent(file)).map { String(decoding: $0, as: UTF8.self) }
            }
            items += drift.items(doc.extraction, article: article)
        }
        return (items, articles)
    }
}
