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

/// 1 when any lane is nonzero, else 0.
static inline __attribute__((always_inline)) int lanes_any_int32x16(lanes_int32x16 mask) {
    return __builtin_reduce_or(mask) != 0;
}

/// 1 when any lane is nonzero, else 0.
static inline __attribute__((always_inline)) int lanes_any_int64x4(lanes_int64x4 mask) {
    return __builtin_reduce_or(mask) != 0;
}

#endif
