import Core
import Foundation
import Transport

extension RunConfiguration {
    /// The credentials this run sends, for removing them from what the endpoint answers.
    var redactor: SecretRedactor {
        SecretRedactor(
            values: [apiKeyEnvironmentName, tokenEnvironmentName].compactMap { environment[$0] }
                + (endpoint.map(SecretRedactor.endpointSecrets) ?? []))
    }
}

extension HTTPResponse {
    /// The answer with the run's credentials taken out of its text body and header values.
    ///
    /// Done before any check reads the answer: finding messages quote cut excerpts of the body
    /// (the first few hundred bytes), and a cut through an echoed key would leave a prefix no later
    /// redaction recognizes. A body that isn't UTF-8 text (audio, images) is left as it is.
    func redacted(by redactor: SecretRedactor) -> HTTPResponse {
        guard !redactor.needles.isEmpty else { return self }
        var copy = self
        if let text = String(data: body, encoding: .utf8), redactor.needles.contains(where: text.contains) {
            copy.body = Data(redactor.redact(text).utf8)
        }
        copy.headers = HTTPHeaders(headers.map { ($0.name, redactor.redact($0.value)) })
        return copy
    }
}
