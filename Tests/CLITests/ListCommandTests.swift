import ArgumentParser
import Foundation
import Testing
@testable import CLI

@Suite struct ListCommandTests {
    /// Writes a small docs folder of our own.
    static func docs(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)")
        for (name, text) in files {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root.path
    }

    static let article = """
        ---
        title: Tiny
        zone_pivot_groups: langs
        ---

        # Tiny

        ::: zone pivot="py"

        ## Run it

        # [Key](#tab/api-key)

        1. Create the `app.py` file:

            ```python
            print("hi")
            ```

        ---

        ::: zone-end

        """

    func list(_ arguments: [String]) throws -> (output: String, hasErrors: Bool) {
        let command = try DocverifyCommand.parseAsRoot(["list"] + arguments)
        let list = try #require(command as? ListCommand)
        return try list.render()
    }

    @Test func jsonContract() throws {
        let root = try Self.docs(["a.md": Self.article])
        let (output, hasErrors) = try list([root + "/a.md", "--format", "json"])
        #expect(!hasErrors)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(json["version"] as? Int == 1)
        #expect((json["findings"] as? [Any])?.isEmpty == true)
        let document = try #require((json["documents"] as? [[String: Any]])?.first)
        #expect(document["file"] as? String == "a.md")
        #expect(document["title"] as? String == "Tiny")
        let pivot = try #require((document["pivots"] as? [[String: Any]])?.first)
        #expect(pivot["id"] as? String == "py")
        let section = try #require((pivot["sections"] as? [[String: Any]])?.first)
        #expect(section["title"] as? String == "Run it")
        #expect(section["line"] as? Int == 10)
        let tab = try #require((section["tabs"] as? [[String: Any]])?.first)
        #expect(tab["id"] as? String == "api-key")
        #expect(tab["label"] as? String == "Key")
        #expect(tab["group"] == nil)
        let sample = try #require((tab["samples"] as? [[String: Any]])?.first)
        #expect(sample["language"] as? String == "python")
        #expect(sample["file"] as? String == "a.md")
        #expect(sample["line"] as? Int == 16)
        #expect(sample["fileName"] as? String == "app.py")
        #expect(sample["code"] as? String == "print(\"hi\")\n")
        // The procedure, per reader: the api-key tab creates app.py.
        let reader = try #require((pivot["procedure"] as? [[String: Any]])?.first)
        #expect(reader["tab"] as? String == "api-key")
        let step = try #require((reader["steps"] as? [[String: Any]])?.first)
        #expect(step["kind"] as? String == "create-file")
        #expect(step["name"] as? String == "app.py")
        #expect(step["line"] as? Int == 16)
        #expect(step["provides"] as? [String] == ["file:app.py"])
    }

    @Test func textShowsTheProcedureCompactly() throws {
        let root = try Self.docs(["a.md": Self.article])
        let (output, _) = try list([root + "/a.md"])
        #expect(output.contains("    procedure (tabs: api-key)\n      create-file [api-key] app.py  a.md:16\n"))
    }

    @Test func findingsMakeStatusOneAndCarryNulls() throws {
        let root = try Self.docs(["b.md": "# B\n\n[!INCLUDE [x](gone.md)]\n"])
        let (output, hasErrors) = try list([root + "/b.md", "--format", "json"])
        #expect(hasErrors)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let finding = try #require((json["findings"] as? [[String: Any]])?.first)
        #expect(finding["rule"] as? String == "include-missing")
        #expect(finding["severity"] as? String == "error")
        #expect(finding["line"] as? Int == 3)
        #expect(finding["column"] as? Int == 1)
        #expect(finding["pivot"] is NSNull)
        #expect(finding["tab"] is NSNull)
        let (text, _) = try list([root + "/b.md"])
        #expect(text.contains("b.md:3:1: error:"))
        #expect(text.contains("[include-missing]"))
    }

    @Test func directorySkipsIncludes() throws {
        let root = try Self.docs([
            "a.md": Self.article, "includes/part.md": "Part.\n",
            "other.md": "---\nms.topic: include\n---\n\nOnly included.\n", "sub/c.md": "# C\n",
        ])
        let (output, _) = try list([root, "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let files = (json["documents"] as? [[String: Any]])?.compactMap { $0["file"] as? String }
        #expect(files == ["a.md", "sub/c.md"])
    }

    @Test func textTree() throws {
        let root = try Self.docs(["a.md": Self.article])
        let (output, _) = try list([root + "/a.md"])
        #expect(output.contains("pivot py"))
        #expect(output.contains("## Run it"))
        #expect(output.contains("tab api-key \"Key\""))
        #expect(output.contains("python app.py  a.md:16"))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(throws: (any Error).self) { try DocverifyCommand.parseAsRoot(["list", "--bogus"]) }
        do {
            _ = try DocverifyCommand.parseAsRoot(["list", "x.md", "--format", "yaml"])
            Issue.record("bad format accepted")
        } catch {
            #expect(DocverifyCommand.usageStatus(for: error) == 2)
        }
        do {
            _ = try list(["/nonexistent/nothing.md"])
            Issue.record("missing path accepted")
        } catch {
            #expect(DocverifyCommand.usageStatus(for: error) == 2)
        }
        #expect(DocverifyCommand.usageStatus(for: ExitCode(1)) == nil)
    }
}
