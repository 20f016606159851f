/// Expression grammar, CPython precedence from lowest to highest: lambda / conditional, or, and,
/// not, comparisons, |, ^, &, shifts, + -, * / // % @, unary, **, await, primary (calls, attributes,
/// subscripts), atoms.
extension PythonParser {
    /// A node from `start` to the last consumed token. Static, with the parser passed last, so
    /// the parser state is read after `kind` (which may consume tokens) is evaluated.
    static func build(_ kind: PythonExpr.Kind, _ start: PythonToken, _ parser: PythonParser) throws -> PythonExpr {
        var e = PythonExpr(kind: kind, line: start.line, column: start.column, text: "")
        e.depth = 1 + e.maxChildDepth
        if e.depth > maxExpressionDepth {
            throw PythonSyntaxError(
                line: start.line, column: start.column, message: "expression nested more than \(maxExpressionDepth) levels deep",
                tooDeepBound: maxExpressionDepth)
        }
        e.text = parser.sourceText(from: start.start)
        return e
    }

    static var maxExpressionDepth: Int { 300 }

    /// A node of the one token `t` just consumed (a name, number, `True`, `...`): its text is the
    /// token's, which the tokenizer cut from the same source, so no slice of the source is rebuilt.
    static func leaf(_ kind: PythonExpr.Kind, _ t: PythonToken) -> PythonExpr {
        PythonExpr(kind: kind, line: t.line, column: t.column, text: t.text)
    }

    func startsExpression(_ t: PythonToken) -> Bool {
        switch t.kind {
        case .name: return !pythonKeywords.contains(t.text) || ["True", "False", "None", "not", "lambda", "await"].contains(t.text)
        case .number, .string: return true
        case .op: return ["(", "[", "{", "~", "..."].contains(t.text)
        default: return false
        }
    }

    /// `a, *b, c` without brackets (assignment values, expression statements, `return`).
    mutating func parseStarExpressions() throws -> PythonExpr {
        let start = current
        let first = try parseStarExpression()
        guard current.isOp(",") else { return first }
        var items = [first]
        while accept(",") {
            if !startsExpression(current) && !current.isOp("*") && !current.isOp("-") && !current.isOp("+") { break }
            items.append(try parseStarExpression())
        }
        return try Self.build(.tuple(items), start, self)
    }

    mutating func parseStarExpression() throws -> PythonExpr {
        if current.isOp("*") {
            let start = advance()
            return try Self.build(.starred(try parseBitOr()), start, self)
        }
        return try parseExpression()
    }

    mutating func parseNamedExpression() throws -> PythonExpr {
        if current.kind == .name, !pythonKeywords.contains(current.text), peek().isOp(":=") {
            let start = advance()
            advance()
            return try Self.build(.namedExpression(start.text, try parseExpression()), start, self)
        }
        return try parseExpression()
    }

    mutating func parseYield() throws -> PythonExpr {
        let start = advance()
        if acceptKeyword("from") { return try Self.build(.yield(try parseExpression()), start, self) }
        if atStatementEnd || current.isOp(")") || current.isOp("=") { return try Self.build(.yield(nil), start, self) }
        return try Self.build(.yield(try parseStarExpressions()), start, self)
    }

    mutating func parseExpression() throws -> PythonExpr {
        try descend()
        defer { nesting -= 1 }
        let start = current
        if current.isKeyword("lambda") {
            advance()
            let parameters = try parseParameters(closer: ":", annotations: false)
            try expect(":", "expected ':' after the lambda parameters, found \(describe(current))")
            let body = try parseExpression()
            return try Self.build(.lambda(parameters: parameters.map(\.name), body: body), start, self)
        }
        let body = try parseOr()
        if current.isKeyword("if") {
            advance()
            let test = try parseOr()
            guard acceptKeyword("else") else {
                if current.kind == .error { throw failure(at: current, "") }
                throw PythonSyntaxError(line: start.line, column: start.column, message: "expected 'else' after 'if' expression")
            }
            let orElse = try parseExpression()
            return try Self.build(.conditional(body: body, test: test, orElse: orElse), start, self)
        }
        return body
    }

    mutating func parseOr() throws -> PythonExpr {
        let start = current
        var left = try parseAnd()
        while acceptKeyword("or") { left = try Self.build(.boolean("or", left, try parseAnd()), start, self) }
        return left
    }

