/// Statements, imports, exports and classes.
extension JSParser {
    mutating func parseProgram() throws(JSSyntaxError) -> [JSStatement] {
        var statements: [JSStatement] = []
        while !current.isEOF {
            if current.isPunctuator("}") { throw error("unmatched '}'") }
            statements.append(try parseStatement())
        }
        return statements
    }

    mutating func parseBlock() throws(JSSyntaxError) -> [JSStatement] {
        let open = current
        try expect("{")
        var statements: [JSStatement] = []
        while !current.isPunctuator("}") {
            if current.isEOF { throw error("'{' at line \(open.line), column \(open.column) is never closed") }
            statements.append(try parseStatement())
        }
        advance()
        return statements
    }

    mutating func parseStatement() throws(JSSyntaxError) -> JSStatement {
        try descend()
        defer { nesting -= 1 }
        let start = current
        let position = JSPosition(start)
        func make(_ kind: JSStatement.Kind) -> JSStatement { JSStatement(position: position, kind: kind) }

        if current.isPunctuator("{") { return make(.block(try parseBlock())) }
        if eat(";") { return make(.empty) }
        if current.isPunctuator("@") && typescript {
            try skipDecorator()
            return try parseStatement()
        }
        guard let word = current.identifier else { return try parseExpressionStatement() }
        let next = peek()

        switch word {
        case "var", "let", "const":
            if word == "let", !(next.identifier != nil || next.isPunctuator("{") || next.isPunctuator("[")) {
                return try parseExpressionStatement()
            }
            if word == "const", typescript, next.isIdentifier("enum") {
                advance()
                return try parseStatement()
            }
            advance()
            let declarators = try parseDeclarators()
            try consumeSemicolon()
            return make(.variable(kind: word, declarators))
        case "function":
            return make(.function(try parseFunctionDeclaration(isAsync: false)))
        case "async" where next.isIdentifier("function") && !next.newlineBefore:
            advance()
            return make(.function(try parseFunctionDeclaration(isAsync: true)))
        case "class":
            let name = try parseClass()
            return make(.classDeclaration(name: name ?? ""))
        case "abstract" where typescript && next.isIdentifier("class"):
            advance()
            let name = try parseClass()
            return make(.classDeclaration(name: name ?? ""))
        case "if":
            advance()
            try expect("(")
            let test = try parseExpression()
            try expect(")")
            let consequent = try parseStatement()
            var alternate: JSStatement?
            if eatWord("else") { alternate = try parseStatement() }
            return make(.if(test, consequent, alternate))
        case "return":
            advance()
            var argument: JSExpr?
            if !(current.isPunctuator(";") || current.isPunctuator("}") || current.isEOF || current.newlineBefore) {
                argument = try parseExpression()
            }
            try consumeSemicolon()
            return make(.return(argument))
        case "throw":
            advance()
            let argument = try parseExpression()
            try consumeSemicolon()
            return make(.throw(argument))
        case "try":
            advance()
            let body = try parseBlock()
            var param: JSPattern?
            var handler: [JSStatement]?
            var finalizer: [JSStatement]?
            if eatWord("catch") {
                if eat("(") {
                    param = try parseBindingPattern()
                    if typescript && eat(":") { try skipType() }
                    try expect(")")
                }
                handler = try parseBlock()
            }
            if eatWord("finally") { finalizer = try parseBlock() }
            if handler == nil && finalizer == nil { throw unexpected(expected: "'catch' or 'finally'") }
            return make(.try(body, catchParam: param, catchBody: handler, finally: finalizer))
        case "for":
            return try parseFor()
        case "while":
            advance()
            try expect("(")
            let test = try parseExpression()
            try expect(")")
            let body = try parseStatement()
            return make(.loop(head: [JSStatement(position: test.position, kind: .expression(test))], body: body))
        case "do":
            advance()
            let body = try parseStatement()
            guard eatWord("while") else { throw unexpected(expected: "'while'") }
            try expect("(")
            let test = try parseExpression()
            try expect(")")
            _ = eat(";")
            return make(.loop(head: [JSStatement(position: test.position, kind: .expression(test))], body: body))
        case "switch":
            return try parseSwitch()
        case "break", "continue":
            advance()
            if let _ = current.identifier, !current.newlineBefore, !Self.reservedWords.contains(current.identifier!) { advance() }
            try consumeSemicolon()
            return make(word == "break" ? .break : .continue)
        case "import" where !(next.isPunctuator("(") || next.isPunctuator(".")):
            return make(try parseImport())
        case "export":
            return try parseExport()
        case "interface" where typescript && next.identifier != nil && !next.newlineBefore:
            advance()
            advance()
            if current.isPunctuator("<") { try skipAngles() }
            if eatWord("extends") {
                repeat { try skipType() } while eat(",")
            }
            try skipBalanced()
            return make(.typeDeclaration)
        case "type" where typescript && next.identifier != nil && !next.newlineBefore:
            advance()
            advance()
            if current.isPunctuator("<") { try skipAngles() }
            try expect("=")
            try skipType()
            try consumeSemicolon()
            return make(.typeDeclaration)
        case "enum" where typescript:
            advance()
            _ = try bindingName("an enum name")
            try skipBalanced()
            return make(.typeDeclaration)
        case "declare" where typescript && next.identifier != nil && !next.newlineBefore:
            advance()
            _ = try parseStatement()  // the declared statement, checked for syntax only
            return make(.typeDeclaration)
        case "namespace", "module":
            if typescript, next.identifier != nil || { if case .string = next.kind { return true }; return false }(), !next.newlineBefore {
                advance()
                advance()
                while eat(".") { _ = try propertyName() }
                try skipBalanced()
                return make(.typeDeclaration)
            }
            return try parseExpressionStatement()
        default:
            // `label:` — labels only matter to break/continue; the statement is parsed as such.
            if next.isPunctuator(":"), !Self.reservedWords.contains(word) {
                advance()
                advance()
                return try parseStatement()
            }
            return try parseExpressionStatement()
        }
    }

