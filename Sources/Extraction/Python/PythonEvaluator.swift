import Core
import Quickstart

/// Runs a parsed sample abstractly: no I/O, no network. It tracks what each variable holds as far as
/// reading the code can tell, and records every HTTP call with its request snapshotted at the
/// moment it is sent, the files opened and the response fields read.
struct PythonEvaluator {
    struct Frame {
        var locals: [String: PythonValue] = [:]
        var globalNames: Set<String> = []
    }

    struct Function {
        var name: String
        var parameters: [PythonStmt.Parameter]
        var body: [PythonStmt]
        /// Functions defined at module level are run once at the end if nothing calls them.
        var topLevel: Bool
    }

    /// How a statement list ended.
    enum Flow: Equatable {
        case normal
        case returned(PythonValue)
        case breakLoop
        case continueLoop
        /// An exception, `sys.exit()` or the step budget: the rest does not run.
        case raised
    }

    let sample: CodeSample
    var lists: [[PythonValue]] = []
    var dicts: [[String: PythonValue]] = []
    var globals: [String: PythonValue] = ["__name__": .string("__main__")]
    var frames: [Frame] = []
    var clients: [OpenAIClientConfig] = []
    /// The sample opens a Realtime API WebSocket session (`client.realtime.connect`), which
    /// docverify does not read.
    var opensWebSocket = false
    /// Module-level settings of the `openai` 0.28 API (`openai.api_base = …`), by name.
    var legacyOpenAI: [String: PythonValue] = [:]
    var functions: [Function] = []
    var calledFunctions: Set<Int> = []
    var requests: [ExtractedRequest] = []
    var reads: [FileAccess] = []
    var writes: [FileAccess] = []
    var responseReads: [ResponseRead] = []
    var callsAPI = false
    /// The sample imports an HTTP or OpenAI library. With no request and no call on something
    /// docverify doesn't know (a client from an earlier sample), it only sets things up.
    var importsAPI = false
    /// An SDK-shaped method (`x.chat.completions.create`) was called on a value docverify could
    /// not follow: a client from an earlier sample, or a parameter.
    var callsUnknownMethod = false
    /// Calls the SDK itself refuses before sending anything (a pydantic class given to `create`),
    /// at code positions, with what the reader sees.
    var sdkRefusals: [(line: Int, column: Int, message: String)] = []
    private var depth = 0
    /// The functions being run, innermost last: a bound reached by recursion is no nesting.
    private var calling: [Int] = []
    /// The first of this evaluator's own depth bounds reached (`input-too-deep`).
    let depthHits = EvaluationDepth()
    /// How many calls deep functions are followed, and how deep values are converted.
    static let maxCallDepth = 16
    static let maxValueDepth = 64
    private var steps = 0
    private static let stepBudget = 20_000

    init(sample: CodeSample) {
        self.sample = sample
    }

    func location(_ line: Int, _ column: Int) -> SourceLocation {
        sample.markdownLocation(codeLine: line, codeColumn: column)
    }

    /// Runs the module, then every module-level function nothing called (samples often define
    /// `main()` and call it under a guard we may not follow).
    mutating func run(_ module: [PythonStmt]) {
        _ = execute(module)
        var progress = true
        while progress {
            progress = false
            for index in functions.indices where functions[index].topLevel && !calledFunctions.contains(index) {
                _ = callFunction(index, positional: [], keywords: [])
                progress = true
            }
        }
    }

    // MARK: Scopes

    func lookup(_ name: String) -> PythonValue {
        for frame in frames.reversed() {
            if let v = frame.locals[name] { return v }
        }
        if let v = globals[name] { return v }
        if Self.builtins.contains(name) { return .module(name) }
        // `os.getenv(…)` in a sample that forgot `import os` still names the environment variable
        // the reader sets: undefined-name reports the NameError, and the calls stay readable.
        if name == "os" { return .module("os") }
        return .unknown(name)
    }

    mutating func bind(_ name: String, _ value: PythonValue) {
        if frames.isEmpty || frames[frames.count - 1].globalNames.contains(name) {
            globals[name] = value
        } else {
            frames[frames.count - 1].locals[name] = value
        }
    }

    static let builtins: Set<String> = [
        "open", "print", "len", "str", "int", "float", "bool", "dict", "list", "tuple", "set", "input",
        "range", "enumerate", "isinstance", "type", "exit", "quit", "sorted", "min", "max", "sum", "any",
        "all", "zip", "map", "filter", "repr", "format", "round", "abs", "getattr", "hasattr", "iter", "next",
        "Exception", "ValueError", "KeyError", "RuntimeError", "TypeError", "super", "id", "bytes",
    ]

