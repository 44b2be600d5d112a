/*
 * Masked search (mem_find_masked, mem_rfind_masked, mem_find_masked_many)
 * and the multi-pattern search (mem_multi_*) against the reference loops:
 * exhaustive over a two-letter alphabet for haystacks up to 5 (6) bytes, short patterns
 * and masks of none, all and one bit, every start/end and small steps;
 * random long inputs with random masks and planted matches; every match
 * offset against the 16-byte blocks; pattern sets of 1..300 patterns
 * (both prefilters), read in small batches with resumes, and with cand_end
 * cutting the candidates as a windowed caller does; sets near the limits of
 * the fingerprint's wildcard expansion (up to 65,537 patterns) and sizes
 * that do not fit (issue 25). Runs natively (SSE2 and
 * the portable path) and in wasm with SIMD128.
 */
#include <string.h>

#include "check.h"
#include "mem.h"
#include "mem_ref.h"

static void check_masked(const unsigned char *h, size_t hl, const unsigned char *p, const unsigned char *m,
                         size_t pl, size_t start, size_t end, size_t step) {
  snprintf(check_context, sizeof check_context,
           "masked hay(%zu) pat(%zu) start=%zu end=%zu step=%zu rng=%llx", hl, pl, start, end, step,
           check_rng_state);
  CHECK_EQ(mem_find_masked(h, hl, p, m, pl, start, end, step),
           mem_ref_find_masked(h, hl, p, m, pl, start, end, step));
  CHECK_EQ(mem_rfind_masked(h, hl, p, m, pl, start, end, step),
           mem_ref_rfind_masked(h, hl, p, m, pl, start, end, step));
  size_t out[3], next = start, ref_at = start, got;
  do {
    got = mem_find_masked_many(h, hl, p, m, pl, next, end, step, out, 3);
    for (size_t k = 0; k < got; k++) {
      const size_t r = mem_ref_find_masked(h, hl, p, m, pl, ref_at, end, step);
      CHECK_EQ(out[k], r);
      ref_at = r + step;
    }
    if (got) next = out[got - 1] + step;
  } while (got == 3);
  CHECK_EQ(mem_ref_find_masked(h, hl, p, m, pl, ref_at, end, step), MEM_NPOS);
}

static void masked_exhaustive(void) {
  static const unsigned char kinds[3] = {0x00, 0xFF, 0x01}; /* any, fixed, one bit */
  unsigned char hay[5], pat[3], mask[3];
  for (size_t hl = 0; hl <= 5; hl++)
    for (unsigned hc = 0; hc < (1u << hl); hc++) {
      check_word(hay, hl, hc, 2);
      unsigned char *h = check_dup(hay, hl);
      for (size_t pl = 0; pl <= 3; pl++)
        for (unsigned pc = 0; pc < (1u << pl); pc++)
          for (unsigned mc = 0; mc < (pl ? 27u / (pl == 1 ? 9u : pl == 2 ? 3u : 1u) : 1u); mc++) {
            check_word(pat, pl, pc, 2);
            for (size_t k = 0, c = mc; k < pl; k++, c /= 3) mask[k] = kinds[c % 3];
            unsigned char *p = check_dup(pat, pl), *m = check_dup(mask, pl);
            for (size_t start = 0; start <= hl + 1; start++)
              for (size_t end = start ? start - 1 : 0; end <= hl + 1;
                   end++) /* ends below start - 1: as start - 1 */
                for (size_t step = 1; step <= 3; step++) check_masked(h, hl, p, m, pl, start, end, step);
            free(p), free(m);
          }
      free(h);
    }
}

static void random_mask(unsigned char *m, size_t n) {
  for (size_t k = 0; k < n; k++) {
    const unsigned r = (unsigned)(check_rand() % 8);
    m[k] = r < 4 ? 0xFF : r == 4 ? 0x00 : r == 5 ? 0xF0 : r == 6 ? 0x0F : (unsigned char)check_rand();
  }
}

