#ifndef LANE_MATH_H
#define LANE_MATH_H

#include <stddef.h>

/// Square roots of whole vectors, for the `Lanes` conformances.
///
/// The standard library's `squareRoot()` on `SIMD16<Float>` and `SIMD4<Double>` compiles to one
/// scalar `vsqrtss` or `vsqrtsd` per lane on this toolchain; these compile to one `vsqrtps` or
/// `vsqrtpd` per register. Both round correctly, so the results are the same bits.

typedef float lanes_float16 __attribute__((ext_vector_type(16)));
typedef double lanes_double4 __attribute__((ext_vector_type(4)));
typedef float lanes_float4 __attribute__((ext_vector_type(4)));

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

/// a·b + c, fused, in every lane of a `Double` vector (`SIMD4<Double>.addingProduct`, `LanesSIMD.swift`).
///
/// Where the compiler may use the fused instruction (`-target-cpu` naming a CPU with FMA, whether this
/// package's `ACTIVATIONLAB_TARGET_CPU` or a dependent's own `-Xswiftc -target-cpu`), it is that
/// instruction, inline. Elsewhere LLVM would make a vector fma one `fma` call per lane, and since every
/// vector register is caller-saved, each call spills and reloads the live vectors around it; `Double`
/// has no wider type to form the product in exactly (as `Float` lanes do above). With glibc on x86-64
/// it is instead one call per 16-byte half, operands and result in registers, to a function with two
/// clones (`KernelIntrinsics.c`: the FMA instruction, or the C library's `fma` per lane, chosen once by
/// the dynamic loader through an ifunc): 2.3–3.3× faster `Double` kernels. Other C libraries (musl,
/// Bionic) and other systems keep the library call per lane. Every path gives the correctly rounded
/// fused result, so the bits do not depend on the build. (One call per 32-byte vector, by pointer,
/// reached about 0.6 of this speed: each Horner step waited for a store and its reload.)
typedef double lanes_double2 __attribute__((ext_vector_type(2)));
#if defined(__x86_64__) && defined(__linux__) && !defined(__ANDROID__) && defined(__has_include)
#if __has_include(<features.h>)
#include <features.h>
#endif
#endif
#if defined(__x86_64__) && defined(__GLIBC__) && !defined(__ANDROID__)
#define LANES_FMA_BY_IFUNC 1
lanes_double2 lanes_fused_multiply_add_double2(lanes_double2 a, lanes_double2 b, lanes_double2 c);
lanes_double2 lanes_horner_double2(lanes_double2 x, const double *coefficients, ptrdiff_t count);
void lanes_horner_float4x4(lanes_float4 x0, lanes_float4 x1, lanes_float4 x2, lanes_float4 x3,
    const float *coefficients, ptrdiff_t count, lanes_float4 *result);
#endif

#ifndef LANES_DEFINING_FMA_CLONES  // KernelIntrinsics.c defines the clones, which must precede any use
static inline __attribute__((always_inline)) lanes_double4 lanes_multiply_add_double4(
    lanes_double4 a, lanes_double4 b, lanes_double4 c) {
#if defined(__FMA__) || !defined(LANES_FMA_BY_IFUNC)
#if __has_builtin(__builtin_elementwise_fma)
    return __builtin_elementwise_fma(a, b, c);  // the vector fma the standard library's method makes
#else
    lanes_double4 result;
    for (int i = 0; i < 4; i++) result[i] = __builtin_fma(a[i], b[i], c[i]);
    return result;
#endif
#else
    lanes_double2 low = lanes_fused_multiply_add_double2(a.xy, b.xy, c.xy);
    lanes_double2 high = lanes_fused_multiply_add_double2(a.zw, b.zw, c.zw);
    return __builtin_shufflevector(low, high, 0, 1, 2, 3);
#endif
}

