// The target is its headers (include/), and the functions that cannot be inline: the multiply-add and
// the polynomial of `Double` lanes and the polynomial of `Float` lanes, whose two clones the dynamic
// loader picks between (`LaneMath.h`).
#define LANES_DEFINING_FMA_CLONES 1
#include "StreamingStores.h"
#include "LaneMasks.h"
#include "LaneMath.h"

#if LANES_FMA_BY_IFUNC
// Two clones, chosen once by the dynamic loader (an ifunc): on a CPU with FMA the instruction,
// elsewhere the C library's correctly rounded `fma` per lane. Both give the fused result's bits.
// (A compiler without `target_clones` builds the second alone: the same bits.)
#if defined(__has_attribute) && __has_attribute(target_clones)
__attribute__((target_clones("fma", "default")))
#endif
lanes_double2 lanes_fused_multiply_add_double2(lanes_double2 a, lanes_double2 b, lanes_double2 c) {
    lanes_double2 result;
    result[0] = __builtin_fma(a[0], b[0], c[0]);
    result[1] = __builtin_fma(a[1], b[1], c[1]);
    return result;
}

// A polynomial by Horner's rule, c[0] the highest power's coefficient: p ← fma(p, x, c[i]) per lane,
// the same fused steps in the same order as the chain of `horner` steps `SIMD4<Double>.polynomial`
// spells out, in one call instead of two per step.
#if defined(__has_attribute) && __has_attribute(target_clones)
__attribute__((target_clones("fma", "default")))
#endif
lanes_double2 lanes_horner_double2(lanes_double2 x, const double *coefficients, ptrdiff_t count) {
    lanes_double2 p = {coefficients[0], coefficients[0]};
    for (ptrdiff_t i = 1; i < count; i++) {
        p[0] = __builtin_fma(p[0], x[0], coefficients[i]);
        p[1] = __builtin_fma(p[1], x[1], coefficients[i]);
    }
    return p;
}

// The same for `Float` lanes, sixteen at a time as four independent chains of four: the quarters come
// in registers and go back through memory (one 16-byte store and load each, which the CPU forwards).
#if defined(__has_attribute) && __has_attribute(target_clones)
__attribute__((target_clones("fma", "default")))
#endif
void lanes_horner_float4x4(lanes_float4 x0, lanes_float4 x1, lanes_float4 x2, lanes_float4 x3,
    const float *coefficients, ptrdiff_t count, lanes_float4 *result) {
    lanes_float4 p0 = coefficients[0], p1 = p0, p2 = p0, p3 = p0;
    for (ptrdiff_t i = 1; i < count; i++) {
        lanes_float4 c = coefficients[i];
        for (int lane = 0; lane < 4; lane++) {
            p0[lane] = __builtin_fmaf(p0[lane], x0[lane], c[lane]);
            p1[lane] = __builtin_fmaf(p1[lane], x1[lane], c[lane]);
            p2[lane] = __builtin_fmaf(p2[lane], x2[lane], c[lane]);
            p3[lane] = __builtin_fmaf(p3[lane], x3[lane], c[lane]);
        }
    }
    result[0] = p0; result[1] = p1; result[2] = p2; result[3] = p3;
}
#endif