static void masked_random(void) {
  for (int round = 0; round < 3000; round++) {
    const size_t hl = (size_t)(check_rand() % 300), alpha = 2 + (size_t)(check_rand() % 3);
    unsigned char *h = malloc(hl ? hl : 1);
    for (size_t i = 0; i < hl; i++) h[i] = (unsigned char)('a' + check_rand() % alpha);
    const size_t pl = 1 + (size_t)(check_rand() % 40);
    unsigned char *p = malloc(pl), *m = malloc(pl);
    const size_t at = hl > pl ? (size_t)(check_rand() % (hl - pl + 1)) : 0;
    for (size_t k = 0; k < pl; k++)
      p[k] = hl > at + k ? h[at + k] : (unsigned char)('a' + check_rand() % alpha);
    random_mask(m, pl);
    if (check_rand() % 4 == 0) p[check_rand() % pl] ^= 1; /* a near miss */
    const size_t start = hl ? (size_t)(check_rand() % (hl + 2)) : 0, end = (size_t)(check_rand() % (hl + 3));
    const size_t step = check_rand() % 3 ? 1 + (size_t)(check_rand() % 20) : 1;
    check_masked(h, hl, p, m, pl, start, end, step);
    check_masked(h, hl, p, m, pl, 0, hl, step);
    free(h), free(p), free(m);
  }
}

/* A match at every offset of a 96-byte zero haystack, for pattern lengths
 * around the block size, wildcards at the start, middle and end. */
static void masked_every_offset(void) {
  unsigned char h[96], p[40], m[40];
  for (size_t pl = 1; pl <= 40; pl += (pl < 18 ? 1 : 7))
    for (size_t at = 0; at + pl <= sizeof h; at++)
      for (int shape = 0; shape < 3; shape++) {
        memset(h, 0, sizeof h);
        for (size_t k = 0; k < pl; k++) p[k] = (unsigned char)(0x41 + k % 5), m[k] = 0xFF;
        m[shape == 0 ? 0 : shape == 1 ? pl / 2 : pl - 1] = 0;
        if (pl > 2) m[1] = 0xF0;
        memcpy(h + at, p, pl);
        h[at + (shape == 0 ? 0 : shape == 1 ? pl / 2 : pl - 1)] = 0x99; /* under the wildcard */
        unsigned char *hd = check_dup(h, sizeof h);
        for (size_t step = 1; step <= 17; step += 8) {
          check_masked(hd, sizeof h, p, m, pl, 0, sizeof h, step);
          check_masked(hd, sizeof h, p, m, pl, at, at + pl, step);
          check_masked(hd, sizeof h, p, m, pl, 0, at + pl - 1, step);
        }
        free(hd);
      }
}

/* A pattern set as the C API wants it: bytes, masks, lengths. */
struct set {
  unsigned char pats[300 * 16], masks[300 * 16];
  size_t lens[300], count, total;
  void *blob; /* compiled once by compile(), used by every check */
};

static void compile(struct set *s) {
  snprintf(check_context, sizeof check_context, "compile count=%zu", s->count);
  const size_t size = mem_multi_size(s->masks, s->lens, s->count);
  CHECK_EQ(size > 0, 1);
  free(s->blob);
  s->blob = malloc(size);
  CHECK_EQ(mem_multi_prepare(s->blob, s->pats, s->masks, s->lens, s->count), 0);
}

/* Every pair of a compiled set (pats, masks, lens, count as given to
 * mem_multi_prepare) against the reference, read in batches with resumes. */
