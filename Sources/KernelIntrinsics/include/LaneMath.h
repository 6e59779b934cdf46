#ifndef LANE_MATH_H
#define LANE_MATH_H

/// Square roots of whole vectors, for the `Lanes` conformances.
///
/// The standard library's `squareRoot()` on `SIMD16<Float>` and `SIMD4<Double>` compiles to one
/// scalar `vsqrtss` or `vsqrtsd` per lane on this toolchain; these compile to one `vsqrtps` or
/// `vsqrtpd` per register. Both round correctly, so the results are the same bits.

typedef float lanes_float16 __attribute__((ext_vector_type(16)));
typedef double lanes_double4 __attribute__((ext_vector_type(4)));

#if __has_builtin(__builtin_elementwise_sqrt)
static inline __attribute__((always_inline)) lanes_float16 lanes_sqrt_float16(lanes_float16 v) {
    return __builtin_elementwise_sqrt(v);
}

static inline __attribute__((always_inline)) lanes_double4 lanes_sqrt_double4(lanes_double4 v) {
    return __builtin_elementwise_sqrt(v);
}
#else
// An older Clang: lane by lane, the same correctly rounded results.
static inline __attribute__((always_inline)) lanes_float16 lanes_sqrt_float16(lanes_float16 v) {
    for (int i = 0; i < 16; i++) v[i] = __builtin_sqrtf(v[i]);
    return v;
}

static inline __attribute__((always_inline)) lanes_double4 lanes_sqrt_double4(lanes_double4 v) {
    for (int i = 0; i < 4; i++) v[i] = __builtin_sqrt(v[i]);
    return v;
}
#endif

/// a·b + c in every lane of a `Float` vector, without a library call per lane, for builds whose CPU
/// may lack fused multiply-add (baseline x86-64, what a dependent package gets with no flags). There
/// LLVM turns a vector fma into one `fmaf` call per lane, each spilling the live vector registers.
/// Here the product is formed in `double`, where it is exact (24 + 24 bits ≤ 53), and rounded twice
/// (to `double`, then to `float`): the result is the fused one except in rare double-rounding cases,
/// one ulp of an intermediate apart, and it is exactly the fused one wherever that is exactly
/// representable, as in the error-free transformations (a·b − hi of a two-product, 1 − q·d of a
/// division's residual). Builds for a named CPU use the fused instruction (`LanesSIMD.swift`).
typedef double lanes_double16 __attribute__((ext_vector_type(16)));

static inline __attribute__((always_inline)) lanes_float16 lanes_multiply_add_float16(
    lanes_float16 a, lanes_float16 b, lanes_float16 c) {
    lanes_double16 product = __builtin_convertvector(a, lanes_double16) * __builtin_convertvector(b, lanes_double16);
    return __builtin_convertvector(product + __builtin_convertvector(c, lanes_double16), lanes_float16);
}

#endif
