import Core

/// What the procedure checks need from one sample's code, read from the parser's AST: the names it
/// binds and reads, the modules it imports, the environment variables it reads.
struct CodeFacts: Sendable {
    struct NameUse: Hashable, Sendable {
        var name: String
        var line: Int
        var column: Int
        /// The module-level function whose body reads it (Python), nil at module level.
        var function: String? = nil
    }

    struct EnvRead: Hashable, Sendable {
        var name: String
        var line: Int
        var column: Int
        /// The code falls back to a value when the variable is unset (`os.getenv("X", "d")`, `process.env.X ?? "d"`).
        var hasDefault: Bool
        /// An unset variable stops the code right there (`os.environ["X"]` raises KeyError); a soft
        /// read (`os.getenv("X")`, `process.env.X`) yields None / undefined and fails later, if at all.
        var isHard = false
    }

    /// A misspelt member of an object the runtime provides (`process.evn`, `os.enviorn`).
    struct Misspelling: Hashable, Sendable {
        var written: String
        var meant: String
        var line: Int
        var column: Int
    }

    var bound = Set<String>()
    var reads: [NameUse] = []
    var imports: [NameUse] = []
    var envReads: [EnvRead] = []
    /// Variables the code sets itself (`os.environ["X"] = …`).
    var envWrites = Set<String>()
    var misspellings: [Misspelling] = []
    /// Decorated functions (`@app.route(…)`): a framework calls them, the code need not.
    var calledByFramework = Set<String>()
    /// The code has constructs whose names can't be scoped statically (`from x import *`, `eval`,
    /// `exec`, `globals()`): say nothing about its names.
    var unscopable = false
    /// The code has at least one import statement or `require` call: a program, not a fragment.
    var isProgram: Bool { !imports.isEmpty }

    /// The first function reading `name` when every read of it sits in a function the code never
    /// reads by name (never calls or hands on) and no framework calls: running the code as written
    /// never reaches a read. Nil when some read of `name` runs.
    func dormantFunction(reading name: String) -> String? {
        let uses = reads.filter { $0.name == name }
        guard let first = uses.first?.function else { return nil }
        let dormant = uses.allSatisfy { use in
            guard let function = use.function else { return false }
            return !calledByFramework.contains(function) && !reads.contains { $0.name == function }
        }
        return dormant ? first : nil
    }

    /// Names read that nothing binds, in code order, each once.
    func undefinedReads(extraBound: Set<String>, builtins: (String) -> Bool) -> [NameUse] {
        var seen = Set<String>()
        return reads.filter { use in
            !bound.contains(use.name) && !extraBound.contains(use.name) && !builtins(use.name) && seen.insert(use.name).inserted
        }
    }
}

/// Levenshtein distance, for "did you mean" suggestions (short identifiers only).
enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var row = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = row
        }
        return previous[b.count]
    }
}