static void check_multi_raw(const unsigned char *pats, const unsigned char *masks, const size_t *lens,
                            size_t count, const void *blob, const unsigned char *h, size_t hl, size_t start,
                            size_t end, size_t cand_end, size_t step, size_t batch) {
  snprintf(check_context, sizeof check_context,
           "multi count=%zu hay(%zu) start=%zu end=%zu cand_end=%zu step=%zu batch=%zu rng=%llx", count, hl,
           start, end, cand_end, step, batch, check_rng_state);
  const size_t cap = 4096;
  size_t *want = malloc(2 * cap * sizeof *want), *out = malloc(2 * batch * sizeof *out);
  const size_t nwant =
      mem_ref_multi_find(pats, masks, lens, count, h, hl, start, end, cand_end, step, 0, want, cap);
  size_t seen = 0, from = start, min_pat = 0, got;
  do {
    got = mem_multi_find(blob, h, hl, from, end, cand_end, step, min_pat, out, batch);
    for (size_t k = 0; k < got && seen < nwant; k++, seen++) {
      CHECK_EQ(out[2 * k], want[2 * seen]);
      CHECK_EQ(out[2 * k + 1], want[2 * seen + 1]);
    }
    if (got) from = out[2 * got - 2], min_pat = out[2 * got - 1] + 1;
  } while (got == batch && seen < nwant);
  CHECK_EQ(seen, nwant);
  if (nwant < cap && got == batch) /* the last batch was full: the next call finds nothing */
    CHECK_EQ(mem_multi_find(blob, h, hl, from, end, cand_end, step, min_pat, out, batch), 0);
  free(want), free(out);
}

static void check_multi(const struct set *s, const unsigned char *h, size_t hl, size_t start, size_t end,
                        size_t cand_end, size_t step, size_t batch) {
  check_multi_raw(s->pats, s->masks, s->lens, s->count, s->blob, h, hl, start, end, cand_end, step, batch);
}

static void add_pattern(struct set *s, const unsigned char *p, const unsigned char *m, size_t n) {
  memcpy(s->pats + s->total, p, n), memcpy(s->masks + s->total, m, n);
  s->lens[s->count++] = n, s->total += n;
}

static void multi_exhaustive(void) {
  /* Two patterns of 1..2 bytes over 'a'/'b' (a wildcard or not per byte),
   * every haystack up to 6 bytes, every start/cand_end, steps 1..2. */
  unsigned char hay[6], w[2], m[2];
  for (unsigned code = 0; code < 36 * 36; code += 17) { /* a spread of the pairs */
    struct set s = {.count = 0};
    for (unsigned q = 0, c = code; q < 2; q++, c /= 36) {
      const unsigned pc = c % 36, len = pc < 12 ? 1 : 2; /* 12 one-byte, 24 two-byte kinds */
      const unsigned v = pc < 12 ? pc : pc - 12;
      check_word(w, len, v % 4, 2);
      m[0] = (v / 4) % 3 == 0 ? 0 : 0xFF, m[1] = (v / 4) % 3 == 1 ? 0 : 0xFF;
      add_pattern(&s, w, m, len);
    }
    compile(&s);
    for (size_t hl = 0; hl <= 6; hl++)
      for (unsigned hc = 0; hc < (1u << hl); hc++) {
        check_word(hay, hl, hc, 2);
        unsigned char *h = check_dup(hay, hl);
        for (size_t start = 0; start <= hl; start++)
          for (size_t ce = start; ce <= hl + 1; ce += 2)
            for (size_t step = 1; step <= 2; step++)
              check_multi(&s, h, hl, start, hl, ce, step, 1 + (ce & 1));
        free(h);
      }
    free(s.blob);
  }
}

static void multi_random(void) {
  static struct set s;
  for (int round = 0; round < 400; round++) {
    const size_t counts[] = {1, 2, 5, 16, 32, 33, 64, 256, 300};
    const size_t count = counts[check_rand() % 9], alpha = 2 + (size_t)(check_rand() % 6);
    const size_t hl = (size_t)(check_rand() % 2000);
    unsigned char *h = malloc(hl ? hl : 1);
    for (size_t i = 0; i < hl; i++) h[i] = (unsigned char)('a' + check_rand() % alpha);
    s.count = s.total = 0;
    const size_t min_len = 1 + (size_t)(check_rand() % 5);
    for (size_t q = 0; q < count; q++) {
      unsigned char p[16], m[16];
      const size_t n = min_len + (size_t)(check_rand() % (17 - min_len));
      const size_t at = hl > n ? (size_t)(check_rand() % (hl - n + 1)) : 0;
      for (size_t k = 0; k < n; k++)
        p[k] = hl > at + k && check_rand() % 3 ? h[at + k] : (unsigned char)('a' + check_rand() % alpha);
      random_mask(m, n);
      if (check_rand() % 2) memset(m, 0xFF, n);
      add_pattern(&s, p, m, n);
    }
    compile(&s);
    const size_t start = (size_t)(check_rand() % (hl + 2)), end = (size_t)(check_rand() % (hl + 3));
    const size_t step = check_rand() % 3 ? 1 : 1 + (size_t)(check_rand() % 20);
    const size_t batch = 1 + (size_t)(check_rand() % 50);
    check_multi(&s, h, hl, start, end, end, step, batch);
    check_multi(&s, h, hl, 0, hl, check_rand() % (hl + 1), step, 4096);
    free(h);
  }
  free(s.blob), s.blob = NULL;
}

