import Foundation
import Testing
@testable import DocFX

/// ASCII rows are split byte by byte; the cells must be the ones the Character-wise split gives.
@Suite struct PipeTableSplitTests {
    static let rows = [
        "| Name | Value |", "|---|:-:|", "a | b | c", "| `x | y` | z |", "| a \\| b | c |", "| a \\\\| b |",
        "|", "||", "| |", "| trailing \\|", "`|`|`", "| a | b |\r", "no pipes at all", "| `unclosed | code |",
        "| AZURE_OPENAI_API_KEY | Your key from the **Keys & Endpoint** section |",
    ]

    @Test func asciiSplitMatchesCharacterSplit() {
        for row in Self.rows {
            let text = Substring(row)
            #expect(PipeTableParser.splitASCIICells(text) == PipeTableParser.splitCharacterCells(text), "\(row.debugDescription)")
        }
    }

    /// The whole-row byte path (trim, outer pipes, cells) against the Character-wise steps.
    @Test func asciiRowSplitMatchesCharacterSteps() {
        func reference(_ line: String) -> [String] {
            var text = Substring(line.trimmingCharacters(in: .whitespaces))
            if text.hasPrefix("|") { text = text.dropFirst() }
            if text.hasSuffix("|") && !text.hasSuffix("\\|") { text = text.dropLast() }
            return PipeTableParser.splitCharacterCells(text)
        }
        let extra = ["", " ", "\t| a |\t", "\\|", "|\\|", "| a |  ", "  |", "| x | y\\|", "|---|---|", " :-: | -- ", "a|", "|a"]
        for row in Self.rows + extra {
            #expect(PipeTableParser.splitASCIIRow(row) == reference(row), "\(row.debugDescription)")
            #expect(PipeTableParser.splitCells(row) == reference(row), "\(row.debugDescription)")
        }
        #expect(PipeTableParser.splitASCIIRow("| é |") == nil)
    }

    @Test func cellsKeepEscapedPipesAndCodeSpans() {
        #expect(PipeTableParser.splitCells("| a \\| b | `c | d` |") == [" a | b ", " `c | d` "])
        #expect(PipeTableParser.splitCells("| é | ü |") == [" é ", " ü "])
        #expect(PipeTableParser.splitCells(" | x | y | ") == [" x ", " y "])
    }
}
