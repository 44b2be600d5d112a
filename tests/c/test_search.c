/*
 * mem_find, mem_rfind and mem_find_many against the reference loops:
 * exhaustive over a two-letter alphabet for every haystack up to 8 bytes,
 * every pattern up to 3 bytes, every start/end (including past the length)
 * and steps 1..4; random long inputs over small alphabets; then inputs made
 * to stress the SIMD filter and its Two-Way fallback: a match at every
 * offset and every alignment against the 16-byte blocks, haystack ends at
 * every alignment, periodic text with near-miss patterns (one byte changed
 * in the middle) and long periodic patterns that exhaust the verification
 * budget, `aaa...ab`, steps 1..40, patterns of 1..70 bytes; the filters'
 * skim mode (a rare byte absent, at block edges, turning frequent
 * mid-haystack); the edges of the filter's 128-, 64- and 16-candidate rounds
 * and of the one-byte scan; and Two-Way on its own in both directions. The same file runs natively (SSE2 and the
 * portable path) and compiled to wasm with SIMD128.
 */
#include <string.h>

#include "check.h"
#include "mem.h"
#include "mem_ref.h"
#include "mem_search.h"

static void check_one(const unsigned char *h, size_t hl, const unsigned char *p, size_t pl, size_t start,
                      size_t end, size_t step) {
  snprintf(check_context, sizeof check_context,
           "hay(%zu)=%.*s pat(%zu)=%.*s start=%zu end=%zu step=%zu seed-state=%llx", hl,
           (int)(hl > 160 ? 160 : hl), (const char *)h, pl, (int)(pl > 80 ? 80 : pl), (const char *)p, start,
           end, step, check_rng_state);
  size_t want = mem_ref_find(h, hl, p, pl, start, end, step);
  CHECK_EQ(mem_find(h, hl, p, pl, start, end, step), want);
  CHECK_EQ(mem_rfind(h, hl, p, pl, start, end, step), mem_ref_rfind(h, hl, p, pl, start, end, step));
  /* find_many in batches of 2 must list exactly the reference's matches. */
  size_t out[2], next = start, ref_at = start, got;
  do {
    got = mem_find_many(h, hl, p, pl, next, end, step, out, 2);
    for (size_t k = 0; k < got; k++) {
      size_t r = mem_ref_find(h, hl, p, pl, ref_at, end, step);
      CHECK_EQ(out[k], r);
      ref_at = r + step;
    }
    if (got) next = out[got - 1] + step;
  } while (got == 2);
  CHECK_EQ(mem_ref_find(h, hl, p, pl, ref_at, end, step), MEM_NPOS);
}

static void exhaustive(void) {
  unsigned char hay[8], pat[3];
  for (size_t hl = 0; hl <= 8; hl++)
    for (unsigned hc = 0; hc < (1u << hl); hc++) {
      check_word(hay, hl, hc, 2);
      unsigned char *h = check_dup(hay, hl);
      for (size_t pl = 0; pl <= 3; pl++)
        for (unsigned pc = 0; pc < (1u << pl); pc++) {
          check_word(pat, pl, pc, 2);
          unsigned char *p = check_dup(pat, pl);
          for (size_t start = 0; start <= hl + 1; start++)
            for (size_t end = 0; end <= hl + 1; end++)
              for (size_t step = 1; step <= 4; step++) check_one(h, hl, p, pl, start, end, step);
          free(p);
        }
      free(h);
    }
}

static void random_long(void) {
  enum { MAX = 3000 };
  static unsigned char hay[MAX], pat[72];
  for (int round = 0; round < 3000; round++) {
    unsigned alphabet = 1 + (unsigned)(check_rand() % 4);
    size_t hl = check_rand() % MAX, pl = check_rand() % (round % 2 ? 12 : 72);
    for (size_t i = 0; i < hl; i++) hay[i] = (unsigned char)('a' + check_rand() % alphabet);
    for (size_t i = 0; i < pl; i++) pat[i] = (unsigned char)('a' + check_rand() % alphabet);
    size_t start = check_rand() % (hl + 2), end = check_rand() % (hl + 2);
    size_t step = 1 + check_rand() % (round % 4 ? 9 : 40);
    if (round % 3 == 0) start = 0, end = hl;
    unsigned char *h = check_dup(hay, hl), *p = check_dup(pat, pl);
    check_one(h, hl, p, pl, start, end, step);
    free(h), free(p);
  }
}

