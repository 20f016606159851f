/// Where each character of a text assembled from pieces was written, kept as runs instead of one
/// position per character: inside a run each character sits one column after the previous one.
/// A run ends at a line break, at a run-time value, and wherever the text jumps (a quote removed,
/// a line continuation), so a 20 MB JSON string on one line is one run, not 20 million positions.
struct PositionRuns: Hashable, Sendable {
    /// Offset of each run's first character.
    private var starts: [Int] = []
    /// Where each run's first character was written.
    private var origins: [JSPosition] = []
    /// Characters recorded.
    private(set) var count = 0
    private var last: JSPosition?
    /// True when the next character must start a run (after a line break or a value).
    private var nextStartsRun = true

    init() {}

    /// Records the next character's position; `endsRun` for a line break or a run-time value,
    /// after which columns no longer follow on.
    mutating func append(_ position: JSPosition, endsRun: Bool = false) {
        if nextStartsRun || last.map({ position != JSPosition(line: $0.line, column: $0.column + 1) }) ?? true {
            starts.append(count)
            origins.append(position)
        }
        last = position
        nextStartsRun = endsRun
        count += 1
    }

    /// The position of the character at `offset` (0-based); nil outside the recorded range.
    func position(at offset: Int) -> JSPosition? {
        guard offset >= 0, offset < count, !starts.isEmpty else { return nil }
        // The last run starting at or before `offset`.
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let origin = origins[low]
        return JSPosition(line: origin.line, column: origin.column + (offset - starts[low]))
    }

    var first: JSPosition? { origins.first }
    var lastPosition: JSPosition? { last }
}
