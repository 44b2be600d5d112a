/*
 * mem_vec.h - the 16-byte block primitives every kernel is written in, with
 * three backends chosen at compile time:
 *
 *   __wasm_simd128__  wasm SIMD128 (the JS package's module and the CLI);
 *   __SSE2__          x86-64's baseline SIMD (the native build and its tests);
 *   otherwise         plain C over 16 bytes, also forced with MEM_VEC_PORTABLE
 *                     so the tests can check the kernels' logic without SIMD.
 *
 * The kernels only compare bytes for equality, combine the results and turn
 * them into a 16-bit mask (bit k = lane k), so the three backends are small
 * and behave identically. Hot loops may instead test for equal bytes as
 * zero lanes of an XOR, combined with OR (either differs) and unsigned MIN
 * (any lane of several blocks zero), then vec_has_zero or vec_nonzero (not
 * vec_any, which reads only each lane's top bit): the same answer,
 * and it keeps LLVM from turning chains of compare results into vectors of
 * booleans that the wasm backend re-widens with two shifts per test. All loads are unaligned and touch exactly 16 bytes
 * from the given address: callers guarantee those bytes are inside the
 * buffer (no reads past the end, which ASan would rightly reject).
 * Internal to src/; not part of the API.
 */
#ifndef MEM_VEC_H
#define MEM_VEC_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#if defined(__wasm_simd128__) && !defined(MEM_VEC_PORTABLE)
#include <wasm_simd128.h>
typedef v128_t mem_v128;
static inline mem_v128 vec_load(const uint8_t *p) { return wasm_v128_load(p); }
static inline mem_v128 vec_splat(uint8_t b) { return wasm_i8x16_splat((int8_t)b); }
static inline mem_v128 vec_eq(mem_v128 a, mem_v128 b) { return wasm_i8x16_eq(a, b); }
static inline mem_v128 vec_and(mem_v128 a, mem_v128 b) { return wasm_v128_and(a, b); }
static inline mem_v128 vec_or(mem_v128 a, mem_v128 b) { return wasm_v128_or(a, b); }
static inline int vec_any(mem_v128 a) { return wasm_v128_any_true(a); }
static inline unsigned vec_mask(mem_v128 a) { return (unsigned)wasm_i8x16_bitmask(a) & 0xFFFFu; }
static inline mem_v128 vec_xor(mem_v128 a, mem_v128 b) { return wasm_v128_xor(a, b); }
static inline mem_v128 vec_min(mem_v128 a, mem_v128 b) { return wasm_u8x16_min(a, b); }
static inline int vec_has_zero(mem_v128 a) { return !wasm_i8x16_all_true(a); }
static inline int vec_nonzero(mem_v128 a) { return wasm_v128_any_true(a); }
#elif defined(__SSE2__) && !defined(MEM_VEC_PORTABLE)
#include <emmintrin.h>
typedef __m128i mem_v128;
static inline mem_v128 vec_load(const uint8_t *p) {
  return _mm_loadu_si128((const __m128i *)(const void *)p);
}
static inline mem_v128 vec_splat(uint8_t b) { return _mm_set1_epi8((char)b); }
static inline mem_v128 vec_eq(mem_v128 a, mem_v128 b) { return _mm_cmpeq_epi8(a, b); }
static inline mem_v128 vec_and(mem_v128 a, mem_v128 b) { return _mm_and_si128(a, b); }
static inline mem_v128 vec_or(mem_v128 a, mem_v128 b) { return _mm_or_si128(a, b); }
static inline int vec_any(mem_v128 a) { return _mm_movemask_epi8(a) != 0; }
static inline unsigned vec_mask(mem_v128 a) { return (unsigned)_mm_movemask_epi8(a) & 0xFFFFu; }
static inline mem_v128 vec_xor(mem_v128 a, mem_v128 b) { return _mm_xor_si128(a, b); }
static inline mem_v128 vec_min(mem_v128 a, mem_v128 b) { return _mm_min_epu8(a, b); }
static inline int vec_has_zero(mem_v128 a) {
  return _mm_movemask_epi8(_mm_cmpeq_epi8(a, _mm_setzero_si128())) != 0;
}
static inline int vec_nonzero(mem_v128 a) {
  return _mm_movemask_epi8(_mm_cmpeq_epi8(a, _mm_setzero_si128())) != 0xFFFF;
}
#else
/* Lanes are 0x00 or 0xFF after vec_eq, as in the SIMD backends. */
typedef struct {
  uint8_t b[16];
} mem_v128;
static inline mem_v128 vec_load(const uint8_t *p) {
  mem_v128 v;
  memcpy(v.b, p, 16);
  return v;
}
static inline mem_v128 vec_splat(uint8_t b) {
  mem_v128 v;
  memset(v.b, b, 16);
  return v;
}
static inline mem_v128 vec_eq(mem_v128 a, mem_v128 b) {
  for (int k = 0; k < 16; k++) a.b[k] = a.b[k] == b.b[k] ? 0xFF : 0;
  return a;
}
static inline mem_v128 vec_and(mem_v128 a, mem_v128 b) {
  for (int k = 0; k < 16; k++) a.b[k] &= b.b[k];
  return a;
}
static inline mem_v128 vec_or(mem_v128 a, mem_v128 b) {
  for (int k = 0; k < 16; k++) a.b[k] |= b.b[k];
  return a;
}
static inline unsigned vec_mask(mem_v128 a) {
  unsigned m = 0;
  for (int k = 0; k < 16; k++) m |= (unsigned)(a.b[k] >> 7) << k;
  return m;
}
static inline int vec_any(mem_v128 a) { return vec_mask(a) != 0; }
static inline mem_v128 vec_xor(mem_v128 a, mem_v128 b) {
  for (int k = 0; k < 16; k++) a.b[k] ^= b.b[k];
  return a;
}
static inline mem_v128 vec_min(mem_v128 a, mem_v128 b) {
  for (int k = 0; k < 16; k++) a.b[k] = a.b[k] < b.b[k] ? a.b[k] : b.b[k];
  return a;
}
static inline int vec_has_zero(mem_v128 a) {
  for (int k = 0; k < 16; k++)
    if (a.b[k] == 0) return 1;
  return 0;
}
static inline int vec_nonzero(mem_v128 a) {
  for (int k = 0; k < 16; k++)
    if (a.b[k] != 0) return 1;
  return 0;
}
#endif

