// swift-tools-version: 6.1
import PackageDescription

/// Release builds of this package as the root (the README's commands) compile the kernels for the
/// build machine's CPU (AVX2 + FMA where it has them). Unsafe flags would make the package unusable
/// as a versioned dependency, so a checkout under another package's `checkouts/` gets none; such a
/// user passes `-Xswiftc -target-cpu -Xswiftc native` instead (README, "Speed").
let isCheckedOutDependency = Context.packageDirectory.contains("/checkouts/")
let kernelSettings: [SwiftSetting] = isCheckedOutDependency
    ? [] : [.unsafeFlags(["-target-cpu", "native"], .when(configuration: .release))]
/// The matrix kernel also uses fused multiply-add there (one instruction on any x86-64 CPU since 2013;
/// without `-target-cpu` it would be a library call per lane, so it is only switched on with the flag).
let matrixSettings: [SwiftSetting] = isCheckedOutDependency
    ? [] : kernelSettings + [.define("FUSED_MULTIPLY_ADD", .when(configuration: .release))]

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
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        .target(
            name: "ActivationFunctions",
            dependencies: ["KernelIntrinsics", .product(name: "RealModule", package: "swift-numerics")],
            swiftSettings: kernelSettings
        ),
        .target(name: "KernelIntrinsics"),
        .target(name: "NeuralNet", dependencies: ["ActivationFunctions"], swiftSettings: matrixSettings),
        .target(name: "Plotting"),
        .target(name: "Lab", dependencies: ["ActivationFunctions", "NeuralNet", "Plotting"]),
        .target(
            name: "Playground",
            dependencies: ["Lab", "NeuralNet", "ActivationFunctions", .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                           // The connection limit is a NIO channel handler (ConnectionLimit.swift).
                           .product(name: "HummingbirdCore", package: "hummingbird"), .product(name: "NIOCore", package: "swift-nio"),
                           .product(name: "NIOHTTPTypes", package: "swift-nio-extras"), .product(name: "HTTPTypes", package: "swift-http-types")],
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
            ]
        ),
        .testTarget(name: "ActivationFunctionsTests", dependencies: ["ActivationFunctions"], exclude: ["Fixtures"]),
        .testTarget(name: "NeuralNetTests", dependencies: ["NeuralNet", "ActivationFunctions"]),
        .target(name: "SVGTestSupport", path: "Tests/SVGTestSupport"),
        .testTarget(name: "PlottingTests", dependencies: ["Plotting", "SVGTestSupport"]),
        .testTarget(name: "LabTests", dependencies: ["Lab", "NeuralNet", "Plotting", "ActivationFunctions", "SVGTestSupport"]),
        .testTarget(
            name: "PlaygroundTests",
            dependencies: ["Playground", "NeuralNet", "ActivationFunctions", .product(name: "HummingbirdTesting", package: "hummingbird")]
        ),
        .testTarget(name: "activationsTests", dependencies: ["activations", "ActivationFunctions"]),
    ]
)
