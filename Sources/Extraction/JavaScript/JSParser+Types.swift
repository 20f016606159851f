/// TypeScript types are skipped, not modelled: they never change what a request sends. The
/// skipper still rejects what cannot be a type, so a broken annotation is a `ts-syntax` finding.
extension JSParser {
    mutating func skipType() throws(JSSyntaxError) {
        _ = eat("|") || eat("&")
        try skipTypeOperand()
        while true {
            if eat("|") || eat("&") {
                try skipTypeOperand()
                continue
            }
            if current.isIdentifier("extends") && !current.newlineBefore {
                advance()
                try skipTypeOperand()
                try expect("?", "'?' in the conditional type")
                try skipType()
                try expect(":", "':' in the conditional type")
                try skipType()
            }
            return
        }
    }

    private mutating func skipTypeOperand() throws(JSSyntaxError) {
        while let w = current.identifier, ["keyof", "readonly", "unique", "infer", "asserts"].contains(w),
              peek().identifier != nil || peek().isPunctuator("(") || peek().isPunctuator("[") || peek().isPunctuator("{") {
            advance()
        }
        switch current.kind {
        case .punctuator("("):
            try skipBalanced()
            if current.isPunctuator("=>") {
                advance()
                try skipType()
            }
        case .punctuator("<"):
            // Generic function type: `<T>(x: T) => T`.
            try skipAngles()
            guard current.isPunctuator("(") else { throw unexpected(expected: "'(' in the function type") }
            try skipBalanced()
            try expect("=>")
            try skipType()
        case .punctuator("{"), .punctuator("["):
            try skipBalanced()
        case .string, .number, .template:
            advance()
        case .punctuator("-"):
            advance()
            guard case .number = current.kind else { throw unexpected(expected: "a number in the type") }
            advance()
        case .identifier(let w):
            advance()
            if w == "typeof" {
                _ = try propertyName()
            } else if w == "new" {
                try skipTypeOperand()
                return
            }
            while current.isPunctuator(".") {
                advance()
                _ = try propertyName()
            }
            if current.isPunctuator("<") && !current.newlineBefore { try skipAngles() }
            // Type predicates: `x is T`.
            if current.isIdentifier("is") && !current.newlineBefore {
                advance()
                try skipType()
            }
        default:
            throw unexpected(expected: "a type")
        }
        // Array types and indexed access: `T[]`, `T["k"]`.
        while current.isPunctuator("[") && !current.newlineBefore {
            if peek().isPunctuator("]") {
                advance()
                advance()
            } else {
                try skipBalanced()
            }
        }
    }

    /// Skips `<…>` type arguments or parameters, counting `>>` and `>>>` as several closers.
    mutating func skipAngles() throws(JSSyntaxError) {
        let open = current
        try expect("<")
        var depth = 1
        while depth > 0 {
            switch current.kind {
            case .eof:
                throw error("'<' at line \(open.line), column \(open.column) is never closed")
            case .punctuator(let p):
                switch p {
                case "<": depth += 1
                case ">": depth -= 1
                case ">>": depth -= 2
                case ">>>": depth -= 3
                case ">=", ">>=":
                    throw error("unexpected '\(p)' in type arguments")
                case "(", "[", "{":
                    try skipBalanced()
                    continue
                case ")", "]", "}", ";":
                    throw error("unexpected '\(p)' in type arguments")
                default: break
                }
                if depth < 0 { throw error("unbalanced '>' in type arguments") }
                advance()
            default:
                advance()
            }
        }
    }

    /// Skips a balanced `(…)`, `[…]` or `{…}` group starting at the current token.
    mutating func skipBalanced() throws(JSSyntaxError) {
        let open = current
        let pairs: [String: String] = ["(": ")", "[": "]", "{": "}"]
        guard case .punctuator(let p) = open.kind, let close = pairs[p] else {
            throw unexpected(expected: "'{'")
        }
        var stack = [close]
        advance()
        while let expected = stack.last {
            switch current.kind {
            case .eof:
                throw error("'\(p)' at line \(open.line), column \(open.column) is never closed")
            case .punctuator(let q):
                if let c = pairs[q] {
                    stack.append(c)
                } else if q == ")" || q == "]" || q == "}" {
                    guard q == expected else { throw error("expected '\(expected)', found '\(q)'") }
                    stack.removeLast()
                }
            default:
                break
            }
            advance()
        }
    }
}
