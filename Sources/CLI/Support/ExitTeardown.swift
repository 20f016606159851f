/// Results a one-shot command holds until the process exits, so that they are never freed.
///
/// `check` of many articles ends with every article's extraction, requests and findings alive;
/// releasing those trees one node at a time ran on one core after the parallel work was done
/// (about 2 % of a 250-file check's CPU, all of it on the wall-clock path). The process is about
/// to end and the system takes its memory back at once. Only commands' `run()` use this: code
/// that renders in a long-lived process (the tests) frees its results as usual.
enum ExitTeardown {
    /// Keeps `value` alive until the process exits (one leaked reference, by design).
    static func skip<Value>(_ value: Value) {
        _ = Unmanaged.passRetained(Kept(value))
    }

    private final class Kept<Value> {
        let value: Value
        init(_ value: Value) { self.value = value }
    }
}
