import Foundation
import Testing
@testable import DocFX

/// The string path joins must give what Foundation's URL gives wherever they answer, on real
/// folders and files (URL looks at the disk for directories) and on missing ones.
@Suite struct PlainPathTests {
    static let written = [
        "a.md", "./a.md", "includes/one.md", "includes/../a.md", "../docs/a.md", "../../x.md", "includes", "includes/",
        "includes//one.md", "./includes/./one.md", "missing/deeper/file.md", "..", ".", "a b.md", "é.md", "x%2e.md",
        ".hidden/x.md", "...", "a.md/..", "includes/sub/../../a.md", "../../../../../../../../../../x.md",
    ]

    @Test func joinsAgreeWithURL() throws {
        let docs = try TempDocs(["docs/a.md": "A\n", "docs/includes/one.md": "One\n", "docs/includes/sub/two.md": "Two\n"])
        let folders = [docs.path("docs"), docs.path("docs/includes"), docs.path("docs/includes/sub"), docs.path("docs/missing"), "/", docs.path("docs") + "/"]
        var decided = 0
        for folder in folders {
            for path in Self.written {
                let viaURL = URL(fileURLWithPath: folder).appendingPathComponent(path).standardizedFileURL.path
                if let joined = PlainPath.join(folder, Substring(path)) {
                    decided += 1
                    #expect(joined == viaURL, "\(folder) + \(path)")
                }
            }
        }
        #expect(decided > 40)
        #expect(PlainPath.join(docs.path("docs"), "includes//one.md") == nil)
        #expect(PlainPath.join("/", "a.md") == nil)
        #expect(PlainPath.join("/a", "../..") == nil)
    }

    @Test func foldersAndStandardFormsAgreeWithURL() throws {
        let docs = try TempDocs(["docs/a.md": "A\n", "docs/includes/one.md": "One\n"])
        for file in [docs.path("docs/a.md"), docs.path("docs/includes/one.md"), docs.path("docs/includes"), docs.path("docs/nothing.md"), "/a.md", "/x/./y.md", "/x/../y.md", "/x//y.md", "/x/y/"] {
            if let folder = PlainPath.folder(of: file) {
                #expect(folder == URL(fileURLWithPath: file).deletingLastPathComponent().path, "\(file)")
            }
            if PlainPath.isStandardized(file) {
                #expect(file == URL(fileURLWithPath: file).standardizedFileURL.path, "\(file)")
            }
        }
        #expect(PlainPath.folder(of: "/a.md") == nil)
        #expect(!PlainPath.isStandardized("/x/../y.md"))
        #expect(!PlainPath.isStandardized("/x/y/"))
        #expect(PlainPath.isStandardized(docs.path("docs/a.md")))
    }

    /// The resolver with the string joins answers as before for includes inside, outside and
    /// through `~/` and `/`.
    @Test func resolverAnswersAreUnchanged() throws {
        let docs = try TempDocs(["docs/a.md": "A\n", "docs/includes/one.md": "One\n"])
        let resolver = PathResolver(root: docs.path("docs"))
        let from = docs.path("docs/includes/one.md")
        for (written, expected) in [
            ("../a.md", "inside a.md"), ("~/includes/one.md", "inside includes/one.md"), ("/a.md", "inside a.md"),
            ("../../outside.md", "outside"), ("./one.md#part", "inside includes/one.md"), ("x%20y.md", "inside includes/x y.md"),
        ] {
            switch resolver.resolve(written, fromFile: from) {
            case .inside(_, let relative): #expect("inside \(relative)" == expected, "\(written)")
            case .outside: #expect(expected == "outside", "\(written)")
            }
        }
    }
}