/* A set planted at every offset of a 80-byte haystack (the Teddy blocks and
 * the tail), with a second, longer pattern overlapping the first. */
static void multi_every_offset(void) {
  static struct set s;
  unsigned char h[80];
  const unsigned char a[] = "QRSTU", b[] = "QRSTUVWXYZ0123456",
                      full[20] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                                  0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
  for (int many = 0; many < 2; many++) {
    s.count = s.total = 0;
    /* Filler patterns first so the planted ones have high numbers; 40 of them
     * switch to the bitmap prefilter. */
    for (int q = 0; q < (many ? 40 : 3); q++) {
      unsigned char p[4] = {'#', (unsigned char)('0' + q % 10), (unsigned char)('a' + q / 10), '#'};
      add_pattern(&s, p, full, 4);
    }
    add_pattern(&s, b, full, 17), add_pattern(&s, a, full, 5);
    unsigned char wild[5] = {0xFF, 0, 0xFF, 0xF0, 0xFF};
    add_pattern(&s, a, wild, 5);
    compile(&s);
    for (size_t at = 0; at + 17 <= sizeof h; at++) {
      memset(h, '.', sizeof h);
      memcpy(h + at, b, 17);
      unsigned char *hd = check_dup(h, sizeof h);
      check_multi(&s, hd, sizeof h, 0, sizeof h, sizeof h, 1, 4096);
      check_multi(&s, hd, sizeof h, 0, at + 16, at + 16, 1, 2);
      check_multi(&s, hd, sizeof h, at, sizeof h, at + 1, 1, 1);
      check_multi(&s, hd, sizeof h, 1, sizeof h, sizeof h, 3, 4096);
      free(hd);
    }
  }
  free(s.blob), s.blob = NULL;
}

/*
 * Issue 25: the fingerprint's expansion of wildcard bits is bounded, and
 * every size is checked. mem.h's bound on the blob, for count patterns of
 * total bytes: 25 KiB + 4 * max(16384, count) + 16 * count + 2 * total.
 */
static size_t multi_bound(size_t count, size_t total) {
  return 25 * 1024 + 4 * (count > 16384 ? count : 16384) + 16 * count + 2 * total;
}

/* A set on the heap, for counts past struct set's. */
struct big_set {
  unsigned char *pats, *masks;
  size_t *lens, count, total;
  void *blob;
};

static void big_add(struct big_set *s, const unsigned char *p, const unsigned char *m, size_t n) {
  memcpy(s->pats + s->total, p, n), memcpy(s->masks + s->total, m, n);
  s->lens[s->count++] = n, s->total += n;
}

static struct big_set big_new(size_t count, size_t max_len) {
  struct big_set s = {
      malloc(count * max_len), malloc(count * max_len), malloc(count * sizeof(size_t)), 0, 0, NULL};
  if (!s.pats || !s.masks || !s.lens) abort();
  return s;
}

/* Compiles s into a blob of exactly the size asked (so ASan sees a write past it). */
static void big_compile(struct big_set *s) {
  snprintf(check_context, sizeof check_context, "big compile count=%zu total=%zu rng=%llx", s->count,
           s->total, check_rng_state);
  const size_t size = mem_multi_size(s->masks, s->lens, s->count);
  CHECK_EQ(size > 0 && size <= multi_bound(s->count, s->total), 1);
  if (size == 0 || size > multi_bound(s->count, s->total)) abort(); /* the rest would take minutes */
  s->blob = malloc(size);
  if (!s->blob) abort();
  CHECK_EQ(mem_multi_prepare(s->blob, s->pats, s->masks, s->lens, s->count), 0);
}

