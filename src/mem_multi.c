/*
 * Many patterns in one pass (each pattern with a mask, as in mem_masked.c).
 *
 * The set is compiled once into a relocatable blob (offsets, no pointers),
 * so a caller may copy it anywhere, keep it between calls and hand it to
 * each window of a stream.
 *
 * Every pattern's first w bytes (w = 4, or the shortest length when less)
 * hold its fingerprint, and the set keeps only some of their bits: a
 * position's fingerprint is its w bytes ANDed with the set's fingerprint
 * bits. A pattern with wildcard bits among them allows several fingerprint
 * values (2 ** free bits); each one is hashed (multiplicative hashing, 16
 * bits) into a 64 Kbit bitmap and into one of 4096 buckets that list, in
 * pattern order, the patterns that may start with it. A position survives
 * when its fingerprint hashes to a set bit; then the patterns of its bucket
 * are checked on their first four bytes with one masked word compare, and
 * the rest with masked 16-byte compares. So matches at one position come out
 * by pattern number, and a bucket holds about count / 4096 patterns:
 * verification costs the same for 16 patterns or 300.
 *
 * The expansion of wildcards is bounded, since its tables are what a
 * pattern set costs: at most MULTI_WILD_BITS free bits per pattern (4096
 * values) and MULTI_SET_VALUES values for the whole set, or one value per
 * pattern when the set has more patterns than that. The set's limit is a
 * quarter of the bitmap's bits, which leaves at most ~22 % of them set
 * (65,536 values, the old unbounded layout's for 256 patterns with one
 * wildcard byte, set 63 % of them and let most positions through: such sets
 * search 2-3 times faster with the limit, on text and on random bytes). The
 * set's fingerprint bits are chosen for it: all of the w bytes, less, for
 * each pattern with too many free bits there, its highest free bits (the
 * later bytes, as a shorter fingerprint would), until it has few enough.
 * Dropped bits make the filter pass more positions (slower, never larger).
 * A pattern that starts with four wildcard bytes lets every position through
 * (as it would alone); when it also leaves no bit in the fingerprint (sets
 * of more than MULTI_SET_VALUES / 2 patterns may keep no wildcard bit), the
 * one bucket holds every pattern: O(n * count).
 *
 * Up to MULTI_TEDDY_MAX (64) patterns, a SIMD prefilter runs first: Teddy (from
 * Hyperscan, as in ripgrep). The patterns go into 8 buckets (grouped by
 * teddy_buckets, so a weak pattern does not weaken strong ones); for each of the
 * first `tw` bytes (4; past a pattern's end anything) two 16-entry tables give, per low and per high
 * nibble, the buckets whose pattern allows that nibble there; a byte shuffle
 * looks up 16 positions at once, and a position goes on to the hash test
 * only when some bucket's bit survives the 2 * tw lookups. Each block of 16
 * bytes is loaded and split into nibbles once, its lookups shifted into
 * place against the previous block's (scan_teddy): about thirty SIMD
 * operations per 16 positions, 4.8 GB/s on random letters under Node 20
 * (3.3 with four overlapping loads per block); the fourth byte pays for
 * itself on text, where the high nibbles of letters tell the buckets
 * nothing. Beyond, the
 * hash test runs at every position, four per branch (a load, a multiply and
 * a bit test each: with 256 random patterns it lets 0.4 % through).
 *
 * Cost: O(n) for the filters plus O(m) per pattern verified at a surviving
 * position: O(n * total pattern length) in the worst case (every pattern
 * matching everywhere), O(n) on typical data. Compiling is O(total pattern
 * length + MULTI_WILD_BITS * count + the fingerprint values), the values
 * being at most max(MULTI_SET_VALUES, count); the blob is O(count + total
 * pattern length) bytes (mem.h gives the bound).
 */
#include "mem_mask.h"
#include "mem_search.h"