    mutating func parseExpressionStatement() throws(JSSyntaxError) -> JSStatement {
        let position = JSPosition(current)
        let expression = try parseExpression()
        try consumeSemicolon()
        return JSStatement(position: position, kind: .expression(expression))
    }

    mutating func parseDeclarators() throws(JSSyntaxError) -> [JSDeclarator] {
        var declarators: [JSDeclarator] = []
        repeat {
            let position = JSPosition(current)
            let pattern = try parseBindingPattern()
            if typescript {
                _ = eat("!")
                if eat(":") { try skipType() }
            }
            var initializer: JSExpr?
            if eat("=") { initializer = try parseAssignment() }
            declarators.append(JSDeclarator(pattern: pattern, initializer: initializer, position: position))
        } while eat(",")
        return declarators
    }

    mutating func parseFor() throws(JSSyntaxError) -> JSStatement {
        let position = JSPosition(current)
        advance()
        _ = eatWord("await")
        try expect("(")
        var head: [JSStatement] = []
        if let word = current.identifier, ["var", "let", "const"].contains(word) {
            let declPosition = JSPosition(current)
            advance()
            let pattern = try parseBindingPattern()
            if typescript && eat(":") { try skipType() }
            if current.isIdentifier("of") || current.isIdentifier("in") {
                advance()
                let iterable = try parseAssignment()
                try expect(")")
                return JSStatement(position: position, kind: .forOf(pattern, iterable, body: try parseStatement()))
            }
            var declarators: [JSDeclarator] = []
            var initializer: JSExpr?
            if eat("=") { initializer = try parseAssignment() }
            declarators.append(JSDeclarator(pattern: pattern, initializer: initializer, position: declPosition))
            if eat(",") { declarators += try parseDeclarators() }
            head.append(JSStatement(position: declPosition, kind: .variable(kind: word, declarators)))
        } else if !current.isPunctuator(";") {
            let start = JSPosition(current)
            let left = try parseBinary(0, allowIn: false)
            if current.isIdentifier("of") || current.isIdentifier("in") {
                advance()
                let iterable = try parseAssignment()
                try expect(")")
                return JSStatement(position: position, kind: .forOf(.expression(left), iterable, body: try parseStatement()))
            }
            var expression = left
            if current.isPunctuator("=") {
                advance()
                expression = JSExpr(position: start, kind: .assign("=", .expression(left), try parseAssignment()))
            }
            head.append(JSStatement(position: start, kind: .expression(expression)))
        }
        try expect(";", "';' in the for statement")
        if !current.isPunctuator(";") {
            let test = try parseExpression()
            head.append(JSStatement(position: test.position, kind: .expression(test)))
        }
        try expect(";", "';' in the for statement")
        if !current.isPunctuator(")") {
            let update = try parseExpression()
            head.append(JSStatement(position: update.position, kind: .expression(update)))
        }
        try expect(")")
        return JSStatement(position: position, kind: .loop(head: head, body: try parseStatement()))
    }

