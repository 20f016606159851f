import Core

extension JSEvaluator {
    static let globals: [String: JSValue] = [
        "process": .host("process"), "Buffer": .host("Buffer"), "JSON": .host("JSON"), "console": .host("console"),
        "fetch": .host("fetch"), "require": .host("require"), "module": .host("module"), "exports": .host("exports"),
        "Promise": .host("Promise"), "Object": .host("Object"), "Array": .host("Array"), "Math": .host("Math"),
        "Headers": .host("Headers"), "FormData": .host("FormData"), "Blob": .host("Blob"), "File": .host("File"), "URL": .host("URL"), "undefined": .undefined, "NaN": .number(.nan),
        "Infinity": .number(.infinity), "true": .bool(true), "false": .bool(false), "null": .null,
        "globalThis": .host("globalThis"), "setTimeout": .host("setTimeout"),
    ]

    mutating func evaluate(_ expression: JSExpr, in scope: Int) -> JSValue {
        switch expression.kind {
        case .identifier(let name):
            if let v = lookup(name, in: scope) { return v }
            return Self.globals[name] ?? .opaque(name)
        case .number(let d): return .number(d)
        case .string(let s): return .string(s)
        case .regex(let r): return .opaque("/\(r)/")
        case .this: return .opaque("this")
        case .template(let quasis, let expressions):
            var parts: [TemplatePart] = []
            for (i, q) in quasis.enumerated() {
                parts.append(.literal(q))
                if i < expressions.count { parts += templateParts(evaluate(expressions[i], in: scope)) }
            }
            return Self.stringValue(parts)
        case .taggedTemplate(_, _, let expressions):
            for e in expressions { _ = evaluate(e, in: scope) }
            return .opaque("tagged template")
        case .array(let elements):
            var items: [JSValue] = []
            for element in elements {
                switch element {
                case .expression(let e): items.append(evaluate(e, in: scope))
                case .spread(let e):
                    if case .array(let id) = evaluate(e, in: scope) { items += arrays[id] }
                case .hole: items.append(.undefined)
                }
            }
            return newArray(items)
        case .object(let properties):
            var members: [String: JSValue] = [:]
            for property in properties {
                switch property {
                case .value(let key, let e):
                    guard let k = keyName(key, in: scope) else { _ = evaluate(e, in: scope); continue }
                    members[k] = evaluate(e, in: scope)
                case .shorthand(let name, _):
                    members[name] = lookup(name, in: scope) ?? Self.globals[name] ?? .opaque(name)
                case .spread(let e):
                    if case .object(let id) = evaluate(e, in: scope) {
                        members.merge(objects[id]) { _, new in new }
                    }
                case .method(let key, let f):
                    closures.append(Closure(function: f, scope: scope))
                    if let k = keyName(key, in: scope) { members[k] = .function(closures.count - 1) }
                }
            }
            return newObject(members)
        case .function(let f):
            closures.append(Closure(function: f, scope: scope))
            let value = JSValue.function(closures.count - 1)
            // A named function expression sees itself; arrows assigned to names are found by lookup.
            return value
        case .classValue(let name):
            return .opaque("class \(name ?? "")")
        case .unary(let op, let operand):
            let v = evaluate(operand, in: scope)
            switch op {
            case "!":
                // `!response.ok` on the happy path is false: the error branch is not taken.
                return .bool(truthiness(v).negated.isTruthy)
            case "-": if case .number(let d) = v { return .number(-d) }
            case "+": if case .number(let d) = v { return .number(d) }
            case "void": return .undefined
            case "typeof":
                switch v {
                case .string, .template: return .string("string")
                case .number: return .string("number")
                case .undefined: return .string("undefined")
                case .function: return .string("function")
                default: return .opaque("typeof")
                }
            default: break
            }
            return .opaque("\(op)\(describe(v))")
        case .update(_, let operand):
            _ = evaluate(operand, in: scope)
            return .opaque("update")
        case .binary(let op, let l, let r):
            return binary(op, evaluate(l, in: scope), evaluate(r, in: scope))
        case .logical(let op, let l, let r):
            return logical(op, l, r, in: scope)
        case .conditional(let test, let consequent, let alternate):
            let truth = truthiness(evaluate(test, in: scope))
            return evaluate(truth.isTruthy ? consequent : alternate, in: scope)
        case .assign(let op, let target, let valueExpression):
            var value = evaluate(valueExpression, in: scope)
            if op != "=" {
                let old: JSValue
                if case .identifier(let n) = target { old = lookup(n, in: scope) ?? .undefined } else if case .expression(let e) = target { old = evaluate(e, in: scope) } else { old = .undefined }
                switch op {
                case "+=": value = binary("+", old, value)
                case "??=": if case .undefined = old {} else if case .null = old {} else { value = old }
                case "||=": if truthiness(old).isTruthy { value = old }
                case "&&=": if !truthiness(old).isTruthy { value = old }
                default: value = .opaque("compound assignment")
                }
            }
            bind(target, to: value, in: scope, declaring: false)
            return value
        case .sequence(let items):
            var last: JSValue = .undefined
            for item in items { last = evaluate(item, in: scope) }
            return last
        case .call(let callee, let args, _):
            return call(callee, args, in: scope)
        case .new(let callee, let args):
            let calleeValue = evaluate(callee, in: scope)
            let argValues = arguments(args, in: scope)
            switch calleeValue {
            case .host(let name): return callHost(name, argValues, at: expression.position, isNew: true)
            case .function(let id): return callClosure(id, arguments: argValues)
            default: return .opaque("new \(describe(calleeValue))")
            }
        case .member, .index:
            let v = evaluateChain(expression, in: scope)
            recordResponseRead(v, at: expression.position)
            return v
        case .await(let inner):
            return evaluate(inner, in: scope)
        case .yield(let inner):
            if let inner { _ = evaluate(inner, in: scope) }
            return .opaque("yield")
        }
    }

