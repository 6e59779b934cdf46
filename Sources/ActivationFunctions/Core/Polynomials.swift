import KernelIntrinsics

// Polynomials by Horner's rule, written once for every build.
//
// c.0·xⁿ⁻¹ + c.1·xⁿ⁻² + … + c.(n−1) for n coefficients (highest power first), every step fused: the
// chain of `horner` steps each overload spells out, where the build may use the fused instruction;
// in a portable x86-64 build, one call for the whole polynomial (`LaneMath.h`: `lanes_horner_float16`,
// `lanes_horner_double4`) instead of a multiply-add per step (`Float`: formed in `Double`, dozens of
// instructions; `Double`: two calls). With glibc that call makes the same fused steps in the same
// order, so the bits do not depend on the build; elsewhere on x86-64 (macOS, musl, Windows) the
// `Float` steps keep the `Double` form (see `lanes_horner_float16`). One overload per length in use,
// so that the coefficients' literals take the lanes' type. (A loop over the coefficients in place of
// the chain cost a native build up to 14 % in gelu's kernels, by more spills; the chain is what the
// build had before.)
//
// The portable call reads the coefficients from a copy of the tuple on the stack, written at every
// call: cheap for `Float` (one 4-byte store each), but for `Double` it made the exponential-based
// kernels 0.82–0.95× as fast with e^r's 12 coefficients (and an array built from the tuple's elements
// in each overload was no better), so `SIMD4<Double>.expTail` keeps its own list (an array literal)
// beside its chain. `SIMD4<Double>.logCore` keeps its chain (7 coefficients; its one-call form was not
// measured alone). The `Double` overloads serve erfc's and the trigonometric
// polynomials (27, 11 and 6 coefficients).

extension SIMD16 where Scalar == Float {
    @inlinable @inline(__always)
    static func polynomial(_ x: Self, _ c: (Float, Float, Float)) -> Self {
        evaluate(x, c) { Self(repeating: c.0).horner(x, c.1).horner(x, c.2) }
    }
    @inlinable @inline(__always)
    static func polynomial(_ x: Self, _ c: (Float, Float, Float, Float)) -> Self {
        evaluate(x, c) { Self(repeating: c.0).horner(x, c.1).horner(x, c.2).horner(x, c.3) }
    }
    @inlinable @inline(__always)
    static func polynomial(_ x: Self, _ c: (Float, Float, Float, Float, Float)) -> Self {
        evaluate(x, c) { Self(repeating: c.0).horner(x, c.1).horner(x, c.2).horner(x, c.3).horner(x, c.4) }
    }
    @inlinable @inline(__always)
    static func polynomial(_ x: Self, _ c: (Float, Float, Float, Float, Float, Float)) -> Self {
        evaluate(x, c) {
            Self(repeating: c.0).horner(x, c.1).horner(x, c.2).horner(x, c.3).horner(x, c.4).horner(x, c.5)
        }
    }
    @inlinable @inline(__always)
    static func polynomial(_ x: Self, _ c: (Float, Float, Float, Float, Float, Float, Float)) -> Self {
        evaluate(x, c) {
            Self(repeating: c.0).horner(x, c.1).horner(x, c.2).horner(x, c.3).horner(x, c.4).horner(x, c.5)
                .horner(x, c.6)
        }
    }
    @inlinable @inline(__always)
    static func polynomial(_ x: Self, _ c: (Float, Float, Float, Float, Float, Float, Float, Float, Float)) -> Self {
        evaluate(x, c) {
            Self(repeating: c.0).horner(x, c.1).horner(x, c.2).horner(x, c.3).horner(x, c.4).horner(x, c.5)
                .horner(x, c.6).horner(x, c.7).horner(x, c.8)
        }
    }

    /// `chain()`, or in a portable x86-64 build the same polynomial in one call (`lanes_horner_float16`),
    /// its coefficients read from the tuple `coefficients` (the overloads above pass `Float`s only).
    @usableFromInline @inline(__always)
    static func evaluate<Coefficients>(_ x: Self, _ coefficients: Coefficients, chain: () -> Self) -> Self {
        assert(MemoryLayout<Coefficients>.alignment == MemoryLayout<Float>.alignment, "a tuple of Floats")
        #if arch(x86_64) && !TUNED_FOR_TARGET_CPU
            return withUnsafeBytes(of: coefficients) { bytes in
                let c = bytes.assumingMemoryBound(to: Float.self)
                return lanes_horner_float16(x, c.baseAddress!, c.count)
            }
        #else
            return chain()
        #endif
    }
}

extension SIMD4 where Scalar == Double {
    @inlinable @inline(__always)
    static func polynomial(_ x: Self, _ c: (Double, Double, Double, Double, Double, Double)) -> Self {
        evaluate(x, c) {
            Self(repeating: c.0).horner(x, c.1).horner(x, c.2).horner(x, c.3).horner(x, c.4).horner(x, c.5)
        }
    }
    @inlinable @inline(__always)
    static func polynomial(
        _ x: Self,
        _ c: (Double, Double, Double, Double, Double, Double, Double, Double, Double, Double, Double)
    ) -> Self {
        evaluate(x, c) {
            Self(repeating: c.0).horner(x, c.1).horner(x, c.2).horner(x, c.3).horner(x, c.4).horner(x, c.5)
                .horner(x, c.6).horner(x, c.7).horner(x, c.8).horner(x, c.9).horner(x, c.10)
        }
    }
    @inlinable @inline(__always)
    static func polynomial(
        _ x: Self,
        _ c: (Double, Double, Double, Double, Double, Double, Double, Double, Double, Double, Double, Double, Double,
            Double, Double, Double, Double, Double, Double, Double, Double, Double, Double, Double, Double, Double,
            Double)
    ) -> Self {
        evaluate(x, c) {
            Self(repeating: c.0).horner(x, c.1).horner(x, c.2).horner(x, c.3).horner(x, c.4).horner(x, c.5)
                .horner(x, c.6).horner(x, c.7).horner(x, c.8).horner(x, c.9).horner(x, c.10).horner(x, c.11)
                .horner(x, c.12).horner(x, c.13).horner(x, c.14).horner(x, c.15).horner(x, c.16).horner(x, c.17)
                .horner(x, c.18).horner(x, c.19).horner(x, c.20).horner(x, c.21).horner(x, c.22).horner(x, c.23)
                .horner(x, c.24).horner(x, c.25).horner(x, c.26)
        }
    }

    /// `chain()`, or in a portable x86-64 build the same polynomial in one call per half vector
    /// (`lanes_horner_double4`), its coefficients read from the tuple `coefficients` (the overloads
    /// above pass `Double`s only).
    @usableFromInline @inline(__always)
    static func evaluate<Coefficients>(_ x: Self, _ coefficients: Coefficients, chain: () -> Self) -> Self {
        assert(MemoryLayout<Coefficients>.alignment == MemoryLayout<Double>.alignment, "a tuple of Doubles")
        #if arch(x86_64) && !TUNED_FOR_TARGET_CPU
            return withUnsafeBytes(of: coefficients) { bytes in
                let c = bytes.assumingMemoryBound(to: Double.self)
                return lanes_horner_double4(x, c.baseAddress!, c.count)
            }
        #else
            return chain()
        #endif
    }
}
