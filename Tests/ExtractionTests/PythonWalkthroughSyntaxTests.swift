import Core
import Testing
@testable import Extraction

/// Two ways a walk-through's Python piece fails to parse that are not the reader's failure as an
/// error: a `<stand-in>` where the reader's own value goes, and a function's body shown without
/// its `def` line. A program with the same faults still gets its error.
@Suite("Python walk-through pieces")
struct PythonWalkthroughSyntaxTests {
    private func syntax(_ code: String) -> [Finding] {
        PythonFrontEnd().extract(pythonSample(code)).findings.filter { $0.rule == "python-syntax" }
    }

    @Test("a <stand-in> alone in f-string braces is a note; elsewhere a warning asking for quotes")
    func standIn() throws {
        let braces = syntax("""
        picture = {"kind": "image", "url": f"data:image/jpeg;base64,{<encoded_picture>}"}
        """)
        let note = try #require(braces.first)
        #expect(braces.count == 1)
        #expect(note.severity == .note)
        #expect(note.message.contains("`<encoded_picture>`"))
        // The finding points at the stand-in: code line 1, its column, shifted by the fence.
        let column = 1 + #"picture = {"kind": "image", "url": f"data:image/jpeg;base64,{"#.count
        #expect(note.location == SourceLocation(file: "doc.md", line: 11, column: 4 + column))

        let bare = syntax("settings = {\"token\": <your token here>}\n")
        #expect(bare.map(\.severity) == [.warning])
        #expect(bare.first?.message.contains("\"<your token here>\"") == true)
    }

    @Test("a comparison that fails to parse is not a stand-in")
    func notAStandIn() {
        #expect(syntax("if a < b >:\n    pass\n").map(\.severity) == [.error])
        #expect(syntax("x = (<)\n").map(\.severity) == [.error])
    }

    @Test("a function body shown without its def line is a warning; a program with a stray indent stays an error")
    func bodyWithoutDef() throws {
        let piece = syntax("""
            # build the helper
            helper = make_helper(size=3)
            try:
                helper.start()
            except Exception:
                import traceback
                traceback.print_exc()

        if __name__ == "__main__":
            run(helper)
        """)
        let finding = try #require(piece.first)
        #expect(finding.severity == .warning)
        #expect(finding.message.contains("`def` line"))

        let program = syntax("""
            import os
        print(os.getcwd())
        """)
        #expect(program.map(\.severity) == [.error])
    }
}

extension PythonWalkthroughSyntaxTests {
    @Test("a quoted name in angle brackets is the page's stand-in too")
    func quotedStandIn() {
        let found = PythonFrontEnd().extract(pythonSample("body = {\"model\": <\"tuned_model_id\">, \"n\": 1}\n")).findings
        #expect(found.map(\.severity) == [.warning])
        #expect(found.first?.message.contains("`<\"tuned_model_id\">`") == true)
        #expect(found.first?.message.contains("(\"<tuned_model_id>\")") == true)
    }
}
