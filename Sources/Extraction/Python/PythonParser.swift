/// Recursive-descent parser for the Python subset quickstarts use. Statements live here, expressions
/// in `PythonParser+Expressions.swift`. The first syntax error stops parsing and is reported where
/// CPython reports it, with a message that says what to fix.
struct PythonParser {
    let tokenizer: PythonTokenizer
    let tokens: [PythonToken]
    var pos = 0
    /// End offset of the last consumed token, for slicing an expression's source text.
    var previousEnd = 0
    /// How deep the recursive descent is (expressions, statements, f-string fields); bounded so
    /// hostile nesting is a syntax error instead of a stack overflow.
    var nesting = 0
    /// Real code nests a few levels (brackets alone are bounded by the tokenizer, at 100).
    static let maxNesting = 200
    /// An f-string field starts a parser of its own, many frames deep: it counts as several levels.
    static let fieldNestingCost = 6

    /// The source when it is all ASCII, where a scalar offset is a UTF-8 offset: node texts are
    /// then cut from it with one copy instead of rebuilt scalar by scalar (most samples are ASCII).
    let asciiSource: String?

    init(tokenizer: PythonTokenizer, tokens: [PythonToken]? = nil, source: String? = nil) {
        self.tokenizer = tokenizer
        self.tokens = tokens ?? tokenizer.tokenize()
        self.asciiSource = source.flatMap { $0.utf8.count == tokenizer.scalars.count ? $0 : nil }
    }

    /// Parses a whole module.
    static func parseModule(_ source: String) -> Result<[PythonStmt], PythonSyntaxError> {
        var parser = PythonParser(tokenizer: PythonTokenizer(source), source: source)
        do {
            return .success(try parser.parseStatements(untilDedent: false))
        } catch let error as PythonSyntaxError {
            return .failure(error)
        } catch {
            return .failure(PythonSyntaxError(line: 1, column: 1, message: "\(error)"))
        }
    }

    /// Parses a module, repairing missing commas so the rest of the code can still be read: every
    /// error found is returned (in order), and the statements when the repaired code parses.
    static func parseModuleRecovering(_ source: String, maxRepairs: Int = 10) -> (statements: [PythonStmt]?, errors: [PythonSyntaxError]) {
        let tokenizer = PythonTokenizer(source)
        var tokens = tokenizer.tokenize()
        var errors: [PythonSyntaxError] = []
        while true {
            var parser = PythonParser(tokenizer: tokenizer, tokens: tokens, source: source)
            do {
                let statements = try parser.parseStatements(untilDedent: false)
                return (statements, errors)
            } catch let error as PythonSyntaxError {
                errors.append(error)
                guard let index = error.insertCommaBeforeToken, errors.count <= maxRepairs, index < tokens.count else {
                    return (nil, errors)
                }
                let before = tokens[index]
                tokens.insert(PythonToken(kind: .op, text: ",", line: before.line, column: before.column, start: before.start, end: before.start), at: index)
            } catch {
                return (nil, errors + [PythonSyntaxError(line: 1, column: 1, message: "\(error)")])
            }
        }
    }

    /// Parses one expression (an f-string replacement field) that starts at `line`:`column` of the code.
    static func parseEmbeddedExpression(_ source: String, line: Int, column: Int, nesting: Int = 0) throws -> PythonExpr {
        var parser = PythonParser(tokenizer: PythonTokenizer(source, line: line, column: column, expressionMode: true), source: source)
        parser.nesting = nesting + fieldNestingCost
        let expr = try parser.parseStarExpressions()
        if parser.current.kind != .endMarker {
            throw parser.failure(at: parser.current, "f-string: invalid syntax in '{\(source)}': unexpected \(parser.describe(parser.current))")
        }
        return expr
    }

    /// Enters one more level of nesting; the caller leaves it with `defer { nesting -= 1 }`.
    mutating func descend() throws {
        nesting += 1
        if nesting > Self.maxNesting {
            throw PythonSyntaxError(
                line: current.line, column: current.column,
                message: "code nested more than \(Self.maxNesting) levels deep; docverify does not read code nested this deeply",
                tooDeepBound: Self.maxNesting)
        }
    }

    // MARK: Token access

    /// Yielded in place, not returned: the parser tests the current token at every level of every
    /// expression, and a returned copy retained and released its strings each time.
    var current: PythonToken { _read { yield tokens[min(pos, tokens.count - 1)] } }
    func peek(_ offset: Int = 1) -> PythonToken { tokens[min(pos + offset, tokens.count - 1)] }

