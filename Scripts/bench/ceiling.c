// The "ceiling": sigmoid, tanh and gelu-tanh as small hand-written AVX2+FMA C kernels with the same
// algorithms (and so the same accuracy) as ActivationFunctions' Float lanes: Cephes-style e^x with
// Cody-Waite reduction (scaled by 2^n in one multiplication where only normal results matter, in two
// steps where subnormal ones do); σ = 1/(1+e^{-x}), with e^x for a vector holding some x < -87;
// tanh by an odd polynomial below 0.625 and (1-e)/(1+e) above; gelu-tanh as x·σ(v) with
// v = 2√(2/π)(x + 0.044715x³) carried in two parts and σ(v) to ½ ulp (1/(1+e) with the roundings of
// 1+e and of the division compensated). Built and timed by Scripts/bench/ceiling.
#include <immintrin.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef __m256 V;
static inline V k(float c) { return _mm256_set1_ps(c); }
static inline V fma_(V a, V b, V c) { return _mm256_fmadd_ps(a, b, c); }

// e^r for x = n·ln 2 + r, |r| ≤ ln 2/2 (Cody-Waite); *t gets 1.5·2²³ + n, whose bits hold n.
static inline V exp_reduced(V x, V *t) {
    *t = fma_(x, k(1.44269504f), k(12582912.f));
    V n = _mm256_sub_ps(*t, k(12582912.f));
    V r = fma_(_mm256_sub_ps(_mm256_setzero_ps(), n), k(0.693359375f), x);
    r = fma_(_mm256_sub_ps(_mm256_setzero_ps(), n), k(-2.1219444e-4f), r);
    V p = k(1.9875691500e-4f);
    p = fma_(p, r, k(1.3981999507e-3f)); p = fma_(p, r, k(8.3334519073e-3f));
    p = fma_(p, r, k(4.1665795894e-2f)); p = fma_(p, r, k(1.6666665459e-1f));
    p = fma_(p, r, k(5.0000001201e-1f));
    return _mm256_add_ps(_mm256_add_ps(_mm256_mul_ps(p, _mm256_mul_ps(r, r)), r), k(1.f));
}

static inline V vexp(V x) {  // e^x with subnormal results: 2^n applied in two steps
    V t, p = exp_reduced(_mm256_min_ps(_mm256_max_ps(x, k(-110.f)), k(89.f)), &t);
    __m256i ki = _mm256_sub_epi32(_mm256_castps_si256(t), _mm256_castps_si256(k(12582912.f)));
    __m256i half = _mm256_srai_epi32(ki, 1);
    V s1 = _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_add_epi32(half, _mm256_set1_epi32(127)), 23));
    V s2 = _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_add_epi32(_mm256_sub_epi32(ki, half), _mm256_set1_epi32(127)), 23));
    return _mm256_mul_ps(_mm256_mul_ps(p, s1), s2);
}

static inline V vexp_normal(V x) {  // e^x where only normal results matter: one scaling step
    V t, p = exp_reduced(_mm256_min_ps(_mm256_max_ps(x, k(-87.3f)), k(88.3f)), &t);
    __m256i bits = _mm256_add_epi32(_mm256_slli_epi32(_mm256_castps_si256(t), 23), _mm256_set1_epi32(0x3f800000));
    return _mm256_mul_ps(p, _mm256_castsi256_ps(bits));
}

static inline V recip_one_plus(V e) {  // 1/(1+e), compensated
    V d = _mm256_add_ps(k(1.f), e);
    V de = _mm256_add_ps(_mm256_sub_ps(k(1.f), d), e);
    V q = _mm256_div_ps(k(1.f), d);
    V res = _mm256_fnmadd_ps(q, d, k(1.f));
    return fma_(q, _mm256_fnmadd_ps(de, q, res), q);
}

static inline V vsigmoid(V x) {
    V plain = _mm256_div_ps(k(1.f), _mm256_add_ps(k(1.f), vexp_normal(_mm256_sub_ps(_mm256_setzero_ps(), x))));
    V far = _mm256_cmp_ps(x, k(-87.f), _CMP_LT_OQ);
    if (!_mm256_movemask_ps(far)) return plain;
    return _mm256_blendv_ps(plain, vexp(x), far);
}

