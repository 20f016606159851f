/// How strictly a run's exchanges must agree with the goldens.
public enum MatchMode: String, Sendable, CaseIterable {
    /// Equal after masking: the embedded mock answers deterministically.
    case exact
    /// Status, key sets, types, array lengths and media fields, not free text or digests: a live
    /// model words its answers differently each time.
    case shape
}