/*
 * x, hidden from the optimiser. A loop that walks down computes its blocks'
 * addresses from base = top - 64; without this LLVM rewrites base + 16 as
 * top - 48, and the wasm backend cannot fold a negative offset into a load,
 * so every load of the loop paid an extra add.
 */
static inline size_t vec_opaque(size_t x) {
  __asm__("" : "+r"(x));
  return x;
}

/* Lowest and highest set bit of a non-zero mask. */
static inline unsigned mask_low(unsigned m) { return (unsigned)__builtin_ctz(m); }
static inline unsigned mask_high(unsigned m) { return 31u - (unsigned)__builtin_clz(m); }

/* Unaligned word loads; memcpy compiles to a single load on every target. */
static inline uint64_t load64(const uint8_t *p) {
  uint64_t w;
  memcpy(&w, p, 8);
  return w;
}
static inline uint32_t load32(const uint8_t *p) {
  uint32_t w;
  memcpy(&w, p, 4);
  return w;
}
static inline uint16_t load16(const uint8_t *p) {
  uint16_t w;
  memcpy(&w, p, 2);
  return w;
}

/*
 * 1 when a[0 .. n) == b[0 .. n). The candidate check of the search kernels:
 * lengths of 16 and more compare 16-byte blocks, the last one overlapping
 * the previous so no byte past n is read; shorter lengths compare two
 * overlapping words (head and tail) the same way, without a byte loop.
 */
static inline int vec_equal(const uint8_t *a, const uint8_t *b, size_t n) {
  if (n >= 16) {
    size_t i = 0;
    for (; n - i > 16; i += 16)
      if (vec_mask(vec_eq(vec_load(a + i), vec_load(b + i))) != 0xFFFFu) return 0;
    return vec_mask(vec_eq(vec_load(a + n - 16), vec_load(b + n - 16))) == 0xFFFFu;
  }
  if (n >= 8) return ((load64(a) ^ load64(b)) | (load64(a + n - 8) ^ load64(b + n - 8))) == 0;
  if (n >= 4) return ((load32(a) ^ load32(b)) | (load32(a + n - 4) ^ load32(b + n - 4))) == 0;
  if (n >= 2) return ((load16(a) ^ load16(b)) | (load16(a + n - 2) ^ load16(b + n - 2))) == 0;
  return n == 0 || a[0] == b[0];
}

/* Bit k set when lane k of v is zero. */
static inline unsigned vec_zero_mask(mem_v128 v) { return vec_mask(vec_eq(v, vec_splat(0))); }

