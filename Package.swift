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
        .executable(name: "activations", targets: ["activations"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(
            name: "ActivationFunctions",
            dependencies: [.product(name: "RealModule", package: "swift-numerics")]
        ),
        .target(name: "NeuralNet", dependencies: ["ActivationFunctions"]),
        .target(name: "Plotting"),
        .target(name: "Lab", dependencies: ["ActivationFunctions", "NeuralNet", "Plotting"]),
        .executableTarget(
            name: "activations",
            dependencies: [
                "ActivationFunctions",
                "NeuralNet",
                "Plotting",
                "Lab",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ActivationFunctionsTests", dependencies: ["ActivationFunctions"], exclude: ["Fixtures"]),
        .testTarget(name: "NeuralNetTests", dependencies: ["NeuralNet", "ActivationFunctions"]),
        .testTarget(name: "PlottingTests", dependencies: ["Plotting"]),
        .testTarget(name: "LabTests", dependencies: ["Lab", "NeuralNet", "Plotting", "ActivationFunctions"]),
        .testTarget(name: "activationsTests", dependencies: ["activations", "ActivationFunctions"]),
    ]
)
