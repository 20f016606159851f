import Core
import Quickstart
import Testing
@testable import Extraction

/// JSON fences of management pages: Resource Manager templates (comments allowed) and list
/// items to paste into an array the page shows elsewhere. Own-words fixtures.
@Suite struct JSONFenceManagementShapesTests {
    private func findings(_ code: String, fileName: String? = nil, step: String? = nil) -> [Finding] {
        JSONFenceFrontEnd().extract(ExtractorFixture.sample(code, .json, fileName: fileName, stepText: step), context: FrontEndContext()).findings
    }

    @Test func resourceManagerTemplateMayCarryComments() {
        let resource = """
            // A deployment resource for a template's resources list.
            {
                "type": "Microsoft.Widgets/factories/lines",
                "apiVersion": "2030-01-01",
                "name": "plant/line-a",   // the parent comes first
                "sku": { "name": "Basic", "capacity": 3 }
            }
            """
        #expect(findings(resource).isEmpty)
        let template = """
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              /* parameters left out */
              "resources": []
            }
            """
        #expect(findings(template).isEmpty)
        // A template that is broken in another way is still reported.
        let broken = resource.replacingOccurrences(of: "\"name\": \"plant/line-a\",", with: "\"name\" \"plant/line-a\",")
        #expect(findings(broken).map(\.rule) == ["json-invalid"])
        // Comments in plain JSON that is not a template stay an error.
        let plain = "{\n  \"type\": \"circle\", // a shape\n  \"apiVersion\": \"2\"\n}\n"
        #expect(findings(plain).map(\.severity) == [.error])
    }

    @Test func listItemsToPasteIntoAnArrayAreAFragment() {
        let items = """
              {
                "name": "FIRST_SETTING",
                "value": "on"
              },
              {
                "name": "SECOND_SETTING",
                "value": ""
              },
            """
        #expect(findings(items, step: "Paste these after the opening bracket:").isEmpty)
        // The same items saved as a file the reader loads are not one JSON document.
        #expect(findings(items, fileName: "settings.json").map(\.severity) == [.error])
        // An item that is itself broken is still reported.
        let broken = items.replacingOccurrences(of: "\"value\": \"on\"", with: "\"value\": on")
        #expect(findings(broken).map(\.rule) == ["json-invalid"])
    }
}