    mutating func parseAnd() throws -> PythonExpr {
        let start = current
        var left = try parseNot()
        while acceptKeyword("and") { left = try Self.build(.boolean("and", left, try parseNot()), start, self) }
        return left
    }

    mutating func parseNot() throws -> PythonExpr {
        // Iterative, so a long run of `not` cannot exhaust the stack.
        var starts: [PythonToken] = []
        while current.isKeyword("not") { starts.append(advance()) }
        var e = try parseComparison()
        for start in starts.reversed() { e = try Self.build(.unary("not", e), start, self) }
        return e
    }

    static func isComparisonOperator(_ text: String) -> Bool {
        switch text {
        case "==", "!=", "<", "<=", ">", ">=": return true
        default: return false
        }
    }

    mutating func parseComparison() throws -> PythonExpr {
        let start = current
        let left = try parseBitOr()
        var ops: [String] = []
        var rights: [PythonExpr] = []
        while true {
            let t = current
            var op: String?
            if t.kind == .op, Self.isComparisonOperator(t.text) { advance(); op = t.text }
            else if t.isKeyword("in") { advance(); op = "in" }
            else if t.isKeyword("not") && peek().isKeyword("in") { advance(); advance(); op = "not in" }
            else if t.isKeyword("is") {
                advance()
                op = acceptKeyword("not") ? "is not" : "is"
            }
            guard let op else { break }
            ops.append(op)
            rights.append(try parseBitOr())
        }
        return ops.isEmpty ? left : try Self.build(.compare(left, ops, rights), start, self)
    }

    /// Binding power of the binary operator `t`, from `|` (1) to `*` `/` `//` `%` `@` (6); nil for
    /// anything else. One table for the six left-associative levels between comparisons and unary
    /// operators, read by a precedence climb instead of one function per level.
    static func binaryLevel(_ t: PythonToken) -> Int? {
        guard t.kind == .op else { return nil }
        switch t.text {
        case "|": return 1
        case "^": return 2
        case "&": return 3
        case "<<", ">>": return 4
        case "+", "-": return 5
        case "*", "/", "//", "%", "@": return 6
        default: return nil
        }
    }

    /// Operands joined by binary operators of level `minLevel` or tighter, left-associative: the
    /// same tree (and node texts) as one descent per level, without the frames for each level. The
    /// recursion is bounded by the six levels.
    mutating func parseBinary(from minLevel: Int) throws -> PythonExpr {
        let start = current
        var left = try parseFactor()
        while let level = Self.binaryLevel(current), level >= minLevel {
            let op = advance().text
            let right = try parseBinary(from: level + 1)
            left = try Self.build(.binary(op, left, right), start, self)
        }
        return left
    }

    mutating func parseBitOr() throws -> PythonExpr { try parseBinary(from: 1) }

    mutating func parseFactor() throws -> PythonExpr {
        var starts: [PythonToken] = []
        while current.kind == .op, current.text == "+" || current.text == "-" || current.text == "~" { starts.append(advance()) }
        var e = try parsePower()
        for start in starts.reversed() { e = try Self.build(.unary(start.text, e), start, self) }
        return e
    }

    mutating func parsePower() throws -> PythonExpr {
        let start = current
        var base: PythonExpr
        if acceptKeyword("await") {
            base = try Self.build(.await(try parsePrimary()), start, self)
        } else {
            base = try parsePrimary()
        }
        if accept("**") {
            // `2**2**…` recurses without brackets: each level counts.
            try descend()
            defer { nesting -= 1 }
            base = try Self.build(.binary("**", base, try parseFactor()), start, self)
        }
        return base
    }

    mutating func parsePrimary() throws -> PythonExpr {
        let start = current
        var e = try parseAtom()
        while true {
            if current.isOp(".") {
                advance()
                guard current.kind == .name else {
                    throw failure(at: current, "expected an attribute name after '.', found \(describe(current))")
                }
                let name = advance().text
                e = try Self.build(.attribute(e, name), start, self)
            } else if current.isOp("(") {
                let open = advance()
                e = try Self.build(.call(e, try parseArguments(open: open)), start, self)
            } else if current.isOp("[") {
                let open = advance()
                let index = try parseSlices(open: open)
                e = try Self.build(.subscription(e, index), start, self)
            } else {
                return e
            }
        }
    }

