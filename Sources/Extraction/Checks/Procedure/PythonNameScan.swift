/// Reads a Python module's AST into ``CodeFacts``. Scoping is deliberately generous: a name bound
/// anywhere in the module (any function, class, comprehension or branch) counts as bound everywhere,
/// so only names nothing binds are reported — pyflakes' undefined-name without its ordering subtleties.
struct PythonNameScan {
    var facts = CodeFacts()
    /// The module-level function whose body is being read, if any.
    var function: String?
    /// Statement nesting bound; deeper code is not read (and the module is then not judged).
    static let maxDepth = 64

    static func scan(_ statements: [PythonStmt]) -> CodeFacts {
        var scan = PythonNameScan()
        scan.block(statements, depth: 0)
        return scan.facts
    }

    mutating func block(_ statements: [PythonStmt], depth: Int) {
        guard depth < Self.maxDepth else { facts.unscopable = true; return }
        for statement in statements { self.statement(statement, depth: depth + 1) }
    }

    mutating func statement(_ s: PythonStmt, depth: Int) {
        switch s.kind {
        case .expression(let e): expr(e)
        case .assign(let targets, let value):
            for target in targets { bind(target) }
            expr(value)
        case .augmentedAssign(let target, _, let value):
            bind(target)
            expr(value)
        case .annotatedAssign(let target, _, let value):
            bind(target)
            if let value { expr(value) }
        case .importModules(let names):
            for n in names {
                facts.bound.insert(n.alias ?? String(n.name.split(separator: ".").first ?? Substring(n.name)))
                facts.imports.append(.init(name: n.name, line: s.line, column: s.column))
            }
        case .importFrom(let module, let names):
            facts.imports.append(.init(name: module, line: s.line, column: s.column))
            for n in names {
                if n.name == "*" { facts.unscopable = true } else { facts.bound.insert(n.alias ?? n.name) }
            }
        case .with(let items, let body, _):
            for item in items {
                expr(item.context)
                if let target = item.target { bind(target) }
            }
            block(body, depth: depth)
        case .function(let name, let parameters, let body, let decorators, _):
            facts.bound.insert(name)
            decorators.forEach { expr($0) }
            for p in parameters {
                facts.bound.insert(String(p.name.drop(while: { $0 == "*" })))
                if let d = p.defaultValue { expr(d) }
            }
            if !decorators.isEmpty { facts.calledByFramework.insert(name) }
            let outer = function
            function = outer ?? name
            block(body, depth: depth)
            function = outer
        case .classDef(let name, let bases, let body, let decorators):
            facts.bound.insert(name)
            decorators.forEach { expr($0) }
            bases.forEach { expr($0.value) }
            block(body, depth: depth)
        case .ifStatement(let branches, let orElse):
            for b in branches { expr(b.test); block(b.body, depth: depth) }
            if let orElse { block(orElse, depth: depth) }
        case .forLoop(let target, let iterable, let body, let orElse, _):
            bind(target)
            expr(iterable)
            block(body, depth: depth)
            if let orElse { block(orElse, depth: depth) }
        case .whileLoop(let test, let body, let orElse):
            expr(test)
            block(body, depth: depth)
            if let orElse { block(orElse, depth: depth) }
        case .match(let subject, let cases):
            expr(subject)
            for c in cases {
                // Patterns capture names; their dotted values are not judged.
                bindPattern(c.test)
                block(c.body, depth: depth)
            }
        case .tryStatement(let body, let handlers, let orElse, let finally):
            block(body, depth: depth)
            for h in handlers {
                if let t = h.type { expr(t) }
                if let n = h.name { facts.bound.insert(n) }
                block(h.body, depth: depth)
            }
            if let orElse { block(orElse, depth: depth) }
            if let finally { block(finally, depth: depth) }
        case .returnStatement(let e): if let e { expr(e) }
        case .raise(let e, let cause):
            if let e { expr(e) }
            if let cause { expr(cause) }
        case .assert(let e, let message):
            expr(e)
            if let message { expr(message) }
        case .delete(let targets): targets.forEach { expr($0) }
        case .global(let names), .nonlocal(let names): names.forEach { facts.bound.insert($0) }
        case .pass, .breakStatement, .continueStatement: break
        }
    }

