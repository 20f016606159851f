/// An argument in a call: positional, `name=value`, `*iterable` or `**mapping`.
struct PythonArgument: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case positional
        case keyword(String)
        case star
        case doubleStar
    }
    var kind: Kind
    var value: PythonExpr
}

/// A dict display entry; `key == nil` is a `**mapping` spread.
struct PythonDictEntry: Hashable, Sendable {
    var key: PythonExpr?
    var value: PythonExpr
}

/// A piece of a (possibly implicitly concatenated, possibly formatted) string literal.
enum PythonStringPart: Hashable, Sendable {
    case text(String)
    case expression(PythonExpr)
}

/// An expression node with its code position and source text (kept for `.unknown(text)`).
struct PythonExpr: Hashable, Sendable {
    indirect enum Kind: Hashable, Sendable {
        case name(String)
        case string([PythonStringPart], isBytes: Bool)
        case int(Int)
        case float(Double)
        /// Numbers we do not model (complex, out-of-range integers), by their source text.
        case otherNumber(String)
        case bool(Bool)
        case none
        case ellipsis
        case list([PythonExpr])
        case tuple([PythonExpr])
        case set([PythonExpr])
        case dict([PythonDictEntry])
        case attribute(PythonExpr, String)
        case subscription(PythonExpr, PythonExpr)
        case slice(PythonExpr?, PythonExpr?, PythonExpr?)
        case call(PythonExpr, [PythonArgument])
        case unary(String, PythonExpr)
        case binary(String, PythonExpr, PythonExpr)
        case boolean(String, PythonExpr, PythonExpr)
        case compare(PythonExpr, [String], [PythonExpr])
        case conditional(body: PythonExpr, test: PythonExpr, orElse: PythonExpr)
        case lambda(parameters: [String], body: PythonExpr)
        /// List/set/dict comprehensions and generator expressions, kept shallow: the element
        /// expression(s) and the iterables.
        case comprehension(kind: String, element: PythonExpr, iterables: [PythonExpr])
        case starred(PythonExpr)
        case await(PythonExpr)
        case yield(PythonExpr?)
        case namedExpression(String, PythonExpr)
    }

    var kind: Kind
    var line: Int
    var column: Int
    var text: String
    /// Height of the tree below this node; the parser bounds it so evaluation cannot overflow the stack.
    var depth: Int = 1

    /// The greatest ``depth`` of ``children`` (0 for a leaf), read without building the array:
    /// the parser asks it for every node it builds.
    var maxChildDepth: Int {
        func most(_ items: [PythonExpr]) -> Int {
            var m = 0
            for item in items where item.depth > m { m = item.depth }
            return m
        }
        switch kind {
        case .name, .int, .float, .otherNumber, .bool, .none, .ellipsis: return 0
        case .string(let parts, _):
            var m = 0
            for case .expression(let e) in parts where e.depth > m { m = e.depth }
            return m
        case .list(let items), .tuple(let items), .set(let items): return most(items)
        case .dict(let entries):
            var m = 0
            for entry in entries { m = max(m, entry.key?.depth ?? 0, entry.value.depth) }
            return m
        case .attribute(let e, _), .starred(let e), .await(let e), .unary(_, let e), .namedExpression(_, let e): return e.depth
        case .subscription(let a, let b), .binary(_, let a, let b), .boolean(_, let a, let b): return max(a.depth, b.depth)
        case .slice(let a, let b, let c): return max(a?.depth ?? 0, b?.depth ?? 0, c?.depth ?? 0)
        case .call(let f, let arguments):
            var m = f.depth
            for argument in arguments where argument.value.depth > m { m = argument.value.depth }
            return m
        case .compare(let l, _, let rs): return max(l.depth, most(rs))
        case .conditional(let a, let b, let c): return max(a.depth, b.depth, c.depth)
        case .lambda(_, let body): return body.depth
        case .comprehension(_, let element, let iterables): return max(element.depth, most(iterables))
        case .yield(let e): return e?.depth ?? 0
        }
    }

    var children: [PythonExpr] {
        switch kind {
        case .name, .int, .float, .otherNumber, .bool, .none, .ellipsis: return []
        case .string(let parts, _): return parts.compactMap { if case .expression(let e) = $0 { e } else { nil } }
        case .list(let items), .tuple(let items), .set(let items): return items
        case .dict(let entries): return entries.flatMap { [$0.key, $0.value].compactMap { $0 } }
        case .attribute(let e, _), .starred(let e), .await(let e), .unary(_, let e), .namedExpression(_, let e): return [e]
        case .subscription(let a, let b), .binary(_, let a, let b), .boolean(_, let a, let b): return [a, b]
        case .slice(let a, let b, let c): return [a, b, c].compactMap { $0 }
        case .call(let f, let arguments): return [f] + arguments.map(\.value)
        case .compare(let l, _, let rs): return [l] + rs
        case .conditional(let a, let b, let c): return [a, b, c]
        case .lambda(_, let body): return [body]
        case .comprehension(_, let element, let iterables): return [element] + iterables
        case .yield(let e): return e.map { [$0] } ?? []
        }
    }
}

/// A statement node with its code position.
struct PythonStmt: Hashable, Sendable {
    struct ImportName: Hashable, Sendable {
        var name: String
        var alias: String?
    }
    struct WithItem: Hashable, Sendable {
        var context: PythonExpr
        var target: PythonExpr?
    }
    struct Branch: Hashable, Sendable {
        var test: PythonExpr
        var body: [PythonStmt]
    }
    struct Handler: Hashable, Sendable {
        var type: PythonExpr?
        var name: String?
        var body: [PythonStmt]
    }
    struct Parameter: Hashable, Sendable {
        var name: String
        var defaultValue: PythonExpr?
    }

    indirect enum Kind: Hashable, Sendable {
        case expression(PythonExpr)
        case assign(targets: [PythonExpr], value: PythonExpr)
        case augmentedAssign(target: PythonExpr, op: String, value: PythonExpr)
        case annotatedAssign(target: PythonExpr, annotation: PythonExpr, value: PythonExpr?)
        case importModules([ImportName])
        case importFrom(module: String, names: [ImportName])
        case with(items: [WithItem], body: [PythonStmt], isAsync: Bool)
        case function(name: String, parameters: [Parameter], body: [PythonStmt], decorators: [PythonExpr], isAsync: Bool)
        case classDef(name: String, bases: [PythonArgument], body: [PythonStmt], decorators: [PythonExpr])
        case ifStatement(branches: [Branch], orElse: [PythonStmt]?)
        case forLoop(target: PythonExpr, iterable: PythonExpr, body: [PythonStmt], orElse: [PythonStmt]?, isAsync: Bool)
        case whileLoop(test: PythonExpr, body: [PythonStmt], orElse: [PythonStmt]?)
        /// `match subject:` with its `case` blocks; each branch's test is the pattern, read as an
        /// expression (`as` captures and guards are parsed and dropped).
        case match(subject: PythonExpr, cases: [Branch])
        case tryStatement(body: [PythonStmt], handlers: [Handler], orElse: [PythonStmt]?, finally: [PythonStmt]?)
        case returnStatement(PythonExpr?)
        case raise(PythonExpr?, cause: PythonExpr?)
        case assert(PythonExpr, message: PythonExpr?)
        case delete([PythonExpr])
        case global([String])
        case nonlocal([String])
        case pass
        case breakStatement
        case continueStatement
    }

    var kind: Kind
    var line: Int
    var column: Int
}
