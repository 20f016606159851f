/// Functions, parameters and binding patterns.
extension JSParser {
    mutating func parseFunctionDeclaration(isAsync: Bool, nameOptional: Bool = false) throws(JSSyntaxError) -> JSFunction {
        let position = JSPosition(current)
        advance()  // function
        _ = eat("*")
        var name: String?
        if current.identifier != nil && !current.isPunctuator("(") {
            name = try bindingName("a function name")
        } else if !nameOptional {
            throw unexpected(expected: "a function name")
        }
        return try parseFunctionRest(name: name, isAsync: isAsync, position: position)
    }

    /// Type parameters, parameters, return type and body of a function or method.
    mutating func parseFunctionRest(name: String?, isAsync: Bool, position: JSPosition) throws(JSSyntaxError) -> JSFunction {
        if typescript && current.isPunctuator("<") { try skipAngles() }
        let (params, rest) = try parseParameters()
        if typescript && eat(":") { try skipType() }
        // TypeScript overload signatures have no body.
        if typescript && !current.isPunctuator("{") {
            try consumeSemicolon()
            return JSFunction(name: name, params: params, restParam: rest, body: .block([]), isAsync: isAsync, isArrow: false, position: position)
        }
        let body = try parseBlock()
        return JSFunction(name: name, params: params, restParam: rest, body: .block(body), isAsync: isAsync, isArrow: false, position: position)
    }

    mutating func parseParameters() throws(JSSyntaxError) -> ([JSPattern], JSPattern?) {
        try expect("(", "'(' to start the parameter list")
        var params: [JSPattern] = []
        var rest: JSPattern?
        while !eat(")") {
            if typescript {
                while current.isPunctuator("@") { try skipDecorator() }
                while let m = current.identifier, ["public", "private", "protected", "readonly", "override"].contains(m),
                      peek().identifier != nil || peek().isPunctuator("{") || peek().isPunctuator("[") {
                    advance()
                }
            }
            let isRest = eat("...")
            var pattern: JSPattern
            if current.isIdentifier("this") && typescript {
                advance()
                pattern = .identifier("this")
            } else {
                pattern = try parseBindingPattern()
            }
            if typescript {
                _ = eat("?")
                if eat(":") { try skipType() }
            }
            if eat("=") { pattern = .withDefault(pattern, try parseAssignment()) }
            if isRest { rest = pattern } else { params.append(pattern) }
            if !current.isPunctuator(")") { try expect(",", "',' or ')' in the parameter list") }
        }
        return (params, rest)
    }

    mutating func parseBindingPattern() throws(JSSyntaxError) -> JSPattern {
        if eat("{") {
            var properties: [JSObjectPatternProperty] = []
            var rest: String?
            while !eat("}") {
                if eat("...") {
                    rest = try bindingName()
                } else {
                    let keyToken = current
                    let key = try parsePropertyKey()
                    var value: JSPattern
                    if eat(":") {
                        value = try parseBindingPattern()
                    } else {
                        guard case .name(let n) = key, keyToken.identifier != nil, !Self.reservedWords.contains(n) else {
                            throw error("expected ':' after the property name in a destructuring pattern", at: current)
                        }
                        value = .identifier(n)
                    }
                    if eat("=") { value = .withDefault(value, try parseAssignment()) }
                    properties.append(JSObjectPatternProperty(key: key, value: value))
                }
                if !current.isPunctuator("}") { try expect(",", "',' or '}' in the destructuring pattern") }
            }
            return .object(properties, rest: rest)
        }
        if eat("[") {
            var elements: [JSPattern?] = []
            var rest: JSPattern?
            while !eat("]") {
                if eat(",") {
                    elements.append(nil)
                    continue
                }
                if eat("...") {
                    rest = try parseBindingPattern()
                } else {
                    var element = try parseBindingPattern()
                    if eat("=") { element = .withDefault(element, try parseAssignment()) }
                    elements.append(element)
                }
                if !current.isPunctuator("]") { try expect(",", "',' or ']' in the destructuring pattern") }
            }
            return .array(elements, rest: rest)
        }
        return .identifier(try bindingName())
    }

    mutating func parsePropertyKey() throws(JSSyntaxError) -> JSPropertyKey {
        switch current.kind {
        case .identifier(let n): advance(); return .name(n)
        case .string(let s): advance(); return .name(s)
        case .number(let d):
            advance()
            return .name(d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d))
        case .privateName(let n): advance(); return .name("#" + n)
        case .punctuator("["):
            advance()
            let key = try parseAssignment()
            try expect("]")
            return .computed(key)
        default:
            throw unexpected(expected: "a property name")
        }
    }
}