    mutating func parseSwitch() throws(JSSyntaxError) -> JSStatement {
        let position = JSPosition(current)
        advance()
        try expect("(")
        let discriminant = try parseExpression()
        try expect(")")
        try expect("{")
        var cases: [JSSwitchCase] = []
        while !eat("}") {
            var test: JSExpr?
            if eatWord("case") {
                test = try parseExpression()
            } else if !eatWord("default") {
                throw unexpected(expected: "'case', 'default' or '}'")
            }
            try expect(":")
            var body: [JSStatement] = []
            while !(current.isIdentifier("case") || current.isIdentifier("default") || current.isPunctuator("}")) {
                if current.isEOF { throw unexpected(expected: "'}'") }
                body.append(try parseStatement())
            }
            cases.append(JSSwitchCase(test: test, body: body))
        }
        return JSStatement(position: position, kind: .switch(discriminant, cases))
    }

    mutating func parseImport() throws(JSSyntaxError) -> JSStatement.Kind {
        advance()  // import
        var result = JSImport(module: "", defaultName: nil, namespaceName: nil, named: [], typeOnly: false)
        if typescript, current.isIdentifier("type"),
           peek().isPunctuator("{") || peek().isPunctuator("*") || (peek().identifier != nil && !peek().isIdentifier("from")) {
            advance()
            result.typeOnly = true
        }
        if case .string(let module) = current.kind {
            advance()
            result.module = module
            try skipImportAttributes()
            try consumeSemicolon()
            return .import(result)
        }
        if current.identifier != nil && !current.isPunctuator("{") {
            let name = try bindingName("an import name")
            // TypeScript's `import x = require("m")`.
            if typescript && eat("=") {
                guard eatWord("require") else { throw unexpected(expected: "'require'") }
                try expect("(")
                guard case .string(let module) = current.kind else { throw unexpected(expected: "a module name") }
                advance()
                try expect(")")
                try consumeSemicolon()
                result.module = module
                result.namespaceName = name
                return .import(result)
            }
            result.defaultName = name
            if !eat(",") {
                return try finishImport(result)
            }
        }
        if eat("*") {
            guard eatWord("as") else { throw unexpected(expected: "'as'") }
            result.namespaceName = try bindingName("a namespace name")
        } else if eat("{") {
            while !eat("}") {
                var imported: String
                if typescript, current.isIdentifier("type"), peek().identifier != nil || { if case .string = peek().kind { return true }; return false }(), !peek().isIdentifier("as") {
                    advance()
                }
                if case .string(let s) = current.kind {
                    imported = s
                    advance()
                } else {
                    imported = try propertyName()
                }
                var local = imported
                if eatWord("as") { local = try bindingName("a local name") }
                result.named.append(JSImportSpecifier(imported: imported, local: local))
                if !current.isPunctuator("}") { try expect(",", "',' or '}' in the import list") }
            }
        } else {
            throw unexpected(expected: "an import list, a name or '*'")
        }
        return try finishImport(result)
    }