static inline V vtanh(V x) {
    V a = _mm256_andnot_ps(k(-0.f), x), z = _mm256_mul_ps(x, x);
    V p = k(-5.70498872745e-3f);
    p = fma_(p, z, k(2.06390887954e-2f)); p = fma_(p, z, k(-5.37397155531e-2f));
    p = fma_(p, z, k(1.33314422036e-1f)); p = fma_(p, z, k(-3.33332819422e-1f));
    V small = fma_(_mm256_mul_ps(p, z), x, x);
    V e = vexp_normal(_mm256_mul_ps(k(-2.f), a));
    V large = _mm256_div_ps(_mm256_sub_ps(k(1.f), e), _mm256_add_ps(k(1.f), e));
    large = _mm256_or_ps(large, _mm256_and_ps(x, k(-0.f)));
    return _mm256_blendv_ps(large, small, _mm256_cmp_ps(a, k(0.625f), _CMP_LT_OQ));
}

static inline V vgelu_tanh(V x) {  // x·σ(v), v in two parts, σ(hi + lo) = σ(hi)(1 + σ(-hi)·lo)
    V c = _mm256_min_ps(_mm256_max_ps(x, k(-1e5f)), k(1e5f));
    V x2 = _mm256_mul_ps(c, c), x2lo = _mm256_fmsub_ps(c, c, x2);
    V x3 = _mm256_mul_ps(x2, c), x3lo = fma_(x2lo, c, _mm256_fmsub_ps(x2, c, x3));
    V m = _mm256_mul_ps(x3, k(0.044715f)), mlo = fma_(x3lo, k(0.044715f), _mm256_fmsub_ps(x3, k(0.044715f), m));
    V s = _mm256_add_ps(m, c), bv = _mm256_sub_ps(s, m);
    V slo = _mm256_add_ps(_mm256_add_ps(_mm256_sub_ps(m, _mm256_sub_ps(s, bv)), _mm256_sub_ps(c, bv)), mlo);
    V hi = _mm256_mul_ps(s, k(1.5957692f)), lo = fma_(slo, k(1.5957692f), _mm256_fmsub_ps(s, k(1.5957692f), hi));
    V a = _mm256_andnot_ps(k(-0.f), hi), na = _mm256_sub_ps(_mm256_setzero_ps(), a);
    V e = _mm256_movemask_ps(_mm256_cmp_ps(a, k(87.f), _CMP_GT_OQ)) ? vexp(na) : vexp_normal(na);
    V big = recip_one_plus(e), small = _mm256_mul_ps(e, big);
    V neg = _mm256_cmp_ps(hi, _mm256_setzero_ps(), _CMP_LT_OQ);
    V sg = _mm256_blendv_ps(big, small, neg), comp = _mm256_blendv_ps(small, big, neg);
    return _mm256_mul_ps(x, fma_(sg, _mm256_mul_ps(comp, lo), sg));
}

#define KERNEL(name, f) static void name(const float *x, float *y, long n) { \
    long i = 0; for (; i + 8 <= n; i += 8) _mm256_storeu_ps(y + i, f(_mm256_loadu_ps(x + i))); \
    for (; i < n; i++) { float b[8] = {x[i]}; _mm256_storeu_ps(b, f(_mm256_loadu_ps(b))); y[i] = b[0]; } }
KERNEL(sigmoid, vsigmoid)
KERNEL(tanh_, vtanh)
KERNEL(gelu_tanh, vgelu_tanh)

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }
static int cmp(const void *a, const void *b) { double d = *(double *)a - *(double *)b; return (d > 0) - (d < 0); }

static double median_rate(void (*f)(const float *, float *, long), const float *x, float *y, long n) {
    long calls = 1; f(x, y, n);
    for (;;) { double t = now(); for (long c = 0; c < calls; c++) f(x, y, n); if (now() - t > 0.01) break; calls *= 2; }
    double s[11];
    for (int i = 0; i < 11; i++) { double t = now(); for (long c = 0; c < calls; c++) f(x, y, n); s[i] = (now() - t) / calls; }
    qsort(s, 11, sizeof(double), cmp);
    return n / s[5] / 1e9;
}

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 65536;
    float *x = aligned_alloc(64, n * 4 + 64), *y = aligned_alloc(64, n * 4 + 64);
    unsigned long long st = 1;
    for (long i = 0; i < n; i++) { st = st * 6364136223846793005ULL + 1442695040888963407ULL; x[i] = -5 + 10 * (double)(st >> 11) / 9007199254740992.0; }
    printf("{\"id\":\"sigmoid\",\"n\":%ld,\"gelem_per_s\":%.4f}\n", n, median_rate(sigmoid, x, y, n));
    printf("{\"id\":\"tanh\",\"n\":%ld,\"gelem_per_s\":%.4f}\n", n, median_rate(tanh_, x, y, n));
    printf("{\"id\":\"gelu-tanh\",\"n\":%ld,\"gelem_per_s\":%.4f}\n", n, median_rate(gelu_tanh, x, y, n));
    return 0;
}
