import ArgumentParser

/// The floating-point type a command computes in (`--type`).
enum NumberType: String, ExpressibleByArgument, CaseIterable {
    case double, float
}
