// swift-tools-version: 6.1
import PackageDescription

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
    ],
    targets: [
        .target(
            name: "ActivationFunctions",
            dependencies: [.product(name: "RealModule", package: "swift-numerics")]
        ),
        .target(name: "NeuralNet", dependencies: ["ActivationFunctions"]),
        .target(name: "Plotting"),
        .target(name: "Lab", dependencies: ["ActivationFunctions", "NeuralNet", "Plotting"]),
        .target(
            name: "Playground",
            dependencies: ["Lab", "NeuralNet", "ActivationFunctions", .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")],
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
        .testTarget(name: "PlottingTests", dependencies: ["Plotting"]),
        .testTarget(name: "LabTests", dependencies: ["Lab", "NeuralNet", "Plotting", "ActivationFunctions"]),
        .testTarget(
            name: "PlaygroundTests",
            dependencies: ["Playground", "NeuralNet", "ActivationFunctions", .product(name: "HummingbirdTesting", package: "hummingbird")]
        ),
        .testTarget(name: "activationsTests", dependencies: ["activations", "ActivationFunctions"]),
    ]
)