    @discardableResult
    mutating func advance() -> PythonToken {
        let t = current
        if pos < tokens.count - 1 { pos += 1 }
        previousEnd = t.end
        return t
    }

    mutating func accept(_ op: String) -> Bool {
        if current.isOp(op) { advance(); return true }
        return false
    }

    mutating func acceptKeyword(_ word: String) -> Bool {
        if current.isKeyword(word) { advance(); return true }
        return false
    }

    mutating func expect(_ op: String, _ message: String) throws {
        guard current.isOp(op) else { throw failure(at: current, message) }
        advance()
    }

    /// The error to report at `token`: a tokenizer error there wins, since CPython's tokenizer
    /// would have stopped first.
    func failure(at token: PythonToken, _ message: String) -> PythonSyntaxError {
        if token.kind == .error, let e = token.error { return e }
        return PythonSyntaxError(line: token.line, column: token.column, message: message)
    }

    func describe(_ token: PythonToken) -> String {
        switch token.kind {
        case .newline: return "end of line"
        case .endMarker: return "end of code"
        case .indent: return "indentation"
        case .dedent: return "dedent"
        case .string: return "string \(token.text.count > 30 ? String(token.text.prefix(27)) + "..." : token.text)"
        default: return "'\(token.text)'"
        }
    }

    func sourceText(from start: Int) -> String { text(start, previousEnd) }

    /// The source between two scalar offsets, as ``PythonTokenizer/text(_:_:)`` cuts it.
    func text(_ start: Int, _ end: Int) -> String {
        guard let ascii = asciiSource else { return tokenizer.text(start, end) }
        let from = max(0, start)
        let to = min(end, ascii.utf8.count)
        guard from < to else { return "" }
        return ascii.utf8.withContiguousStorageIfAvailable { bytes in
            String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
        } ?? tokenizer.text(start, end)
    }

    mutating func identifier(_ what: String) throws -> String {
        guard current.kind == .name, !pythonKeywords.contains(current.text) else {
            throw failure(at: current, "expected \(what), found \(describe(current))")
        }
        return advance().text
    }

    // MARK: Statements

    mutating func parseStatements(untilDedent: Bool) throws -> [PythonStmt] {
        var body: [PythonStmt] = []
        while true {
            let t = current
            if t.kind == .endMarker { break }
            if t.kind == .dedent {
                if untilDedent { advance(); break }
                throw failure(at: t, "unindent does not match any outer indentation level")
            }
            if t.kind == .indent { throw failure(at: t, "unexpected indent") }
            if t.kind == .newline { advance(); continue }
            body.append(contentsOf: try parseStatement())
        }
        return body
    }

    mutating func parseStatement() throws -> [PythonStmt] {
        try descend()
        defer { nesting -= 1 }
        let t = current
        if t.isOp("@") { return [try parseDecorated()] }
        if t.kind == .name {
            switch t.text {
            case "def": return [try parseFunction(decorators: [], isAsync: false, start: t)]
            case "class": return [try parseClass(decorators: [], start: t)]
            case "if": return [try parseIf()]
            case "for": return [try parseFor(isAsync: false, start: t)]
            case "while": return [try parseWhile()]
            case "try": return [try parseTry()]
            case "with": return [try parseWith(isAsync: false, start: t)]
            case "match":
                // A soft keyword: only a match statement when the shape fits.
                if let statement = try parseMatchIfPresent() { return [statement] }
            case "async":
                let next = peek()
                if next.isKeyword("def") { advance(); return [try parseFunction(decorators: [], isAsync: true, start: t)] }
                if next.isKeyword("with") { advance(); return [try parseWith(isAsync: true, start: t)] }
                if next.isKeyword("for") { advance(); return [try parseFor(isAsync: true, start: t)] }
                throw failure(at: next, "expected 'def', 'with' or 'for' after 'async'")
            default: break
            }
        }
        return try parseSimpleStatements()
    }

    mutating func parseSimpleStatements() throws -> [PythonStmt] {
        var statements: [PythonStmt] = []
        while true {
            statements.append(try parseSmallStatement())
            if accept(";") {
                if current.kind == .newline || current.kind == .endMarker { break }
                continue
            }
            break
        }
        if current.kind == .newline { advance(); return statements }
        if current.kind == .endMarker { return statements }
        throw failure(at: current, "invalid syntax: unexpected \(describe(current)) after a complete statement")
    }

