// swift-tools-version:6.1
import PackageDescription

/// The numeric targets are optimised even in debug builds: tests run real models through them.
let optimized: [SwiftSetting] = [.unsafeFlags(["-O"])]

let package = Package(
    name: "FactCheck",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "factcheck", targets: ["FactCheckCLI"]),
        .library(name: "Tokenizers", targets: ["Tokenizers"]),
        .library(name: "Inference", targets: ["Inference"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.0.0"),
        // Without swift-configuration (the default trait): the CLI parses its own options.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.20.0", traits: ["FullFoundation"]),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.1.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.0" ..< "5.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
    ],
    targets: [
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS", pkgConfig: nil, providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "English", resources: [.copy("common_words.txt")]),
        .target(name: "FactCheckCore", dependencies: [.product(name: "Crypto", package: "swift-crypto")], swiftSettings: optimized),
        .target(name: "Tokenizers", swiftSettings: optimized),
        .target(name: "Inference", dependencies: ["FactCheckCore", "CBLAS", "Tokenizers"], swiftSettings: optimized),
        .target(name: "Provisioning", dependencies: ["FactCheckCore"]),
        .target(name: "Verification", dependencies: ["FactCheckCore", "Inference"]),
        .target(name: "Store", dependencies: ["FactCheckCore", "English", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "PostgresStore", dependencies: ["FactCheckCore", .product(name: "PostgresNIO", package: "postgres-nio")]),
        .target(name: "Ingestion", dependencies: ["FactCheckCore", "English", "Store", "CLibXML2"]),
        .target(name: "Fetching", dependencies: ["FactCheckCore", "Ingestion", .product(name: "AsyncHTTPClient", package: "async-http-client")]),
        .target(name: "Retrieval", dependencies: ["FactCheckCore", "English"], swiftSettings: optimized),
        .target(name: "Providers", dependencies: ["FactCheckCore", "English", "Fetching"]),
        .target(name: "LLM", dependencies: ["FactCheckCore", "English", .product(name: "AsyncHTTPClient", package: "async-http-client")]),
        .target(name: "Stages", dependencies: ["FactCheckCore", "English"], resources: [.copy("Credibility/domains.json"), .copy("Verdict/calibration.json"), .copy("Extraction/checkworthiness.json")]),
        .target(
            name: "FactCheckWeb",
            dependencies: [
                "FactCheckCore",
                "English",
                "Stages",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Templates"), .copy("Static"), .copy("openapi.json")]
        ),
        .target(
            name: "FactCheckWebTesting",
            dependencies: ["FactCheckCore", "English", "Stages"]
        ),
        .executableTarget(
            name: "FactCheckCLI",
            dependencies: [
                "FactCheckCore",
                "Tokenizers",
                "Inference",
                "Provisioning",
                "Verification",
                "Stages",
                "Store",
                "PostgresStore",
                "Ingestion",
                "Retrieval",
                "Fetching",
                "Providers",
                "LLM",
                "FactCheckWeb",
                "CBLAS",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(name: "TokenizersTests", dependencies: ["Tokenizers", "FactCheckWebTesting"], resources: [.copy("Fixtures")]),
        .testTarget(name: "InferenceTests", dependencies: ["FactCheckCore", "Inference", "Provisioning"], exclude: ["Support"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CoreTests", dependencies: ["FactCheckCore"]),
        .testTarget(name: "EnglishTests", dependencies: ["English"]),
        .testTarget(name: "StagesTests", dependencies: ["Stages", "English", "FactCheckWebTesting"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "English", "PostgresStore", "Ingestion", "Retrieval", "FactCheckWebTesting",
                                                   .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "FetchingTests", dependencies: ["Fetching", "FactCheckCore", "Ingestion", "FactCheckWebTesting"], exclude: ["Support", "Fixtures"]),
        .testTarget(name: "ProvidersTests", dependencies: ["Providers", "Retrieval", "Stages", "FactCheckCore", "Fetching", "FactCheckWebTesting"], exclude: ["Support"]),
        .testTarget(name: "CLITests", dependencies: ["FactCheckCLI", "FactCheckWebTesting"]),
        .testTarget(name: "LLMTests", dependencies: ["LLM", "English", "FactCheckCore", "FactCheckWebTesting"], exclude: ["Support"]),
        .testTarget(
            name: "WebTests",
            dependencies: [
                "FactCheckWeb", "FactCheckWebTesting", "Store", "Fetching", "Stages",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
    ]
)
