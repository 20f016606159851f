import Core
import Extraction

/// A client's plain JSON body judged by the model of the operation its URL names: the entry the
/// mock server uses, so the mock and `check` decide with the same models.
public enum OperationBodyCheck {
    /// The problems of `body` for the operation with id `operationID`; nil when docverify has no
    /// model for that operation's body yet (nothing was checked).
    public static func issues(in body: JSONValue, operationID: String, options: ValidationOptions = .spec) -> [RequestIssue]? {
        guard let operation = OperationCatalog.operations.first(where: { $0.id == operationID }) else { return nil }
        let decoding = OperationBodyValidation.decode(SymbolicValue(body), operation: operation, options: options)
        return decoding.checked ? decoding.issues : nil
    }
}
