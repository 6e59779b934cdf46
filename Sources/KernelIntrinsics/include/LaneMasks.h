#ifndef LANE_MASKS_H
#define LANE_MASKS_H

// LaneMath.h came later. Including it from a header that was already here makes a module cache built
// before it existed rebuild (a cache only notices changes to headers it knows of), instead of
// failing with "cannot find 'lanes_sqrt_float16' in scope".
#include "LaneMath.h"

/// "Is any lane of this comparison true?", for kernels that take a rare path only when they must.
///
/// The standard library's `any(_:)` on a `SIMDMask` compiles to a loop over the lanes on this
/// toolchain; these compile to one mask test (`vptestmd`/`kortestw` with AVX-512, `vptest` with AVX2).
/// A mask's storage is imported as `SIMD16<Int32>` or `SIMD4<Int64>`: each lane is all ones or zero.

typedef int lanes_int32x16 __attribute__((ext_vector_type(16)));
typedef long long lanes_int64x4 __attribute__((ext_vector_type(4)));
typedef int lanes_int32x8 __attribute__((ext_vector_type(8)));
typedef int lanes_int32x4 __attribute__((ext_vector_type(4)));
typedef long long lanes_int64x2 __attribute__((ext_vector_type(2)));

#if (defined(__x86_64__) || defined(__i386__)) && !defined(__AVX512F__)
#include <immintrin.h>
#endif

/// 1 when any lane is nonzero, else 0. With AVX-512 the reduction is one `vptestmd` and `kortestw`.
/// Without it, LLVM reduces a 16-lane mask through two packs, an extract and `pmovmskb` (eight
/// instructions, measured in the disassembly); the lanes are all ones or zero, so or-ing the halves and
/// testing the sign bits (`vmovmskps`) gives the same answer in three.
static inline __attribute__((always_inline)) int lanes_any_int32x16(lanes_int32x16 mask) {
#if defined(__AVX512F__) || !(defined(__x86_64__) || defined(__i386__))
    return __builtin_reduce_or(mask) != 0;
#elif defined(__AVX__)
    lanes_int32x8 half = __builtin_shufflevector(mask, mask, 0, 1, 2, 3, 4, 5, 6, 7)
        | __builtin_shufflevector(mask, mask, 8, 9, 10, 11, 12, 13, 14, 15);
    return _mm256_movemask_ps((__m256)half) != 0;
#else
    lanes_int32x8 half = __builtin_shufflevector(mask, mask, 0, 1, 2, 3, 4, 5, 6, 7)
        | __builtin_shufflevector(mask, mask, 8, 9, 10, 11, 12, 13, 14, 15);
    lanes_int32x4 quarter = __builtin_shufflevector(half, half, 0, 1, 2, 3)
        | __builtin_shufflevector(half, half, 4, 5, 6, 7);
    return _mm_movemask_ps((__m128)quarter) != 0;
#endif
}

/// 1 when any lane is nonzero, else 0 (`vmovmskpd` of the sign bits with AVX, as for 16 lanes).
static inline __attribute__((always_inline)) int lanes_any_int64x4(lanes_int64x4 mask) {
#if defined(__AVX512F__) || !(defined(__x86_64__) || defined(__i386__))
    return __builtin_reduce_or(mask) != 0;
#elif defined(__AVX__)
    return _mm256_movemask_pd((__m256d)mask) != 0;
#else
    lanes_int64x2 half = __builtin_shufflevector(mask, mask, 0, 1) | __builtin_shufflevector(mask, mask, 2, 3);
    return _mm_movemask_pd((__m128d)half) != 0;
#endif
}

#endif