enum {
  MULTI_TEDDY_MAX = 64,
  MULTI_TEDDY_BYTES = 4,
  MULTI_WILD_BITS = 12,       /* a pattern's fingerprint values: at most 2 ** 12 */
  MULTI_SET_VALUES = 1 << 14, /* the set's, unless it has more patterns: a quarter of the bitmap */
  MULTI_HASH_BITS = 16,
  MULTI_BUCKET_BITS = 12,
  MULTI_BITMAP_BYTES = (1 << MULTI_HASH_BITS) / 8,
  MULTI_BUCKETS = 1 << MULTI_BUCKET_BITS
};
/* Blobs from this size on are refused: the header's offsets are 32-bit (and
 * the saturated size arithmetic ends at SIZE_MAX, which is at least this). */
#define MULTI_BLOB_LIMIT UINT32_MAX

/* The blob's header; every offset counts from the blob's first byte. */
struct multi_head {
  uint32_t count, min_len, fp, tw; /* fingerprint bytes; Teddy bytes (0: no Teddy) */
  uint32_t fp_bits;                /* the bits of the fp bytes (little-endian) the fingerprint keeps */
  uint32_t teddy_off;              /* tw pairs of 16-byte tables: low nibbles, then high */
  uint32_t bitmap_off;             /* MULTI_BITMAP_BYTES */
  uint32_t first_off;              /* MULTI_BUCKETS + 1 uint32: bucket b is list[first[b] .. first[b + 1]) */
  uint32_t list_off;               /* pattern numbers */
  uint32_t pats_off;               /* per pattern 4 uint32: offset of its bytes (masked, then its mask),
                                      length, first-word value and mask (up to 4 bytes, little-endian) */
};

