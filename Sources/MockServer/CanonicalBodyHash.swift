import Core

/// FNV-1a of a JSON value's canonical text (`serialized()`: sorted keys, unescaped slashes), fed
/// chunk by chunk: a 20 MB base64 audio string is hashed where it lies instead of being encoded into
/// more copies first. The hash is exactly the one of the full text, so answers (and the goldens
/// recorded from them) do not change.
enum CanonicalBodyHash {
    static func hash(_ value: JSONValue) -> UInt64 {
        var h = FNV1a64()
        value.forEachSerializedChunk { h.combine($0) }
        return h.value
    }
}
