// swift-tools-version:6.0
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
    ],
    targets: [
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS", pkgConfig: nil, providers: [.apt(["libopenblas-dev"])]),
        .target(name: "FactCheckCore"),
        .target(name: "Tokenizers", swiftSettings: optimized),
        .target(name: "Inference", dependencies: ["CBLAS", "Tokenizers"], swiftSettings: optimized),
        .target(name: "Verification", dependencies: ["FactCheckCore", "Inference"]),
        .target(name: "Stages", dependencies: ["FactCheckCore"], resources: [.copy("Credibility/domains.json")]),
        .executableTarget(
            name: "FactCheckCLI",
            dependencies: [
                "FactCheckCore",
                "Inference",
                "Verification",
                "CBLAS",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "TokenizersTests", dependencies: ["Tokenizers"], resources: [.copy("Fixtures")]),
        .testTarget(name: "InferenceTests", dependencies: ["Inference"], exclude: ["Support"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CoreTests", dependencies: ["FactCheckCore"]),
        .testTarget(name: "StagesTests", dependencies: ["Stages"]),
        .testTarget(name: "CLITests", dependencies: ["FactCheckCLI"]),
    ]
)
