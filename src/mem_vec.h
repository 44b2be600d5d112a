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
 * (any lane of several blocks zero), then vec_has_zero: the same answer,
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

/*
 * The scans behind mem_diff/mem_match and their mirrors: the lowest (or
 * highest) i < n where a[i] and b[i] differ (want_equal 0) or agree (1), or
 * n when there is none. 64 bytes per round with one branch, then blocks, the
 * last overlapping bytes already checked (masked off), and a byte loop only
 * when n < 16. want_equal is a constant at every call, so each caller gets
 * its own loop.
 */
static inline unsigned vec_hits(const uint8_t *a, const uint8_t *b, unsigned flip) {
  return vec_mask(vec_eq(vec_load(a), vec_load(b))) ^ flip;
}

static inline __attribute__((always_inline)) size_t vec_scan_first(const uint8_t *a, const uint8_t *b,
                                                                   size_t n, const int want_equal) {
  const unsigned flip = want_equal ? 0 : 0xFFFFu;
  if (n < 16) {
    for (size_t i = 0; i < n; i++)
      if ((a[i] == b[i]) == want_equal) return i;
    return n;
  }
  size_t i = 0;
  for (; n - i >= 64; i += 64) {
    const mem_v128 e0 = vec_eq(vec_load(a + i), vec_load(b + i));
    const mem_v128 e1 = vec_eq(vec_load(a + i + 16), vec_load(b + i + 16));
    const mem_v128 e2 = vec_eq(vec_load(a + i + 32), vec_load(b + i + 32));
    const mem_v128 e3 = vec_eq(vec_load(a + i + 48), vec_load(b + i + 48));
    /* Any equal lane (OR of the four), or any unequal lane (AND is not all ones). */
    const int hit = want_equal ? vec_any(vec_or(vec_or(e0, e1), vec_or(e2, e3)))
                               : vec_mask(vec_and(vec_and(e0, e1), vec_and(e2, e3))) != 0xFFFFu;
    if (hit) {
      const uint32_t lo = (vec_mask(e0) | (uint32_t)vec_mask(e1) << 16) ^ (flip | flip << 16);
      const uint32_t hi = (vec_mask(e2) | (uint32_t)vec_mask(e3) << 16) ^ (flip | flip << 16);
      return i + (lo ? mask_low(lo) : 32 + mask_low(hi));
    }
  }
  while (i < n) {
    const size_t q = n - i >= 16 ? i : n - 16;
    const unsigned m = vec_hits(a + q, b + q, flip) & (0xFFFFu << (i - q));
    if (m) return q + mask_low(m);
    i = q + 16;
  }
  return n;
}

static inline __attribute__((always_inline)) size_t vec_scan_last(const uint8_t *a, const uint8_t *b,
                                                                  size_t n, const int want_equal) {
  const unsigned flip = want_equal ? 0 : 0xFFFFu;
  if (n < 16) {
    for (size_t i = n; i > 0; i--)
      if ((a[i - 1] == b[i - 1]) == want_equal) return i - 1;
    return n;
  }
  size_t i = n; /* bytes at and above i are checked */
  for (; i >= 64; i -= 64) {
    const mem_v128 e0 = vec_eq(vec_load(a + i - 64), vec_load(b + i - 64));
    const mem_v128 e1 = vec_eq(vec_load(a + i - 48), vec_load(b + i - 48));
    const mem_v128 e2 = vec_eq(vec_load(a + i - 32), vec_load(b + i - 32));
    const mem_v128 e3 = vec_eq(vec_load(a + i - 16), vec_load(b + i - 16));
    const int hit = want_equal ? vec_any(vec_or(vec_or(e0, e1), vec_or(e2, e3)))
                               : vec_mask(vec_and(vec_and(e0, e1), vec_and(e2, e3))) != 0xFFFFu;
    if (hit) {
      const uint32_t lo = (vec_mask(e0) | (uint32_t)vec_mask(e1) << 16) ^ (flip | flip << 16);
      const uint32_t hi = (vec_mask(e2) | (uint32_t)vec_mask(e3) << 16) ^ (flip | flip << 16);
      return i - 64 + (hi ? 32 + mask_high(hi) : mask_high(lo));
    }
  }
  while (i > 0) {
    const size_t q = i >= 16 ? i - 16 : 0;
    const unsigned m = vec_hits(a + q, b + q, flip) & (0xFFFFu >> (16 - (i - q)));
    if (m) return q + mask_high(m);
    i = q;
  }
  return n;
}

#endif /* MEM_VEC_H */