/*
 * Runs check_one on hay[0 .. hl) placed at every alignment (0..15) against
 * 16-byte blocks, the copy ending exactly at its allocation so sanitizers
 * catch any read past the end.
 */
static void check_aligned(const unsigned char *hay, size_t hl, const unsigned char *pat, size_t pl,
                          size_t start, size_t end, size_t step, unsigned aligns) {
  unsigned char *p = check_dup(pat, pl);
  for (unsigned align = 0; align < aligns; align++) {
    unsigned char *buf = malloc(hl + align + 1);
    if (!buf) abort();
    memcpy(buf + align, hay, hl);
    unsigned char *h = check_dup(buf + align, hl); /* ends at its allocation's end */
    unsigned char *in_block = buf + align;         /* starts at offset `align` of a block */
    check_one(h, hl, p, pl, start, end, step);
    check_one(in_block, hl, p, pl, start, end, step);
    free(h), free(buf);
  }
  free(p);
}

/* A random pattern planted at every offset of a haystack that lacks its bytes. */
static void every_offset(void) {
  unsigned char hay[160], pat[70];
  for (size_t pl = 1; pl <= 70; pl += pl < 20 ? 1 : 7) {
    for (size_t i = 0; i < pl; i++) pat[i] = (unsigned char)('a' + check_rand() % 3);
    for (size_t hl = pl; hl <= pl + 40; hl += 1 + (check_rand() % 3)) {
      for (size_t i = 0; i < hl; i++) hay[i] = (unsigned char)('x' + check_rand() % 2);
      for (size_t at = 0; at + pl <= hl; at++) {
        memcpy(hay + at, pat, pl);
        size_t step = 1 + check_rand() % 40;
        check_aligned(hay, hl, pat, pl, 0, hl, 1, 4);
        check_aligned(hay, hl, pat, pl, at % (step + 1), hl - check_rand() % 3, step, 1);
        for (size_t i = at; i < at + pl; i++) hay[i] = (unsigned char)('x' + check_rand() % 2);
      }
    }
  }
}

/* Every end alignment and every step 1..40 over one random haystack. */
static void every_end_and_step(void) {
  unsigned char hay[300], pat[70];
  for (size_t i = 0; i < sizeof hay; i++) hay[i] = (unsigned char)('a' + check_rand() % 2);
  for (size_t pl = 1; pl <= 70; pl += pl < 8 ? 1 : 9) {
    memcpy(pat, hay + 100 + check_rand() % 100, pl);
    for (size_t end = 200; end <= 232; end++)
      for (size_t step = 1; step <= 40; step++) {
        check_one(hay, sizeof hay, pat, pl, check_rand() % 5, end, step);
      }
  }
}

/*
 * Periodic haystacks (period 1..5) with patterns cut from them, exact (many
 * matches) and near-miss (one byte in the middle changed); lengths up to 70
 * and long ones (300, 1000) whose verification exhausts the budget, so
 * Two-Way takes over part-way.
 */
static void periodic(void) {
  enum { HL = 2600 };
  static unsigned char hay[HL], pat[1000];
  for (size_t period = 1; period <= 5; period++) {
    for (size_t i = 0; i < HL; i++) hay[i] = (unsigned char)('a' + (i % period) % 2 + (i % period == 4));
    const size_t lens[] = {1, 2, 3, 5, 8, 15, 16, 17, 31, 32, 33, 64, 70, 300, 1000};
    for (size_t li = 0; li < sizeof lens / sizeof lens[0]; li++) {
      const size_t pl = lens[li];
      for (int variant = 0; variant < 3; variant++) {
        memcpy(pat, hay + check_rand() % 50, pl);
        if (variant == 1) pat[pl / 2] = 'z';                            /* absent byte */
        if (variant == 2) pat[pl / 2] = pat[pl / 2] == 'a' ? 'b' : 'a'; /* near miss */
        size_t hl = pl + 200 + check_rand() % (HL - pl - 200);
        if (variant == 2 && check_rand() % 2) memcpy(hay + hl - pl, pat, pl); /* one real match */
        for (size_t step = 1; step <= 40; step += step < 8 ? 1 : 5) {
          check_one(hay, hl, pat, pl, check_rand() % 3, hl - check_rand() % 3, step);
        }
        for (size_t i = hl - pl; i < hl; i++)
          hay[i] = (unsigned char)('a' + (i % period) % 2 + (i % period == 4));
      }
    }
  }
}