/*
 * The scans behind mem_diff/mem_match and their mirrors: the lowest (or
 * highest) i < n where a[i] and b[i] differ (want_equal 0) or agree (1), or
 * n when there is none. 128 bytes per round with one branch, the blocks
 * compared as XOR differences (a nonzero lane differs: OR of the eight, or
 * a zero lane agrees: MIN of the eight), then 16-byte blocks, the last
 * overlapping bytes already checked (masked off), and a byte loop only when
 * n < 16. want_equal is a constant at every call, so each caller gets its
 * own loop.
 */
static inline unsigned vec_hits(const uint8_t *a, const uint8_t *b, unsigned flip) {
  return vec_mask(vec_eq(vec_load(a), vec_load(b))) ^ flip;
}

/* The hits of a 64-byte half round: lanes that agree (want_equal) or differ. */
static inline uint64_t vec_hits4(const mem_v128 *x, const int want_equal) {
  const uint64_t zero = vec_zero_mask(x[0]) | (uint64_t)vec_zero_mask(x[1]) << 16 |
                        (uint64_t)vec_zero_mask(x[2]) << 32 | (uint64_t)vec_zero_mask(x[3]) << 48;
  return want_equal ? zero : ~zero;
}

/* The differences x[0 .. 4) folded into one block that holds a hit (a zero
 * lane when want_equal, else a nonzero one) when any of them does. */
static inline mem_v128 vec_fold4(const mem_v128 *x, const int want_equal) {
  if (want_equal) return vec_min(vec_min(x[0], x[1]), vec_min(x[2], x[3]));
  return vec_or(vec_or(x[0], x[1]), vec_or(x[2], x[3]));
}
static inline int vec_has_hit(mem_v128 folded, const int want_equal) {
  return want_equal ? vec_has_zero(folded) : vec_nonzero(folded);
}

static inline __attribute__((always_inline)) size_t vec_scan(const uint8_t *a, const uint8_t *b, size_t n,
                                                             const int want_equal, const int backward) {
  const unsigned flip = want_equal ? 0 : 0xFFFFu;
  if (n < 16) {
    for (size_t k = 0; k < n; k++) {
      const size_t i = backward ? n - 1 - k : k;
      if ((a[i] == b[i]) == want_equal) return i;
    }
    return n;
  }
  size_t lo = 0, hi = n; /* bytes lo .. hi - 1 are unchecked */
  while (hi - lo >= 128) {
    const size_t p = backward ? vec_opaque(hi - 128) : lo;
    mem_v128 x[8];
    for (int k = 0; k < 8; k++) x[k] = vec_xor(vec_load(a + p + 16 * k), vec_load(b + p + 16 * k));
    const mem_v128 low = vec_fold4(x, want_equal), high = vec_fold4(x + 4, want_equal);
    if (vec_has_hit(want_equal ? vec_min(low, high) : vec_or(low, high), want_equal)) {
      const int in_low = backward ? !vec_has_hit(high, want_equal) : vec_has_hit(low, want_equal);
      const uint64_t m = vec_hits4(in_low ? x : x + 4, want_equal);
      const size_t q = in_low ? p : p + 64;
      return q + (backward ? 63u - (unsigned)__builtin_clzll(m) : (unsigned)__builtin_ctzll(m));
    }
    if (backward)
      hi = p;
    else
      lo += 128;
  }
  while (lo < hi) {
    const size_t take = hi - lo < 16 ? hi - lo : 16;
    const size_t q = backward ? (take < 16 ? lo : hi - 16) : (take < 16 ? hi - 16 : lo);
    const unsigned keep = backward ? 0xFFFFu >> (16 - take) : (0xFFFFu << (16 - take)) & 0xFFFFu;
    const unsigned m = vec_hits(a + q, b + q, flip) & keep;
    if (m) return q + (backward ? mask_high(m) : mask_low(m));
    if (backward)
      hi -= take;
    else
      lo += take;
  }
  return n;
}

static inline __attribute__((always_inline)) size_t vec_scan_first(const uint8_t *a, const uint8_t *b,
                                                                   size_t n, const int want_equal) {
  return vec_scan(a, b, n, want_equal, 0);
}

static inline __attribute__((always_inline)) size_t vec_scan_last(const uint8_t *a, const uint8_t *b,
                                                                  size_t n, const int want_equal) {
  return vec_scan(a, b, n, want_equal, 1);
}

#endif /* MEM_VEC_H */