    /// An assignment target: names are bound; attribute and subscript targets read their object.
    mutating func bind(_ target: PythonExpr) {
        switch target.kind {
        case .name(let n): facts.bound.insert(n)
        case .tuple(let items), .list(let items): items.forEach { bind($0) }
        case .starred(let inner): bind(inner)
        case .subscription(let object, let key):
            if let name = environKey(object, key) { facts.envWrites.insert(name) }
            expr(object)
            expr(key)
        case .attribute(let object, _): expr(object)
        default: expr(target)
        }
    }

    mutating func bindPattern(_ pattern: PythonExpr) {
        var stack = [pattern]
        while let e = stack.popLast() {
            if case .name(let n) = e.kind { facts.bound.insert(n) }
            if case .attribute = e.kind { continue }
            stack += e.children
        }
    }

    /// Reads of an expression; the parser bounds its depth, so this recursion is bounded too.
    mutating func expr(_ e: PythonExpr, defaulted: Bool = false) {
        switch e.kind {
        case .name(let n):
            facts.reads.append(.init(name: n, line: e.line, column: e.column, function: function))
            if ["exec", "eval", "globals", "locals", "vars"].contains(n) { facts.unscopable = true }
        case .namedExpression(let n, let value):
            facts.bound.insert(n)
            expr(value)
        case .lambda(let parameters, let body):
            parameters.forEach { facts.bound.insert(String($0.drop(while: { $0 == "*" }))) }
            expr(body)
        case .comprehension(_, let element, let iterables):
            // The parser keeps no comprehension targets: the element and later iterables may read
            // them, so only the first iterable (read in the enclosing scope) is judged.
            bindWalrus(element)
            if let first = iterables.first { expr(first) }
        case .subscription(let object, let key):
            if let name = environKey(object, key) {
                facts.envReads.append(.init(name: name, line: e.line, column: e.column, hasDefault: defaulted, isHard: true))
            }
            expr(object)
            expr(key)
        case .call(let function, let arguments):
            if let name = getenvName(function, arguments) {
                facts.envReads.append(.init(name: name, line: e.line, column: e.column, hasDefault: defaulted || arguments.count > 1))
            }
            expr(function)
            arguments.forEach { expr($0.value) }
        case .attribute(let object, let name):
            if case .name("os") = object.kind, let meant = Self.osMisspelling(name) {
                facts.misspellings.append(.init(written: "os.\(name)", meant: "os.\(meant)", line: e.line, column: e.column))
            }
            expr(object)
        case .boolean("or", let left, let right):
            // `os.environ.get("X") or "default"`
            expr(left, defaulted: true)
            expr(right)
        default:
            e.children.forEach { expr($0) }
        }
    }

    mutating func bindWalrus(_ e: PythonExpr) {
        var stack = [e]
        while let next = stack.popLast() {
            if case .namedExpression(let n, _) = next.kind { facts.bound.insert(n) }
            stack += next.children
        }
    }

    /// `os.environ["X"]` / `environ["X"]` → X.
    func environKey(_ object: PythonExpr, _ key: PythonExpr) -> String? {
        guard isEnviron(object), case .string(let parts, false) = key.kind, parts.count == 1, case .text(let name) = parts[0] else { return nil }
        return name
    }

    func isEnviron(_ e: PythonExpr) -> Bool {
        if case .attribute(let base, "environ") = e.kind, case .name("os") = base.kind { return true }
        if case .name("environ") = e.kind { return true }
        return false
    }

    /// `os.getenv("X")`, `getenv("X")`, `os.environ.get("X")` → X.
    func getenvName(_ function: PythonExpr, _ arguments: [PythonArgument]) -> String? {
        guard let first = arguments.first, case .positional = first.kind,
              case .string(let parts, false) = first.value.kind, parts.count == 1, case .text(let name) = parts[0] else { return nil }
        switch function.kind {
        case .attribute(let base, "getenv"):
            if case .name("os") = base.kind { return name }
        case .name("getenv"):
            return name
        case .attribute(let base, "get"):
            if isEnviron(base) { return name }
        default:
            break
        }
        return nil
    }

    /// A member of `os` that isn't one and is one or two edits from `environ` / `getenv`.
    static func osMisspelling(_ name: String) -> String? {
        let real: Set<String> = ["environ", "getenv", "environb", "getenvb", "putenv", "unsetenv", "getcwd", "getpid", "path", "sep", "name", "linesep", "makedirs", "mkdir", "listdir", "remove", "rename"]
        guard !real.contains(name) else { return nil }
        for meant in ["environ", "getenv"] where EditDistance.between(name, meant) <= 2 && name.count >= 4 {
            return meant
        }
        return nil
    }
}