/* `aaa...ab` in `aaa...` (and `baaa...` for the backward search), with a match at the far end or none. */
static void adversarial(void) {
  enum { HL = 3000 };
  static unsigned char hay[HL], pat[200];
  const size_t lens[] = {2, 16, 17, 32, 64, 70, 200};
  for (size_t li = 0; li < sizeof lens / sizeof lens[0]; li++) {
    const size_t pl = lens[li];
    for (int variant = 0; variant < 4; variant++) {
      memset(hay, 'a', HL), memset(pat, 'a', pl);
      pat[variant % 2 ? 0 : pl - 1] = 'b';
      if (variant >= 2) memcpy(variant == 2 ? hay + HL - pl : hay, pat, pl);
      for (size_t step = 1; step <= 40; step += step < 4 ? 1 : 9) check_one(hay, HL, pat, pl, 0, HL, step);
    }
  }
}

/* Two-Way alone, forward and backward, against the reference. */
static void twoway_alone(void) {
  static unsigned char hay[400], pat[40];
  for (int round = 0; round < 20000; round++) {
    const unsigned alphabet = 1 + (unsigned)(check_rand() % 3);
    const size_t hl = check_rand() % sizeof hay, pl = 1 + check_rand() % sizeof pat;
    for (size_t i = 0; i < hl; i++) hay[i] = (unsigned char)('a' + check_rand() % alphabet);
    for (size_t i = 0; i < pl; i++) pat[i] = (unsigned char)('a' + check_rand() % alphabet);
    if (hl >= pl && round % 2) memcpy(hay + check_rand() % (hl - pl + 1), pat, pl);
    const size_t step = 1 + check_rand() % 5;
    snprintf(check_context, sizeof check_context, "two-way hay=%.*s pat=%.*s step=%zu", (int)hl,
             (const char *)hay, (int)pl, (const char *)pat, step);
    struct mem_twoway tw;
    struct mem_twoway_scan scan = {0, 0};
    mem_twoway_prepare(&tw, pat, pl, 0);
    /* Forward: every aligned match in turn, as find_many lists them. */
    size_t ref = 0;
    for (;;) {
      const size_t want = mem_ref_find(hay, hl, pat, pl, ref, hl, 1);
      size_t got = mem_twoway_next(&tw, hay, 0, hl, 0, 1, &scan);
      CHECK_EQ(got, want);
      if (want == MEM_NPOS || got != want) break;
      ref = want + 1;
    }
    scan.j = 0, scan.memory = 0;
    CHECK_EQ(mem_twoway_next(&tw, hay, 0, hl, 0, step, &scan), mem_ref_find(hay, hl, pat, pl, 0, hl, step));
    mem_twoway_prepare(&tw, pat, pl, 1);
    scan.j = 0, scan.memory = 0;
    const size_t top = hl >= pl ? hl - pl : 0;
    CHECK_EQ(mem_twoway_next(&tw, hay, top % step, hl, top % step, step, &scan),
             mem_ref_rfind(hay, hl, pat, pl, top % step, hl, step));
  }
}

/*
 * The skim mode (probe 1 alone while it is rare): the pattern's rare byte
 * 'z' absent, present only at 16- and 64-byte block edges (hits that fail
 * probe 2, or match), and hits that turn frequent part-way, sparse at the
 * start of the scan and dense after it (in both directions), so the search
 * switches to the two-probe filter mid-haystack; matches planted before and
 * after the switch, steps 1..17.
 */