    // MARK: Statements

    mutating func execute(_ statements: [PythonStmt]) -> Flow {
        for statement in statements {
            let flow = execute(statement)
            if flow != .normal { return flow }
        }
        return .normal
    }

    mutating func execute(_ statement: PythonStmt) -> Flow {
        let outer = (depthHits.line, depthHits.column)
        (depthHits.line, depthHits.column) = (statement.line, statement.column)
        defer { (depthHits.line, depthHits.column) = outer }
        steps += 1
        if steps > Self.stepBudget { return .raised }
        switch statement.kind {
        case .expression(let e):
            if case .call(let callee, _) = e.kind, ["sys.exit", "exit", "quit", "os._exit"].contains(callee.text) {
                return .raised
            }
            _ = evaluate(e)
        case .assign(let targets, let value):
            let v = evaluate(value)
            for target in targets { assign(target, v) }
        case .augmentedAssign(let target, let op, let value):
            let current = evaluate(target, record: false)
            let v = evaluate(value)
            if op == "+=", case .list(let id) = current {
                lists[id].append(contentsOf: iterate(v, text: value.text))
            } else {
                assign(target, binary(String(op.dropLast()), current, v, text: target.text + " " + op + " " + value.text))
            }
        case .annotatedAssign(let target, _, let value):
            if let value { assign(target, evaluate(value)) }
        case .importModules(let names):
            for n in names {
                noteImport(n.name)
                if let alias = n.alias {
                    bind(alias, .module(n.name))
                } else {
                    let root = String(n.name.split(separator: ".").first ?? Substring(n.name))
                    bind(root, .module(root))
                }
            }
        case .importFrom(let module, let names):
            noteImport(module)
            for n in names where n.name != "*" {
                noteImport(module + "." + n.name)
                bind(n.alias ?? n.name, .module(module + "." + n.name))
            }
        case .with(let items, let body, _):
            for item in items {
                let v = evaluate(item.context)
                if let target = item.target { assign(target, v) }
            }
            return execute(body)
        case .function(let name, let parameters, let body, _, _):
            functions.append(Function(name: name, parameters: parameters, body: body, topLevel: frames.isEmpty))
            bind(name, .function(functions.count - 1))
        case .classDef(let name, let bases, let body, _):
            let isModel = bases.contains { base in
                switch evaluate(base.value, record: false) {
                case .module(let m): return m == "pydantic.BaseModel" || m.hasSuffix(".BaseModel")
                case .modelClass: return true
                default: return false
                }
            }
            if isModel {
                // Inherited fields are not read: a subclass's schema stays unknown.
                let inherits = bases.contains { if case .modelClass = evaluate($0.value, record: false) { true } else { false } }
                bind(name, .modelClass(name: name, schema: inherits ? nil : PydanticSchema.schema(name: name, body: body)))
            } else {
                bind(name, .unknown(name))
            }
        case .ifStatement(let branches, let orElse):
            for branch in branches {
                let condition = evaluate(branch.test)
                switch truth(condition) {
                case true?: return execute(branch.body)
                case false?: continue
                case nil:
                    // Unknown condition: follow the branch unless it only bails out (`raise`,
                    // `return`, `sys.exit()`), which is how samples guard missing settings.
                    if Self.bailsOut(branch.body) { continue }
                    return execute(branch.body)
                }
            }
            if let orElse { return execute(orElse) }
        case .forLoop(let target, let iterable, let body, let orElse, _):
            let items = iterate(evaluate(iterable), text: target.text)
            for item in items {
                assign(target, item)
                let flow = execute(body)
                if flow == .breakLoop { return .normal }
                if flow == .continueLoop { continue }
                if flow != .normal { return flow }
            }
            if let orElse { return execute(orElse) }
        case .whileLoop(let test, let body, let orElse):
            let condition = evaluate(test)
            if truth(condition) == false {
                if let orElse { return execute(orElse) }
                return .normal
            }
            // One pass: enough to see the calls a chat loop makes.
            let flow = execute(body)
            if flow == .breakLoop || flow == .continueLoop { return .normal }
            return flow
        case .match(let subject, let cases):
            _ = evaluate(subject)
            // Patterns are not matched; like an unknown `if`, follow the first case that does not bail out.
            if let chosen = cases.first(where: { !Self.bailsOut($0.body) }) { return execute(chosen.body) }
        case .tryStatement(let body, let handlers, let orElse, let finally):
            var flow = execute(body)
            if flow == .raised && !handlers.isEmpty { flow = .normal }
            else if flow == .normal, let orElse { flow = execute(orElse) }
            if let finally {
                let f = execute(finally)
                if f != .normal { return f }
            }
            return flow
        case .returnStatement(let e):
            return .returned(e.map { evaluate($0) } ?? .nothing)
        case .raise(let e, _):
            if let e { _ = evaluate(e) }
            return .raised
        case .assert(let test, _):
            _ = evaluate(test)
        case .delete:
            break
        case .global(let names):
            if !frames.isEmpty { frames[frames.count - 1].globalNames.formUnion(names) }
        case .nonlocal, .pass:
            break
        case .breakStatement:
            return .breakLoop
        case .continueStatement:
            return .continueLoop
        }
        return .normal
    }

