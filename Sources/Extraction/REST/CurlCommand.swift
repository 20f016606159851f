/// The parts of a `curl` command line that describe the request it sends.
struct CurlCommand {
    var method: String?
    var url: ShellWord?
    var headers: [ShellWord] = []
    /// `-d` / `--data*` / `--json` arguments, in order.
    var data: [ShellWord] = []
    /// True for each ``data`` entry given with `--data-binary` (sent byte for byte).
    var dataIsBinary: [Bool] = []
    /// `-F` / `--form` / `--form-string` arguments, in order (`name=value`, `file=@path;type=…`).
    var forms: [ShellWord] = []
    /// True for each ``forms`` entry given with `--form-string` (no `@` / `<` file reading).
    var formIsString: [Bool] = []
    var isJSONOption = false
    /// `-o FILE`: where the response is written.
    var output: ShellWord?
    var position: JSPosition

    /// Options that take an argument and do not matter for the request.
    private static let ignoredWithArgument: Set<String> = [
        "-u", "--user", "-A", "--user-agent", "-e", "--referer", "-b", "--cookie", "-c", "--cookie-jar",
        "-m", "--max-time", "--connect-timeout", "-w", "--write-out", "--cacert", "--cert",
        "--key", "-x", "--proxy", "-T", "--upload-file", "--retry", "-K", "--config", "--resolve", "-r", "--range",
        "-D", "--dump-header", "--limit-rate", "--max-filesize", "-U", "--proxy-user",
    ]

    /// Reads the words after `curl`; nil when the command is not curl.
    init?(_ command: ShellCommand) {
        // Console prompts: `$ curl …`, `> curl …`, `PS> curl …` (dropped at once, not word by word).
        let words = Array(command.words.drop { ["$", ">", "PS>", "%"].contains($0.text) })
        guard let first = words.first, ["curl", "curl.exe"].contains(first.text.lowercased()) else { return nil }
        position = first.position
        var i = 1
        func argument() -> ShellWord? {
            i += 1
            return i < words.count ? words[i] : nil
        }
        while i < words.count {
            let word = words[i]
            let text = word.text
            switch text {
            case "-X", "--request": method = argument()?.text.uppercased()
            case "-H", "--header": if let h = argument() { headers.append(h) }
            case "-d", "--data", "--data-raw", "--data-binary", "--data-ascii", "--data-urlencode":
                if let d = argument() {
                    data.append(d)
                    dataIsBinary.append(text == "--data-binary")
                }
            case "--json":
                if let d = argument() {
                    data.append(d)
                    dataIsBinary.append(false)
                }
                isJSONOption = true
            case "-F", "--form", "--form-string":
                if let f = argument() {
                    forms.append(f)
                    formIsString.append(text == "--form-string")
                }
            case "-o", "--output": output = argument()
            case "--url": url = argument()
            default:
                if Self.ignoredWithArgument.contains(text) {
                    i += 1
                } else if text.hasPrefix("-X"), text.count > 2 {
                    method = String(text.dropFirst(2)).uppercased()
                } else if text.hasPrefix("-H"), text.count > 2 {
                    headers.append(word.dropFirst(2))
                } else if text.hasPrefix("-d"), text.count > 2 {
                    data.append(word.dropFirst(2))
                    dataIsBinary.append(false)
                } else if text.hasPrefix("-F"), text.count > 2 {
                    forms.append(word.dropFirst(2))
                    formIsString.append(false)
                } else if !text.hasPrefix("-") || text == "-" {
                    if url == nil { url = word }
                }
            }
            i += 1
        }
    }

    /// The method curl uses: `-X`, else POST with data, else GET.
    var effectiveMethod: String { method ?? (data.isEmpty && forms.isEmpty ? "GET" : "POST") }
}