    /// What is missing when an element is followed by neither a comma nor the closing bracket.
    /// When the next token can start an expression, a comma was almost certainly forgotten; CPython
    /// then points at the element before the gap, and so do we.
    func missingSeparator(after element: PythonExpr, what: String, closer: String) -> PythonSyntaxError {
        let next = current
        if next.kind == .error, let e = next.error { return e }
        if startsExpression(next) {
            let whereText = next.line == element.line ? "" : next.line == element.line + 1 ? " on the next line" : " on line \(next.line)"
            let message = "invalid syntax. Perhaps you forgot a comma? Expected ',' or '\(closer)' after \(what), but \(describe(next))\(whereText) starts a new item: add a comma between them"
            return PythonSyntaxError(line: element.line, column: element.column, message: message, insertCommaBeforeToken: pos)
        }
        return failure(at: next, "expected ',' or '\(closer)' after \(what), found \(describe(next))")
    }

    /// Call arguments after `(`, through the closing `)`.
    mutating func parseArguments(open: PythonToken) throws -> [PythonArgument] {
        var arguments: [PythonArgument] = []
        var sawKeyword = false
        var sawDoubleStar = false
        while !current.isOp(")") {
            let t = current
            var argument: PythonArgument
            var what: String
            if current.isOp("*") {
                advance()
                argument = PythonArgument(kind: .star, value: try parseExpression())
                what = "'*' argument"
                if sawDoubleStar {
                    throw PythonSyntaxError(line: t.line, column: t.column, message: "iterable argument unpacking follows keyword argument unpacking")
                }
            } else if current.isOp("**") {
                advance()
                argument = PythonArgument(kind: .doubleStar, value: try parseExpression())
                what = "'**' argument"
                sawDoubleStar = true
            } else if current.kind == .name, !pythonKeywords.contains(current.text), peek().isOp("=") {
                let name = advance().text
                advance()
                argument = PythonArgument(kind: .keyword(name), value: try parseExpression())
                what = "keyword argument '\(name)'"
                sawKeyword = true
            } else {
                let value = try parseNamedExpression()
                if current.isKeyword("for") || (current.isKeyword("async") && peek().isKeyword("for")) {
                    let generator = try parseComprehension(kind: "generator expression", element: value, start: t)
                    argument = PythonArgument(kind: .positional, value: generator)
                } else {
                    argument = PythonArgument(kind: .positional, value: value)
                }
                what = "the argument"
                if current.isOp("=") {
                    throw PythonSyntaxError(line: value.line, column: value.column, message: "expression cannot contain assignment, perhaps you meant \"==\"?")
                }
                if sawDoubleStar {
                    throw PythonSyntaxError(line: t.line, column: t.column, message: "positional argument follows keyword argument unpacking")
                }
                if sawKeyword {
                    throw PythonSyntaxError(line: t.line, column: t.column, message: "positional argument follows keyword argument")
                }
            }
            arguments.append(argument)
            if accept(",") { continue }
            if current.isOp(")") { break }
            throw missingSeparator(after: argument.value, what: what, closer: ")")
        }
        try expect(")", "expected ')' to close the call opened on line \(open.line)")
        return arguments
    }

    /// Subscript contents after `[`, through `]`: an index, a slice, or a tuple of them.
    mutating func parseSlices(open: PythonToken) throws -> PythonExpr {
        let start = current
        var items: [PythonExpr] = []
        var trailingComma = false
        while !current.isOp("]") {
            items.append(try parseSlice())
            trailingComma = false
            if accept(",") { trailingComma = true; continue }
            if current.isOp("]") { break }
            throw missingSeparator(after: items.last!, what: "the subscript", closer: "]")
        }
        guard !items.isEmpty else { throw failure(at: current, "expected an index or slice inside '[]'") }
        try expect("]", "expected ']'")
        if items.count == 1 && !trailingComma { return items[0] }
        return PythonExpr(kind: .tuple(items), line: start.line, column: start.column, text: text(start.start, previousEnd - 1))
    }

    private mutating func parseSlice() throws -> PythonExpr {
        let start = current
        var lower: PythonExpr?
        if !current.isOp(":") {
            let e = current.isOp("*") ? try parseStarExpression() : try parseNamedExpression()
            if !current.isOp(":") { return e }
            lower = e
        }
        advance()
        var upper: PythonExpr?
        var step: PythonExpr?
        if !current.isOp(":") && !current.isOp("]") && !current.isOp(",") { upper = try parseExpression() }
        if accept(":") {
            if !current.isOp("]") && !current.isOp(",") { step = try parseExpression() }
        }
        return try Self.build(.slice(lower, upper, step), start, self)
    }

