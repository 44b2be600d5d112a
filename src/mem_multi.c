/*
 * Many patterns in one pass (each pattern with a mask, as in mem_masked.c).
 *
 * The set is compiled once into a relocatable blob (offsets, no pointers),
 * so a caller may copy it anywhere, keep it between calls and hand it to
 * each window of a stream. A prefilter says which haystack positions may
 * start a match; there the patterns whose first byte can equal the
 * haystack's byte (a list per byte value, in pattern order) are verified
 * with masked compares, so matches at one position come out by pattern
 * number.
 *
 * Prefilters:
 * - up to MULTI_TEDDY_MAX patterns, Teddy (from Hyperscan, as in ripgrep):
 *   the patterns go into 8 buckets; for each of the first `fp` bytes (up to
 *   3, at most the shortest pattern's length) two 16-entry tables give, per
 *   low and per high nibble, the buckets whose pattern allows that nibble
 *   there. A byte shuffle looks up 16 positions at once; a position survives
 *   when some bucket's bit stays set across the 2 * fp lookups. About a
 *   dozen SIMD operations per 16 positions, whatever the number of patterns.
 * - beyond, a bitmap of the first two bytes' 65536 values (8 KiB, in cache):
 *   one load and one bit test per position; with 256 random patterns it
 *   lets through 0.4 % of the positions.
 *
 * Cost: O(n) for the prefilter plus O(m) per pattern verified at a surviving
 * position: O(n * total pattern length) in the worst case (every pattern
 * matching everywhere), O(n) on typical data. Compiling is O(256 * count)
 * plus, for the bitmap, the number of 2-byte values the patterns' first
 * bytes allow (1 per pattern without wildcards there).
 */
#include "mem_mask.h"
#include "mem_search.h"

enum { MULTI_TEDDY_MAX = 32, MULTI_FP_MAX = 3, BIGRAM_BYTES = 65536 / 8 };

/* The blob's header; every offset counts from the blob's first byte. */
struct multi_head {
  uint32_t count, min_len, fp, teddy;
  uint32_t teddy_off;  /* fp pairs of 16-byte tables: low nibbles, then high */
  uint32_t bigram_off; /* BIGRAM_BYTES (only without Teddy) */
  uint32_t first_off;  /* 257 uint32: patterns allowing byte b are list[first[b] .. first[b + 1]) */
  uint32_t list_off;   /* pattern numbers */
  uint32_t pats_off;   /* per pattern: offset of its bytes (masked, then its mask) and its length */
};

#if defined(__wasm_simd128__) && !defined(MEM_VEC_PORTABLE)
/* Buckets allowed at 16 positions: lo[byte & 15] & hi[byte >> 4]. */
static inline mem_v128 nibble_lookup(mem_v128 v, mem_v128 lo, mem_v128 hi) {
  const mem_v128 low = wasm_v128_and(v, wasm_i8x16_splat(0x0F)), high = wasm_u8x16_shr(v, 4);
  return wasm_v128_and(wasm_i8x16_swizzle(lo, low), wasm_i8x16_swizzle(hi, high));
}
#else
/* SSE2 has no byte shuffle (SSSE3 does): lane by lane, for the native tests. */
static inline mem_v128 nibble_lookup(mem_v128 v, mem_v128 lo, mem_v128 hi) {
  uint8_t b[16], l[16], h[16];
  memcpy(b, &v, 16), memcpy(l, &lo, 16), memcpy(h, &hi, 16);
  for (int k = 0; k < 16; k++) b[k] = l[b[k] & 15] & h[b[k] >> 4];
  return vec_load(b);
}
#endif

static size_t round4(size_t n) { return (n + 3) & ~(size_t)3; }

/* How many byte values b satisfy (b & mask) == (value & mask). */
static size_t allowed_values(uint8_t mask) { return (size_t)1 << (8 - __builtin_popcount(mask)); }

