// swift-tools-version:6.1
// The module graph is the pipeline; each target only imports stages to its left:
// Core → Markup → DocFX → Quickstart → Procedure → Extraction → Requests → Transport / MockServer → Runner → Golden → Reporting → CLI
import PackageDescription

let package = Package(
    name: "docverify",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "docverify", targets: ["docverify"]),
        .executable(name: "docverify-fuzz", targets: ["Fuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        // OpenAPI 3.0/3.1 documents, typed; `traits: []` leaves out external loading (slower to build, unused).
        .package(url: "https://github.com/mattpolzin/OpenAPIKit", exact: "6.4.0", traits: []),
    ],
    targets: [
        // C interop: tiny system-library modules, each wrapped once in Swift.
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        // libcurl is loaded on first use (dlopen in CCurl/shim.h), not linked: no pkgConfig, whose `-lcurl`
        // would load it and its ~30 libraries at every start.
        .systemLibrary(name: "CCurl", providers: [.apt(["libcurl4-openssl-dev"])]),

        // Shared vocabulary: source locations, findings, JSON values.
        .target(name: "Core"),
        // Stage 1a: cmark → Swift value tree with source positions.
        .target(name: "Markup", dependencies: ["Core", "CCmark"]),
        // Stage 1b: the DocFX dialect (front matter, includes, zones, tabs, alerts, tables, code directives).
        .target(name: "DocFX", dependencies: ["Core", "Markup", .product(name: "Yams", package: "Yams")]),
        // Stage 1c: pivots → sections → tabs → steps → samples.
        .target(name: "Quickstart", dependencies: ["Core", "DocFX"]),
        // Stage 1d: the procedure a reader follows per pivot and tab: files, installs, variables, runs.
        .target(name: "Procedure", dependencies: ["Core", "DocFX", "Quickstart"]),
        // Stage 2a: language front-ends that read a sample's HTTP calls without running it.
        .target(name: "Extraction", dependencies: ["Core", "Quickstart", "Procedure"]),
        // Stage 2b: typed Codable chat-completions models, strict decoding, canonical form, document checks.
        .target(name: "Requests", dependencies: ["Core", "Quickstart", "Extraction"]),
        // Stage 3a: libcurl HTTP client.
        .target(name: "Transport", dependencies: ["Core", "CCurl"]),
        // Stage 3b: the embedded Azure OpenAI mock endpoint.
        .target(name: "MockServer", dependencies: [
            "Core", "Requests",
            "Extraction",  // MultipartPart: uploads are judged by the shared form models
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTLS", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),  // the mock's guarded HTTP/1 channel
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        // Stage 3c: runs scenarios through the transport, in dependency order.
        .target(name: "Runner", dependencies: ["Core", "Quickstart", "Extraction", "Requests", "Transport", "MockServer"]),
        // Stage 3d: golden files of the runs: record, compare, replay; the outputs the docs promise.
        .target(name: "Golden", dependencies: ["Core", "Quickstart", "Extraction", "Requests", "Runner", "Transport", .product(name: "Yams", package: "Yams")]),
        // Stage 4: limits the docs state, read as data, and the checks of requests against them.
        .target(name: "Limits", dependencies: ["Core", "DocFX", "Requests"]),
        // Stage 4b: OpenAPI specs (2 and 3, JSON or YAML) and the checks of requests and documented lists against them.
        .target(name: "Spec", dependencies: [
            "Core", "Extraction", "Requests", "Limits", .product(name: "Yams", package: "Yams"),
            .product(name: "OpenAPIKit", package: "OpenAPIKit"), .product(name: "OpenAPIKit30", package: "OpenAPIKit"),
            .product(name: "OpenAPIKitCompat", package: "OpenAPIKit"),
        ]),
        // Stage 4c: boundary probes of documented limits against an endpoint, and the drift report.
        .target(name: "Drift", dependencies: [
            "Core", "Requests", "Limits", "Spec", "Transport",
            "Extraction", "Runner", "Golden",  // doc ↔ golden: the goldens' recorded calls against the page's
        ]),
        // Stage 4b: what the repository accepts — inline suppressions and baselines.
        .target(name: "Policy", dependencies: ["Core"]),
        // Stage 4c: `.docverify.yml` — the repository's defaults for the command line.
        .target(name: "Config", dependencies: ["Core", .product(name: "Yams", package: "Yams")]),
        // Stage 5: report formats.
        .target(name: "Reporting", dependencies: ["Core", "Quickstart", "Procedure", "Extraction", "Requests", "Transport", "Runner"]),
        // Stage 6: the command line.
        .target(name: "CLI", dependencies: [
            "Core", "Markup", "DocFX", "Quickstart", "Procedure", "Extraction", "Requests", "Transport", "MockServer", "Runner", "Reporting", "Limits", "Golden", "Spec", "Drift", "Policy", "Config",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "docverify", dependencies: ["CLI"]),
        // A seeded mutation fuzzer over the readers (`make fuzz`); not part of the pipeline.
        .executableTarget(name: "Fuzz", dependencies: ["Core", "DocFX", "Quickstart", "Extraction"]),
        // Helpers for the test targets only: the shared corpus and throw-away TLS certificates.
        .target(name: "TestSupport", path: "Sources/TestSupport"),

        .testTarget(name: "CoreTests", dependencies: ["Core", "TestSupport"]),
        .testTarget(name: "MarkupTests", dependencies: ["Markup"]),
        .testTarget(name: "DocFXTests", dependencies: ["TestSupport", "DocFX"], resources: [.copy("Fixtures")]),
        .testTarget(name: "QuickstartTests", dependencies: ["TestSupport", "Quickstart"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ProcedureTests", dependencies: ["TestSupport", "Procedure", "Quickstart", "DocFX", "Core"]),
        .testTarget(name: "ExtractionTests", dependencies: ["TestSupport", "Extraction"]),
        .testTarget(name: "RequestsTests", dependencies: ["TestSupport", "Requests"]),
        .testTarget(name: "TransportTests", dependencies: [
            "TestSupport",
            "Transport",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTLS", package: "hummingbird"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        .testTarget(name: "MockServerTests", dependencies: [
            "TestSupport",
            "MockServer", .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        .testTarget(name: "RunnerTests", dependencies: ["TestSupport", "Runner", "MockServer"]),
        .testTarget(name: "LimitsTests", dependencies: ["TestSupport", "Limits", "DocFX", "Requests", "Extraction"]),
        .testTarget(name: "GoldenTests", dependencies: ["TestSupport", "Golden", "Runner", "MockServer", "Quickstart", "Extraction"]),
        .testTarget(name: "SpecTests", dependencies: ["TestSupport", "Spec", "Limits", "Requests", "Extraction", "DocFX", "MockServer", "Transport"]),
        .testTarget(name: "DriftTests", dependencies: ["TestSupport", "Drift", "Limits", "MockServer", "Transport", "Core", "Golden", "Runner", "Extraction", "Quickstart", "DocFX"]),
        .testTarget(name: "PolicyTests", dependencies: ["Policy", "Core"]),
        .testTarget(name: "ConfigTests", dependencies: ["Config", "Core"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport", "CLI", "Quickstart", "Core", "Drift", "Limits", "MockServer"]),
    ],
    swiftLanguageModes: [.v6]
)
