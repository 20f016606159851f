import Config
import Foundation
import Runner
import Transport

/// The endpoint options of `run`, after flag > `.docverify.yml` > default.
struct RunSettings {
    var endpoint: Setting<String?>
    var apiKeyEnv: Setting<String>
    var tokenEnv: Setting<String>
    var jobs: Setting<Int>
    var timeout: Setting<Double>
    /// Nil: no whole-run deadline.
    var deadline: Setting<Double?>
    var maxResponseBytes: Setting<Int>
    var maxScenarios: Setting<Int>

    init(
        endpoint: String?, apiKeyEnv: String?, tokenEnv: String?, jobs: Int?, timeout: Double?, config: ConfigFile?,
        deadline: Double? = nil, maxResponseBytes: Int? = nil, maxScenarios: Int? = nil
    ) {
        self.endpoint = Setting<String?>.pick(flag: endpoint, file: config?.endpoint, in: config)
        self.apiKeyEnv = Setting.pick(flag: apiKeyEnv, file: config?.apiKeyEnv, in: config, default: "AZURE_OPENAI_API_KEY")
        self.tokenEnv = Setting.pick(flag: tokenEnv, file: config?.tokenEnv, in: config, default: "AZURE_OPENAI_AD_TOKEN")
        self.jobs = Setting.pick(flag: jobs, file: config?.jobs, in: config, default: ProcessInfo.processInfo.activeProcessorCount)
        self.timeout = Setting.pick(flag: timeout, file: config?.timeout, in: config, default: 120)
        self.deadline = Setting<Double?>.pick(flag: deadline, file: config?.deadline, in: config)
        self.maxResponseBytes = Setting.pick(
            flag: maxResponseBytes, file: config?.maxResponseBytes, in: config, default: TransportOptions.defaultMaxResponseSize)
        self.maxScenarios = Setting.pick(flag: maxScenarios, file: config?.maxScenarios, in: config, default: ScenarioCap.defaultMaxScenarios)
    }
}