    mutating func parseSmallStatement() throws -> PythonStmt {
        let t = current
        func stmt(_ kind: PythonStmt.Kind) -> PythonStmt { PythonStmt(kind: kind, line: t.line, column: t.column) }
        if t.kind == .name {
            switch t.text {
            case "pass": advance(); return stmt(.pass)
            case "break": advance(); return stmt(.breakStatement)
            case "continue": advance(); return stmt(.continueStatement)
            case "return":
                advance()
                if atStatementEnd { return stmt(.returnStatement(nil)) }
                return stmt(.returnStatement(try parseStarExpressions()))
            case "raise":
                advance()
                if atStatementEnd { return stmt(.raise(nil, cause: nil)) }
                let e = try parseExpression()
                let cause = acceptKeyword("from") ? try parseExpression() : nil
                return stmt(.raise(e, cause: cause))
            case "global", "nonlocal":
                advance()
                var names = [try identifier("a name after '\(t.text)'")]
                while accept(",") { names.append(try identifier("a name after ','")) }
                return stmt(t.text == "global" ? .global(names) : .nonlocal(names))
            case "del":
                advance()
                return stmt(.delete(try parseTargetList(stopAt: nil)))
            case "assert":
                advance()
                let test = try parseExpression()
                let message = accept(",") ? try parseExpression() : nil
                return stmt(.assert(test, message: message))
            case "import":
                advance()
                var names: [PythonStmt.ImportName] = []
                repeat {
                    let name = try dottedName()
                    let alias = acceptKeyword("as") ? try identifier("a name after 'as'") : nil
                    names.append(.init(name: name, alias: alias))
                } while accept(",")
                return stmt(.importModules(names))
            case "from":
                advance()
                var module = ""
                while current.isOp(".") || current.isOp("...") { module += advance().text }
                if !current.isKeyword("import") { module += try dottedName() }
                guard acceptKeyword("import") else { throw failure(at: current, "expected 'import' after 'from \(module)'") }
                if accept("*") { return stmt(.importFrom(module: module, names: [.init(name: "*", alias: nil)])) }
                let parenthesized = accept("(")
                var names: [PythonStmt.ImportName] = []
                while true {
                    let name = try identifier("a name to import")
                    let alias = acceptKeyword("as") ? try identifier("a name after 'as'") : nil
                    names.append(.init(name: name, alias: alias))
                    if accept(",") {
                        if parenthesized && current.isOp(")") { break }
                        if !parenthesized && atStatementEnd {
                            throw failure(at: current, "trailing comma not allowed without surrounding parentheses")
                        }
                        continue
                    }
                    break
                }
                if parenthesized {
                    try expect(")", "expected ',' or ')' in the import list, found \(describe(current))")
                }
                return stmt(.importFrom(module: module, names: names))
            case "print":
                // Python 2's print statement: a classic error in copied samples.
                let next = peek()
                if next.kind == .string || next.kind == .number || (next.kind == .name && !pythonKeywords.contains(next.text)) {
                    throw failure(at: t, "Missing parentheses in call to 'print'. Did you mean print(...)?")
                }
            default: break
            }
        }
        return try parseExpressionStatement()
    }

    var atStatementEnd: Bool {
        current.kind == .newline || current.kind == .endMarker || current.isOp(";")
    }

    mutating func dottedName() throws -> String {
        var name = try identifier("a module name")
        while accept(".") { name += "." + (try identifier("a name after '.'")) }
        return name
    }

    private static let augmentedOperators: Set<String> = ["+=", "-=", "*=", "/=", "//=", "%=", "**=", ">>=", "<<=", "&=", "|=", "^=", "@="]

    mutating func parseExpressionStatement() throws -> PythonStmt {
        let t = current
        func stmt(_ kind: PythonStmt.Kind) -> PythonStmt { PythonStmt(kind: kind, line: t.line, column: t.column) }
        let first = try parseStarExpressionsOrYield()
        if current.isOp("=") {
            var targets = [first]
            var value = first
            while accept("=") {
                value = try parseStarExpressionsOrYield()
                if current.isOp("=") { targets.append(value) }
            }
            for target in targets { try checkAssignable(target, operatorToken: "=") }
            return stmt(.assign(targets: targets, value: value))
        }
        if current.kind == .op, Self.augmentedOperators.contains(current.text) {
            let op = advance().text
            try checkAssignable(first, operatorToken: op, augmented: true)
            return stmt(.augmentedAssign(target: first, op: op, value: try parseStarExpressionsOrYield()))
        }
        if current.isOp(":") {
            advance()
            try checkAssignable(first, operatorToken: ":", augmented: true)
            let annotation = try parseExpression()
            let value = accept("=") ? try parseStarExpressionsOrYield() : nil
            return stmt(.annotatedAssign(target: first, annotation: annotation, value: value))
        }
        return stmt(.expression(first))
    }