static size_t layout(const uint8_t *masks, const size_t *lens, size_t count, struct multi_head *h) {
  size_t min_len = SIZE_MAX, total = 0, entries = 0;
  for (size_t p = 0; p < count; p++) {
    if (lens[p] == 0) return 0;
    if (lens[p] < min_len) min_len = lens[p];
    entries += allowed_values(masks[total]);
    total += lens[p];
  }
  const size_t fp = min_len < MULTI_FP_MAX ? min_len : MULTI_FP_MAX;
  const int teddy = count <= MULTI_TEDDY_MAX;
  size_t at = round4(sizeof *h);
  h->count = (uint32_t)count, h->min_len = (uint32_t)min_len, h->fp = (uint32_t)fp,
  h->teddy = (uint32_t)teddy;
  h->teddy_off = (uint32_t)at, at += teddy ? 32 * fp : 0;
  h->bigram_off = (uint32_t)at, at += teddy ? 0 : BIGRAM_BYTES;
  h->first_off = (uint32_t)at, at += 257 * 4;
  h->list_off = (uint32_t)at, at += entries * 4;
  h->pats_off = (uint32_t)at, at += count * 8;
  return at + 2 * total;
}

size_t mem_multi_size(const uint8_t *masks, const size_t *lens, size_t count) {
  struct multi_head h;
  if (count == 0 || count > UINT32_MAX / 2) return 0;
  return layout(masks, lens, count, &h);
}

static inline uint32_t *u32_at(void *blob, uint32_t off) {
  return (uint32_t *)(void *)((uint8_t *)blob + off);
}
static inline const uint32_t *cu32_at(const void *blob, uint32_t off) {
  return (const uint32_t *)(const void *)((const uint8_t *)blob + off);
}

int mem_multi_prepare(void *blob, const uint8_t *pats, const uint8_t *masks, const size_t *lens,
                      size_t count) {
  struct multi_head h;
  const size_t size = count ? layout(masks, lens, count, &h) : 0;
  if (size == 0) return -1;
  uint8_t *base = blob;
  memset(base, 0, size);
  uint32_t *first = u32_at(blob, h.first_off), *list = u32_at(blob, h.list_off);
  uint32_t *table = u32_at(blob, h.pats_off);
  /* Each pattern's bytes (already masked) and mask, and the first-byte lists' sizes. */
  size_t at = h.pats_off + (size_t)count * 8, from = 0;
  for (size_t p = 0; p < count; p++) {
    table[2 * p] = (uint32_t)at, table[2 * p + 1] = (uint32_t)lens[p];
    for (size_t k = 0; k < lens[p]; k++) {
      base[at + k] = pats[from + k] & masks[from + k];
      base[at + lens[p] + k] = masks[from + k];
    }
    const uint8_t m0 = masks[from], v0 = pats[from] & m0;
    for (unsigned b = 0; b < 256; b++)
      if ((b & m0) == v0) first[b + 1]++;
    at += 2 * lens[p], from += lens[p];
  }
  for (unsigned b = 0; b < 256; b++) first[b + 1] += first[b];
  uint32_t fill[256];
  memcpy(fill, first, sizeof fill);
  for (size_t p = 0; p < count; p++) {
    const uint8_t *pb = base + table[2 * p], *pm = pb + lens[p];
    for (unsigned b = 0; b < 256; b++)
      if ((b & pm[0]) == pb[0]) list[fill[b]++] = (uint32_t)p;
    if (h.teddy) {
      uint8_t *t = base + h.teddy_off;
      const uint8_t bit = (uint8_t)(1u << (p % 8));
      for (size_t j = 0; j < h.fp; j++)
        for (unsigned x = 0; x < 16; x++) {
          if ((x & (pm[j] & 15u)) == (pb[j] & 15u)) t[32 * j + x] |= bit;
          if ((x & (pm[j] >> 4)) == (pb[j] >> 4)) t[32 * j + 16 + x] |= bit;
        }
    } else {
      uint8_t *bits = base + h.bigram_off;
      const uint8_t m1 = h.fp > 1 ? pm[1] : 0, v1 = h.fp > 1 ? pb[1] : 0;
      for (unsigned b0 = 0; b0 < 256; b0++) {
        if ((b0 & pm[0]) != pb[0]) continue;
        for (unsigned b1 = 0; b1 < 256; b1++)
          if ((b1 & m1) == v1) bits[(b0 | b1 << 8) >> 3] |= (uint8_t)(1u << (b0 & 7));
      }
    }
  }
  memcpy(base, &h, sizeof h);
  return 0;
}

/* One search in progress. */
struct multi_scan {
  const uint8_t *blob, *hay;
  const uint32_t *first, *list, *table;
  size_t start, end, step, min_pat; /* min_pat: the lowest pattern number reported at start */
  size_t *out, max, n;
};