    /// `for x in xs if c` clauses after a comprehension's element.
    mutating func parseComprehension(kind: String, element: PythonExpr, start: PythonToken) throws -> PythonExpr {
        var iterables: [PythonExpr] = []
        while current.isKeyword("for") || (current.isKeyword("async") && peek().isKeyword("for")) {
            if current.isKeyword("async") { advance() }
            advance()
            _ = try parseTargetList(stopAt: "in")
            guard acceptKeyword("in") else { throw failure(at: current, "expected 'in' after the comprehension variable") }
            iterables.append(try parseOr())
            while acceptKeyword("if") { _ = try parseOr() }
        }
        return try Self.build(.comprehension(kind: kind, element: element, iterables: iterables), start, self)
    }

    /// Assignment targets of `for`, comprehensions, `with … as`, `del`: primaries separated by commas.
    mutating func parseTargetList(stopAt keyword: String?, single: Bool = false) throws -> [PythonExpr] {
        var targets: [PythonExpr] = []
        repeat {
            if let keyword, current.isKeyword(keyword) { break }
            // A trailing comma (`del a,`, `for x, in y`).
            if !targets.isEmpty && !startsExpression(current) && !current.isOp("*") { break }
            let start = current
            if accept("*") {
                targets.append(try Self.build(.starred(try parseBitOr()), start, self))
            } else {
                targets.append(try parseBitOr())
            }
            if single { break }
        } while accept(",")
        for target in targets { try checkAssignable(target, operatorToken: "in") }
        if targets.isEmpty { throw failure(at: current, "expected a target name, found \(describe(current))") }
        return targets
    }

    mutating func parseAtom() throws -> PythonExpr {
        let t = current
        switch t.kind {
        case .name:
            switch t.text {
            case "True": advance(); return Self.leaf(.bool(true), t)
            case "False": advance(); return Self.leaf(.bool(false), t)
            case "None": advance(); return Self.leaf(.none, t)
            default:
                if pythonKeywords.contains(t.text) {
                    throw failure(at: t, "invalid syntax: expected an expression, found the keyword '\(t.text)'")
                }
                advance()
                return Self.leaf(.name(t.text), t)
            }
        case .number:
            advance()
            let digits = t.text.replacingOccurrences(of: "_", with: "")
            if let i = Self.integerValue(digits) { return Self.leaf(.int(i), t) }
            if !digits.hasSuffix("j") && !digits.hasSuffix("J"), let d = Double(digits) { return Self.leaf(.float(d), t) }
            return Self.leaf(.otherNumber(t.text), t)
        case .string:
            return try parseStrings()
        case .op:
            switch t.text {
            case "(": return try parseParenthesized()
            case "[": return try parseListDisplay()
            case "{": return try parseBraceDisplay()
            case "...": advance(); return Self.leaf(.ellipsis, t)
            default: break
            }
        default: break
        }
        throw failure(at: t, "invalid syntax: expected an expression, found \(describe(t))")
    }

    static func integerValue(_ s: String) -> Int? {
        let lower = s.lowercased()
        if lower.hasPrefix("0x") { return Int(lower.dropFirst(2), radix: 16) }
        if lower.hasPrefix("0o") { return Int(lower.dropFirst(2), radix: 8) }
        if lower.hasPrefix("0b") { return Int(lower.dropFirst(2), radix: 2) }
        return Int(lower)
    }

    /// Adjacent string literals concatenate; f-string fields are parsed as expressions.
    mutating func parseStrings() throws -> PythonExpr {
        let start = current
        var parts: [PythonStringPart] = []
        var isBytes: Bool?
        while current.kind == .string, let literal = current.string {
            if let isBytes, isBytes != literal.isBytes {
                throw failure(at: current, "cannot mix bytes and nonbytes literals")
            }
            isBytes = literal.isBytes
            advance()
            for piece in literal.pieces {
                switch piece {
                case .text(let s):
                    if case .text(let previous)? = parts.last {
                        parts[parts.count - 1] = .text(previous + s)
                    } else {
                        parts.append(.text(s))
                    }
                case .expression(let source, let line, let column):
                    do {
                        parts.append(.expression(try Self.parseEmbeddedExpression(source, line: line, column: column, nesting: nesting)))
                    } catch var error as PythonSyntaxError {
                        // A repair index would point into the field's own token list.
                        error.insertCommaBeforeToken = nil
                        throw error
                    }
                }
            }
        }
        return try Self.build(.string(parts, isBytes: isBytes ?? false), start, self)
    }

