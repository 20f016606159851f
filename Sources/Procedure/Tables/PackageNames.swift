import Foundation

/// Which installed package provides an import, and what each package brings along. One table per
/// ecosystem; the names are the registries' (PyPI names normalized as pip does, npm names as written).
public enum PackageNames {
    /// Python import names whose distribution is named otherwise.
    public static let pythonImportToPackages: [String: [String]] = [
        "dotenv": ["python-dotenv"], "PIL": ["pillow"], "cv2": ["opencv-python", "opencv-python-headless", "opencv-contrib-python"],
        "sklearn": ["scikit-learn"], "yaml": ["pyyaml"], "bs4": ["beautifulsoup4"], "dateutil": ["python-dateutil"],
        "jwt": ["pyjwt"], "docx": ["python-docx"], "pptx": ["python-pptx"], "fitz": ["pymupdf"], "magic": ["python-magic"],
        "attr": ["attrs"], "google.protobuf": ["protobuf"], "IPython": ["ipython"], "speech_recognition": ["speechrecognition"],
        "pyaudio": ["pyaudio"], "serial": ["pyserial"], "Crypto": ["pycryptodome"], "OpenSSL": ["pyopenssl"],
        "dns": ["dnspython"], "win32api": ["pywin32"], "pkg_resources": ["setuptools"], "setuptools": ["setuptools"],
        "azure.cognitiveservices.speech": ["azure-cognitiveservices-speech"], "jose": ["python-jose"],
        "multipart": ["python-multipart"], "socketio": ["python-socketio"], "telegram": ["python-telegram-bot"],
    ]

    /// What installing a package also installs, for the packages readers import directly; a package
    /// listed here (even with no entry) has a known closure.
    public static let pythonDependencies: [String: [String]] = [
        "openai": ["httpx", "pydantic", "anyio", "distro", "jiter", "sniffio", "tqdm", "typing-extensions", "httpcore",
                   "certifi", "idna", "h11", "annotated-types", "pydantic-core"],
        "azure-identity": ["azure-core", "msal", "msal-extensions", "cryptography", "typing-extensions", "requests", "six",
                           "urllib3", "certifi", "idna", "charset-normalizer", "pyjwt", "cffi", "portalocker"],
        "azure-core": ["requests", "six", "typing-extensions", "urllib3", "certifi", "idna", "charset-normalizer"],
        "requests": ["urllib3", "certifi", "idna", "charset-normalizer"],
        "python-dotenv": [], "numpy": [], "pyaudio": [], "websockets": [], "typing-extensions": [],
        "tiktoken": ["regex", "requests", "urllib3", "certifi", "idna", "charset-normalizer"],
        "pydantic": ["annotated-types", "pydantic-core", "typing-extensions"],
        "httpx": ["anyio", "certifi", "httpcore", "idna", "sniffio", "h11"],
        "aiohttp": ["aiohappyeyeballs", "aiosignal", "attrs", "frozenlist", "multidict", "propcache", "yarl", "idna"],
        "sounddevice": ["cffi", "pycparser"], "soundfile": ["cffi", "numpy", "pycparser"],
        "pandas": ["numpy", "python-dateutil", "pytz", "tzdata", "six"], "pillow": [], "tqdm": [],
        "azure-cognitiveservices-speech": [], "pydub": [], "rich": ["markdown-it-py", "pygments", "mdurl"],
    ]

    /// Packages an older major version brings that the current one's entry above doesn't list
    /// (`openai` before 1.0 used `requests` and `aiohttp`; 1.x uses `httpx`), for a spec that pins
    /// below that major (`openai==0.28.1`, `openai<1`).
    public static let pythonOlderMajorDependencies: [String: (below: Int, dependencies: [String])] = [
        "openai": (1, ["requests", "aiohttp", "tqdm", "typing-extensions"]),
    ]

    /// The older-major dependencies a Python spec pins, empty when it pins none.
    public static func olderMajorDependencies(fromSpec spec: String) -> [String] {
        let name = packageName(fromSpec: spec, ecosystem: .python)
        guard let older = pythonOlderMajorDependencies[name],
              let start = spec.firstIndex(where: { "=<>~!".contains($0) }) else { return [] }
        let constraint = spec[start...]
        let op = String(constraint.prefix { "=<>~!".contains($0) })
        let majorText = constraint.dropFirst(op.count).prefix { $0.isNumber }
        guard let major = Int(majorText) else { return [] }
        switch op {
        case "==", "===", "~=", "<=": return major < older.below ? older.dependencies : []
        case "<": return major <= older.below ? older.dependencies : []
        default: return []
        }
    }