    private mutating func finishImport(_ partial: JSImport) throws(JSSyntaxError) -> JSStatement.Kind {
        var result = partial
        guard eatWord("from") else { throw unexpected(expected: "'from'") }
        guard case .string(let module) = current.kind else { throw unexpected(expected: "a module name string") }
        advance()
        result.module = module
        try skipImportAttributes()
        try consumeSemicolon()
        return .import(result)
    }

    private mutating func skipImportAttributes() throws(JSSyntaxError) {
        if (current.isIdentifier("with") || current.isIdentifier("assert")) && !current.newlineBefore && peek().isPunctuator("{") {
            advance()
            try skipBalanced()
        }
    }

    mutating func parseExport() throws(JSSyntaxError) -> JSStatement {
        let position = JSPosition(current)
        advance()  // export
        if eatWord("default") {
            if current.isIdentifier("function") || (current.isIdentifier("async") && peek().isIdentifier("function")) {
                let isAsync = eatWord("async")
                return JSStatement(position: position, kind: .function(try parseFunctionDeclaration(isAsync: isAsync, nameOptional: true)))
            }
            if current.isIdentifier("class") {
                let name = try parseClass(nameOptional: true)
                return JSStatement(position: position, kind: .classDeclaration(name: name ?? ""))
            }
            let value = try parseAssignment()
            try consumeSemicolon()
            return JSStatement(position: position, kind: .exportDefault(value))
        }
        if typescript && eat("=") {
            let value = try parseAssignment()
            try consumeSemicolon()
            return JSStatement(position: position, kind: .exportDefault(value))
        }
        if typescript && current.isIdentifier("type") && peek().isPunctuator("{") { advance() }
        if eat("*") {
            if eatWord("as") { _ = try propertyName() }
            guard eatWord("from") else { throw unexpected(expected: "'from'") }
            guard case .string = current.kind else { throw unexpected(expected: "a module name string") }
            advance()
            try consumeSemicolon()
            return JSStatement(position: position, kind: .exportList)
        }
        if eat("{") {
            while !eat("}") {
                if case .string = current.kind { advance() } else { _ = try propertyName() }
                if eatWord("as") {
                    if case .string = current.kind { advance() } else { _ = try propertyName() }
                }
                if !current.isPunctuator("}") { try expect(",", "',' or '}' in the export list") }
            }
            if eatWord("from") {
                guard case .string = current.kind else { throw unexpected(expected: "a module name string") }
                advance()
            }
            try consumeSemicolon()
            return JSStatement(position: position, kind: .exportList)
        }
        return try parseStatement()
    }

    mutating func skipDecorator() throws(JSSyntaxError) {
        try expect("@")
        _ = try propertyName()
        while eat(".") { _ = try propertyName() }
        if current.isPunctuator("(") { try skipBalanced() }
    }

    /// Classes are kept shallow: the name, heritage and a balanced body; members are not evaluated.
    mutating func parseClass(nameOptional: Bool = true) throws(JSSyntaxError) -> String? {
        advance()  // class
        var name: String?
        if let n = current.identifier, n != "extends", n != "implements" {
            name = try bindingName("a class name")
        } else if !nameOptional {
            throw unexpected(expected: "a class name")
        }
        if typescript && current.isPunctuator("<") { try skipAngles() }
        if eatWord("extends") {
            _ = try parseLeftHandSide()
        }
        if typescript && eatWord("implements") {
            repeat { try skipType() } while eat(",")
        }
        guard current.isPunctuator("{") else { throw unexpected(expected: "'{' to start the class body") }
        try skipBalanced()
        return name
    }
}
