import Core

extension PythonEvaluator {
    /// Evaluates an expression. `record` is false while evaluating the object of a longer
    /// attribute/subscript chain, so a response read is recorded once, for the whole chain.
    mutating func evaluate(_ e: PythonExpr, record: Bool = true) -> PythonValue {
        let value = evaluateUnrecorded(e)
        if record, case .response(let call, let path, _) = value, !path.isEmpty {
            switch e.kind {
            case .attribute, .subscription, .call: recordRead(call: call, path: path, at: e)
            default: break
            }
        }
        return value
    }

    mutating func recordRead(call: Int, path: [ResponsePathComponent], at e: PythonExpr) {
        let read = ResponseRead(call: call, path: ResponsePath.normalized(path), location: location(e.line, e.column))
        if !responseReads.contains(where: { $0.call == read.call && $0.path == read.path && $0.location.line == read.location.line }) {
            responseReads.append(read)
        }
    }

    private mutating func evaluateUnrecorded(_ e: PythonExpr) -> PythonValue {
        switch e.kind {
        case .name(let name): return lookup(name)
        case .string(let parts, _):
            var template: [TemplatePart] = []
            for part in parts {
                switch part {
                case .text(let s): template.append(.literal(s))
                case .expression(let x):
                    // Evaluate first: a non-mutating call would read `self` before its argument ran.
                    let value = evaluate(x)
                    template.append(contentsOf: snapshot(value).templateParts(fallback: x.text))
                }
            }
            return .symbolic(SymbolicValue.normalizedTemplate(template))
        case .int(let i): return .symbolic(.int(i))
        case .float(let d): return .symbolic(.double(d))
        case .bool(let b): return .symbolic(.bool(b))
        case .none: return .nothing
        case .otherNumber, .ellipsis, .lambda, .yield: return .unknown(e.text)
        case .list(let items), .set(let items):
            var values: [PythonValue] = []
            for item in items {
                if case .starred(let inner) = item.kind {
                    values.append(contentsOf: iterate(evaluate(inner), text: inner.text))
                } else {
                    values.append(evaluate(item))
                }
            }
            lists.append(values)
            return .list(lists.count - 1)
        case .tuple(let items):
            return .tuple(items.map { evaluate($0) })
        case .dict(let entries):
            var members: [String: PythonValue] = [:]
            for entry in entries {
                let value = evaluate(entry.value)
                if let keyExpr = entry.key {
                    let keyValue = evaluate(keyExpr)
                    members[key(keyValue, text: keyExpr.text)] = value
                } else if case .dict(let id) = value {
                    members.merge(dicts[id]) { _, new in new }
                }
            }
            dicts.append(members)
            return .dict(dicts.count - 1)
        case .attribute(let objectExpr, let name):
            return attribute(of: evaluate(objectExpr, record: false), name, e)
        case .subscription(let objectExpr, let indexExpr):
            let object = evaluate(objectExpr, record: false)
            return item(of: object, evaluate(indexExpr), e)
        case .slice(let a, let b, let c):
            for x in [a, b, c].compactMap({ $0 }) { _ = evaluate(x) }
            return .unknown(e.text)
        case .call(let callee, let arguments):
            return evaluateCall(e, callee: callee, arguments: arguments)
        case .unary(let op, let operand):
            let v = evaluate(operand)
            switch (op, v) {
            case ("not", _): return truth(v).map { .symbolic(.bool(!$0)) } ?? .unknown(e.text)
            case ("-", .symbolic(.int(let i))): return .symbolic(.int(-i))
            case ("-", .symbolic(.double(let d))): return .symbolic(.double(-d))
            case ("+", .symbolic(.int)), ("+", .symbolic(.double)): return v
            default: return .unknown(e.text)
            }
        case .binary(let op, let left, let right):
            return binary(op, evaluate(left), evaluate(right), text: e.text)
        case .boolean(let op, let left, let right):
            let l = evaluate(left)
            let t = truth(l)
            if op == "and" {
                if t == false { return l }
                let r = evaluate(right)
                return t == true ? r : .unknown(e.text)
            }
            if t == true { return l }
            let r = evaluate(right)
            if t == false { return r }
            // `os.getenv("X") or "default"`: the default is the variable's fallback.
            if case .symbolic(.placeholder(.environment(let name, nil))) = l, let fallback = r.stringValue {
                return .symbolic(.placeholder(.environment(name: name, fallback: fallback)))
            }
            return l
        case .compare(let left, let ops, let rights):
            let l = evaluate(left)
            let rs = rights.map { evaluate($0) }
            if ops.count == 1, let a = snapshot(l).jsonValue, let b = snapshot(rs[0]).jsonValue {
                switch ops[0] {
                case "==": return .symbolic(.bool(a == b))
                case "!=": return .symbolic(.bool(a != b))
                default: break
                }
            }
            return .unknown(e.text)
        case .conditional(let body, let test, let orElse):
            let condition = evaluate(test)
            switch truth(condition) {
            case false?: return evaluate(orElse)
            default: return evaluate(body)
            }
        case .comprehension(_, _, let iterables):
            // Only the iterables run in the enclosing scope; the element depends on loop variables.
            for x in iterables { _ = evaluate(x) }
            return .unknown(e.text)
        case .starred(let inner):
            return evaluate(inner)
        case .await(let inner):
            return evaluate(inner, record: false)
        case .namedExpression(let name, let valueExpr):
            let v = evaluate(valueExpr)
            bind(name, v)
            return v
        }
    }

