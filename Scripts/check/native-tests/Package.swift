// swift-tools-version: 6.1
// The ActivationFunctions test suite on kernels compiled for this CPU (AVX2 and FMA, or AVX-512: the
// branches of LaneMath.h and LaneMasks.h that CI's debug build, tuned for baseline x86-64, never takes),
// in release, without building the main package's other modules and their dependencies for testing.
// Run it through Scripts/check/check-native-tests. Its tests are the main suite's own folder, linked here.
import PackageDescription

/// The main package is three folders up; SwiftPM names a path dependency after its folder.
let mainPackage = String(
    Context.packageDirectory.split(separator: "/").dropLast(3).last ?? "ActivationLab")

let package = Package(
    name: "NativeTests",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "../../..")],
    targets: [
        .testTarget(
            name: "NativeActivationFunctionsTests",
            dependencies: [.product(name: "ActivationFunctions", package: mainPackage)],
            path: "Tests/ActivationFunctionsTests",
            exclude: ["Fixtures"]
        ),
    ]
)