    mutating func parseStarExpressionsOrYield() throws -> PythonExpr {
        if current.isKeyword("yield") { return try parseYield() }
        return try parseStarExpressions()
    }

    func checkAssignable(_ e: PythonExpr, operatorToken: String, augmented: Bool = false) throws {
        switch e.kind {
        case .name, .attribute, .subscription: return
        case .tuple(let items), .list(let items):
            if augmented {
                throw PythonSyntaxError(line: e.line, column: e.column, message: "'\(e.kind.isTuple ? "tuple" : "list")' is an illegal expression for augmented assignment")
            }
            for item in items { try checkAssignable(item, operatorToken: operatorToken) }
        case .starred(let inner) where !augmented: try checkAssignable(inner, operatorToken: operatorToken)
        default:
            let hint = operatorToken == "=" ? " Maybe you meant '==' instead of '='?" : ""
            throw PythonSyntaxError(line: e.line, column: e.column, message: "cannot assign to \(e.kind.description) here.\(hint)")
        }
    }

    // MARK: Compound statements

    /// `:` then either an indented block or simple statements on the same line.
    mutating func parseBlock(after what: String, line: Int) throws -> [PythonStmt] {
        guard current.isOp(":") else { throw failure(at: current, "expected ':' after \(what) on line \(line)") }
        advance()
        if current.kind == .newline {
            advance()
            guard current.kind == .indent else {
                throw failure(at: current, "expected an indented block after \(what) on line \(line)")
            }
            advance()
            return try parseStatements(untilDedent: true)
        }
        return try parseSimpleStatements()
    }

    mutating func parseDecorated() throws -> PythonStmt {
        var decorators: [PythonExpr] = []
        let start = current
        while accept("@") {
            decorators.append(try parseNamedExpression())
            guard current.kind == .newline else { throw failure(at: current, "expected end of line after the decorator") }
            advance()
        }
        if current.isKeyword("def") { return try parseFunction(decorators: decorators, isAsync: false, start: start) }
        if current.isKeyword("async") && peek().isKeyword("def") {
            advance()
            return try parseFunction(decorators: decorators, isAsync: true, start: start)
        }
        if current.isKeyword("class") { return try parseClass(decorators: decorators, start: start) }
        throw failure(at: current, "expected 'def' or 'class' after a decorator, found \(describe(current))")
    }

    mutating func parseFunction(decorators: [PythonExpr], isAsync: Bool, start: PythonToken) throws -> PythonStmt {
        let defToken = advance()
        let name = try identifier("a function name after 'def'")
        try expect("(", "expected '(' after the function name '\(name)'")
        let parameters = try parseParameters(closer: ")", annotations: true)
        try expect(")", "expected ',' or ')' in the parameters of '\(name)', found \(describe(current))")
        if accept("->") { _ = try parseExpression() }
        let body = try parseBlock(after: "function definition", line: defToken.line)
        return PythonStmt(kind: .function(name: name, parameters: parameters, body: body, decorators: decorators, isAsync: isAsync), line: start.line, column: start.column)
    }

    /// Parameters of `def` (with annotations) and `lambda` (without), up to `closer`.
    mutating func parseParameters(closer: String, annotations: Bool) throws -> [PythonStmt.Parameter] {
        var parameters: [PythonStmt.Parameter] = []
        while !current.isOp(closer) {
            if accept("/") {
            } else if current.isOp("*") || current.isOp("**") {
                let star = advance().text
                if star == "*" && (current.isOp(",") || current.isOp(closer)) {
                    // Bare `*`: keyword-only marker.
                } else {
                    let name = try identifier("a parameter name after '\(star)'")
                    if annotations && accept(":") { _ = try parseExpression() }
                    parameters.append(.init(name: star + name, defaultValue: nil))
                }
            } else {
                let name = try identifier("a parameter name")
                if annotations && accept(":") { _ = try parseExpression() }
                let defaultValue = accept("=") ? try parseExpression() : nil
                parameters.append(.init(name: name, defaultValue: defaultValue))
            }
            if !accept(",") { break }
        }
        return parameters
    }

