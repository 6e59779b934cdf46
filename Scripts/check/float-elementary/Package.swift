// swift-tools-version: 6.1
// Every Float input through the vectorised elementary functions, in release, without a release build of
// the main package's whole test suite (which rebuilds every dependency for testing). Run it through
// Scripts/check/check-float-elementary. Its one source of cases is the test suite's own file,
// Tests/ActivationFunctionsTests/Support/FloatElementaryCases.swift, linked here.
import PackageDescription

/// The main package is three folders up; SwiftPM names a path dependency after its folder.
let mainPackage = String(
    Context.packageDirectory.split(separator: "/").dropLast(3).last ?? "ActivationLab")

let package = Package(
    name: "FloatElementaryCheck",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "../../..")],
    targets: [
        .executableTarget(
            name: "FloatElementary",
            dependencies: [.product(name: "ActivationFunctions", package: mainPackage)]
        ),
    ]
)
