/// Which module system a JavaScript file's syntax commits it to: CommonJS (`require(…)`,
/// `module.exports`, `exports.x`) or ES modules (`import … from`, `export …`). Read from tokens,
/// so it works on code that does not parse.
struct JSModuleSyntax: Sendable {
    struct Use: Sendable {
        var position: JSPosition
        /// What was found, for messages: `require()`, `module.exports`, `import`, `export`.
        var construct: String
    }

    var firstCommonJS: Use?
    var firstESModule: Use?

    init(tokens: [JSToken]) {
        for (i, token) in tokens.enumerated() {
            let previous = i > 0 ? tokens[i - 1] : nil
            let next = i + 1 < tokens.count ? tokens[i + 1] : nil
            let afterDot = previous?.isPunctuator(".") == true || previous?.isPunctuator("?.") == true
            guard let name = token.identifier, !afterDot else { continue }
            switch name {
            case "require" where next?.isPunctuator("(") == true:
                if firstCommonJS == nil { firstCommonJS = Use(position: JSPosition(token), construct: "require()") }
            case "module" where next?.isPunctuator(".") == true && i + 2 < tokens.count && tokens[i + 2].isIdentifier("exports"):
                if firstCommonJS == nil { firstCommonJS = Use(position: JSPosition(token), construct: "module.exports") }
            case "exports" where next?.isPunctuator(".") == true:
                if firstCommonJS == nil { firstCommonJS = Use(position: JSPosition(token), construct: "exports") }
            case "import", "export":
                // Statement position only: `import(…)` and `import.meta` are valid in both systems.
                let atStatementStart = previous == nil || token.newlineBefore || previous!.isPunctuator(";") || previous!.isPunctuator("}")
                let isDeclaration = !(next?.isPunctuator("(") == true || next?.isPunctuator(".") == true)
                if atStatementStart && isDeclaration && firstESModule == nil {
                    firstESModule = Use(position: JSPosition(token), construct: name)
                }
            default:
                break
            }
        }
    }
}
