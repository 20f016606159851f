import Core

extension BlockReader {
    /// The finding for an include or code source that must not be read: larger than
    /// `maxFileBytes`, or a FIFO or device. Nil when it may be read (or is missing: the caller
    /// reports that as before).
    func refusal(of absolute: String, named name: String, location: SourceLocation) -> Finding? {
        switch InputFileBound.inspect(absolute, maxBytes: maxFileBytes) {
        case .readable, .missing, .folder:
            return nil
        case .tooLarge(let bytes):
            return Finding(rule: "input-too-large", severity: .error, location: location,
                           message: "\(name) " + InputFileBound.tooLargeMessage(bytes: bytes, maxBytes: maxFileBytes))
        case .notRegularFile(let kind):
            return Finding(rule: "input-not-a-file", severity: .error, location: location,
                           message: "\(name) " + InputFileBound.notRegularMessage(kind: kind))
        }
    }
}