#if defined(__wasm_simd128__) && !defined(MEM_VEC_PORTABLE)
/* Buckets allowed at 16 positions: lo[byte & 15] & hi[byte >> 4]. */
/* The last n bytes of a, then the first 16 - n of b (n in 1..3): b moved n bytes later. */
static inline mem_v128 shift_in(mem_v128 a, mem_v128 b, int n) {
  return n == 1   ? wasm_i8x16_shuffle(a, b, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30)
         : n == 2 ? wasm_i8x16_shuffle(a, b, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29)
                  : wasm_i8x16_shuffle(a, b, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28);
}
static inline mem_v128 nibble_lookup(mem_v128 v, mem_v128 lo, mem_v128 hi) {
  /* The high nibbles by a 16-bit shift and a mask: one instruction each on
   * x64, where a byte shift (no such instruction) costs V8 five. */
  const mem_v128 nib = wasm_i8x16_splat(0x0F);
  const mem_v128 low = wasm_v128_and(v, nib), high = wasm_v128_and(wasm_u16x8_shr(v, 4), nib);
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
static inline mem_v128 shift_in(mem_v128 a, mem_v128 b, int n) {
  uint8_t ab[32];
  memcpy(ab, &a, 16), memcpy(ab + 16, &b, 16);
  return vec_load(ab + 16 - n);
}
#endif

static size_t round4(size_t n) { return (n + 3) & ~(size_t)3; }

/* The fingerprint hash of w bytes read little-endian into v (and masked to the set's bits). */
static inline uint32_t fp_hash(uint32_t v) { return (v * 0x9E3779B1u) >> (32 - MULTI_HASH_BITS); }

/* The fingerprint value at p (w bytes, little-endian). */
static inline uint32_t fp_read(const uint8_t *p, size_t w) {
  if (w == 4) return load32(p);
  uint32_t v = 0;
  for (size_t k = 0; k < w; k++) v |= (uint32_t)p[k] << (8 * k);
  return v;
}

/* The blob's sizes are added and multiplied only through these. They
 * saturate at SIZE_MAX, so a chain of them that overflowed anywhere ends
 * there, and SIZE_MAX >= MULTI_BLOB_LIMIT is refused. */
static size_t size_add(size_t a, size_t b) { return a > SIZE_MAX - b ? SIZE_MAX : a + b; }
static size_t size_mul(size_t a, size_t b) { return b && a > SIZE_MAX / b ? SIZE_MAX : a * b; }

/* Pattern p's fingerprint bits that are wildcards, among the set's. */
static inline uint32_t free_bits(const uint8_t *mask, size_t fp, uint32_t bits) {
  return bits & ~fp_read(mask, fp);
}

/* The set's fingerprint bits when no pattern may leave more than `wild` of
 * them free: each pattern over it loses its highest free bits (the last
 * bytes first, as a shorter fingerprint would). Bits only ever go, so the
 * patterns already seen stay within `wild`. */
MEM_SETUP static uint32_t choose_bits(const uint8_t *masks, const size_t *lens, size_t count, size_t fp,
                                      unsigned wild) {
  uint32_t bits = fp == 4 ? UINT32_MAX : ((uint32_t)1 << (8 * fp)) - 1;
  for (size_t p = 0, at = 0; p < count; at += lens[p], p++)
    for (uint32_t f = free_bits(masks + at, fp, bits); (unsigned)__builtin_popcount(f) > wild;) {
      const uint32_t top = UINT32_C(0x80000000) >> __builtin_clz(f);
      bits &= ~top, f &= ~top;
    }
  return bits;
}

/* How many fingerprint values the set's patterns allow with `bits`, or
 * SIZE_MAX once past `limit`. */
MEM_SETUP static size_t count_values(const uint8_t *masks, const size_t *lens, size_t count, size_t fp,
                                     uint32_t bits, size_t limit) {
  size_t values = 0;
  for (size_t p = 0, at = 0; p < count; at += lens[p], p++) {
    values += (size_t)1 << __builtin_popcount(free_bits(masks + at, fp, bits)); /* <= 2 ** MULTI_WILD_BITS */
    if (values > limit) return SIZE_MAX;
  }
  return values;
}

/* Calls visit(ctx, value) for each fingerprint value a pattern allows: its
 * fixed bits `base` with every setting of its free bits (subsets of `free`,
 * counted up by the carry through the bits outside it). */
MEM_SETUP static void each_value(uint32_t base, uint32_t free, void (*visit)(void *, uint32_t), void *ctx) {
  uint32_t sub = 0;
  do visit(ctx, base | sub);
  while ((sub = (sub - free) & free) != 0);
}

/*
 * The blob's layout for a set, into h; its size, or 0 when the set is
 * refused (no pattern, an empty one, or a blob of MULTI_BLOB_LIMIT bytes or
 * more). Every size is computed with its overflow checked.
 */
MEM_SETUP static size_t layout(const uint8_t *masks, const size_t *lens, size_t count, struct multi_head *h,
                               size_t *values_out) {
  if (count == 0 || count > UINT32_MAX / 16) return 0;
  size_t min_len = SIZE_MAX, total = 0;
  for (size_t p = 0; p < count; p++) {
    if (lens[p] == 0) return 0;
    if (lens[p] < min_len) min_len = lens[p];
    total = size_add(total, lens[p]);
  }
  /* Teddy's bytes past a pattern's end allow anything, so a short pattern
   * ("MZ") does not shorten the filter for the others. */
  const size_t tw = count > MULTI_TEDDY_MAX ? 0 : MULTI_TEDDY_BYTES;
  const size_t fixed = round4(sizeof *h) + 32 * tw + MULTI_BITMAP_BYTES + (MULTI_BUCKETS + 1) * 4;
  /* The blob at its smallest (one list entry per pattern) must fit before
   * the masks are read: a set whose lengths alone overflow is refused
   * without reading them. count <= UINT32_MAX / 16 keeps count * 16 within
   * 32 bits. */
  const size_t bytes = size_mul(total, 2), pats = (size_t)count * 16;
  if (size_add(size_add(size_add(fixed, pats), bytes), (size_t)count * 4) >= MULTI_BLOB_LIMIT) return 0;
  const size_t fp = min_len < 4 ? min_len : 4;
  /* The most wildcard bits per pattern that keep the set within its values
   * (each pattern allows one value at least: more patterns than
   * MULTI_SET_VALUES go straight to one each). */
  unsigned wild = count > MULTI_SET_VALUES ? 0 : MULTI_WILD_BITS;
  uint32_t bits;
  size_t values;
  for (;; wild--) {
    bits = choose_bits(masks, lens, count, fp, wild);
    values = count_values(masks, lens, count, fp, bits, wild ? MULTI_SET_VALUES : SIZE_MAX);
    if (values != SIZE_MAX) break;
  }
  const size_t list = size_mul(values, 4);
  const size_t size = size_add(size_add(size_add(fixed, list), pats), bytes);
  if (size >= MULTI_BLOB_LIMIT) return 0;
  size_t at = round4(sizeof *h);
  h->count = (uint32_t)count, h->min_len = (uint32_t)min_len; /* <= total < size < UINT32_MAX */
  h->fp = (uint32_t)fp, h->tw = (uint32_t)tw, h->fp_bits = bits;
  h->teddy_off = (uint32_t)at, at += 32 * tw;
  h->bitmap_off = (uint32_t)at, at += MULTI_BITMAP_BYTES;
  h->first_off = (uint32_t)at, at += (MULTI_BUCKETS + 1) * 4;
  h->list_off = (uint32_t)at, at += list; /* at most one entry per value */
  h->pats_off = (uint32_t)at;
  *values_out = values;
  return size;
}

MEM_SETUP size_t mem_multi_size(const uint8_t *masks, const size_t *lens, size_t count) {
  struct multi_head h;
  size_t values;
  return layout(masks, lens, count, &h, &values);
}

static inline uint32_t *u32_at(void *blob, uint32_t off) {
  return (uint32_t *)(void *)((uint8_t *)blob + off);
}
static inline const uint32_t *cu32_at(const void *blob, uint32_t off) {
  return (const uint32_t *)(const void *)((const uint8_t *)blob + off);
}

/* Compiling one pattern's fingerprint values: set the bitmap, count or fill its buckets (once each). */
struct fill_ctx {
  uint8_t *bitmap;
  uint32_t *first, *list;
  uint32_t p;
  int filling, many;               /* many: pattern p allows several values */
  uint8_t seen[MULTI_BUCKETS / 8]; /* the buckets pattern p is already in (when many) */
};

MEM_SETUP static void put_value(void *c, uint32_t v) {
  struct fill_ctx *f = c;
  const uint32_t hash = fp_hash(v), b = hash >> (MULTI_HASH_BITS - MULTI_BUCKET_BITS);
  f->bitmap[hash >> 3] |= (uint8_t)(1u << (hash & 7));
  if (f->many && f->seen[b >> 3] & (1u << (b & 7))) return;
  f->seen[b >> 3] |= (uint8_t)(1u << (b & 7));
  if (f->filling)
    f->list[f->first[b]++] = f->p;
  else
    f->first[b + 1]++;
}

/* Teddy's view of a pattern: for each of its first tw bytes, the low nibbles
 * (sets[2 j]) and high nibbles (sets[2 j + 1]) it allows there, as 16-bit
 * sets; past its end, every nibble (as the tables' fill below). pb: its
 * masked bytes, then its mask. */
MEM_SETUP static void nibble_sets(const uint8_t *pb, size_t len, size_t tw, uint16_t *sets) {
  for (size_t k = 0; k < 2 * tw; k++) {
    const unsigned shift = 4 * (k & 1), j = (unsigned)(k / 2);
    const unsigned m = j < len ? pb[len + j] >> shift & 15u : 0, v = j < len ? pb[j] >> shift & 15u : 0;
    /* The nibbles x with (x & m) == v: v, and every way of setting m's clear bits. */
    unsigned set = 1u << v;
    for (unsigned f = 0; f < 4; f++)
      if (!(m >> f & 1)) set |= set << (1u << f);
    sets[k] = (uint16_t)set;
  }
}

/* How often a Teddy bucket with the nibble sets a | b lets a position of
 * uniform random bytes through, times 256^tw: the product of the sets' sizes
 * (< 2^33). */
MEM_SETUP static uint64_t pass_rate(const uint16_t *a, const uint16_t *b, size_t tw) {
  uint64_t r = 1;
  for (size_t k = 0; k < 2 * tw; k++) r *= (unsigned)__builtin_popcount(a[k] | b[k]);
  return r;
}

/*
 * Groups the patterns into Teddy's 8 buckets so the filter passes few
 * positions: a bucket allows the union of its patterns' nibbles, so one weak
 * pattern ("MZ", anything after its two bytes) makes every pattern it shares
 * a bucket with as weak (and on text, letters' high nibbles say little).
 * Greedy, weakest pattern first (by its own pass rate, ties in pattern
 * order): each joins the bucket whose pass rate grows least (an empty
 * bucket's is 0), ties to the lowest bucket. Only the filter's tables change,
 * never the verification, so no pattern can be lost this way. With the magic
 * table the filter passes 0.09 % of the positions of random letters instead
 * of 2 % (pattern p in bucket p % 8), 0.012 % of random bytes instead of 0.3 %
 * (`mem scan --magic` on 256 MiB of letters: 0.44 s, was 0.81).
 * O(count^2 + count * 8 * tw).
 */
MEM_SETUP static void teddy_buckets(uint16_t (*sets)[2 * MULTI_TEDDY_BYTES], size_t count, size_t tw,
                                    uint8_t *bucket_of) {
  uint16_t bucket[8][2 * MULTI_TEDDY_BYTES] = {{0}};
  uint64_t own[MULTI_TEDDY_MAX];
  uint8_t order[MULTI_TEDDY_MAX], used = 0; /* used: a bit per bucket */
  for (size_t p = 0; p < count; p++) {
    own[p] = pass_rate(sets[p], sets[p], tw);
    size_t k = p; /* insertion sort, stable: weakest (highest rate) first */
    while (k > 0 && own[order[k - 1]] < own[p]) order[k] = order[k - 1], k--;
    order[k] = (uint8_t)p;
  }
  for (size_t k = 0; k < count; k++) {
    const size_t p = order[k];
    size_t best = 0;
    uint64_t least = UINT64_MAX;
    for (size_t b = 0; b < 8; b++) {
      const uint64_t was = used >> b & 1 ? pass_rate(bucket[b], bucket[b], tw) : 0;
      const uint64_t growth = pass_rate(bucket[b], sets[p], tw) - was;
      if (growth < least) best = b, least = growth;
    }
    for (size_t j = 0; j < 2 * tw; j++) bucket[best][j] |= sets[p][j];
    used |= (uint8_t)(1u << best);
    bucket_of[p] = (uint8_t)best;
  }
}

MEM_SETUP int mem_multi_prepare(void *blob, const uint8_t *pats, const uint8_t *masks, const size_t *lens,
                                size_t count) {
  struct multi_head h;
  size_t values;
  const size_t size = layout(masks, lens, count, &h, &values);
  if (size == 0) return -1;
  uint8_t *base = blob;
  memset(base, 0, size);
  uint32_t *first = u32_at(blob, h.first_off), *table = u32_at(blob, h.pats_off);
  /* Each pattern's bytes (already masked), mask and first word. */
  size_t at = h.pats_off + (size_t)count * 16, from = 0;
  for (size_t p = 0; p < count; p++) {
    const size_t len = lens[p], q = len < 4 ? len : 4;
    uint32_t qv = 0, qm = 0;
    for (size_t k = 0; k < len; k++) {
      base[at + k] = pats[from + k] & masks[from + k];
      base[at + len + k] = masks[from + k];
    }
    for (size_t k = 0; k < q; k++)
      qv |= (uint32_t)base[at + k] << (8 * k), qm |= (uint32_t)masks[from + k] << (8 * k);
    table[4 * p] = (uint32_t)at, table[4 * p + 1] = (uint32_t)len, table[4 * p + 2] = qv,
              table[4 * p + 3] = qm;
    at += 2 * len, from += len;
  }
  /* Buckets: count, then fill in pattern order (first[] ends as the starts shifted by one bucket). */
  struct fill_ctx f = {.bitmap = base + h.bitmap_off, .first = first, .list = u32_at(blob, h.list_off)};
  for (int pass = 0; pass < 2; pass++) {
    f.filling = pass;
    for (uint32_t p = 0; p < count; p++) {
      const uint8_t *pb = base + table[4 * p], *pm = pb + lens[p];
      const uint32_t free = free_bits(pm, h.fp, h.fp_bits);
      f.p = p, f.many = free != 0;
      if (f.many) memset(f.seen, 0, sizeof f.seen); /* 512 bytes: skipped for most patterns */
      each_value(fp_read(pb, h.fp) & h.fp_bits, free, put_value, &f);
    }
    if (pass == 0)
      for (size_t b = 0; b < MULTI_BUCKETS; b++) first[b + 1] += first[b];
  }
  /* Filling advanced first[b] to the end of bucket b: shift back to starts. */
  for (size_t b = MULTI_BUCKETS; b > 0; b--) first[b] = first[b - 1];
  first[0] = 0;
  if (h.tw) {
    uint8_t *t = base + h.teddy_off;
    uint16_t sets[MULTI_TEDDY_MAX][2 * MULTI_TEDDY_BYTES];
    uint8_t bucket_of[MULTI_TEDDY_MAX];
    for (size_t p = 0; p < count; p++) nibble_sets(base + table[4 * p], lens[p], h.tw, sets[p]);
    teddy_buckets(sets, count, h.tw, bucket_of);
    for (size_t p = 0; p < count; p++)
      for (size_t k = 0; k < 2 * h.tw; k++)
        for (unsigned x = 0; x < 16; x++)
          if (sets[p][k] >> x & 1) t[16 * k + x] |= (uint8_t)(1u << bucket_of[p]);
  }
  memcpy(base, &h, sizeof h);
  return 0;
}

/* One search in progress. */
struct multi_scan {
  const uint8_t *blob, *hay, *bitmap;
  const uint32_t *first, *list, *table;
  uint32_t fp_bits;
  size_t fp, start, end, step, min_pat; /* min_pat: the lowest pattern number reported at start */
  size_t *out, max, n;
};

/* 1 when pattern p matches at i (which it fits at). */
static inline int matches(const struct multi_scan *s, uint32_t p, size_t i) {
  const uint32_t *t = s->table + 4 * p;
  if (s->end - i >= 4 && (load32(s->hay + i) & t[3]) != t[2]) return 0;
  const uint8_t *pb = s->blob + t[0];
  return t[1] <= 4 && s->end - i >= 4 ? 1 : mem_masked_equal(s->hay + i, pb, pb + t[1], t[1]);
}

/* The patterns that may start at i (aligned, fingerprint readable); 1 when the output is full. */
static int verify(struct multi_scan *s, size_t i) {
  const uint32_t hash = fp_hash(fp_read(s->hay + i, s->fp) & s->fp_bits);
  if (!(s->bitmap[hash >> 3] & (1u << (hash & 7)))) return 0;
  const uint32_t b = hash >> (MULTI_HASH_BITS - MULTI_BUCKET_BITS);
  uint32_t e = s->first[b];
  const uint32_t stop = s->first[b + 1];
  if (i == s->start && s->min_pat) {
    /* A resumed position: the bucket lists patterns in order, so the first
     * one >= min_pat is found by bisection. Skipping them one by one made
     * reading a position's k matches in batches of m cost k * k / m when a
     * bucket is large (a set whose fingerprint lost its wildcard bits). */
    for (uint32_t hi = stop; e < hi;) {
      const uint32_t mid = e + (hi - e) / 2;
      if (s->list[mid] < s->min_pat)
        e = mid + 1;
      else
        hi = mid;
    }
  }
  for (; e < stop; e++) {
    const uint32_t p = s->list[e];
    if (s->end - i < s->table[4 * p + 1] || !matches(s, p, i)) continue;
    s->out[2 * s->n] = i, s->out[2 * s->n + 1] = p;
    /* Full: the rest of this position waits for the next call, which resumes
     * here with min_pat = p + 1. */
    if (++s->n == s->max) return 1;
  }
  return 0;
}

static inline int aligned(const struct multi_scan *s, size_t i) {
  return s->step == 1 || (i - s->start) % s->step == 0;
}

/* The aligned candidates from..last, one at a time (short ranges, tails,
 * large steps, and sets too large for Teddy). */
static void visit(struct multi_scan *s, size_t from, size_t last) {
  size_t i = from;
  const size_t r = (i - s->start) % s->step;
  if (r) {
    if (s->step - r > last - i) return;
    i += s->step - r;
  }
  if (s->step == 1 && s->fp == 4) { /* the common case: four positions per branch, no byte assembly */
    const uint8_t *hay = s->hay, *bitmap = s->bitmap;
    const uint32_t bits = s->fp_bits;
    for (; last - i >= 3 && i <= last; i += 4) {
      const uint32_t h0 = fp_hash(load32(hay + i) & bits), h1 = fp_hash(load32(hay + i + 1) & bits);
      const uint32_t h2 = fp_hash(load32(hay + i + 2) & bits), h3 = fp_hash(load32(hay + i + 3) & bits);
      const unsigned any = ((unsigned)bitmap[h0 >> 3] >> (h0 & 7) | (unsigned)bitmap[h1 >> 3] >> (h1 & 7) |
                            (unsigned)bitmap[h2 >> 3] >> (h2 & 7) | (unsigned)bitmap[h3 >> 3] >> (h3 & 7)) &
                           1u;
      if (any)
        for (size_t k = 0; k < 4; k++)
          if (verify(s, i + k)) return;
    }
    for (; i <= last; i++)
      if (verify(s, i)) return;
    return;
  }
  for (;; i += s->step) {
    if (verify(s, i)) return;
    if (last - i < s->step) return; /* also keeps i + step from overflowing */
  }
}

/*
 * Teddy over 16 positions per block, each block's bytes loaded and split
 * into nibbles once: r[j] gives, for each byte of the block, the buckets
 * whose pattern allows that byte as its byte j. A pattern starting at i needs
 * byte i + j in r[j] for every j < TW, so r[j] is moved TW - 1 - j bytes
 * later, filled from the previous block's (one byte-align each), and a
 * block settles the positions that start TW - 1 bytes before it. (Four
 * overlapping loads per block, each split into nibbles, cost a third more.)
 * Returns the first position left for visit, or MEM_NPOS once the output is
 * full.
 */
static size_t scan_teddy(struct multi_scan *s, const struct multi_head *h, size_t last) {
  enum { TW = MULTI_TEDDY_BYTES, BACK = TW - 1 };
  const uint8_t *t = s->blob + h->teddy_off;
  mem_v128 lo[TW], hi[TW], prev[TW];
  const mem_v128 zero = vec_splat(0);
  for (size_t j = 0; j < TW; j++)
    lo[j] = vec_load(t + 32 * j), hi[j] = vec_load(t + 32 * j + 16), prev[j] = zero;
  size_t p = s->start;
  /* The block at p reads p .. p + 15 < end and settles p - BACK .. p + 15 -
   * BACK <= last; positions before start meet the zero prev. */
  for (; s->end - p >= 16 && p <= last && last - p >= 15 - BACK; p += 16) {
    const mem_v128 v = vec_load(s->hay + p);
    mem_v128 r[TW];
    for (size_t j = 0; j < TW; j++) r[j] = nibble_lookup(v, lo[j], hi[j]);
    const mem_v128 c = vec_and(vec_and(shift_in(prev[0], r[0], 3), shift_in(prev[1], r[1], 2)),
                               vec_and(shift_in(prev[2], r[2], 1), r[3]));
    for (size_t j = 0; j < TW; j++) prev[j] = r[j];
    if (!vec_nonzero(c)) continue;
    const unsigned m = ~vec_mask(vec_eq(c, zero)) & 0xFFFFu;
    for (unsigned b = m; b; b &= b - 1) {
      const size_t i = p + mask_low(b) - BACK;
      if (aligned(s, i) && verify(s, i)) return MEM_NPOS;
    }
  }
  /* Unsettled: from p - BACK once a block ran (p >= start + 16). */
  return p != s->start ? p - BACK : p;
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
  const uint8_t *b = blob;
  struct multi_scan s = {b,
                         hay,
                         b + h.bitmap_off,
                         cu32_at(blob, h.first_off),
                         cu32_at(blob, h.list_off),
                         cu32_at(blob, h.pats_off),
                         h.fp_bits,
                         h.fp,
                         start,
                         end,
                         step,
                         min_pat,
                         out,
                         max,
                         0};
  /* Teddy, then the positions it leaves (one call of visit: the hashed
   * filter's loop stays inlined here, 8 % faster for large sets). */
  const size_t from = h.tw && step <= 16 ? scan_teddy(&s, &h, last) : start;
  if (from <= last) visit(&s, from, last);
  return s.n;
}
