// swift-tools-version: 6.1
// The package benchmarks (ordo-one/benchmark), kept out of the main package so that `swift build`
// and `swift test` there never fetch or build the benchmark harness (and its jemalloc interposer).
// Run from this folder: ACTIVATIONLAB_TARGET_CPU=native swift package --disable-sandbox benchmark
// (the variable compiles the main package's kernels for this CPU; see its Package.swift).
import PackageDescription

/// The main package is the folder above; SwiftPM names a path dependency after its folder.
let mainPackage = String(Context.packageDirectory.split(separator: "/").dropLast().last ?? "ActivationLab")

let package = Package(
    name: "ActivationLabBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "Kernels",
            dependencies: [
                .product(name: "ActivationFunctions", package: mainPackage),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/Kernels",
            swiftSettings: [.unsafeFlags(["-target-cpu", "native"], .when(configuration: .release))],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