    mutating func parseParenthesized() throws -> PythonExpr {
        let open = advance()
        if accept(")") { return try Self.build(.tuple([]), open, self) }
        if current.isKeyword("yield") {
            let y = try parseYield()
            try expect(")", "expected ')'")
            return y
        }
        let first = try parseStarNamed()
        if current.isKeyword("for") || (current.isKeyword("async") && peek().isKeyword("for")) {
            let g = try parseComprehension(kind: "generator expression", element: first, start: open)
            try expect(")", "expected ')' after the generator expression, found \(describe(current))")
            return try Self.build(g.kind, open, self)
        }
        if accept(")") {
            if case .starred = first.kind { throw PythonSyntaxError(line: first.line, column: first.column, message: "cannot use starred expression here") }
            return first
        }
        var items = [first]
        while true {
            if accept(",") {
                if current.isOp(")") { break }
                items.append(try parseStarNamed())
                continue
            }
            if current.isOp(")") { break }
            throw missingSeparator(after: items.last!, what: items.count == 1 ? "the expression" : "the tuple item", closer: ")")
        }
        try expect(")", "expected ')'")
        return try Self.build(.tuple(items), open, self)
    }

    private mutating func parseStarNamed() throws -> PythonExpr {
        if current.isOp("*") {
            let start = advance()
            return try Self.build(.starred(try parseBitOr()), start, self)
        }
        return try parseNamedExpression()
    }

    mutating func parseListDisplay() throws -> PythonExpr {
        let open = advance()
        var items: [PythonExpr] = []
        while !current.isOp("]") {
            let item = try parseStarNamed()
            if items.isEmpty && (current.isKeyword("for") || (current.isKeyword("async") && peek().isKeyword("for"))) {
                let c = try parseComprehension(kind: "list comprehension", element: item, start: open)
                try expect("]", "expected ']' after the list comprehension, found \(describe(current))")
                return try Self.build(c.kind, open, self)
            }
            items.append(item)
            if accept(",") { continue }
            if current.isOp("]") { break }
            throw missingSeparator(after: item, what: "the list item", closer: "]")
        }
        try expect("]", "expected ']'")
        return try Self.build(.list(items), open, self)
    }

    mutating func parseBraceDisplay() throws -> PythonExpr {
        let open = advance()
        if accept("}") { return try Self.build(.dict([]), open, self) }
        var entries: [PythonDictEntry] = []
        var setItems: [PythonExpr] = []
        var isDict: Bool?
        while !current.isOp("}") {
            var last: PythonExpr
            if current.isOp("**") {
                if isDict == false { throw failure(at: current, "cannot use a dict unpacking in a set") }
                isDict = true
                advance()
                let value = try parseBitOr()
                entries.append(.init(key: nil, value: value))
                last = value
            } else {
                let key = try parseStarNamed()
                if isDict != false && accept(":") {
                    isDict = true
                    let value = try parseExpression()
                    if entries.isEmpty && (current.isKeyword("for") || (current.isKeyword("async") && peek().isKeyword("for"))) {
                        let c = try parseComprehension(kind: "dict comprehension", element: value, start: open)
                        try expect("}", "expected '}' after the dict comprehension, found \(describe(current))")
                        return try Self.build(c.kind, open, self)
                    }
                    entries.append(.init(key: key, value: value))
                    last = value
                } else {
                    if isDict == true {
                        if current.kind == .error { throw failure(at: current, "") }
                        // CPython points at the key's last character.
                        let lastColumn = key.text.contains("\n") ? key.column : key.column + key.text.unicodeScalars.count - 1
                        throw PythonSyntaxError(line: key.line, column: lastColumn, message: "':' expected after dictionary key")
                    }
                    isDict = false
                    if setItems.isEmpty && (current.isKeyword("for") || (current.isKeyword("async") && peek().isKeyword("for"))) {
                        let c = try parseComprehension(kind: "set comprehension", element: key, start: open)
                        try expect("}", "expected '}' after the set comprehension, found \(describe(current))")
                        return try Self.build(c.kind, open, self)
                    }
                    setItems.append(key)
                    last = key
                }
            }
            if accept(",") { continue }
            if current.isOp("}") { break }
            throw missingSeparator(after: last, what: isDict == true ? "the dict entry" : "the set item", closer: "}")
        }
        try expect("}", "expected '}'")
        return isDict == true ? try Self.build(.dict(entries), open, self) : try Self.build(.set(setItems), open, self)
    }
}
