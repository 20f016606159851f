/// A unified diff of two golden texts, for the text report of a `golden-mismatch`.
public enum UnifiedDiff {
    /// Files longer than this are shown as removed and added whole (the table would be too big).
    static let maxLines = 4000

    /// `---`/`+++` headers, then hunks with `context` lines around each change; ANSI colours when
    /// `colour` (a terminal).
    public static func render(old: String, new: String, name: String, context: Int = 3, colour: Bool = false) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let ops = operations(a, b)
        guard ops.contains(where: { $0.kind != " " }) else { return "" }
        func paint(_ line: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(line)\u{1B}[0m" : line }
        var out = paint("--- \(name) (golden)", "1") + "\n" + paint("+++ \(name) (this run)", "1") + "\n"
        var i = 0
        while i < ops.count {
            guard ops[i].kind != " " else { i += 1; continue }
            let start = max(0, i - context)
            var end = i
            // Extend the hunk while changes are within 2 × context of each other.
            var j = i
            while j < ops.count {
                if ops[j].kind != " " { end = j; j += 1; continue }
                if j - end > 2 * context { break }
                j += 1
            }
            let stop = min(ops.count, end + context + 1)
            let slice = ops[start..<stop]
            let oldStart = (slice.first?.oldLine ?? 0) + 1, newStart = (slice.first?.newLine ?? 0) + 1
            let oldCount = slice.filter { $0.kind != "+" }.count, newCount = slice.filter { $0.kind != "-" }.count
            out += paint("@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@", "36") + "\n"
            for op in slice {
                let line = "\(op.kind)\(op.text)"
                out += (op.kind == "-" ? paint(line, "31") : op.kind == "+" ? paint(line, "32") : line) + "\n"
            }
            i = stop
        }
        return out
    }

    struct Op {
        var kind: Character
        var text: String
        var oldLine: Int
        var newLine: Int
    }

    /// Longest-common-subsequence edit script, iterative.
    static func operations(_ a: [String], _ b: [String]) -> [Op] {
        guard a.count <= maxLines, b.count <= maxLines else {
            return a.enumerated().map { Op(kind: "-", text: $1, oldLine: $0, newLine: 0) }
                + b.enumerated().map { Op(kind: "+", text: $1, oldLine: a.count, newLine: $0) }
        }
        let n = a.count, m = b.count
        var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var ops: [Op] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                ops.append(Op(kind: " ", text: a[i], oldLine: i, newLine: j)); i += 1; j += 1
            } else if j < m, i == n || table[i][j + 1] >= table[i + 1][j] {
                ops.append(Op(kind: "+", text: b[j], oldLine: i, newLine: j)); j += 1
            } else {
                ops.append(Op(kind: "-", text: a[i], oldLine: i, newLine: j)); i += 1
            }
        }
        return ops
    }
}
