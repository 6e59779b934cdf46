/// What `activations --version` prints: the package version, and whether this build's kernels were
/// compiled for a particular CPU (`ACTIVATIONLAB_TARGET_CPU`, read by Package.swift) or for the baseline.
enum Version {
    /// The package version (no release has been tagged yet).
    static let number = "0.1.0-dev"

    #if TUNED_FOR_TARGET_CPU
        static let kernels = "kernels compiled for the CPU named by ACTIVATIONLAB_TARGET_CPU"
    #else
        static let kernels = "portable kernels (set ACTIVATIONLAB_TARGET_CPU=native for the build machine's CPU)"
    #endif

    static var description: String { "\(number), \(kernels)" }
}
