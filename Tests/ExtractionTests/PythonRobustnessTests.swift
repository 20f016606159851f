import Core
import Testing
@testable import Extraction

@Suite("Python front-end robustness")
struct PythonRobustnessTests {
    static let sample = """
    import os, base64
    from openai import AzureOpenAI
    client = AzureOpenAI(api_key=os.environ["K"], api_version="v")
    with open("in.wav", "rb") as f:
        data = base64.b64encode(f.read()).decode("utf-8")
    msgs = [{"role": "user", "content": [{"type": "input_audio", "input_audio": {"data": data}}]}]
    r = client.chat.completions.create(model="m", messages=msgs)
    msgs.append({"role": "assistant", "audio": {"id": r.choices[0].message.audio.id}})
    print(f"{r.choices[0].message.audio.transcript!r:>10}")
    """

    @Test("every truncation and every one-character deletion of a sample is handled")
    func mutations() {
        let characters = Array(Self.sample)
        var variants: [String] = []
        for i in 0..<characters.count {
            variants.append(String(characters[..<i]))
            var deleted = characters
            deleted.remove(at: i)
            variants.append(String(deleted))
        }
        let lineCount = Self.sample.split(separator: "\n", omittingEmptySubsequences: false).count
        var failures = 0
        for code in variants {
            let extraction = PythonFrontEnd().extract(pythonSample(code))
            for finding in extraction.findings {
                // Findings stay inside the fence: code lines 1... map to Markdown lines 11...
                if finding.location.line < 11 || finding.location.line > 10 + lineCount || finding.location.column < 5 {
                    failures += 1
                }
            }
        }
        #expect(failures == 0)
        // The unmutated sample itself is clean and makes its call.
        #expect(PythonFrontEnd().extract(pythonSample(Self.sample)).requests.count == 1)
        #expect(variants.count == 2 * characters.count)
    }
}
