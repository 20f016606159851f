import Core
import Foundation
import Runner

/// Which credentials each command knows, for the one ``SecretRedactor`` every output goes through.
extension SecretRedactor {
    /// The default credential variables of `run` and `drift`.
    static let defaultVariables = ["AZURE_OPENAI_API_KEY", "AZURE_OPENAI_AD_TOKEN"]

    /// The values of the credential `variables` and the secrets of `endpoint` (user-info, secret query keys).
    static func command(environment: [String: String], variables: [String], endpoint: String?) -> SecretRedactor {
        SecretRedactor(values: variables.compactMap { environment[$0] } + (endpoint.map(endpointSecrets) ?? []))
    }

    /// What is known before a command has resolved its settings, read from the raw arguments: the
    /// default credential variables, those named by `--api-key-env` / `--token-env`, and the secrets
    /// of `--endpoint`. Errors printed by the entry point go through it.
    static func process(arguments: [String], environment: [String: String]) -> SecretRedactor {
        var variables = defaultVariables
        var endpoints: [String] = []
        for (index, argument) in arguments.enumerated() {
            for (flag, isVariable) in [("--api-key-env", true), ("--token-env", true), ("--endpoint", false)] {
                let value: String?
                if argument == flag, index + 1 < arguments.count {
                    value = arguments[index + 1]
                } else if argument.hasPrefix(flag + "=") {
                    value = String(argument.dropFirst(flag.count + 1))
                } else {
                    value = nil
                }
                guard let value else { continue }
                if isVariable { variables.append(value) } else { endpoints.append(value) }
            }
        }
        return SecretRedactor(values: variables.compactMap { environment[$0] } + endpoints.flatMap(endpointSecrets))
    }
}

extension RunReport {
    /// The report with every finding message and scenario reason redacted, so baselines written
    /// from it and every format rendered from it carry no credential an endpoint echoed.
    func redacted(by redactor: SecretRedactor) -> RunReport {
        var copy = self
        copy.staticFindings = staticFindings.map { $0.redacted(by: redactor) }
        copy.scenarios = scenarios.map { scenario in
            var result = scenario
            result.findings = scenario.findings.map { $0.redacted(by: redactor) }
            result.reason = scenario.reason.map(redactor.redact)
            result.calls = scenario.calls.map { call in
                var redacted = call
                redacted.url = redactor.redact(call.url)
                redacted.response = call.response.map(redactor.redact)
                return redacted
            }
            return result
        }
        return copy
    }
}