    static func bailsOut(_ body: [PythonStmt]) -> Bool {
        guard let last = body.last else { return false }
        switch last.kind {
        // `break` / `continue` under an unknown test is how a chat loop leaves (`if text == "exit":
        // break`) or skips an empty turn: following it would never reach the loop's calls.
        case .raise, .returnStatement, .breakStatement, .continueStatement: return true
        case .expression(let e):
            if case .call(let callee, _) = e.kind { return ["sys.exit", "exit", "quit", "os._exit"].contains(callee.text) }
            return false
        default: return false
        }
    }

    mutating func noteImport(_ module: String) {
        let root = module.split(separator: ".").first.map(String.init) ?? module
        if ["openai", "requests", "httpx", "aiohttp"].contains(root) || module.hasPrefix("azure.ai")
            || module.hasPrefix("urllib.request") || module.hasPrefix("http.client") {
            importsAPI = true
        }
    }

    /// The items a `for` loop sees.
    mutating func iterate(_ value: PythonValue, text: String) -> [PythonValue] {
        switch value {
        case .list(let id): return Array(lists[id].prefix(100))
        case .tuple(let items): return items
        case .dict(let id): return dicts[id].keys.sorted().map { .string($0) }
        // A streamed response yields chunks with the same shape; a list page (`messages.list`)
        // yields its `data` items; an array field yields its elements.
        case .response(let call, let path, let needsJSON):
            if !path.isEmpty { return [.response(call: call, path: path + [.index(0)], needsJSON: needsJSON)] }
            if requests.indices.contains(call), SDKOperation.isListPage(requests[call]) {
                return [.response(call: call, path: [.key("data"), .index(0)], needsJSON: needsJSON)]
            }
            return [value]
        default: return [.unknown(text)]
        }
    }

    mutating func assign(_ target: PythonExpr, _ value: PythonValue) {
        switch target.kind {
        case .name(let name):
            bind(name, value)
        case .tuple(let targets), .list(let targets):
            let items: [PythonValue]
            switch value {
            case .tuple(let t): items = t
            case .list(let id): items = lists[id]
            default: items = []
            }
            for (i, t) in targets.enumerated() {
                assign(t, i < items.count && items.count == targets.count ? items[i] : .unknown(t.text))
            }
        case .subscription(let objectExpr, let indexExpr):
            let object = evaluate(objectExpr, record: false)
            let index = evaluate(indexExpr)
            switch object {
            case .dict(let id):
                dicts[id][key(index, text: indexExpr.text)] = value
            case .list(let id):
                if case .symbolic(.int(var i)) = index {
                    if i < 0 { i += lists[id].count }
                    if lists[id].indices.contains(i) { lists[id][i] = value }
                }
            default: break
            }
        case .starred(let inner):
            assign(inner, value)
        case .attribute(let objectExpr, let name):
            // `openai.api_base = …`: the 0.28 module API's settings; other attribute targets do
            // not affect requests we can follow.
            if case .module("openai") = evaluate(objectExpr, record: false) { legacyOpenAI[name] = value }
        default:
            break
        }
    }

    func key(_ value: PythonValue, text: String) -> String {
        switch value {
        case .symbolic(.string(let s)): return s
        case .symbolic(.int(let i)): return String(i)
        default: return text
        }
    }

    // MARK: Functions