/// c[0]·xⁿ⁻¹ + … + c[n−1] in every lane by Horner's rule with fused steps (`SIMD4<Double>.polynomial`
/// and `expTail` in portable x86-64 builds): inline where the compiler may use the instruction, else
/// (glibc) one call per half vector for the whole polynomial rather than two per step. The same steps
/// in the same order, so the same bits.
static inline __attribute__((always_inline)) lanes_double4 lanes_horner_double4(
    lanes_double4 x, const double *coefficients, ptrdiff_t count) {
#if defined(__FMA__) || !defined(LANES_FMA_BY_IFUNC)
    lanes_double4 p = coefficients[0];
    for (ptrdiff_t i = 1; i < count; i++) p = lanes_multiply_add_double4(p, x, (lanes_double4)coefficients[i]);
    return p;
#else
    lanes_double2 low = lanes_horner_double2(x.xy, coefficients, count);
    lanes_double2 high = lanes_horner_double2(x.zw, coefficients, count);
    return __builtin_shufflevector(low, high, 0, 1, 2, 3);
#endif
}
#endif

/// sum + v in `double`, lane by lane: each `float` is exact in `double`, so only the additions round.
/// For the row kernels' sums of `Float` lanes (`LaneSums`): two conversions and two additions per
/// register of 16 on AVX-512, where a compensated `float` sum (Kahan) takes four dependent additions.
static inline __attribute__((always_inline)) lanes_double16 lanes_accumulate_float16(
    lanes_double16 sum, lanes_float16 v) {
    return sum + __builtin_convertvector(v, lanes_double16);
}

static inline __attribute__((always_inline)) lanes_float16 lanes_multiply_add_float16(
    lanes_float16 a, lanes_float16 b, lanes_float16 c) {
    lanes_double16 product = __builtin_convertvector(a, lanes_double16) * __builtin_convertvector(b, lanes_double16);
    return __builtin_convertvector(product + __builtin_convertvector(c, lanes_double16), lanes_float16);
}