    public static let nodeDependencies: [String: [String]] = [
        "openai": ["node-fetch", "form-data-encoder", "formdata-node", "agentkeepalive", "abort-controller", "@types/node",
                   "@types/node-fetch"],
        "@azure/identity": ["@azure/abort-controller", "@azure/core-auth", "@azure/core-client", "@azure/core-rest-pipeline",
                            "@azure/core-tracing", "@azure/core-util", "@azure/logger", "@azure/msal-browser", "@azure/msal-node",
                            "events", "jws", "open", "stoppable", "tslib"],
        "@azure/openai": ["@azure-rest/core-client", "@azure/core-auth", "@azure/core-rest-pipeline", "@azure/core-util",
                          "@azure/logger", "@azure/core-sse", "tslib"],
        "dotenv": [], "zod": [], "typescript": [], "@types/node": ["undici-types"], "tsx": ["esbuild", "get-tsconfig"],
        "ts-node": [], "node-fetch": [], "ws": [], "form-data": ["asynckit", "combined-stream", "mime-types"],
        "axios": ["follow-redirects", "form-data", "proxy-from-env"], "@types/ws": [], "wav": [], "speaker": [],
    ]

    /// The package a command-line spec names: `openai==1.2` → `openai`, `azure-identity[aio]` →
    /// `azure-identity`, `@azure/identity@4` → `@azure/identity`, `openai@latest` → `openai`.
    public static func packageName(fromSpec spec: String, ecosystem: ProcedureStep.Ecosystem) -> String {
        switch ecosystem {
        case .python:
            let end = spec.firstIndex { "=<>~!;[ @".contains($0) } ?? spec.endIndex
            return normalizePython(String(spec[..<end]))
        case .node:
            let body = spec.hasPrefix("@") ? String(spec.dropFirst()) : spec
            let name = body.split(separator: "@", maxSplits: 1).first.map(String.init) ?? body
            return spec.hasPrefix("@") ? "@" + name : name
        }
    }

    /// PEP 503 normalization: lower case, runs of `-`, `_`, `.` become one `-`.
    public static func normalizePython(_ name: String) -> String {
        var out = ""
        var lastDash = false
        for c in name.lowercased() {
            if c == "-" || c == "_" || c == "." {
                if !lastDash { out.append("-") }
                lastDash = true
            } else {
                out.append(c)
                lastDash = false
            }
        }
        return out
    }

    /// The distributions that may provide a Python import (`azure.identity.aio` → `azure-identity`,
    /// `azure`…; `dotenv` → `python-dotenv`).
    public static func pythonPackages(forImport module: String) -> Set<String> {
        let parts = module.split(separator: ".").map(String.init)
        var result = Set<String>()
        for count in 1...max(1, parts.count) {
            let prefix = parts.prefix(count).joined(separator: ".")
            result.insert(normalizePython(prefix))
            for name in pythonImportToPackages[prefix] ?? [] { result.insert(normalizePython(name)) }
        }
        return result
    }

    /// The npm package of an import specifier: `openai/helpers/zod` → `openai`, `@azure/identity/x` → `@azure/identity`.
    public static func nodePackage(forSpecifier specifier: String) -> String {
        let parts = specifier.split(separator: "/").map(String.init)
        if specifier.hasPrefix("@"), parts.count >= 2 { return parts[0] + "/" + parts[1] }
        return parts.first ?? specifier
    }

    /// The packages `installed` brings, with their known dependencies; nil when one of them has
    /// dependencies docverify doesn't know (an import might then come from it).
    public static func closure(of installed: Set<String>, ecosystem: ProcedureStep.Ecosystem) -> Set<String>? {
        let table = ecosystem == .python ? pythonDependencies : nodeDependencies
        var result = installed
        for package in installed {
            guard let dependencies = table[package] else { return nil }
            for dependency in dependencies { result.insert(ecosystem == .python ? normalizePython(dependency) : dependency) }
        }
        return result
    }
}