    /// A member or index chain without recording a response read for each link: only the
    /// whole chain (`response.choices[0].message.audio.data`) is a read.
    mutating func evaluateChain(_ expression: JSExpr, in scope: Int) -> JSValue {
        switch expression.kind {
        case .member(let object, let name, _, _):
            // The base first, into a local: `member(of: evaluateChain(…))` reads `self` as it was
            // before the base was evaluated, so an object the base creates (`{ a: 1 }.b`) was not
            // there yet and the lookup trapped (found by the fuzzer).
            let base = evaluateChain(object, in: scope)
            return member(of: base, name)
        case .index(let object, let indexExpression, _):
            let base = evaluateChain(object, in: scope)
            let key = evaluate(indexExpression, in: scope)
            if case .number(let d) = key, d >= 0, let i = Int(checked: d) { return indexed(base, i) }
            if let k = propertyKey(key) { return member(of: base, k) }
            return .opaque("\(describe(base))[…]")
        default:
            return evaluate(expression, in: scope)
        }
    }

    mutating func recordResponseRead(_ value: JSValue, at position: JSPosition) {
        guard case .response(let call, let path) = value, !path.isEmpty else { return }
        let read = ResponseRead(call: call, path: ResponsePath.normalized(path), location: location(position))
        if !responseReads.contains(read) { responseReads.append(read) }
    }

    func member(of value: JSValue, _ name: String) -> JSValue {
        switch value {
        case .object(let id): return objects[id][name] ?? .undefined
        case .array(let id): return name == "length" ? .number(Double(arrays[id].count)) : .opaque("array.\(name)")
        case .string(let s): return name == "length" ? .number(Double(s.count)) : .opaque("string.\(name)")
        case .host("process.env"): return .placeholder(.environment(name: name, fallback: nil))
        case .host(let q): return .host(q + "." + name)
        case .client(let id, let path): return .client(id, path + [name])
        case .response(let call, let path):
            if path.isEmpty && name == "data" && axiosCalls.contains(call) { return value }
            return .response(call: call, path: path + [.key(name)])
        case .undefined, .null: return .undefined
        // A fetch-style answer: `body` is its byte stream; `ok`, `status`, `headers` are not
        // fields of the answer's JSON.
        case .httpResponse(let call) where name == "body": return .responseBytes(call)
        default: return .opaque("\(describe(value)).\(name)")
        }
    }

    func indexed(_ value: JSValue, _ i: Int) -> JSValue {
        switch value {
        case .array(let id): return i < arrays[id].count ? arrays[id][i] : .undefined
        case .response(let call, let path): return .response(call: call, path: path + [.index(i)])
        case .object: return member(of: value, String(i))
        default: return .opaque("\(describe(value))[\(i)]")
        }
    }

