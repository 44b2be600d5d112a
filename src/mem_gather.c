/*
 * Strided copy of fixed-size items (gather, scatter, fill; see mem.h).
 *
 * A column of a record array is a strided view of one field, and reading it
 * as a typed array is a gather: item k's `size` bytes from src + k * stride
 * to dst + k * size. The loop is chosen once per call by item size and byte
 * order, so the body is one load and one store of a machine word per item
 * (memcpy of a constant size compiles to exactly that), with no per-item
 * branch. Byte order: wasm has no byte-swap instruction (a 64-bit swap is
 * some twenty shifts, masks and ors), so with SIMD128 the items are loaded
 * into the lanes of one 16-byte vector (v128.load*_lane, one per item), put
 * in reverse order with one i8x16.shuffle, and stored lane by lane. That
 * pays for 8-byte items (two per shuffle, for a scalar swap of some twenty
 * instructions each); 2- and 4-byte items swap with a few shifts, as fast as
 * lane loads and smaller. Other sizes (a
 * whole record, an `Ns` field) copy with memcpy, swapped byte by byte.
 * O(n * size) time, O(1) extra space.
 */
#include "mem.h"

#include <string.h>

#if defined(__wasm_simd128__) && !defined(MEM_VEC_PORTABLE)
#include <wasm_simd128.h>
#define MEM_GATHER_SIMD 1
#endif

/* Whether (n - 1) * stride + size, the end of the last item, fits size_t (n > 0). */
static int span_fits(size_t n, size_t stride, size_t size) {
  if (stride != 0 && n - 1 > (SIZE_MAX - size) / stride) return 0;
  return SIZE_MAX - size >= (n - 1) * stride;
}

static inline uint16_t swap16(uint16_t v) { return (uint16_t)((v >> 8) | (v << 8)); }
static inline uint32_t swap32(uint32_t v) {
  v = ((v & 0x00FF00FFu) << 8) | ((v >> 8) & 0x00FF00FFu);
  return (v << 16) | (v >> 16);
}
static inline uint64_t swap64(uint64_t v) {
  return ((uint64_t)swap32((uint32_t)v) << 32) | swap32((uint32_t)(v >> 32));
}

/*
 * Loops are kept rolled: with LLVM's unrolling and vectorising of these
 * strided loops (one load per item whatever is done) the gather bench rows
 * measured the same within noise, and the module every page loads was 2.2 KiB
 * larger (3.4 KiB of code for this file instead of 1.2 KiB).
 */
#ifdef __clang__
#define NO_UNROLL _Pragma("clang loop unroll(disable) vectorize(disable)")
#else
#define NO_UNROLL
#endif

/* One loop per word size, swapped or not: the copy is a load and a store. */
#define WORD_LOOP(T, SWAP)                                         \
  NO_UNROLL for (; k < n; k++, d += dst_stride, s += src_stride) { \
    T v;                                                           \
    memcpy(&v, s, sizeof v);                                       \
    v = SWAP(v);                                                   \
    memcpy(d, &v, sizeof v);                                       \
  }
#define SAME(v) (v)

#ifdef MEM_GATHER_SIMD
/*
 * Swapped 8-byte items two at a time: both loaded into one vector's lanes
 * (any stride), reversed within each lane by one shuffle, stored lane by
 * lane. Returns the items done (even); the scalar loop does the last one.
 */
static size_t swap8_simd(uint8_t *d, size_t dst_stride, const uint8_t *s, size_t src_stride, size_t n) {
  size_t k = 0;
  NO_UNROLL for (; n - k >= 2; k += 2, d += 2 * dst_stride, s += 2 * src_stride) {
    v128_t v = wasm_v128_load64_lane(s + src_stride, wasm_v128_load64_zero(s), 1);
    v = wasm_i8x16_shuffle(v, v, 7, 6, 5, 4, 3, 2, 1, 0, 15, 14, 13, 12, 11, 10, 9, 8);
    wasm_v128_store64_lane(d, v, 0);
    wasm_v128_store64_lane(d + dst_stride, v, 1);
  }
  return k;
}
#endif

int mem_gather(uint8_t *dst, size_t dst_stride, const uint8_t *src, size_t src_stride, size_t n, size_t size,
               int swap) {
  if (n == 0 || size == 0) return 0;
  if (!span_fits(n, dst_stride, size) || !span_fits(n, src_stride, size)) return -1;
  uint8_t *d = dst;
  const uint8_t *s = src;
  size_t k = 0;
  if (swap && (size == 2 || size == 4 || size == 8)) {
#ifdef MEM_GATHER_SIMD
    if (size == 8) {
      k = swap8_simd(d, dst_stride, s, src_stride, n);
      d += k * dst_stride, s += k * src_stride;
    }
#endif
    if (size == 2)
      WORD_LOOP(uint16_t, swap16)
    else if (size == 4)
      WORD_LOOP(uint32_t, swap32)
    else
      WORD_LOOP(uint64_t, swap64)
    return 0;
  }
  switch (swap ? 0 : size) {
    case 1:
      NO_UNROLL for (; k < n; k++, d += dst_stride, s += src_stride) *d = *s;
      return 0;
    case 2:
      WORD_LOOP(uint16_t, SAME)
      return 0;
    case 4:
      WORD_LOOP(uint32_t, SAME)
      return 0;
    case 8:
      WORD_LOOP(uint64_t, SAME)
      return 0;
    default:
      break;
  }
  /* Any other size (or a swapped size without a word): bytes, reversed when swapping. */
  NO_UNROLL for (; k < n; k++, d += dst_stride, s += src_stride) {
    if (!swap)
      memmove(d, s, size);
    else
      for (size_t b = 0; b < size / 2; b++) { /* pairwise, so an in-place swap (d == s) is right too */
        const uint8_t lo = s[b], hi = s[size - 1 - b];
        d[b] = hi, d[size - 1 - b] = lo;
      }
    if (swap && size % 2) d[size / 2] = s[size / 2];
  }
  return 0;
}