    mutating func parseClass(decorators: [PythonExpr], start: PythonToken) throws -> PythonStmt {
        let classToken = advance()
        let name = try identifier("a class name after 'class'")
        var bases: [PythonArgument] = []
        if current.isOp("(") {
            let open = advance()
            bases = try parseArguments(open: open)
        }
        let body = try parseBlock(after: "class definition", line: classToken.line)
        return PythonStmt(kind: .classDef(name: name, bases: bases, body: body, decorators: decorators), line: start.line, column: start.column)
    }

    mutating func parseIf() throws -> PythonStmt {
        let start = advance()
        var branches = [PythonStmt.Branch(test: try parseNamedExpression(), body: try parseBlock(after: "'if' statement", line: start.line))]
        var orElse: [PythonStmt]?
        while current.isKeyword("elif") {
            let elif = advance()
            branches.append(.init(test: try parseNamedExpression(), body: try parseBlock(after: "'elif' statement", line: elif.line)))
        }
        if current.isKeyword("else") {
            let elseToken = advance()
            orElse = try parseBlock(after: "'else' statement", line: elseToken.line)
        }
        return PythonStmt(kind: .ifStatement(branches: branches, orElse: orElse), line: start.line, column: start.column)
    }

    mutating func parseFor(isAsync: Bool, start: PythonToken) throws -> PythonStmt {
        let forToken = advance()
        let targets = try parseTargetList(stopAt: "in")
        guard acceptKeyword("in") else { throw failure(at: current, "expected 'in' after the loop variable of 'for'") }
        let iterable = try parseStarExpressions()
        let body = try parseBlock(after: "'for' statement", line: forToken.line)
        var orElse: [PythonStmt]?
        if current.isKeyword("else") {
            let e = advance()
            orElse = try parseBlock(after: "'else' statement", line: e.line)
        }
        let target = targets.count == 1 ? targets[0] : PythonExpr(kind: .tuple(targets), line: targets[0].line, column: targets[0].column, text: targets.map(\.text).joined(separator: ", "))
        return PythonStmt(kind: .forLoop(target: target, iterable: iterable, body: body, orElse: orElse, isAsync: isAsync), line: start.line, column: start.column)
    }

    mutating func parseWhile() throws -> PythonStmt {
        let start = advance()
        let test = try parseNamedExpression()
        let body = try parseBlock(after: "'while' statement", line: start.line)
        var orElse: [PythonStmt]?
        if current.isKeyword("else") {
            let e = advance()
            orElse = try parseBlock(after: "'else' statement", line: e.line)
        }
        return PythonStmt(kind: .whileLoop(test: test, body: body, orElse: orElse), line: start.line, column: start.column)
    }

    mutating func parseTry() throws -> PythonStmt {
        let start = advance()
        let body = try parseBlock(after: "'try' statement", line: start.line)
        var handlers: [PythonStmt.Handler] = []
        while current.isKeyword("except") {
            let except = advance()
            _ = accept("*")
            var type: PythonExpr?
            var name: String?
            if !current.isOp(":") {
                type = try parseExpression()
                if current.isOp(",") {
                    // `except A, B:` is Python 2 syntax.
                    throw failure(at: current, "multiple exception types must be parenthesized")
                }
                if acceptKeyword("as") { name = try identifier("a name after 'as'") }
            }
            handlers.append(.init(type: type, name: name, body: try parseBlock(after: "'except' statement", line: except.line)))
        }
        var orElse: [PythonStmt]?
        var finally: [PythonStmt]?
        if !handlers.isEmpty, current.isKeyword("else") {
            let e = advance()
            orElse = try parseBlock(after: "'else' statement", line: e.line)
        }
        if current.isKeyword("finally") {
            let f = advance()
            finally = try parseBlock(after: "'finally' statement", line: f.line)
        }
        if handlers.isEmpty && finally == nil {
            throw failure(at: current, "expected 'except' or 'finally' block")
        }
        return PythonStmt(kind: .tryStatement(body: body, handlers: handlers, orElse: orElse, finally: finally), line: start.line, column: start.column)
    }