    func propertyKey(_ value: JSValue) -> String? {
        switch value {
        case .string(let s): return s
        case .number(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
        default: return nil
        }
    }

    /// Assignment to `a.b` / `a[i]`: mutates the heap object or array.
    mutating func assign(to target: JSExpr, _ value: JSValue, in scope: Int) {
        switch target.kind {
        case .identifier(let n):
            assign(n, value, in: scope)
        case .member(let object, let name, _, _):
            if case .object(let id) = evaluateChain(object, in: scope) { objects[id][name] = value }
        case .index(let object, let indexExpression, _):
            let base = evaluateChain(object, in: scope)
            let key = evaluate(indexExpression, in: scope)
            if case .array(let id) = base, case .number(let d) = key, d >= 0, d == d.rounded() {
                // A sparse write far past the end (`a[1e8] = 1`) would allocate the gap; samples
                // never need that, so such a write is not modelled.
                guard let i = Int(checked: d), i < Self.maxArrayLength else { break }
                while arrays[id].count <= i { arrays[id].append(.undefined) }
                arrays[id][i] = value
            } else if case .object(let id) = base, let k = propertyKey(key) {
                objects[id][k] = value
            }
        default:
            break  // destructuring assignment of literals: not used by samples
        }
    }

    mutating func arguments(_ args: [JSArgument], in scope: Int) -> [JSValue] {
        var values: [JSValue] = []
        for arg in args {
            switch arg {
            case .expression(let e): values.append(evaluate(e, in: scope))
            case .spread(let e):
                if case .array(let id) = evaluate(e, in: scope) { values += arrays[id] } else { values.append(.opaque("spread")) }
            }
        }
        return values
    }

    mutating func logical(_ op: String, _ l: JSExpr, _ r: JSExpr, in scope: Int) -> JSValue {
        let left = evaluate(l, in: scope)
        switch op {
        case "||", "??":
            // `process.env.X || "fallback"`: the variable, with the fallback the code uses without it.
            if case .placeholder(.environment(let name, nil)) = left {
                let right = evaluate(r, in: scope)
                if case .string(let fallback) = right { return .placeholder(.environment(name: name, fallback: fallback)) }
                return left
            }
            if op == "??" {
                if case .undefined = left { return evaluate(r, in: scope) }
                if case .null = left { return evaluate(r, in: scope) }
                return left
            }
            let truth = truthiness(left)
            if truth.isTruthy { return left }
            return evaluate(r, in: scope)
        default:  // &&
            let truth = truthiness(left)
            if !truth.isTruthy { return left }
            return evaluate(r, in: scope)
        }
    }

    func binary(_ op: String, _ left: JSValue, _ right: JSValue) -> JSValue {
        switch op {
        case "+":
            if case .number(let a) = left, case .number(let b) = right { return .number(a + b) }
            if isStringLike(left) || isStringLike(right) {
                return Self.stringValue(templateParts(left) + templateParts(right))
            }
        case "-": if case .number(let a) = left, case .number(let b) = right { return .number(a - b) }
        case "*": if case .number(let a) = left, case .number(let b) = right { return .number(a * b) }
        case "/": if case .number(let a) = left, case .number(let b) = right { return .number(a / b) }
        case "===", "==":
            if let a = primitiveKey(left), let b = primitiveKey(right) { return .bool(a == b) }
        case "!==", "!=":
            if let a = primitiveKey(left), let b = primitiveKey(right) { return .bool(a != b) }
        default: break
        }
        return .opaque("(\(describe(left)) \(op) \(describe(right)))")
    }

    private func isStringLike(_ v: JSValue) -> Bool {
        switch v {
        case .string, .template, .placeholder(.environment): return true
        default: return false
        }
    }

    private func primitiveKey(_ v: JSValue) -> String? {
        switch v {
        case .undefined: return "undefined"
        case .null: return "null"
        case .bool(let b): return "b:\(b)"
        case .number(let d): return "n:\(d)"
        case .string(let s): return "s:\(s)"
        default: return nil
        }
    }

    /// A short description of a value for `.unknown` placeholders and messages.
    func describe(_ v: JSValue) -> String {
        switch v {
        case .undefined: return "undefined"
        case .null: return "null"
        case .bool(let b): return String(b)
        case .number(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
        case .string(let s): return "\"\(s)\""
        case .template: return "template"
        case .placeholder(let p): return p.shortName
        case .array: return "array"
        case .object: return "object"
        case .function: return "function"
        case .host(let q): return q
        case .client(_, let path): return (["client"] + path).joined(separator: ".")
        case .response(let call, let path): return "response\(call).\(ResponsePath.normalized(path))"
        case .fileBytes(let p): return "contents of \(p)"
        case .httpResponse(let call): return "HTTP response \(call)"
        case .responseBytes(let call): return "bytes of response \(call)"
        case .upload(let path, _): return "upload of \(path)"
        case .jsonText: return "JSON text"
        case .opaque(let t): return t
        }
    }

    mutating func keyName(_ key: JSPropertyKey, in scope: Int) -> String? {
        switch key {
        case .name(let n): return n
        case .computed(let e): return propertyKey(evaluate(e, in: scope))
        }
    }
}
