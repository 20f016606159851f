/// The language of a code sample, normalized from a fence's info string or a `:::code` directive.
public enum CodeLanguage: String, Hashable, Sendable, Codable, CaseIterable {
    case python
    case javascript
    case typescript
    case json
    /// JSON with comments and trailing commas (`jsonc`, and `tsconfig.json` files).
    case jsonc
    /// Shell commands: `bash`, `sh`, `shell`, `console`, `azurecli`, `powershell`, `cmd`.
    case shell
    /// HTTP request blocks (`http`, `rest`).
    case http
    case csharp
    case java
    case go
    case yaml
    case text
    /// A language docverify does not know; the original info string is kept on the sample.
    case other

    /// Normalizes a fence info string's first word (`py`, `Python`, `js`, `azurecli`, …).
    public init(infoString: String) {
        let word = infoString.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "{" }).first.map(String.init)?.lowercased() ?? ""
        switch word {
        case "python", "py", "python3": self = .python
        case "javascript", "js", "node", "nodejs", "mjs", "cjs": self = .javascript
        case "typescript", "ts", "tsx": self = .typescript
        case "json": self = .json
        case "jsonc", "json5": self = .jsonc
        case "bash", "sh", "shell", "console", "azurecli", "azurecli-interactive", "azurepowershell",
             "powershell", "pwsh", "ps", "cmd", "zsh", "terminal", "cli", "curl": self = .shell
        case "http", "rest", "https": self = .http
        case "csharp", "cs", "c#", "dotnet": self = .csharp
        case "java": self = .java
        case "go", "golang": self = .go
        case "yaml", "yml": self = .yaml
        case "", "text", "txt", "output", "plaintext", "markdown", "md": self = .text
        default: self = .other
        }
    }
}
