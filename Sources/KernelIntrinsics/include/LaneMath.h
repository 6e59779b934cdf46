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

#endif
