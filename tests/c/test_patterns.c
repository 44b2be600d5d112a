/*
 * Masked search (mem_find_masked, mem_rfind_masked, mem_find_masked_many)
 * and the multi-pattern search (mem_multi_*) against the reference loops:
 * exhaustive over a two-letter alphabet for haystacks up to 5 (6) bytes, short patterns
 * and masks of none, all and one bit, every start/end and small steps;
 * random long inputs with random masks and planted matches; every match
 * offset against the 16-byte blocks; pattern sets of 1..300 patterns
 * (both prefilters), read in small batches with resumes, and with cand_end
 * cutting the candidates as a windowed caller does. Runs natively (SSE2 and
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
              for (size_t end = 0; end <= hl + 1; end++)
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
};

static void check_multi(const struct set *s, const unsigned char *h, size_t hl, size_t start, size_t end,
                        size_t cand_end, size_t step, size_t batch) {
  snprintf(check_context, sizeof check_context,
           "multi count=%zu hay(%zu) start=%zu end=%zu cand_end=%zu step=%zu batch=%zu rng=%llx", s->count,
           hl, start, end, cand_end, step, batch, check_rng_state);
  const size_t size = mem_multi_size(s->masks, s->lens, s->count);
  CHECK_EQ(size > 0, 1);
  void *blob = malloc(size);
  CHECK_EQ(mem_multi_prepare(blob, s->pats, s->masks, s->lens, s->count), 0);
  const size_t cap = 4096;
  size_t *want = malloc(2 * cap * sizeof *want), *out = malloc(2 * batch * sizeof *out);
  const size_t nwant = mem_ref_multi_find(s->pats, s->masks, s->lens, s->count, h, hl, start, end, cand_end,
                                          step, 0, want, cap);
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
  free(blob), free(want), free(out);
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
    const size_t start = (size_t)(check_rand() % (hl + 2)), end = (size_t)(check_rand() % (hl + 3));
    const size_t step = check_rand() % 3 ? 1 : 1 + (size_t)(check_rand() % 20);
    const size_t batch = 1 + (size_t)(check_rand() % 50);
    check_multi(&s, h, hl, start, end, end, step, batch);
    check_multi(&s, h, hl, 0, hl, check_rand() % (hl + 1), step, 4096);
    free(h);
  }
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
  return check_report("test_patterns");
}