/* Verifies the patterns that may start at i (aligned); 1 when the output is full. */
static int verify(struct multi_scan *s, size_t i) {
  const uint8_t b = s->hay[i];
  for (uint32_t e = s->first[b]; e < s->first[b + 1]; e++) {
    const uint32_t p = s->list[e], len = s->table[2 * p + 1];
    if (s->end - i < len || (i == s->start && p < s->min_pat)) continue;
    const uint8_t *pb = s->blob + s->table[2 * p];
    if (!mem_masked_equal(s->hay + i, pb, pb + len, len)) continue;
    s->out[2 * s->n] = i, s->out[2 * s->n + 1] = p;
    if (++s->n == s->max) {
      /* Full: the rest of this position waits for the next call, which
       * resumes here with min_pat = p + 1. */
      return 1;
    }
  }
  return 0;
}

static inline int aligned(const struct multi_scan *s, size_t i) {
  return s->step == 1 || (i - s->start) % s->step == 0;
}

/* The aligned candidates from..last, one at a time through the first-byte
 * lists (short ranges, tails, and steps that leave few candidates). */
static void visit(struct multi_scan *s, size_t from, size_t last) {
  size_t i = from;
  const size_t r = (i - s->start) % s->step;
  if (r) {
    if (s->step - r > last - i) return;
    i += s->step - r;
  }
  for (;; i += s->step) {
    if (s->first[s->hay[i] + 1] != s->first[s->hay[i]] && verify(s, i)) return;
    if (last - i < s->step) return; /* also keeps i + step from overflowing */
  }
}

static void scan_teddy(struct multi_scan *s, const struct multi_head *h, size_t last) {
  const uint8_t *t = s->blob + h->teddy_off;
  const size_t fp = h->fp;
  mem_v128 lo[MULTI_FP_MAX], hi[MULTI_FP_MAX];
  for (size_t j = 0; j < fp; j++) lo[j] = vec_load(t + 32 * j), hi[j] = vec_load(t + 32 * j + 16);
  const mem_v128 zero = vec_splat(0);
  size_t p = s->start;
  for (; p <= last && last - p >= 15; p += 16) {
    /* fp <= the shortest length and p + 15 <= last <= end - that length: in bounds. */
    mem_v128 c = nibble_lookup(vec_load(s->hay + p), lo[0], hi[0]);
    if (fp > 1) c = vec_and(c, nibble_lookup(vec_load(s->hay + p + 1), lo[1], hi[1]));
    if (fp > 2) c = vec_and(c, nibble_lookup(vec_load(s->hay + p + 2), lo[2], hi[2]));
    const unsigned m = ~vec_mask(vec_eq(c, zero)) & 0xFFFFu;
    for (unsigned b = m; b; b &= b - 1) {
      const size_t i = p + mask_low(b);
      if (aligned(s, i) && verify(s, i)) return;
    }
  }
  if (p <= last) visit(s, p, last);
}

static void scan_bigram(struct multi_scan *s, const struct multi_head *h, size_t last) {
  const uint8_t *bits = s->blob + h->bigram_off, *hay = s->hay;
  if (h->fp < 2) {
    visit(s, s->start, last);
    return;
  }
  /* Two bytes are readable at every candidate: last + 1 < end when min_len >= 2. */
  for (size_t i = s->start; i <= last; i++) {
    const unsigned w = (unsigned)hay[i] | (unsigned)hay[i + 1] << 8;
    if (!(bits[w >> 3] & (1u << (w & 7)))) continue;
    if (aligned(s, i) && verify(s, i)) return;
  }
}

size_t mem_multi_find(const void *blob, const uint8_t *hay, size_t hay_len, size_t start, size_t end,
                      size_t cand_end, size_t step, size_t min_pat, size_t *out, size_t max) {
  struct multi_head h;
  memcpy(&h, blob, sizeof h);
  if (end > hay_len) end = hay_len;
  if (cand_end > end) cand_end = end;
  if (step == 0 || max == 0 || start >= cand_end || end - start < h.min_len) return 0;
  size_t last = end - h.min_len; /* the highest candidate any pattern fits at */
  if (cand_end - 1 < last) last = cand_end - 1;
  struct multi_scan s = {blob,
                         hay,
                         cu32_at(blob, h.first_off),
                         cu32_at(blob, h.list_off),
                         cu32_at(blob, h.pats_off),
                         start,
                         end,
                         step,
                         min_pat,
                         out,
                         max,
                         0};
  if (step > 16)
    visit(&s, start, last);
  else if (h.teddy)
    scan_teddy(&s, &h, last);
  else
    scan_bigram(&s, &h, last);
  return s.n;
}
