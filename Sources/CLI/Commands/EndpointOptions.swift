import ArgumentParser
import Foundation

/// The help each command gives `--api-key-env`: `run` reads a default from the configuration,
/// `drift` names the variable it falls back to.
protocol EndpointOptionsHelp {
    static var apiKeyEnv: ArgumentHelp { get }
}

/// `--endpoint` and `--api-key-env`, shared by `run` and `drift`; the endpoint is validated here.
struct EndpointOptions<Help: EndpointOptionsHelp>: ParsableArguments {
    @Option(help: "A live endpoint (https://NAME.openai.azure.com); default: the embedded mock.")
    var endpoint: String?

    @Option(name: .customLong("api-key-env"), help: Help.apiKeyEnv)
    var apiKeyEnv: String?

    /// The commands call this from their own `validate()`, where its error came before.
    func validateEndpoint() throws {
        guard let endpoint else { return }
        guard let url = URL(string: endpoint), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host != nil else {
            throw ValidationError("--endpoint must be an http(s) URL, such as https://NAME.openai.azure.com")
        }
    }
}