    mutating func callFunction(_ index: Int, positional: [PythonValue], keywords: [(String, PythonValue)]) -> PythonValue {
        calledFunctions.insert(index)
        guard depth < Self.maxCallDepth else {
            if !calling.contains(index), Set(calling).count == calling.count { depthHits.record("call chain", bound: Self.maxCallDepth) }
            return .unknown(functions[index].name + "()")
        }
        let function = functions[index]
        var frame = Frame()
        var rest = positional
        for parameter in function.parameters {
            if parameter.name.hasPrefix("**") {
                frame.locals[String(parameter.name.dropFirst(2))] = .unknown(parameter.name)
            } else if parameter.name.hasPrefix("*") {
                frame.locals[String(parameter.name.dropFirst())] = .tuple(rest)
                rest = []
            } else if !rest.isEmpty {
                frame.locals[parameter.name] = rest.removeFirst()
            } else if let kw = keywords.first(where: { $0.0 == parameter.name }) {
                frame.locals[parameter.name] = kw.1
            } else if let d = parameter.defaultValue {
                frame.locals[parameter.name] = evaluate(d)
            } else {
                frame.locals[parameter.name] = .unknown(parameter.name)
            }
        }
        frames.append(frame)
        depth += 1
        calling.append(index)
        let flow = execute(function.body)
        calling.removeLast()
        depth -= 1
        frames.removeLast()
        if case .returned(let v) = flow { return v }
        return .nothing
    }

    // MARK: Snapshots

    /// The value as it is now, heap references resolved: what a request carries at send time.
    func snapshot(_ value: PythonValue) -> SymbolicValue {
        snapshot(value, inside: [])
    }

    /// `inside` holds the heap containers being converted ("l3", "d0"): a list that contains
    /// itself ends in a placeholder, and only a value nested deeper than the bound without such a
    /// cycle is reported.
    private func snapshot(_ value: PythonValue, inside: [String]) -> SymbolicValue {
        func key(_ value: PythonValue) -> String? {
            switch value {
            case .list(let id): "l\(id)"
            case .dict(let id): "d\(id)"
            default: nil
            }
        }
        if let key = key(value), inside.contains(key) { return .placeholder(.unknown("recursive value")) }
        guard inside.count < Self.maxValueDepth else {
            depthHits.record("value", bound: Self.maxValueDepth)
            return .placeholder(.unknown("deeply nested value"))
        }
        let deeper = inside + [key(value) ?? "t"]
        switch value {
        case .symbolic(let s): return s
        case .list(let id): return .array(lists[id].map { snapshot($0, inside: deeper) })
        case .tuple(let items): return .array(items.map { snapshot($0, inside: deeper) })
        case .dict(let id): return .object(dicts[id].mapValues { snapshot($0, inside: deeper) })
        case .fileContent(let path, let encoding): return .placeholder(.file(path: path, encoding: encoding))
        case .response(let call, let path, _): return .placeholder(.response(call: call, path: ResponsePath.normalized(path)))
        case .tokenProvider, .accessToken: return .placeholder(.credential(.bearerToken))
        case .credential: return .placeholder(.unknown("credential"))
        case .module(let name): return .placeholder(.unknown(name))
        case .method(_, let name): return .placeholder(.unknown(name))
        case .client: return .placeholder(.unknown("client"))
        case .fileHandle(let path, _): return .placeholder(.unknown("open(\(path))"))
        case .function(let i): return .placeholder(.unknown(functions[i].name))
        case .unknown(let text): return .placeholder(.unknown(text))
        case .modelClass(let name, _): return .placeholder(.unknown(name))
        case .jsonText(let inner):
            // The same text JSON.stringify gives, so pivots compare equal; with run-time parts the
            // text is unknown but still a string.
            if let json = snapshot(inner, inside: deeper).jsonValue { return .string(json.serialized()) }
            return .placeholder(.unknown("json.dumps(…)"))
        }
    }

    func truth(_ value: PythonValue) -> Bool? {
        switch value {
        case .symbolic(.bool(let b)): return b
        case .symbolic(.null): return false
        case .symbolic(.string(let s)): return !s.isEmpty
        case .symbolic(.int(let i)): return i != 0
        case .list(let id): return !lists[id].isEmpty
        case .dict(let id): return !dicts[id].isEmpty
        case .tuple(let t): return !t.isEmpty
        case .module, .client, .function, .credential, .tokenProvider, .fileHandle: return true
        default: return nil
        }
    }
}