    mutating func binary(_ op: String, _ l: PythonValue, _ r: PythonValue, text: String) -> PythonValue {
        switch (op, l, r) {
        case ("+", .symbolic(.int(let a)), .symbolic(.int(let b))): return .symbolic(.int(a &+ b))
        case ("+", .list(let a), .list(let b)):
            lists.append(lists[a] + lists[b])
            return .list(lists.count - 1)
        case ("+", .symbolic(let a), .symbolic(let b)):
            if isStringLike(a) && isStringLike(b) {
                return .symbolic(SymbolicValue.normalizedTemplate(a.templateParts(fallback: text) + b.templateParts(fallback: text)))
            }
            return .unknown(text)
        case ("/", .fileHandle, .symbolic(.string(let name))), ("/", .method(.fileHandle, _), .symbolic(.string(let name))):
            // `Path(__file__).parent / "speech.mp3"`: the file's name is what matters here.
            return .fileHandle(path: name, binary: true)
        case ("|", .dict(let a), .dict(let b)):
            dicts.append(dicts[a].merging(dicts[b]) { _, new in new })
            return .dict(dicts.count - 1)
        default:
            return .unknown(text)
        }
    }

    private func isStringLike(_ v: SymbolicValue) -> Bool {
        switch v {
        case .string, .template: return true
        case .placeholder(let p):
            if case .environment = p { return true }
            if case .credential = p { return true }
            return false
        default: return false
        }
    }

    mutating func attribute(of object: PythonValue, _ name: String, _ e: PythonExpr) -> PythonValue {
        switch object {
        // `openai.api_base` read back after `openai.api_base = …` (0.28 module settings).
        case .module("openai") where legacyOpenAI[name] != nil: return legacyOpenAI[name]!
        case .module(let m): return .module(m + "." + name)
        case .client(let i, let path): return .client(i, path + [name])
        case .response(let call, let path, let needsJSON):
            if needsJSON { return .method(object, name) }
            return .response(call: call, path: path + [.key(name)], needsJSON: false)
        case .accessToken:
            return name == "token" ? .symbolic(.placeholder(.credential(.bearerToken))) : .unknown(e.text)
        case .unknown, .function, .method, .tokenProvider:
            return .unknown(e.text)
        default:
            return .method(object, name)
        }
    }

    mutating func item(of object: PythonValue, _ index: PythonValue, _ e: PythonExpr) -> PythonValue {
        switch (object, index) {
        case (.module("os.environ"), .symbolic(.string(let name))):
            return .symbolic(.placeholder(.environment(name: name, fallback: nil)))
        case (.list(let id), .symbolic(.int(var i))):
            if i < 0 { i += lists[id].count }
            return lists[id].indices.contains(i) ? lists[id][i] : .unknown(e.text)
        case (.tuple(let items), .symbolic(.int(var i))):
            if i < 0 { i += items.count }
            return items.indices.contains(i) ? items[i] : .unknown(e.text)
        case (.dict(let id), _):
            return dicts[id][key(index, text: "")] ?? .unknown(e.text)
        case (.response(let call, let path, false), .symbolic(.string(let k))):
            return .response(call: call, path: path + [.key(k)], needsJSON: false)
        case (.response(let call, let path, false), .symbolic(.int(let i))):
            return .response(call: call, path: path + [.index(i)], needsJSON: false)
        case (.symbolic(.object(let members)), .symbolic(.string(let k))):
            return members[k].map { .symbolic($0) } ?? .unknown(e.text)
        default:
            return .unknown(e.text)
        }
    }
}
