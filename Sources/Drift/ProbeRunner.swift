import Core
import Foundation
import Transport

/// Where probes go and how: the endpoint, the deployment, credentials, and the pace.
public struct ProbeTarget: Sendable {
    /// `https://NAME.openai.azure.com` or the embedded mock's `http://127.0.0.1:PORT`.
    public var baseURL: String
    public var deployment: String
    /// The api-version of every probe but the api-version ones.
    public var apiVersion: String
    /// Sent with every probe (`api-key`).
    public var headers: [String: String]
    /// The least time between two probes (zero for the embedded mock).
    public var interval: Duration
    public var transport: TransportOptions

    public init(
        baseURL: String, deployment: String, apiVersion: String, headers: [String: String], interval: Duration,
        transport: TransportOptions = TransportOptions(retry: .none)
    ) {
        self.baseURL = baseURL
        self.deployment = deployment
        self.apiVersion = apiVersion
        self.headers = headers
        self.interval = interval
        self.transport = transport
    }
}

/// Sends probes one at a time, at most `budget` of them, and classifies the answers.
public enum ProbeRunner {
    public static func run(_ probes: [Probe], target: ProbeTarget, budget: Int, client: HTTPClient = HTTPClient(jobs: 1)) async -> [ProbeResult] {
        var results: [ProbeResult] = []
        for (index, probe) in probes.prefix(max(0, budget)).enumerated() {
            if index > 0, target.interval > .zero { try? await Task.sleep(for: target.interval) }
            results.append(ProbeResult(probe: probe, outcome: await send(probe, target: target, client: client)))
        }
        return results
    }

    static func send(_ probe: Probe, target: ProbeTarget, client: HTTPClient) async -> ProbeOutcome {
        var version = target.apiVersion
        if case .apiVersion(let v) = probe.payload { version = v }
        let base = target.baseURL.hasSuffix("/") ? String(target.baseURL.dropLast()) : target.baseURL
        let deployment = target.deployment.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? target.deployment
        let url = "\(base)/openai/deployments/\(deployment)/chat/completions?api-version=\(version)"
        var headers: [(String, String)] = [("Content-Type", "application/json")]
        headers += target.headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        let request = HTTPRequest(method: "POST", url: url, headers: HTTPHeaders(headers), body: ProbeBody.data(probe.payload))
        do {
            let response = try await client.send(request, options: target.transport)
            return classify(status: response.status, body: response.body)
        } catch {
            return .inconclusive("\(error)")
        }
    }

    /// 2xx accepted; 400 / 404 / 413 / 422 refused (a missing deployment says nothing about limits);
    /// anything else inconclusive.
    static func classify(status: Int, body: Data) -> ProbeOutcome {
        let error = (try? JSONValue.parse(String(decoding: body, as: UTF8.self)))?["error"]
        let code = error?["code"]?.stringValue ?? ""
        let message = error?["message"]?.stringValue ?? ""
        switch status {
        case 200..<300: return .accepted(status: status)
        case 404 where code == "DeploymentNotFound": return .inconclusive("the deployment does not exist; pass --deployment")
        case 400, 404, 413, 422: return .refused(status: status, message: String(message.prefix(200)))
        default: return .inconclusive("status \(status)\(code.isEmpty ? "" : " " + code)")
        }
    }
}

/// Probe bodies, generated in memory (the largest is a silent recording a few percent over the
/// documented size; nothing is stored on disk).
enum ProbeBody {
    static func data(_ payload: ProbePayload) -> Data {
        var body: [String: JSONValue] = [
            "messages": .array([.object(["role": .string("user"), "content": .string("Say hello.")])]),
        ]
        switch payload {
        case .voice(let voice):
            body["modalities"] = .array([.string("text"), .string("audio")])
            body["audio"] = .object(["voice": .string(voice), "format": .string("wav")])
        case .apiVersion:
            body["modalities"] = .array([.string("text"), .string("audio")])
            body["audio"] = .object(["voice": .string("alloy"), "format": .string("wav")])
        case .maxTokens(let tokens):
            body["max_tokens"] = .int(tokens)
        case .inputAudio(let bytes):
            body["messages"] = .array([.object([
                "role": .string("user"),
                "content": .array([
                    .object(["type": .string("text"), "text": .string("Describe the recording.")]),
                    .object(["type": .string("input_audio"), "input_audio": .object([
                        "data": .string(silentWAV(totalBytes: bytes).base64EncodedString()), "format": .string("wav")])]),
                ]),
            ])])
        }
        return Data(JSONValue.object(body).serialized().utf8)
    }

    /// A RIFF/WAVE file (PCM 16-bit, 24 kHz, mono) of silence, `totalBytes` long header included.
    static func silentWAV(totalBytes: Int) -> Data {
        let dataBytes = max(0, totalBytes - 44) & ~1
        var header = Data()
        func append32(_ v: Int) { withUnsafeBytes(of: UInt32(truncatingIfNeeded: v).littleEndian) { header.append(contentsOf: $0) } }
        func append16(_ v: Int) { withUnsafeBytes(of: UInt16(truncatingIfNeeded: v).littleEndian) { header.append(contentsOf: $0) } }
        header.append(contentsOf: Array("RIFF".utf8)); append32(36 + dataBytes)
        header.append(contentsOf: Array("WAVEfmt ".utf8)); append32(16)
        append16(1); append16(1); append32(24_000); append32(48_000); append16(2); append16(16)
        header.append(contentsOf: Array("data".utf8)); append32(dataBytes)
        return header + Data(count: dataBytes)
    }
}
