import Core

/// `rules:` applied to findings: severities replaced, `off` rules dropped.
public struct RuleOverrides: Sendable, Equatable {
    public var settings: [String: RuleSetting]

    public init(_ settings: [String: RuleSetting] = [:]) {
        self.settings = settings
    }

    public var isEmpty: Bool { settings.isEmpty }

    public func apply(_ findings: [Finding]) -> [Finding] {
        guard !settings.isEmpty else { return findings }
        return findings.compactMap { finding in
            guard let setting = settings[finding.rule] else { return finding }
            var finding = finding
            switch setting {
            case .off: return nil
            case .note: finding.severity = .note
            case .warning: finding.severity = .warning
            case .error: finding.severity = .error
            }
            return finding
        }
    }
}
