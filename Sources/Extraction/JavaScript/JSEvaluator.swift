import Core
import Quickstart

/// Runs a parsed sample abstractly: values that only exist at run time become placeholders,
/// library calls that send HTTP requests become ``ExtractedRequest``s. Functions run when they
/// are called (`main()` at the bottom of a sample); a top-level function nobody calls runs once
/// at the end so its requests are not lost.
struct JSEvaluator {
    /// The longest array an index write may grow (evaluated samples build small values).
    static let maxArrayLength = 100_000
    struct Scope {
        var variables: [String: JSValue] = [:]
        var parent: Int?
    }

    struct Closure {
        var function: JSFunction
        var scope: Int
    }

    enum Completion {
        case normal
        case returned(JSValue)
        case brokeOut
    }

    let sample: CodeSample
    var scopes: [Scope] = [Scope()]
    var arrays: [[JSValue]] = []
    var objects: [[String: JSValue]] = []
    var closures: [Closure] = []
    var calledClosures: Set<Int> = []
    var callStack: [Int] = []
    var configs: [OpenAIClientConfig] = []
    /// Options objects of plain `OpenAI` clients (by config index), for `baseURL` / `defaultQuery`
    /// / `defaultHeaders`.
    var plainClientOptions: [Int: Int] = [:]
    /// Clients of the retired `@azure/openai` 1.0 beta SDK (indexes into `configs`).
    var legacyClients: Set<Int> = []
    /// Calls made with axios, whose response body sits under `data`.
    var axiosCalls: Set<Int> = []

    var requests: [ExtractedRequest] = []
    var reads: [FileAccess] = []
    var writes: [FileAccess] = []
    var responseReads: [ResponseRead] = []
    /// Set when the code reaches an API entry point (an OpenAI client, `fetch`).
    var usedAPI = false
    /// The first of this evaluator's own depth bounds reached (`input-too-deep`).
    let depth = EvaluationDepth()
    /// How deep values are converted and calls followed (the parser allows deeper nesting).
    static let maxDepth = 32

    init(sample: CodeSample) {
        self.sample = sample
    }

    func location(_ position: JSPosition) -> SourceLocation {
        sample.markdownLocation(codeLine: position.line, codeColumn: position.column)
    }

    // MARK: - Program

    mutating func run(_ program: [JSStatement]) {
        _ = execute(program, in: 0)
        // Functions declared at the top level but never called still describe what the sample does.
        for statement in program {
            guard case .function(let f) = statement.kind, let name = f.name,
                  case .function(let id)? = scopes[0].variables[name], !calledClosures.contains(id) else { continue }
            _ = callClosure(id, arguments: [])
        }
    }

    // MARK: - Scopes and heap

    mutating func newScope(parent: Int) -> Int {
        scopes.append(Scope(parent: parent))
        return scopes.count - 1
    }

    func lookup(_ name: String, in scope: Int) -> JSValue? {
        var s: Int? = scope
        while let id = s {
            if let v = scopes[id].variables[name] { return v }
            s = scopes[id].parent
        }
        return nil
    }

    mutating func declare(_ name: String, _ value: JSValue, in scope: Int) {
        scopes[scope].variables[name] = value
    }

    /// Assigns to the nearest scope that declares `name` (or the global scope, as sloppy JS does).
    mutating func assign(_ name: String, _ value: JSValue, in scope: Int) {
        var s: Int? = scope
        while let id = s {
            if scopes[id].variables[name] != nil {
                scopes[id].variables[name] = value
                return
            }
            s = scopes[id].parent
        }
        scopes[0].variables[name] = value
    }

    mutating func newArray(_ items: [JSValue]) -> JSValue {
        arrays.append(items)
        return .array(arrays.count - 1)
    }

    mutating func newObject(_ members: [String: JSValue]) -> JSValue {
        objects.append(members)
        return .object(objects.count - 1)
    }

    // MARK: - Statements

    mutating func execute(_ statements: [JSStatement], in scope: Int) -> Completion {
        // Function declarations are hoisted: `main()` may be called above its definition.
        for statement in statements {
            if case .function(let f) = statement.kind, let name = f.name {
                closures.append(Closure(function: f, scope: scope))
                declare(name, .function(closures.count - 1), in: scope)
            }
        }
        for statement in statements {
            let completion = execute(statement, in: scope)
            if case .normal = completion { continue }
            return completion
        }
        return .normal
    }

