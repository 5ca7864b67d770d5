// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "FactCheck",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "factcheck", targets: ["FactCheckCLI"]),
        .library(name: "Inference", targets: ["Inference"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS", pkgConfig: nil, providers: [.apt(["libopenblas-dev"])]),
        .target(name: "Inference", dependencies: ["CBLAS"]),
        .executableTarget(
            name: "FactCheckCLI",
            dependencies: [
                "Inference",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "InferenceTests", dependencies: ["Inference"], exclude: ["Support"], resources: [.copy("Fixtures")]),
    ]
)
