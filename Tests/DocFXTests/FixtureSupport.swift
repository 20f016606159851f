import Foundation
@testable import DocFX

/// Our own fixtures, next to this file.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

    static func load(_ relative: String, root: String? = nil, pivotGroups: String? = nil) throws -> DocFXDocument {
        try DocFXLoader(root: root, pivotGroupsFile: pivotGroups).load(article: directory + "/" + relative)
    }
}

extension DocFXDocument {
    func findings(_ rule: String) -> [Core.Finding] { findings.filter { $0.rule == rule } }
}

/// Flattens a block tree, for searching.
func allBlocks(_ blocks: [DocBlock]) -> [DocBlock] {
    blocks.flatMap { [$0] + allBlocks(DocBlockWalker.children(of: $0)) }
}

import Core