static void skim_modes(void) {
  enum { HL = 5000 };
  static unsigned char hay[HL];
  const unsigned char pat[] = "qrstzuvwxyqrstuv"; /* 'z' is the rarest byte (probe 1) */
  const size_t pl = sizeof pat - 1;
  for (int variant = 0; variant < 6; variant++) {
    for (size_t i = 0; i < HL; i++) hay[i] = (unsigned char)('a' + check_rand() % 16);
    if (variant == 1 || variant == 2) /* 'z' at block edges: lanes 0, 15, 16, 63 of a round */
      for (size_t i = 0; i + 64 <= HL; i += 64) hay[i] = hay[i + 15] = hay[i + 16] = hay[i + 63] = 'z';
    if (variant == 2) /* and one block-edge 'z' that is a match */
      memcpy(hay + 64 * 40 + 63 - 4, pat, pl);
    if (variant >= 3) { /* dense 'z' over the second half (forward) or first half (backward) */
      const int back = variant == 4;
      for (size_t i = back ? 0 : HL / 2; i < (back ? HL / 2 : HL); i += 1 + check_rand() % 4) hay[i] = 'z';
    }
    for (size_t step = 1; step <= 17; step++) {
      check_one(hay, HL, pat, pl, 0, HL, step);
      check_one(hay, HL, pat, pl, check_rand() % 20, HL - check_rand() % 20, step);
    }
    if (variant >= 3) { /* a match in the dense part and one in the sparse part */
      const size_t at1 = HL / 2 + 700 + check_rand() % 50, at2 = 300 + check_rand() % 50;
      memcpy(hay + at1, pat, pl), memcpy(hay + at2, pat, pl);
      for (size_t step = 1; step <= 17; step++) check_one(hay, HL, pat, pl, 0, HL, step);
    }
  }
}

/*
 * The edges of the filter's rounds (128 candidates when skimming, 64 with
 * both probes, then 16-blocks) and of the one-byte scan's, in both
 * directions: one match planted at every offset of a haystack long enough
 * for several rounds, with a decoy (the rare byte alone, failing probe 2)
 * at a random place, at every alignment of the haystack against 16-byte
 * blocks; steps that divide 16 and others. A one-byte pattern is the
 * memchr path.
 */
static void round_edges(void) {
  enum { HL = 420 };
  static unsigned char hay[HL];
  const unsigned char *pats[] = {(const unsigned char *)"z", (const unsigned char *)"qz",
                                 (const unsigned char *)"qrstzuvwxyqrstuv"};
  const size_t steps[] = {1, 2, 3, 4, 16};
  for (size_t pi = 0; pi < sizeof pats / sizeof pats[0]; pi++) {
    const unsigned char *pat = pats[pi];
    const size_t pl = strlen((const char *)pat);
    for (size_t at = 0; at + pl <= HL; at++) {
      for (size_t i = 0; i < HL; i++) hay[i] = (unsigned char)('a' + check_rand() % 16);
      memcpy(hay + at, pat, pl);
      if (pl > 1 && check_rand() % 2) hay[check_rand() % HL] = 'z'; /* a decoy, or a second 'z' */
      const size_t step = steps[at % (sizeof steps / sizeof steps[0])];
      check_aligned(hay, HL, pat, pl, at % 5 == 0 ? 0 : check_rand() % 40, HL - check_rand() % 40, step,
                    at % 16 == 0 ? 16 : 1);
    }
  }
}

static void contract_edges(void) {
  const unsigned char *abc = (const unsigned char *)"abc";
  snprintf(check_context, sizeof check_context, "edges");
  /* Python: b'abc'.find(b'', 3) == 3, b'abc'.find(b'', 4) == -1 */
  CHECK_EQ(mem_find(abc, 3, abc, 0, 3, 3, 1), 3);
  CHECK_EQ(mem_find(abc, 3, abc, 0, 4, 3, 1), MEM_NPOS);
  CHECK_EQ(mem_rfind(abc, 3, abc, 0, 0, 3, 2), 2);
  CHECK_EQ(mem_find(abc, 3, abc, 1, 0, 3, 0), MEM_NPOS); /* step 0 is refused */
  CHECK_EQ(mem_find(abc, 3, abc, 1, 0, 99, 1), 0);       /* end is clamped to the length */
  /* find_many stops when the next aligned position would overflow size_t. */
  size_t out[4];
  CHECK_EQ(mem_find_many(abc, 3, abc, 0, 0, 3, MEM_NPOS, out, 4), 1);
}

int main(void) {
  exhaustive();
  random_long();
  every_offset();
  every_end_and_step();
  periodic();
  adversarial();
  twoway_alone();
  skim_modes();
  round_edges();
  contract_edges();
  return check_report("test_search");
}
