/// The parts of a `curl` command line that describe the request it sends.
struct CurlCommand {
    var method: String?
    var url: ShellWord?
    var headers: [ShellWord] = []
    /// `-d` / `--data*` / `--json` arguments, in order.
    var data: [ShellWord] = []
    var isJSONOption = false
    /// `-o FILE`: where the response is written.
    var output: ShellWord?
    var position: JSPosition

    /// Options that take an argument and do not matter for the request.
    private static let ignoredWithArgument: Set<String> = [
        "-u", "--user", "-A", "--user-agent", "-e", "--referer", "-b", "--cookie", "-c", "--cookie-jar",
        "-m", "--max-time", "--connect-timeout", "-w", "--write-out", "-F", "--form", "--cacert", "--cert",
        "--key", "-x", "--proxy", "-T", "--upload-file", "--retry", "-K", "--config", "--resolve", "-r", "--range",
        "-D", "--dump-header", "--limit-rate", "--max-filesize", "-U", "--proxy-user",
    ]

    /// Reads the words after `curl`; nil when the command is not curl.
    init?(_ command: ShellCommand) {
        var words = command.words
        // Console prompts: `$ curl …`, `> curl …`, `PS> curl …`.
        while let first = words.first, ["$", ">", "PS>", "%"].contains(first.text) { words.removeFirst() }
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
                if let d = argument() { data.append(d) }
            case "--json":
                if let d = argument() { data.append(d) }
                isJSONOption = true
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
                } else if !text.hasPrefix("-") || text == "-" {
                    if url == nil { url = word }
                }
            }
            i += 1
        }
    }

    /// The method curl uses: `-X`, else POST with data, else GET.
    var effectiveMethod: String { method ?? (data.isEmpty ? "GET" : "POST") }
}