static void big_free(struct big_set *s) { free(s->pats), free(s->masks), free(s->lens), free(s->blob); }

/* The issue's set: 262,144 four-byte patterns with 12 wildcard bits each
 * (wasm32's size_t wrapped at 4 * 2**30 list entries and the blob was
 * written past its end; natively it asked for 4.3 GB). */
static void multi_issue_set(void) {
  struct big_set s = big_new(262144, 4);
  const unsigned char m[4] = {0x00, 0xF0, 0xFF, 0xFF};
  for (size_t i = 0; i < 262144; i++) {
    const unsigned char p[4] = {0, 0, (unsigned char)(i & 255), (unsigned char)(i >> 8)};
    big_add(&s, p, m, 4);
  }
  big_compile(&s);
  /* Byte 1 below 16 and bytes 2, 3 from a small alphabet: most positions match four patterns. */
  unsigned char h[80];
  for (size_t i = 0; i < sizeof h; i++)
    h[i] = (unsigned char)(i % 4 == 1 ? check_rand() % 20 : check_rand() % 3);
  unsigned char *hd = check_dup(h, sizeof h);
  check_multi_raw(s.pats, s.masks, s.lens, s.count, s.blob, hd, sizeof h, 0, sizeof h, sizeof h, 1, 7);
  check_multi_raw(s.pats, s.masks, s.lens, s.count, s.blob, hd, sizeof h, 3, sizeof h, 50, 3, 4096);
  free(hd);
  big_free(&s);
}

/* Masks with a given number of wildcard bits in the first four bytes, in
 * several places: the expansion's limits are 12 bits per pattern and 16,384
 * values per set. */
static void wild_mask(unsigned char *m, size_t n, unsigned shape) {
  static const unsigned char first4[][4] = {
      {0x00, 0xF0, 0xFF, 0xFF}, /* 12 free bits */
      {0x00, 0xE0, 0xFF, 0xFF}, /* 13 */
      {0x00, 0xF8, 0xFF, 0xFF}, /* 11 */
      {0xFF, 0xFF, 0x00, 0x0F}, /* 12, in the later bytes */
      {0xFF, 0x00, 0xFF, 0xFF}, /* 8 */
      {0x0F, 0xFF, 0xF0, 0xFF}, /* 8, two nibbles */
      {0x00, 0x00, 0x00, 0x00}, /* 32: the fingerprint keeps nothing */
      {0xFF, 0xFF, 0xFF, 0xFF}, /* 0 */
      {0x01, 0x80, 0xFF, 0x7F}, /* 15, scattered bits */
  };
  for (size_t k = 0; k < n; k++) m[k] = k < 4 ? first4[shape % 9][k] : (check_rand() % 4 ? 0xFF : 0x00);
}

static void multi_near_limits(void) {
  /* Counts around the set's limit (4 patterns of 4096 values make 16,384),
   * Teddy's, and the count past which every pattern gets one value. */
  static const size_t counts[] = {1, 3, 4, 5, 16, 17, 64, 65, 300, 4096, 16384, 16385, 65537};
  for (size_t c = 0; c < sizeof counts / sizeof *counts; c++)
    for (unsigned mix = 0; mix < 11; mix++) {
      const size_t count = counts[c];
      unsigned char h[72];
      for (size_t i = 0; i < sizeof h; i++)
        h[i] = (unsigned char)(check_rand() % 4 ? check_rand() % 3 : check_rand());
      struct big_set s = big_new(count, 8);
      for (size_t q = 0; q < count; q++) {
        unsigned char p[8], m[8];
        /* mix 0..8: every pattern of one shape; 9: shapes and lengths (1..8) at random; 10: plain patterns
         * and one with 32 free bits. */
        const size_t n = mix == 9 ? 1 + (size_t)(check_rand() % 8) : 4 + (size_t)(check_rand() % 5);
        const size_t at = (size_t)(check_rand() % (sizeof h - n + 1));
        for (size_t k = 0; k < n; k++) p[k] = check_rand() % 4 ? h[at + k] : (unsigned char)check_rand();
        wild_mask(m, n, mix < 9 ? mix : mix == 9 ? (unsigned)check_rand() : q == count / 2 ? 6 : 7);
        big_add(&s, p, m, n);
      }
      big_compile(&s);
      unsigned char *hd = check_dup(h, sizeof h);
      /* Large sets: one pass (the reference costs count per position). */
      check_multi_raw(s.pats, s.masks, s.lens, s.count, s.blob, hd, sizeof h, 0, sizeof h, sizeof h, 1, 4096);
      if (count <= 4096) {
        check_multi_raw(s.pats, s.masks, s.lens, s.count, s.blob, hd, sizeof h, 1, sizeof h - 3, 40, 2, 5);
        check_multi_raw(s.pats, s.masks, s.lens, s.count, s.blob, hd, sizeof h, 0, sizeof h, sizeof h, 17, 3);
      }
      free(hd);
      big_free(&s);
    }
}

