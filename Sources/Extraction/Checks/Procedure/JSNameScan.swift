/// Reads a JavaScript / TypeScript program's AST into ``CodeFacts``, with the same generous scoping
/// as the Python scan: a name declared anywhere (`var`/`let`/`const`, functions — hoisted —, classes,
/// parameters, catch parameters, imports) counts as declared everywhere. ESLint's no-undef, minus
/// its block-scope subtleties; `typeof x` is never judged, as in ESLint's default.
struct JSNameScan {
    var facts = CodeFacts()
    static let maxDepth = 64

    static func scan(_ program: [JSStatement]) -> CodeFacts {
        var scan = JSNameScan()
        scan.statements(program, depth: 0)
        return scan.facts
    }

    mutating func statements(_ list: [JSStatement], depth: Int) {
        for s in list { statement(s, depth: depth + 1) }
    }

    mutating func statement(_ s: JSStatement, depth: Int) {
        guard depth < Self.maxDepth else { facts.unscopable = true; return }
        switch s.kind {
        case .variable(_, let declarators):
            for d in declarators {
                bind(d.pattern, depth: depth)
                if let initializer = d.initializer {
                    if isProcessEnv(initializer) { destructuredEnv(d.pattern, at: d.position) }
                    expr(initializer, depth: depth)
                }
            }
        case .expression(let e): expr(e, depth: depth)
        case .function(let f): function(f, depth: depth)
        case .classDeclaration(let name): facts.bound.insert(name)
        case .return(let e): if let e { expr(e, depth: depth) }
        case .if(let test, let then, let otherwise):
            expr(test, depth: depth)
            statement(then, depth: depth + 1)
            if let otherwise { statement(otherwise, depth: depth + 1) }
        case .block(let body): statements(body, depth: depth)
        case .import(let i):
            if !i.typeOnly { facts.imports.append(.init(name: i.module, line: s.position.line, column: s.position.column)) }
            [i.defaultName, i.namespaceName].compactMap { $0 }.forEach { facts.bound.insert($0) }
            i.named.forEach { facts.bound.insert($0.local) }
        case .exportList, .break, .continue, .empty: break
        case .exportDefault(let e): expr(e, depth: depth)
        case .try(let body, let param, let catchBody, let finally):
            statements(body, depth: depth)
            if let param { bind(param, depth: depth) }
            if let catchBody { statements(catchBody, depth: depth) }
            if let finally { statements(finally, depth: depth) }
        case .throw(let e): expr(e, depth: depth)
        case .loop(let head, let body):
            statements(head, depth: depth)
            statement(body, depth: depth + 1)
        case .forOf(let pattern, let e, let body):
            bind(pattern, depth: depth)
            expr(e, depth: depth)
            statement(body, depth: depth + 1)
        case .switch(let e, let cases):
            expr(e, depth: depth)
            for c in cases {
                if let test = c.test { expr(test, depth: depth) }
                statements(c.body, depth: depth)
            }
        case .typeDeclaration:
            // `enum`, `declare`, `namespace` may bind a value name the parser drops: bound by the
            // caller from the tokens (see ``JSDeclaredTypeNames``).
            break
        }
    }

    mutating func function(_ f: JSFunction, depth: Int) {
        if let name = f.name { facts.bound.insert(name) }
        f.params.forEach { bind($0, depth: depth) }
        if let rest = f.restParam { bind(rest, depth: depth) }
        switch f.body {
        case .block(let body): statements(body, depth: depth)
        case .expression(let e): expr(e, depth: depth)
        }
    }

    mutating func bind(_ pattern: JSPattern, depth: Int) {
        guard depth < Self.maxDepth else { facts.unscopable = true; return }
        switch pattern {
        case .identifier(let n): facts.bound.insert(n)
        case .object(let properties, let rest):
            for p in properties {
                if case .computed(let key) = p.key { expr(key, depth: depth) }
                bind(p.value, depth: depth + 1)
            }
            if let rest { facts.bound.insert(rest) }
        case .array(let items, let rest):
            items.compactMap { $0 }.forEach { bind($0, depth: depth + 1) }
            if let rest { bind(rest, depth: depth + 1) }
        case .withDefault(let inner, let value):
            bind(inner, depth: depth + 1)
            expr(value, depth: depth)
        case .expression(let e):
            if let name = envMember(e) { facts.envWrites.insert(name) }
            expr(e, depth: depth)
        }
    }

    static let literalWords: Set<String> = ["true", "false", "null", "new.target"]

