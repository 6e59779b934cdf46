import RealModule

/// A small, fast, seedable generator (xoshiro256**, seeded through SplitMix64), so one seed fixes
/// the data, the initial weights and the order of the mini-batches on every platform.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// A generator whose whole stream is fixed by `seed` (any value, 0 included).
    public init(seed: UInt64) {
        var splitMix = seed
        func next() -> UInt64 {
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitMix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (next(), next(), next(), next())
    }

    /// The next 64 random bits (xoshiro256** output), advancing the state.
    public mutating func next() -> UInt64 {
        let result = rotate(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotate(state.3, 45)
        return result
    }

    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// A uniform number in [a, b).
    public mutating func uniform(_ a: Double, _ b: Double) -> Double {
        a + (b - a) * Double(next() >> 11) * 0x1p-53
    }

    /// A standard normal number, by Marsaglia's polar method (as TensorFlow Playground's gauss data).
    public mutating func normal(mean: Double = 0, standardDeviation: Double = 1) -> Double {
        while true {
            let u = uniform(-1, 1)
            let v = uniform(-1, 1)
            let s = u * u + v * v
            if s > 0 && s < 1 {
                return mean + standardDeviation * u * (-2 * Double.log(s) / s).squareRoot()
            }
        }
    }

    /// A derived generator, so that adding draws in one place does not shift another's stream.
    public mutating func split() -> SeededGenerator { SeededGenerator(seed: next()) }
}