    mutating func execute(_ statement: JSStatement, in scope: Int) -> Completion {
        let outer = (depth.line, depth.column)
        (depth.line, depth.column) = (statement.position.line, statement.position.column)
        defer { (depth.line, depth.column) = outer }
        switch statement.kind {
        case .variable(_, let declarators):
            for d in declarators {
                let value = d.initializer.map { evaluate($0, in: scope) } ?? .undefined
                bind(d.pattern, to: value, in: scope, declaring: true)
            }
        case .expression(let e):
            _ = evaluate(e, in: scope)
        case .function:
            break  // hoisted
        case .classDeclaration(let name):
            if !name.isEmpty { declare(name, .opaque("class \(name)"), in: scope) }
        case .return(let e):
            return .returned(e.map { evaluate($0, in: scope) } ?? .undefined)
        case .if(let test, let consequent, let alternate):
            let truth = truthiness(evaluate(test, in: scope))
            if truth.isTruthy {
                return execute(consequent, in: newScope(parent: scope))
            } else if let alternate {
                return execute(alternate, in: newScope(parent: scope))
            }
        case .block(let body):
            return execute(body, in: newScope(parent: scope))
        case .import(let decl):
            guard !decl.typeOnly else { break }
            let module = Self.moduleName(decl.module)
            if Self.isAPIModule(module) { usedAPI = true }
            if let d = decl.defaultName { declare(d, .host(module + ".default"), in: scope) }
            if let ns = decl.namespaceName { declare(ns, .host(module), in: scope) }
            for spec in decl.named { declare(spec.local, .host(module + "." + spec.imported), in: scope) }
        case .exportList, .typeDeclaration, .empty, .continue:
            break
        case .break:
            return .brokeOut
        case .exportDefault(let e):
            _ = evaluate(e, in: scope)
        case .try(let body, _, _, let finalizer):
            // The happy path: the handler only runs when something failed.
            let completion = execute(body, in: newScope(parent: scope))
            if let finalizer { _ = execute(finalizer, in: newScope(parent: scope)) }
            if case .returned = completion { return completion }
        case .throw(let e):
            _ = evaluate(e, in: scope)
        case .loop(let head, let body):
            let loopScope = newScope(parent: scope)
            for h in head { _ = execute(h, in: loopScope) }
            if case .returned(let v) = execute(body, in: newScope(parent: loopScope)) { return .returned(v) }
        case .forOf(let pattern, let iterable, let body):
            let loopScope = newScope(parent: scope)
            let collection = evaluate(iterable, in: scope)
            var element: JSValue = .opaque("element")
            if case .array(let id) = collection, let first = arrays[id].first { element = first }
            // A streamed response yields chunks with the response's own fields; an array field
            // yields its elements.
            if case .response(let call, let path) = collection {
                element = .response(call: call, path: path.isEmpty ? path : path + [.index(0)])
                if path.isEmpty, requests.indices.contains(call), SDKOperation.isListPage(requests[call]) {
                    element = .response(call: call, path: [.key("data"), .index(0)])
                }
            }
            bind(pattern, to: element, in: loopScope, declaring: true)
            if case .returned(let v) = execute(body, in: newScope(parent: loopScope)) { return .returned(v) }
        case .switch(let discriminant, _):
            _ = evaluate(discriminant, in: scope)
        }
        return .normal
    }

    /// Binds a declaration or assignment pattern to a value (destructuring included).
    mutating func bind(_ pattern: JSPattern, to value: JSValue, in scope: Int, declaring: Bool) {
        switch pattern {
        case .identifier(let name):
            if declaring { declare(name, value, in: scope) } else { assign(name, value, in: scope) }
        case .withDefault(let inner, let fallback):
            var v = value
            if case .undefined = value { v = evaluate(fallback, in: scope) }
            bind(inner, to: v, in: scope, declaring: declaring)
        case .object(let properties, let rest):
            for p in properties {
                let key: String
                switch p.key {
                case .name(let n): key = n
                case .computed(let e):
                    guard let k = propertyKey(evaluate(e, in: scope)) else { continue }
                    key = k
                }
                bind(p.value, to: member(of: value, key), in: scope, declaring: declaring)
            }
            if let rest {
                var remaining: [String: JSValue] = [:]
                if case .object(let id) = value {
                    let taken = Set(properties.compactMap { if case .name(let n) = $0.key { return n } else { return nil } })
                    remaining = objects[id].filter { !taken.contains($0.key) }
                }
                let restValue = newObject(remaining)
                if declaring { declare(rest, restValue, in: scope) } else { assign(rest, restValue, in: scope) }
            }
        case .array(let elements, let rest):
            for (i, element) in elements.enumerated() {
                guard let element else { continue }
                bind(element, to: indexed(value, i), in: scope, declaring: declaring)
            }
            if let rest {
                var remaining: [JSValue] = []
                if case .array(let id) = value { remaining = Array(arrays[id].dropFirst(elements.count)) }
                bind(rest, to: newArray(remaining), in: scope, declaring: declaring)
            }
        case .expression(let target):
            assign(to: target, value, in: scope)
        }
    }

    // MARK: - Calls

    mutating func callClosure(_ id: Int, arguments: [JSValue]) -> JSValue {
        // Recursion is never how a sample sends its requests; one level is enough, and says nothing.
        guard !callStack.contains(id) else { return .opaque("recursive call") }
        guard callStack.count < Self.maxDepth else {
            depth.record("call chain", bound: Self.maxDepth)
            return .opaque("calls nested too deeply")
        }
        calledClosures.insert(id)
        callStack.append(id)
        defer { callStack.removeLast() }
        let closure = closures[id]
        let scope = newScope(parent: closure.scope)
        let f = closure.function
        for (i, p) in f.params.enumerated() {
            bind(p, to: i < arguments.count ? arguments[i] : .undefined, in: scope, declaring: true)
        }
        if let rest = f.restParam {
            bind(rest, to: newArray(Array(arguments.dropFirst(f.params.count))), in: scope, declaring: true)
        }
        switch f.body {
        case .expression(let e):
            return evaluate(e, in: scope)
        case .block(let body):
            if case .returned(let v) = execute(body, in: scope) { return v }
            return .undefined
        }
    }

    func truthiness(_ value: JSValue) -> JSTruth {
        switch value {
        case .undefined, .null: return .no
        case .bool(let b): return b ? .yes : .no
        case .number(let d): return d == 0 || d.isNaN ? .no : .yes
        case .string(let s): return s.isEmpty ? .no : .yes
        case .array, .object, .function, .host, .client, .fileBytes, .httpResponse, .responseBytes, .upload: return .yes
        case .template, .placeholder, .response, .jsonText, .opaque: return .assumedYes
        }
    }
}
