import Foundation
import TestSupport
import Testing
@testable import CLI

/// The HTML report of a real run loaded in headless Chromium: the script runs without errors and
/// fills in the rule filter, the expected elements are in the DOM, and a screenshot is written.
@Suite struct HTMLChromiumTests {
    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs Chromium headless with a throw-away profile, off the concurrency pool; killed after
    /// `limit` seconds (the test then fails with what it printed).
    static func chromium(_ args: [String], folder: URL, limit: TimeInterval = 120) async throws -> (status: Int32, stdout: String, stderr: String) {
        let outcome = try await ChildProcess.run(try #require(chromium), [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--user-data-dir=\(folder.appendingPathComponent("profile-\(UUID().uuidString)").path)",
            "--enable-logging=stderr", "--v=0",
        ] + args, timeout: limit)
        return (outcome.status, outcome.stdout, outcome.stderr)
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium)"))
    func theReportLoadsInHeadlessChromium() async throws {
        let folder = try RunReportFormatTests.articles()
        let page = folder.appendingPathComponent("report.html")
        _ = try await RunReportFormatTests.run([folder.path, "--root", folder.path, "--format", "html", "--output", page.path])

        let dump = try await Self.chromium(["--dump-dom", page.absoluteString], folder: folder)
        #expect(dump.status == 0, "\(dump.stderr.suffix(2000))")
        #expect(!dump.stderr.contains("Uncaught"), "\(dump.stderr.suffix(2000))")
        let dom = dump.stdout
        // Set by the script's last statement: it ran to the end.
        #expect(dom.contains("data-filters-ready=\"true\""))
        // The rule filter is filled in by the script from the findings on the page.
        #expect(dom.contains("<option value=\"python-syntax\">python-syntax ("))
        #expect(dom.range(of: #"<span id="shown-count">\d+ of \d+ findings shown</span>"#, options: .regularExpression) != nil)
        #expect(dom.contains("<table class=\"scenarios\">"))
        #expect(dom.contains("<pre class=\"excerpt\">"))
        #expect(dom.contains("<audio controls=\"\" preload=\"none\" src=\"data:audio/"))

        let shot = folder.appendingPathComponent("report.png")
        let screenshot = try await Self.chromium(["--screenshot=\(shot.path)", "--window-size=1200,2000", page.absoluteString], folder: folder)
        #expect(!screenshot.stderr.contains("Uncaught"), "\(screenshot.stderr.suffix(2000))")
        let png = try Data(contentsOf: shot)
        #expect(png.count > 10_000)
        #expect(png.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
    }
}
