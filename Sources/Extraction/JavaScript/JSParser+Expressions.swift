extension JSParser {
    private static let assignmentOperators: Set<String> = [
        "=", "+=", "-=", "*=", "/=", "%=", "**=", "<<=", ">>=", ">>>=", "&=", "|=", "^=", "&&=", "||=", "??=",
    ]

    private static let binaryPrecedence: [String: Int] = [
        "??": 1, "||": 2, "&&": 3, "|": 4, "^": 5, "&": 6,
        "==": 7, "!=": 7, "===": 7, "!==": 7,
        "<": 8, ">": 8, "<=": 8, ">=": 8, "instanceof": 8, "in": 8,
        "<<": 9, ">>": 9, ">>>": 9,
        "+": 10, "-": 10, "*": 11, "/": 11, "%": 11, "**": 12,
    ]

    mutating func parseExpression() throws(JSSyntaxError) -> JSExpr {
        let first = try parseAssignment()
        guard current.isPunctuator(",") else { return first }
        var items = [first]
        while eat(",") { items.append(try parseAssignment()) }
        return JSExpr(position: first.position, kind: .sequence(items))
    }

    mutating func parseAssignment() throws(JSSyntaxError) -> JSExpr {
        try descend()
        defer { nesting -= 1 }
        if let arrow = try parseArrowIfPresent() { return arrow }
        let start = current
        if current.isIdentifier("yield") && !peek().newlineBefore && !peek().isPunctuator(")") && !peek().isPunctuator(";") {
            advance()
            _ = eat("*")
            return JSExpr(position: JSPosition(start), kind: .yield(try parseAssignment()))
        }
        let left = try parseConditional()
        if case .punctuator(let op) = current.kind, Self.assignmentOperators.contains(op) {
            let target = try pattern(from: left, operatorToken: current)
            advance()
            let value = try parseAssignment()
            return JSExpr(position: left.position, kind: .assign(op, target, value))
        }
        return left
    }

    /// Converts an expression already parsed to an assignment target.
    private func pattern(from expression: JSExpr, operatorToken: JSToken) throws(JSSyntaxError) -> JSPattern {
        switch expression.kind {
        case .identifier(let n): return .identifier(n)
        case .member, .index: return .expression(expression)
        case .array, .object: return .expression(expression)
        default: throw error("invalid assignment target before \(operatorToken.description)", at: operatorToken)
        }
    }

    /// Recognizes `x =>`, `async x =>`, `(params) =>`, `async (params): T =>` and `<T>(…) =>`
    /// by trying the head speculatively; the body is parsed for real once `=>` is seen.
    private mutating func parseArrowIfPresent() throws(JSSyntaxError) -> JSExpr? {
        let start = current
        var isAsync = false
        var lookahead = 0
        if current.isIdentifier("async"), !peek().newlineBefore, peek().identifier != nil || peek().isPunctuator("(") || peek().isPunctuator("<") {
            isAsync = true
            lookahead = 1
        }
        let head = peek(lookahead)
        if let name = head.identifier, !Self.reservedWords.contains(name), peek(lookahead + 1).isPunctuator("=>") {
            for _ in 0...lookahead { advance() }
            advance()  // =>
            return try parseArrowBody(params: [.identifier(name)], rest: nil, isAsync: isAsync, start: start)
        }
        guard head.isPunctuator("(") || (typescript && head.isPunctuator("<")) else { return nil }
        let saved = index
        for _ in 0..<lookahead { advance() }
        let params: [JSPattern]
        let rest: JSPattern?
        do {
            if typescript && current.isPunctuator("<") { try skipAngles() }
            (params, rest) = try parseParameters()
            if typescript && eat(":") { try skipType() }
        } catch {
            index = saved
            return nil
        }
        guard current.isPunctuator("=>"), !current.newlineBefore else {
            index = saved
            return nil
        }
        advance()
        // Committed: errors in the body are real errors.
        return try parseArrowBody(params: params, rest: rest, isAsync: isAsync, start: start)
    }

    private mutating func parseArrowBody(
        params: [JSPattern], rest: JSPattern?, isAsync: Bool, start: JSToken
    ) throws(JSSyntaxError) -> JSExpr {
        let body: JSFunction.Body
        if current.isPunctuator("{") {
            body = .block(try parseBlock())
        } else {
            body = .expression(try parseAssignment())
        }
        let function = JSFunction(
            name: nil, params: params, restParam: rest, body: body, isAsync: isAsync, isArrow: true,
            position: JSPosition(start))
        return JSExpr(position: JSPosition(start), kind: .function(function))
    }

    mutating func parseConditional() throws(JSSyntaxError) -> JSExpr {
        let test = try parseBinary(0)
        guard eat("?") else { return test }
        let consequent = try parseAssignment()
        try expect(":", "':' in the conditional expression")
        let alternate = try parseAssignment()
        return JSExpr(position: test.position, kind: .conditional(test, consequent, alternate))
    }

    mutating func parseBinary(_ minPrecedence: Int, allowIn: Bool = true) throws(JSSyntaxError) -> JSExpr {
        var left = try parseUnary()
        var chain = 0
        while true {
            // TypeScript `x as T` / `x satisfies T` bind like relational operators.
            if typescript, current.isIdentifier("as") || current.isIdentifier("satisfies"), !current.newlineBefore, minPrecedence <= 8 {
                advance()
                if !eatWord("const") { try skipType() }
                continue
            }
            let op: String
            switch current.kind {
            case .punctuator(let p): op = p
            case .identifier(let w) where w == "instanceof" || (w == "in" && allowIn): op = w
            default: return left
            }
            guard let precedence = Self.binaryPrecedence[op], precedence > minPrecedence || (op == "**" && precedence == minPrecedence) else {
                return left
            }
            chain += 1
            if chain > Self.maxChain {
                // A chain nests the expression tree one level per operator: the same bound as nesting.
                var tooLong = error("more than \(Self.maxChain) operators in a row; docverify does not read expressions this long")
                tooLong.tooDeepBound = Self.maxChain
                throw tooLong
            }
            advance()
            let right = try parseBinary(op == "**" ? precedence - 1 : precedence, allowIn: allowIn)
            let kind: JSExpr.Kind = (op == "||" || op == "&&" || op == "??") ? .logical(op, left, right) : .binary(op, left, right)
            left = JSExpr(position: left.position, kind: kind)
        }
    }

    mutating func parseUnary() throws(JSSyntaxError) -> JSExpr {
        try descend()
        defer { nesting -= 1 }
        let start = current
        let position = JSPosition(start)
        switch current.kind {
        case .punctuator(let p) where ["!", "-", "+", "~"].contains(p):
            advance()
            return JSExpr(position: position, kind: .unary(p, try parseUnary()))
        case .punctuator(let p) where p == "++" || p == "--":
            advance()
            return JSExpr(position: position, kind: .update(p, try parseUnary()))
        case .identifier(let w) where ["typeof", "void", "delete"].contains(w):
            advance()
            return JSExpr(position: position, kind: .unary(w, try parseUnary()))
        case .identifier("await") where !isExpressionEnd(peek()):
            advance()
            return JSExpr(position: position, kind: .await(try parseUnary()))
        default:
            break
        }
        var expression = try parseLeftHandSide()
        if (current.isPunctuator("++") || current.isPunctuator("--")) && !current.newlineBefore {
            let op = advance()
            if case .punctuator(let p) = op.kind { expression = JSExpr(position: position, kind: .update(p, expression)) }
        }
        return expression
    }

    private func isExpressionEnd(_ token: JSToken) -> Bool {
        if token.isEOF { return true }
        if case .punctuator(let p) = token.kind { return [")", "]", "}", ";", ",", ":", "=", "=>"].contains(p) }
        return false
    }

    mutating func parseLeftHandSide() throws(JSSyntaxError) -> JSExpr {
        var expression: JSExpr
        if current.isIdentifier("new") {
            let start = current
            advance()
            if eat(".") {
                _ = try propertyName()  // new.target
                expression = JSExpr(position: JSPosition(start), kind: .identifier("new.target"))
            } else {
                let callee = try parseMemberOnly()
                if typescript && current.isPunctuator("<") { _ = tryTypeArguments() }
                var args: [JSArgument] = []
                if current.isPunctuator("(") { args = try parseArguments() }
                expression = JSExpr(position: JSPosition(start), kind: .new(callee, args))
            }
        } else {
            expression = try parsePrimary()
        }
        return try parseCallTail(expression, allowCalls: true)
    }

    /// The callee of `new`: a member chain without calls (`new a.b.C(…)`).
    private mutating func parseMemberOnly() throws(JSSyntaxError) -> JSExpr {
        if current.isIdentifier("new") {
            return try parseLeftHandSide()
        }
        return try parseCallTail(try parsePrimary(), allowCalls: false)
    }

    private mutating func parseCallTail(_ base: JSExpr, allowCalls: Bool) throws(JSSyntaxError) -> JSExpr {
        var expression = base
        // Each link (`.x`, `[i]`, `(…)`) wraps the chain so far: the tree is as deep as the chain,
        // and the evaluator walks it recursively.
        var links = 0
        while true {
            links += 1
            if links > Self.maxChain { throw error("more than \(Self.maxChain) member accesses or calls in a row; docverify does not read expressions this long") }
            if current.isPunctuator(".") {
                advance()
                let nameToken = current
                let name = try propertyName()
                expression = JSExpr(position: expression.position, kind: .member(expression, name, optional: false, namePosition: JSPosition(nameToken)))
            } else if current.isPunctuator("?.") {
                advance()
                if current.isPunctuator("(") {
                    guard allowCalls else { throw error("optional call in a 'new' expression") }
                    expression = JSExpr(position: expression.position, kind: .call(expression, try parseArguments(), optional: true))
                } else if eat("[") {
                    let indexExpression = try parseExpression()
                    try expect("]")
                    expression = JSExpr(position: expression.position, kind: .index(expression, indexExpression, optional: true))
                } else {
                    let nameToken = current
                    let name = try propertyName()
                    expression = JSExpr(position: expression.position, kind: .member(expression, name, optional: true, namePosition: JSPosition(nameToken)))
                }
            } else if current.isPunctuator("[") {
                advance()
                let indexExpression = try parseExpression()
                try expect("]", "']' after the index")
                expression = JSExpr(position: expression.position, kind: .index(expression, indexExpression, optional: false))
            } else if current.isPunctuator("(") && allowCalls {
                expression = JSExpr(position: expression.position, kind: .call(expression, try parseArguments(), optional: false))
            } else if case .template(let quasis, let tokenLists) = current.kind {
                advance()
                let expressions = try parseTemplateExpressions(tokenLists)
                expression = JSExpr(position: expression.position, kind: .taggedTemplate(tag: expression, quasis: quasis, expressions: expressions))
            } else if typescript && current.isPunctuator("!") && !current.newlineBefore {
                advance()  // non-null assertion
            } else if typescript && current.isPunctuator("<") && allowCalls {
                guard tryTypeArguments(), current.isPunctuator("(") || { if case .template = current.kind { return true }; return false }() else {
                    return expression
                }
            } else {
                return expression
            }
        }
    }

    /// Skips `<T, U>` when it is followed by a call; restores and returns false otherwise
    /// (it was a less-than).
    mutating func tryTypeArguments() -> Bool {
        let saved = index
        do {
            try skipAngles()
            if current.isPunctuator("(") || { if case .template = current.kind { return true }; return false }() { return true }
        } catch {}
        index = saved
        return false
    }

    mutating func parseArguments() throws(JSSyntaxError) -> [JSArgument] {
        try expect("(")
        var args: [JSArgument] = []
        while !eat(")") {
            if eat("...") {
                args.append(.spread(try parseAssignment()))
            } else {
                args.append(.expression(try parseAssignment()))
            }
            if !current.isPunctuator(")") { try expect(",", "',' or ')' in the argument list") }
        }
        return args
    }

    private func parseTemplateExpressions(_ tokenLists: [[JSToken]]) throws(JSSyntaxError) -> [JSExpr] {
        var expressions: [JSExpr] = []
        for list in tokenLists {
            var inner = JSParser(tokens: list, typescript: typescript)
            if inner.current.isEOF { throw error("empty '${}' in template literal", at: inner.current) }
            let e = try inner.parseExpression()
            guard inner.current.isEOF else { throw inner.unexpected(expected: "'}' to close '${'") }
            expressions.append(e)
        }
        return expressions
    }

    mutating func parsePrimary() throws(JSSyntaxError) -> JSExpr {
        let start = current
        let position = JSPosition(start)
        func make(_ kind: JSExpr.Kind) -> JSExpr { JSExpr(position: position, kind: kind) }
        switch start.kind {
        case .number(let d):
            advance()
            return make(.number(d))
        case .string(let s):
            advance()
            return make(.string(s))
        case .template(let quasis, let tokenLists):
            advance()
            return make(.template(quasis: quasis, expressions: try parseTemplateExpressions(tokenLists)))
        case .regex(let r):
            advance()
            return make(.regex(r))
        case .privateName(let n):
            advance()
            return make(.identifier("#" + n))
        case .punctuator("("):
            advance()
            let inner = try parseExpression()
            try expect(")", "')' to close '('")
            return inner
        case .punctuator("["):
            return make(.array(try parseArrayLiteral()))
        case .punctuator("{"):
            return make(.object(try parseObjectLiteral()))
        case .punctuator("<") where typescript:
            // `<T>expr` type assertion (not valid in .tsx, rare in samples).
            try skipAngles()
            return try parseUnary()
        case .identifier(let word):
            switch word {
            case "function":
                return make(.function(try parseFunctionDeclaration(isAsync: false, nameOptional: true)))
            case "async" where peek().isIdentifier("function") && !peek().newlineBefore:
                advance()
                return make(.function(try parseFunctionDeclaration(isAsync: true, nameOptional: true)))
            case "class":
                return make(.classValue(name: try parseClass(nameOptional: true)))
            case "this":
                advance()
                return make(.this)
            case "super", "import":
                advance()
                return make(.identifier(word))
            default:
                if Self.reservedWords.contains(word) { throw error("unexpected keyword '\(word)'") }
                advance()
                return make(.identifier(word))
            }
        default:
            throw unexpected(expected: "an expression")
        }
    }

    mutating func parseArrayLiteral() throws(JSSyntaxError) -> [JSArrayElement] {
        let open = current
        try expect("[")
        var elements: [JSArrayElement] = []
        while !eat("]") {
            if current.isEOF { throw error("'[' at line \(open.line), column \(open.column) is never closed") }
            if eat(",") {
                elements.append(.hole)
                continue
            }
            if eat("...") {
                elements.append(.spread(try parseAssignment()))
            } else {
                elements.append(.expression(try parseAssignment()))
            }
            if !current.isPunctuator("]") { try expect(",", "',' or ']' after an array element") }
        }
        return elements
    }

    mutating func parseObjectLiteral() throws(JSSyntaxError) -> [JSProperty] {
        let open = current
        try expect("{")
        var properties: [JSProperty] = []
        while !eat("}") {
            if current.isEOF { throw error("'{' at line \(open.line), column \(open.column) is never closed") }
            if eat("...") {
                properties.append(.spread(try parseAssignment()))
            } else {
                properties.append(try parseProperty())
            }
            if !current.isPunctuator("}") { try expect(",", "',' or '}' after a property in the object literal") }
        }
        return properties
    }

    private func startsPropertyKey(_ token: JSToken) -> Bool {
        switch token.kind {
        case .identifier, .string, .number, .privateName: return true
        case .punctuator(let p): return p == "[" || p == "*"
        default: return false
        }
    }

    private mutating func parseProperty() throws(JSSyntaxError) -> JSProperty {
        let start = current
        var isAsync = false
        // `async m() {}`, `get x() {}`, `set x(v) {}`, `*gen() {}`.
        if let w = current.identifier, ["async", "get", "set"].contains(w), startsPropertyKey(peek()), !peek().newlineBefore {
            advance()
            isAsync = w == "async"
        }
        _ = eat("*")
        let keyToken = current
        let key = try parsePropertyKey()
        if current.isPunctuator("(") || (typescript && current.isPunctuator("<")) {
            let function = try parseFunctionRest(name: nil, isAsync: isAsync, position: JSPosition(start))
            return .method(key, function)
        }
        if eat(":") {
            return .value(key, try parseAssignment())
        }
        guard case .name(let name) = key, keyToken.identifier != nil else {
            throw unexpected(expected: "':' after the property name")
        }
        if Self.reservedWords.contains(name) { throw error("'\(name)' cannot be a shorthand property", at: keyToken) }
        return .shorthand(name, JSPosition(keyToken))
    }
}
