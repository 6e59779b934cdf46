#ifndef STREAMING_STORES_H
#define STREAMING_STORES_H

/// Streaming (non-temporal) stores for the batch kernels' large outputs.
///
/// A plain store first reads its cache line from memory (write-allocate), so a kernel writing an output
/// larger than the caches moves three bytes for every two it needs; memcpy avoids that, and so do these
/// stores. Swift has no spelling for them, so they live here: `streaming_float16` is imported as
/// `SIMD16<Float>`, and the functions inline into the Swift loops (one `vmovntps` per vector with
/// AVX-512, four with SSE).

typedef float streaming_float16 __attribute__((ext_vector_type(16)));

/// Stores `v` at `p`, which must be 64-byte aligned, bypassing the caches.
static inline __attribute__((always_inline)) void streaming_store_float16(float *p, streaming_float16 v) {
    __builtin_nontemporal_store(v, (streaming_float16 *)p);
}

/// Orders the streaming stores before any later store (they are weakly ordered); call once after a loop.
static inline __attribute__((always_inline)) void streaming_fence(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_sfence();
#endif
}

#endif