/* Sizes that do not fit are refused before anything is read past them or written. */
static void multi_size_limits(void) {
  snprintf(check_context, sizeof check_context, "multi size limits");
  const unsigned char m[2] = {0xFF, 0xFF};
  const size_t wrap[2] = {SIZE_MAX, 2}; /* the total wraps a size_t */
  const size_t half[2] = {SIZE_MAX / 4,
                          SIZE_MAX / 4}; /* twice the total wraps (32-bit) or passes 32-bit offsets */
  const size_t over[2] = {UINT32_MAX / 4, UINT32_MAX / 4 + 2}; /* 2 * total just past UINT32_MAX */
  CHECK_EQ(mem_multi_size(m, wrap, 2), 0);
  CHECK_EQ(mem_multi_size(m, half, 2), 0);
  CHECK_EQ(mem_multi_size(m, over, 2), 0);
  unsigned char blob[16] = {0};
  CHECK_EQ(mem_multi_prepare(blob, m, m, wrap, 2), -1);
  CHECK_EQ(mem_multi_prepare(blob, m, m, over, 2), -1);
  for (size_t k = 0; k < sizeof blob; k++) CHECK_EQ(blob[k], 0); /* nothing written */
  /* Past UINT32_MAX / 16 patterns the count itself is refused, lens unread. */
  CHECK_EQ(mem_multi_size(m, NULL, (size_t)UINT32_MAX / 16 + 1), 0);
  CHECK_EQ(mem_multi_prepare(blob, m, m, NULL, (size_t)UINT32_MAX / 16 + 1), -1);
}

static void multi_contract(void) {
  const unsigned char p[2] = {'a', 'b'}, m[2] = {0xFF, 0xFF};
  const size_t lens0[2] = {1, 0}, lens[1] = {2};
  snprintf(check_context, sizeof check_context, "multi contract");
  CHECK_EQ(mem_multi_size(m, lens, 0), 0);
  CHECK_EQ(mem_multi_size(m, lens0, 2), 0);
  unsigned char blob[16];
  CHECK_EQ(mem_multi_prepare(blob, p, m, lens0, 2), -1);
  /* An all-wildcard pattern matches everywhere it fits. */
  const unsigned char z[2] = {0, 0};
  void *b = malloc(mem_multi_size(z, lens, 1));
  CHECK_EQ(mem_multi_prepare(b, p, z, lens, 1), 0);
  size_t out[20];
  CHECK_EQ(mem_multi_find(b, (const uint8_t *)"xyzw", 4, 0, 4, 4, 1, 0, out, 10), 3);
  CHECK_EQ(mem_multi_find(b, (const uint8_t *)"xyzw", 4, 0, 4, 4, 0, 0, out, 10), 0); /* step 0 */
  free(b);
}

int main(void) {
  masked_exhaustive();
  masked_random();
  masked_every_offset();
  multi_exhaustive();
  multi_random();
  multi_every_offset();
  multi_contract();
  multi_issue_set();
  multi_near_limits();
  multi_size_limits();
  return check_report("test_patterns");
}
