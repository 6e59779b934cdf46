import ActivationFunctions

/// How far a computed value is from a reference carried as hi + lo (the exact value to ~106 bits).
enum Ulp {
    /// Error of `y` in units in the last place of the exact value, for a `Double` result.
    static func error(_ y: Double, hi: Double, lo: Double) -> Double {
        if hi.isInfinite || y.isInfinite { return y == hi ? 0 : .infinity }
        if y.isNaN { return .infinity }
        let difference = abs((y - hi) - lo)
        if difference == 0 { return 0 }
        return difference / unit(hi, significandBits: 52, minExponent: -1022)
    }

    /// Error of a `Float` result in `Float` ulps of the exact value.
    static func error(_ y: Float, hi: Double, lo: Double) -> Double {
        let expected = Float(hi)
        if expected.isInfinite || y.isInfinite { return y == expected ? 0 : .infinity }
        if y.isNaN { return .infinity }
        let difference = abs((Double(y) - hi) - lo)
        if difference == 0 { return 0 }
        return difference / unit(hi, significandBits: 23, minExponent: -126)
    }

    /// The spacing of numbers with `significandBits` fraction bits at the magnitude of `x`.
    static func unit(_ x: Double, significandBits: Int, minExponent: Int) -> Double {
        let exponent = x == 0 ? minExponent : max(Int(x.exponent), minExponent)
        return Double(sign: .plus, exponent: exponent - significandBits, significand: 1)
    }

    /// |y − (hi + lo)| as a Double.
    static func absoluteError(_ y: Double, hi: Double, lo: Double) -> Double {
        if hi.isInfinite || y.isInfinite { return y == hi ? 0 : .infinity }
        return abs((y - hi) - lo)
    }
}

/// The pass rules, from the issue and reference/numerics-and-validation.md §5.
enum Tolerance {
    static let valueUlps = 4.0
    static let derivativeUlps = 4.0
    static let derivativeEpsilons = 4.0

    /// Values: within 4 ulp, subnormal results included (counted in the subnormal spacing). The
    /// reference's rules (§5.1.5) let a flushed subnormal pass too; the catalog promises more, and a
    /// function that returned 0 for a subnormal value (soft-clipping from x = −710) failed this.
    static func valueOK<T: BinaryFloatingPoint>(_ y: T, hi: Double, lo: Double, ulps: Double) -> Bool {
        ulps <= valueUlps
    }

    /// The one documented exception (see `SoftExponential`): for α > 0, near its zero crossing,
    /// e^{αx} − 1 and −α² cancel, and the error is bounded by ε·α absolute instead.
    static func nearSoftExponentialRoot<T: BinaryFloatingPoint>(_ y: T, _ point: ReferencePoint) -> Bool {
        guard point.id == "soft-exponential", let alpha = point.parameters["alpha"], alpha > 0 else { return false }
        return Ulp.absoluteError(Double(y), hi: point.value.hi, lo: point.value.lo) <= Double(T.ulpOfOne) * alpha
    }

    /// Derivatives: within 4 ulp or within 4ε absolute.
    static func derivativeOK<T: BinaryFloatingPoint>(_ y: T, hi: Double, lo: Double, ulps: Double) -> Bool {
        ulps <= derivativeUlps
            || Ulp.absoluteError(Double(y), hi: hi, lo: lo) <= derivativeEpsilons * Double(T.ulpOfOne)
    }
}
