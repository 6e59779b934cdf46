// swift-tools-version: 6.1
import PackageDescription

/// Kernels compiled for a particular CPU, by an explicit switch: the environment variable
/// `ACTIVATIONLAB_TARGET_CPU`, read here as swift-syntax reads its own. Unset or empty (the default),
/// every target builds for the toolchain's baseline CPU (x86-64: SSE2) with no unsafe flags, so the
/// package works as a dependency of any kind: a git tag, a registry release, a branch or a local path.
/// Set to a CPU name (`native` for the build machine, or `haswell`, `znver3`, …; not `x86-64-v3`),
/// release builds compile `ActivationFunctions`, `NeuralNet` and `activations` with `-target-cpu` for it
/// (AVX2 and FMA where it has them: about 2× faster kernels) and the matrix kernel with fused
/// multiply-add; `activations --version` says which kind of build it is:
///
///     ACTIVATIONLAB_TARGET_CPU=native swift run -c release activations serve
///
/// SwiftPM refuses unsafe flags in a package resolved by version, so set it only where this package is
/// the root or a path dependency. (A dependent that wants the speed without it passes
/// `-Xswiftc -target-cpu -Xswiftc native` to its own build.) Public types never depend on it.
let targetCPU = Context.environment["ACTIVATIONLAB_TARGET_CPU"] ?? ""
if targetCPU.contains(where: { !($0.isLetter || $0.isNumber || "-_.".contains($0)) }) {
    fatalError("ACTIVATIONLAB_TARGET_CPU=\(targetCPU): expected a CPU name such as native, haswell or znver3")
}
let tuning: [SwiftSetting] = targetCPU.isEmpty ? [] : [
    .unsafeFlags(["-target-cpu", targetCPU], .when(configuration: .release)),
    .define("TUNED_FOR_TARGET_CPU", .when(configuration: .release)),
]
/// The matrix kernel uses fused multiply-add only with `-target-cpu`: without it, `fma` is a library
/// call per lane. The define changes no public declaration.
let matrixTuning: [SwiftSetting] = targetCPU.isEmpty ? [] : tuning + [
    .define("FUSED_MULTIPLY_ADD", .when(configuration: .release)),
]

let package = Package(
    name: "ActivationLab",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ActivationFunctions", targets: ["ActivationFunctions"]),
        .library(name: "NeuralNet", targets: ["NeuralNet"]),
        .library(name: "Plotting", targets: ["Plotting"]),
        .library(name: "Lab", targets: ["Lab"]),
        .library(name: "Playground", targets: ["Playground"]),
        .executable(name: "activations", targets: ["activations"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // `swift package generate-documentation`: the DocC catalogs in Sources/<Module>/<Module>.docc.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // The page's frames over one WebSocket per session (Sources/Playground/Server/FrameSocket.swift).
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
    ],
    targets: [
        .target(
            name: "ActivationFunctions",
            dependencies: ["KernelIntrinsics", .product(name: "RealModule", package: "swift-numerics")],
            swiftSettings: tuning
        ),
        .target(name: "KernelIntrinsics"),
        .target(
            name: "NeuralNet",
            dependencies: ["ActivationFunctions", .product(name: "RealModule", package: "swift-numerics")],
            exclude: ["Resources/README.md"],
            resources: [.copy("Resources/digits.csv")],
            swiftSettings: matrixTuning
        ),
        .target(name: "Plotting"),
        // Lab only reads the define, to say which kernels its timings (relu-is-cheap) measured.
        .target(name: "Lab", dependencies: ["ActivationFunctions", "NeuralNet", "Plotting"],
                swiftSettings: targetCPU.isEmpty ? [] : [.define("TUNED_FOR_TARGET_CPU", .when(configuration: .release))]),
        .target(
            name: "Playground",
            dependencies: ["Lab", "NeuralNet", "ActivationFunctions", .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                           // The connection limit is a NIO channel handler (ConnectionLimit.swift).
                           .product(name: "HummingbirdCore", package: "hummingbird"), .product(name: "NIOCore", package: "swift-nio"),
                           // The parser's errors (MalformedRequestReply.swift).
                           .product(name: "NIOHTTP1", package: "swift-nio"),
                           .product(name: "NIOHTTPTypes", package: "swift-nio-extras"), .product(name: "HTTPTypes", package: "swift-http-types"),
                           .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                           .product(name: "NIOWebSocket", package: "swift-nio")],
            resources: [.copy("Web")]
        ),
        .executableTarget(
            name: "activations",
            dependencies: [
                "ActivationFunctions",
                "NeuralNet",
                "Plotting",
                "Lab",
                "Playground",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: tuning
        ),
        .testTarget(name: "ActivationFunctionsTests", dependencies: ["ActivationFunctions"], exclude: ["Fixtures"]),
        .testTarget(name: "NeuralNetTests", dependencies: ["NeuralNet", "ActivationFunctions", "TestSupport"]),
        .target(name: "SVGTestSupport", path: "Tests/SVGTestSupport"),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "PlottingTests", dependencies: ["Plotting", "SVGTestSupport"]),
        .testTarget(
            name: "LabTests", dependencies: ["Lab", "NeuralNet", "Plotting", "ActivationFunctions", "SVGTestSupport", "TestSupport"]),
        .testTarget(
            name: "PlaygroundTests",
            dependencies: ["Playground", "NeuralNet", "ActivationFunctions", .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "HummingbirdTesting", package: "hummingbird"), "TestSupport"]
        ),
        .testTarget(name: "activationsTests", dependencies: ["activations", "ActivationFunctions", "TestSupport"]),
        .testTarget(
            name: "FuzzTests",
            dependencies: [
                "NeuralNet", "ActivationFunctions", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
    ]
)