    mutating func expr(_ e: JSExpr, depth: Int, defaulted: Bool = false) {
        guard depth < Self.maxDepth else { facts.unscopable = true; return }
        let d = depth + 1
        switch e.kind {
        case .identifier(let n):
            // The parser keeps `true`, `false`, `null` and the `new.target` meta-property as
            // identifiers: none is a name a program must bind.
            if Self.literalWords.contains(n) { break }
            facts.reads.append(.init(name: n, line: e.position.line, column: e.position.column))
            if n == "eval" { facts.unscopable = true }
        case .number, .string, .regex, .this: break
        case .template(_, let expressions): expressions.forEach { expr($0, depth: d) }
        case .taggedTemplate(let tag, _, let expressions):
            expr(tag, depth: d)
            expressions.forEach { expr($0, depth: d) }
        case .array(let items):
            for item in items {
                switch item {
                case .expression(let x), .spread(let x): expr(x, depth: d)
                case .hole: break
                }
            }
        case .object(let properties):
            for p in properties {
                switch p {
                case .value(let key, let value):
                    if case .computed(let k) = key { expr(k, depth: d) }
                    expr(value, depth: d)
                case .shorthand(let name, let position):
                    facts.reads.append(.init(name: name, line: position.line, column: position.column))
                case .spread(let x): expr(x, depth: d)
                case .method(let key, let f):
                    if case .computed(let k) = key { expr(k, depth: d) }
                    var inner = f
                    inner.name = nil
                    function(inner, depth: d)
                }
            }
        case .function(let f): function(f, depth: d)
        case .classValue(let name): if let name { facts.bound.insert(name) }
        case .unary(let op, let x):
            if op == "typeof", case .identifier = x.kind { break }
            expr(x, depth: d)
        case .update(_, let x): expr(x, depth: d)
        case .binary(_, let a, let b):
            expr(a, depth: d)
            expr(b, depth: d)
        case .logical(let op, let a, let b):
            expr(a, depth: d, defaulted: op == "||" || op == "??")
            expr(b, depth: d)
        case .conditional(let a, let b, let c):
            expr(a, depth: d, defaulted: true)
            expr(b, depth: d)
            expr(c, depth: d)
        case .assign(let op, let pattern, let value):
            // `x = …` on an undeclared x makes a global in sloppy scripts: counted as a declaration.
            if op == "=" { bind(pattern, depth: d) } else if case .identifier(let n) = pattern { facts.bound.insert(n) } else { bind(pattern, depth: d) }
            expr(value, depth: d)
        case .sequence(let list): list.forEach { expr($0, depth: d) }
        case .call(let callee, let arguments, _):
            if case .identifier(let name) = callee.kind, name == "require" || name == "import",
               case .expression(let first)? = arguments.first, case .string(let module) = first.kind {
                facts.imports.append(.init(name: module, line: first.position.line, column: first.position.column))
            }
            expr(callee, depth: d)
            for a in arguments {
                switch a {
                case .expression(let x), .spread(let x): expr(x, depth: d)
                }
            }
        case .new(let callee, let arguments):
            expr(callee, depth: d)
            for a in arguments {
                switch a {
                case .expression(let x), .spread(let x): expr(x, depth: d)
                }
            }
        case .member(let object, let name, _, let namePosition):
            if let env = envMember(e) {
                facts.envReads.append(.init(name: env, line: namePosition.line, column: namePosition.column, hasDefault: defaulted))
            }
            if case .identifier("process") = object.kind, !JavaScriptGlobals.processProperties.contains(name),
               EditDistance.between(name, "env") <= 2, name.count >= 2, name.count <= 5 {
                facts.misspellings.append(.init(written: "process.\(name)", meant: "process.env", line: namePosition.line, column: namePosition.column))
            }
            expr(object, depth: d)
        case .index(let object, let index, _):
            if let env = envMember(e) {
                facts.envReads.append(.init(name: env, line: e.position.line, column: e.position.column, hasDefault: defaulted))
            }
            expr(object, depth: d)
            expr(index, depth: d)
        case .await(let x): expr(x, depth: d)
        case .yield(let x): if let x { expr(x, depth: d) }
        }
    }

    func isProcessEnv(_ e: JSExpr) -> Bool {
        if case .member(let object, "env", _, _) = e.kind, case .identifier("process") = object.kind { return true }
        return false
    }

    /// `process.env.X` / `process.env["X"]` → X.
    func envMember(_ e: JSExpr) -> String? {
        switch e.kind {
        case .member(let object, let name, _, _) where isProcessEnv(object): return name
        case .index(let object, let index, _) where isProcessEnv(object):
            if case .string(let name) = index.kind { return name }
            return nil
        default: return nil
        }
    }

    /// `const { X, Y = "d" } = process.env`.
    mutating func destructuredEnv(_ pattern: JSPattern, at position: JSPosition) {
        guard case .object(let properties, _) = pattern else { return }
        for p in properties {
            guard case .name(let key) = p.key else { continue }
            var hasDefault = false
            if case .withDefault = p.value { hasDefault = true }
            facts.envReads.append(.init(name: key, line: position.line, column: position.column, hasDefault: hasDefault))
        }
    }
}

/// Value names TypeScript declarations bind that the parser drops (`enum Color`, `declare const x`,
/// `namespace N`), read from the tokens.
enum JSDeclaredTypeNames {
    static func names(in tokens: [JSToken]) -> Set<String> {
        var names = Set<String>()
        for (i, token) in tokens.enumerated() where i + 1 < tokens.count {
            guard let word = token.identifier else { continue }
            let next = tokens[i + 1]
            if ["enum", "namespace", "module"].contains(word), let name = next.identifier { names.insert(name) }
            if word == "declare", i + 2 < tokens.count, let kind = next.identifier,
               ["const", "let", "var", "function", "class", "enum", "namespace"].contains(kind), let name = tokens[i + 2].identifier {
                names.insert(name)
            }
        }
        return names
    }
}
