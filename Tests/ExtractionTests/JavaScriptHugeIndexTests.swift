import Core
import Testing
@testable import Extraction

/// Indexes no `Int` can hold used to trap converting Double→Int; now they read as unknown values.
@Suite struct JavaScriptHugeIndexTests {
    @Test(arguments: ["1e999", "Infinity", "1e300", "-0"])
    func hugeOrInfiniteIndexDoesNotCrash(index: String) {
        let code = "const a = [1, 2];\nconst b = a[\(index)];\nconsole.log(b);\n"
        let result = ExtractorFixture.javascript(code)
        #expect(!result.findings.contains { $0.rule == "js-syntax" })
    }
}
