/// A position in the sample's code (1-based line and column).
struct JSPosition: Hashable, Sendable {
    var line: Int
    var column: Int

    init(_ token: JSToken) {
        line = token.line
        column = token.column
    }

    init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// An expression of the JavaScript subset. TypeScript-only syntax (`as T`, `x!`, type
/// arguments) is parsed and dropped: it never changes a value.
struct JSExpr: Sendable {
    var position: JSPosition
    var kind: Kind

    indirect enum Kind: Sendable {
        case identifier(String)
        case number(Double)
        case string(String)
        case template(quasis: [String], expressions: [JSExpr])
        case taggedTemplate(tag: JSExpr, quasis: [String], expressions: [JSExpr])
        case regex(String)
        case this
        case array([JSArrayElement])
        case object([JSProperty])
        case function(JSFunction)
        /// A class expression or declaration, kept shallow: only its name.
        case classValue(name: String?)
        case unary(String, JSExpr)
        /// `++x`, `x--`.
        case update(String, JSExpr)
        case binary(String, JSExpr, JSExpr)
        case logical(String, JSExpr, JSExpr)
        case conditional(JSExpr, JSExpr, JSExpr)
        case assign(String, JSPattern, JSExpr)
        case sequence([JSExpr])
        /// `callee(args)`; `optional` for `callee?.(args)`.
        case call(JSExpr, [JSArgument], optional: Bool)
        case new(JSExpr, [JSArgument])
        /// `object.name` / `object?.name`; `namePosition` locates `name`.
        case member(JSExpr, String, optional: Bool, namePosition: JSPosition)
        /// `object[index]` / `object?.[index]`.
        case index(JSExpr, JSExpr, optional: Bool)
        case await(JSExpr)
        case yield(JSExpr?)
    }
}

enum JSArrayElement: Sendable {
    case expression(JSExpr)
    case spread(JSExpr)
    case hole
}

enum JSArgument: Sendable {
    case expression(JSExpr)
    case spread(JSExpr)
}

enum JSPropertyKey: Sendable {
    case name(String)
    case computed(JSExpr)
}

enum JSProperty: Sendable {
    case value(JSPropertyKey, JSExpr)
    /// `{ endpoint }` — the value is the variable of the same name.
    case shorthand(String, JSPosition)
    case spread(JSExpr)
    case method(JSPropertyKey, JSFunction)
}

/// A binding target: `x`, `{ a, b: c = 1, ...rest }`, `[x, , y]`, or (for assignments) any
/// member expression.
indirect enum JSPattern: Sendable {
    case identifier(String)
    case object([JSObjectPatternProperty], rest: String?)
    case array([JSPattern?], rest: JSPattern?)
    case withDefault(JSPattern, JSExpr)
    /// An assignment target that is not a binding (`a.b = …`, `a[i] = …`).
    case expression(JSExpr)
}

struct JSObjectPatternProperty: Sendable {
    var key: JSPropertyKey
    var value: JSPattern
}

/// A function, arrow function or method.
struct JSFunction: Sendable {
    var name: String?
    var params: [JSPattern]
    var restParam: JSPattern?
    var body: Body
    var isAsync: Bool
    var isArrow: Bool
    var position: JSPosition

    enum Body: Sendable {
        case block([JSStatement])
        case expression(JSExpr)
    }
}

/// How an import binds names: `import x from`, `import { a as b } from`, `import * as ns from`.
struct JSImport: Sendable {
    var module: String
    var defaultName: String?
    var namespaceName: String?
    var named: [JSImportSpecifier]
    var typeOnly: Bool
}

struct JSStatement: Sendable {
    var position: JSPosition
    var kind: Kind

    indirect enum Kind: Sendable {
        case variable(kind: String, [JSDeclarator])
        case expression(JSExpr)
        case function(JSFunction)
        case classDeclaration(name: String)
        case `return`(JSExpr?)
        case `if`(JSExpr, JSStatement, JSStatement?)
        case block([JSStatement])
        case `import`(JSImport)
        /// `export { a, b }` / `export … from`: nothing to evaluate.
        case exportList
        /// `export default expr`.
        case exportDefault(JSExpr)
        case `try`([JSStatement], catchParam: JSPattern?, catchBody: [JSStatement]?, finally: [JSStatement]?)
        case `throw`(JSExpr)
        /// Loops are evaluated once: samples loop over streamed chunks, not over requests.
        case loop(head: [JSStatement], body: JSStatement)
        case forOf(JSPattern, JSExpr, body: JSStatement)
        case `switch`(JSExpr, [JSSwitchCase])
        case `break`
        case `continue`
        /// `interface`, `type`, `declare`, `enum`: TypeScript only, parsed and ignored.
        case typeDeclaration
        case empty
    }
}

struct JSDeclarator: Sendable {
    var pattern: JSPattern
    var initializer: JSExpr?
    var position: JSPosition
}

/// One `case test:` (or `default:` with a nil test) of a `switch`.
struct JSSwitchCase: Sendable {
    var test: JSExpr?
    var body: [JSStatement]
}

/// `imported as local` in an import list.
struct JSImportSpecifier: Sendable {
    var imported: String
    var local: String
}