    /// `match subject:` NEWLINE INDENT `case` …; anything else leaves the tokens untouched.
    mutating func parseMatchIfPresent() throws -> PythonStmt? {
        let saved = (pos, previousEnd)
        let start = advance()
        func restore(_ parser: inout PythonParser) -> PythonStmt? {
            parser.pos = saved.0
            parser.previousEnd = saved.1
            return nil
        }
        guard startsExpression(current) || current.isOp("*") || current.isOp("-") else { return restore(&self) }
        guard let subject = try? parseStarExpressions(),
              current.isOp(":"), peek().kind == .newline, peek(2).kind == .indent, peek(3).isKeyword("case") else {
            return restore(&self)
        }
        advance()
        advance()
        advance()
        var cases: [PythonStmt.Branch] = []
        while current.isKeyword("case") {
            let caseToken = advance()
            var pattern = try parsePattern()
            if acceptKeyword("as") {
                _ = try identifier("a name after 'as'")
                pattern.text = sourceText(from: caseToken.end)
            }
            if acceptKeyword("if") { _ = try parseNamedExpression() }
            cases.append(.init(test: pattern, body: try parseBlock(after: "'case' statement", line: caseToken.line)))
        }
        guard current.kind == .dedent else { throw failure(at: current, "expected 'case' in the match statement on line \(start.line)") }
        advance()
        return PythonStmt(kind: .match(subject: subject, cases: cases), line: start.line, column: start.column)
    }

    /// `with (a as x, b as y,):` (Python 3.10+). Leaves the tokens untouched and throws when the
    /// parenthesis is an ordinary expression (`with (yield x):`, `with (a, b):`).
    mutating func parseParenthesizedWithItems() throws -> [PythonStmt.WithItem] {
        let saved = (pos, previousEnd)
        do {
            advance()
            var items: [PythonStmt.WithItem] = []
            var sawAs = false
            while !current.isOp(")") {
                let context = try parseExpression()
                var target: PythonExpr?
                if acceptKeyword("as") {
                    sawAs = true
                    target = try parseTargetList(stopAt: nil, single: true).first
                }
                items.append(.init(context: context, target: target))
                if !accept(",") { break }
            }
            try expect(")", "expected ')'")
            guard sawAs, current.isOp(":") else { throw PythonSyntaxError(line: 0, column: 0, message: "not parenthesized with-items") }
            return items
        } catch {
            pos = saved.0
            previousEnd = saved.1
            throw error
        }
    }

    /// A case pattern, read as an expression without the conditional form (`if` starts a guard).
    mutating func parsePattern() throws -> PythonExpr {
        let start = current
        var items: [PythonExpr] = []
        repeat {
            if current.isOp(":") || current.isKeyword("if") || current.isKeyword("as") { break }
            if current.isOp("*") {
                let star = advance()
                items.append(try Self.build(.starred(try parseBitOr()), star, self))
            } else {
                items.append(try parseOr())
            }
        } while accept(",")
        guard let first = items.first else { throw failure(at: current, "expected a pattern after 'case'") }
        return items.count == 1 ? first : try Self.build(.tuple(items), start, self)
    }

    mutating func parseWith(isAsync: Bool, start: PythonToken) throws -> PythonStmt {
        let withToken = advance()
        var items: [PythonStmt.WithItem] = []
        if current.isOp("("), let parenthesized = try? parseParenthesizedWithItems() {
            items = parenthesized
            let body = try parseBlock(after: "'with' statement", line: withToken.line)
            return PythonStmt(kind: .with(items: items, body: body, isAsync: isAsync), line: start.line, column: start.column)
        }
        repeat {
            let context = try parseExpression()
            var target: PythonExpr?
            if acceptKeyword("as") {
                let targets = try parseTargetList(stopAt: nil, single: true)
                target = targets.first
            }
            items.append(.init(context: context, target: target))
        } while accept(",")
        let body = try parseBlock(after: "'with' statement", line: withToken.line)
        return PythonStmt(kind: .with(items: items, body: body, isAsync: isAsync), line: start.line, column: start.column)
    }
}

extension PythonExpr.Kind {
    var isTuple: Bool {
        if case .tuple = self { return true }
        return false
    }

    /// How CPython names an expression in "cannot assign to …" messages.
    var description: String {
        switch self {
        case .call: "function call"
        case .string, .int, .float, .otherNumber, .bool, .none, .ellipsis: "literal"
        case .binary, .unary: "expression"
        case .boolean: "expression"
        case .compare: "comparison"
        case .conditional: "conditional expression"
        case .lambda: "lambda"
        case .dict: "dict literal"
        case .set: "set display"
        case .comprehension(let kind, _, _): kind
        case .await: "await expression"
        case .yield: "yield expression"
        case .namedExpression: "named expression"
        default: "expression"
        }
    }
}