/// c[0]·xⁿ⁻¹ + … + c[n−1] in every lane of a `Float` vector by Horner's rule, each step fused
/// (`SIMD16<Float>.polynomial` in portable x86-64 builds). Where the compiler may use the fused
/// instruction, that instruction inline. Where it may not (no FMA in the compile target) and the C
/// library is glibc, where a multiply-add of `Float` lanes is formed in `double` (above: conversions,
/// products and sums in eight registers, then back), the whole polynomial is one call
/// (`KernelIntrinsics.c`: the FMA instruction when the CPU running it has one, else the C library's
/// `fmaf`), the vector in four registers and the result through memory: 1.2–1.6× faster `Float`
/// kernels. Both round each step once, as the instruction does. Other x86-64 builds without FMA
/// (macOS, musl, Windows: no ifunc) keep the `double` form per step, which may round twice in rare
/// cases, one ulp of a step apart.
#ifndef LANES_DEFINING_FMA_CLONES
static inline __attribute__((always_inline)) lanes_float16 lanes_horner_float16(
    lanes_float16 x, const float *coefficients, ptrdiff_t count) {
#if defined(__FMA__) || !defined(LANES_FMA_BY_IFUNC)
    lanes_float16 p = coefficients[0];
    for (ptrdiff_t i = 1; i < count; i++) {
#if defined(__FMA__) && __has_builtin(__builtin_elementwise_fma)
        p = __builtin_elementwise_fma(p, x, (lanes_float16)coefficients[i]);
#elif defined(__FMA__)
        for (int lane = 0; lane < 16; lane++) p[lane] = __builtin_fmaf(p[lane], x[lane], coefficients[i]);
#else
        p = lanes_multiply_add_float16(p, x, (lanes_float16)coefficients[i]);
#endif
    }
    return p;
#else
    lanes_float4 quarters[4];
    lanes_horner_float4x4(__builtin_shufflevector(x, x, 0, 1, 2, 3), __builtin_shufflevector(x, x, 4, 5, 6, 7),
        __builtin_shufflevector(x, x, 8, 9, 10, 11), __builtin_shufflevector(x, x, 12, 13, 14, 15),
        coefficients, count, quarters);
    return __builtin_shufflevector(
        __builtin_shufflevector(quarters[0], quarters[1], 0, 1, 2, 3, 4, 5, 6, 7),
        __builtin_shufflevector(quarters[2], quarters[3], 0, 1, 2, 3, 4, 5, 6, 7),
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
#endif
}
#endif

/// The clamps of the `Lanes` helpers (`positivePart`, `clamped`, …) on `Float` vectors, keeping NaN.
///
/// `x < lower ? lower : x` is what x86's `maxps lower, x` computes, bit for bit: it returns its second
/// operand whenever the comparison lower > x fails, so a NaN x stays NaN and −0 stays −0 (where
/// `fmax` would drop a NaN). Written as a select in Swift, LLVM made it a compare, an and and a blend,
/// plus a second compare and blend for a clamp from above (measured in the disassembly): four to six
/// instructions per register for relu6, against two here. Likewise `x > upper ? upper : x` is
/// `minps upper, x`. Other CPUs take the select lane by lane (the same bits).
typedef float lanes_float8 __attribute__((ext_vector_type(8)));
typedef int lanes_math_int32x8 __attribute__((ext_vector_type(8)));

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define LANES_HALF(v, h) __builtin_shufflevector(v, v, 8 * h, 8 * h + 1, 8 * h + 2, 8 * h + 3, 8 * h + 4, \
    8 * h + 5, 8 * h + 6, 8 * h + 7)
#define LANES_QUARTER(v, q) __builtin_shufflevector(v, v, 4 * q, 4 * q + 1, 4 * q + 2, 4 * q + 3)
#if defined(__AVX512F__)
#define LANES_FLOAT16_OP(op512, op256, op128, a, b) ((lanes_float16)op512((__m512)(a), (__m512)(b)))
#elif defined(__AVX__)
#define LANES_FLOAT16_OP(op512, op256, op128, a, b) __builtin_shufflevector( \
    (lanes_float8)op256((__m256)LANES_HALF(a, 0), (__m256)LANES_HALF(b, 0)), \
    (lanes_float8)op256((__m256)LANES_HALF(a, 1), (__m256)LANES_HALF(b, 1)), \
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
#else
#define LANES_FLOAT16_OP(op512, op256, op128, a, b) __builtin_shufflevector( \
    __builtin_shufflevector( \
        (lanes_float4)op128((__m128)LANES_QUARTER(a, 0), (__m128)LANES_QUARTER(b, 0)), \
        (lanes_float4)op128((__m128)LANES_QUARTER(a, 1), (__m128)LANES_QUARTER(b, 1)), 0, 1, 2, 3, 4, 5, 6, 7), \
    __builtin_shufflevector( \
        (lanes_float4)op128((__m128)LANES_QUARTER(a, 2), (__m128)LANES_QUARTER(b, 2)), \
        (lanes_float4)op128((__m128)LANES_QUARTER(a, 3), (__m128)LANES_QUARTER(b, 3)), 0, 1, 2, 3, 4, 5, 6, 7), \
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
#endif
#endif

/// `x < lower ? lower : x` in every lane (NaN and −0 kept).
static inline __attribute__((always_inline)) lanes_float16 lanes_at_least_float16(lanes_float16 x, lanes_float16 lower) {
#if defined(__x86_64__) || defined(__i386__)
    return LANES_FLOAT16_OP(_mm512_max_ps, _mm256_max_ps, _mm_max_ps, lower, x);
#else
    for (int i = 0; i < 16; i++) x[i] = x[i] < lower[i] ? lower[i] : x[i];
    return x;
#endif
}

/// `x > upper ? upper : x` in every lane (NaN and −0 kept).
static inline __attribute__((always_inline)) lanes_float16 lanes_at_most_float16(lanes_float16 x, lanes_float16 upper) {
#if defined(__x86_64__) || defined(__i386__)
    return LANES_FLOAT16_OP(_mm512_min_ps, _mm256_min_ps, _mm_min_ps, upper, x);
#else
    for (int i = 0; i < 16; i++) x[i] = x[i] > upper[i] ? upper[i] : x[i];
    return x;
#endif
}

/// p·2ⁿ in every lane, for a whole number n given both as a `float` and as k in `int` lanes, where
/// p·2ⁿ is a normal `float` (an exponential's last step): with AVX-512 one `vscalefps`, which reads the
/// `float` n, so the integer k is never formed (four operations become one: k's subtract, then an
/// add, a shift and a multiply); elsewhere p times 2ᵏ built from its exponent bits. Both are exact
/// scalings, so the bits are the same (a NaN p stays NaN). Unsigned lanes: a NaN lane's k is any
/// number, and the arithmetic wraps as Swift's `&+` and `&<<` did.
typedef int lanes_math_int32x16 __attribute__((ext_vector_type(16)));
typedef unsigned lanes_math_uint32x16 __attribute__((ext_vector_type(16)));
static inline __attribute__((always_inline)) lanes_float16 lanes_scale_float16(
    lanes_float16 p, lanes_float16 n, lanes_math_int32x16 k) {
#if defined(__AVX512F__)
    (void)k;
    return (lanes_float16)_mm512_scalef_ps((__m512)p, (__m512)n);
#else
    (void)n;
    return p * (lanes_float16)(((lanes_math_uint32x16)k + 127u) << 23);
#endif
}

/// The last, partial chunk of a row (`RowKernel`): `count` floats (0 ≤ count ≤ 16) at `p` in the first
/// lanes and `padding` in the others, without touching memory past p + count. Filling a vector lane by
/// lane made the compiler store the whole vector and reload it for every lane (a failed store
/// forwarding each time: a fifth of the time of softmax's backward at rows of 1000, in `perf`); masked
/// loads and stores do it in one or two instructions, and never fault on the lanes they leave out.
static inline __attribute__((always_inline)) lanes_float16 lanes_load_partial_float16(
    const float *p, long count, float padding) {
#if defined(__AVX512F__)
    return (lanes_float16)_mm512_mask_loadu_ps(_mm512_set1_ps(padding), (__mmask16)((1u << count) - 1), p);
#elif defined(__AVX__)
    lanes_math_int32x8 index = {0, 1, 2, 3, 4, 5, 6, 7};
    lanes_math_int32x8 low = index < (int)count, high = index + 8 < (int)count;
    __m256 fill = _mm256_set1_ps(padding);
    __m256 a = _mm256_blendv_ps(fill, _mm256_maskload_ps(p, (__m256i)low), (__m256)low);
    __m256 b = _mm256_blendv_ps(fill, _mm256_maskload_ps((const float *)((const char *)p + 32), (__m256i)high),
        (__m256)high);
    return __builtin_shufflevector((lanes_float8)a, (lanes_float8)b, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
#else
    lanes_float16 v = padding;
    for (long i = 0; i < count; i++) v[i] = p[i];
    return v;
#endif
}

/// Stores the first `count` lanes of `v` (0 ≤ count ≤ 16) at `p`, writing nothing past p + count.
static inline __attribute__((always_inline)) void lanes_store_partial_float16(float *p, long count, lanes_float16 v) {
#if defined(__AVX512F__)
    _mm512_mask_storeu_ps(p, (__mmask16)((1u << count) - 1), (__m512)v);
#elif defined(__AVX__)
    lanes_math_int32x8 index = {0, 1, 2, 3, 4, 5, 6, 7};
    lanes_math_int32x8 low = index < (int)count, high = index + 8 < (int)count;
    _mm256_maskstore_ps(p, (__m256i)low, (__m256)LANES_HALF(v, 0));
    _mm256_maskstore_ps((float *)((char *)p + 32), (__m256i)high, (__m256)LANES_HALF(v, 1));
#else
    for (long i = 0; i < count; i++) p[i] = v[i];
#endif
}

#endif
