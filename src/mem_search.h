/*
 * mem_search.h - what the forward and backward search kernels share: the
 * choice of the two pattern bytes the SIMD filter tests, the allowed-position
 * masks for steps, and the Two-Way algorithm they fall back to when the
 * filter lets through too many candidates. Internal to src/.
 */
#ifndef MEM_SEARCH_H
#define MEM_SEARCH_H

#include "mem.h"
#include "mem_vec.h"

/*
 * MEM_SETUP marks a function that prepares a search: it runs once per call,
 * over the pattern(s), before any haystack byte is read. It is compiled for
 * size: at -O3 clang unrolls and vectorises these short loops into
 * kilobytes of wasm that every page downloads (1.1 KB of the module's
 * 16.8 KB gzipped), for no speed a bench can see: a 2-byte find in 64 bytes
 * took 57 ns against 61 at -O3, best of six interleaved runs; the small,
 * find-step and patterns benches moved within their noise.
 */
#if defined(__has_attribute)
#if __has_attribute(minsize)
#define MEM_SETUP __attribute__((minsize))
#endif
#endif
#ifndef MEM_SETUP
#define MEM_SETUP
#endif

/*
 * The filter's two probes: a candidate i survives only when
 * hay[i + i1] == b1 and hay[i + i2] == b2. The rarest two bytes of the
 * pattern (by a fixed byte-frequency table) make false candidates rare on
 * typical data; i1 != i2 whenever the pattern has two bytes.
 */
struct mem_pair {
  size_t i1, i2;
  uint8_t b1, b2;
};
void mem_pair_choose(const uint8_t *pat, size_t pat_len, struct mem_pair *pair);

/* mem_byte_rarity (mem.h) is the rank mem_pair_choose uses; kernels that
 * pick their own probes (masked search) use it too. */

/*
 * Adapting the filter: after MEM_ADAPT_AFTER failed verifications, the
 * position where the latest one failed replaces the second probe. On
 * periodic text and near-miss patterns (a pattern that matches the text's
 * period except in one byte) the failures keep happening at the same
 * pattern byte, and probing it makes the filter reject those candidates at
 * SIMD speed. Returns 1 when the pair changed. Costs one O(m) compare, paid
 * from the verification budget.
 */
enum { MEM_ADAPT_AFTER = 8 };
static inline int mem_pair_adapt(struct mem_pair *pair, const uint8_t *pat, size_t pat_len,
                                 const uint8_t *cand) {
  const size_t k = mem_diff(pat, pat_len, cand, pat_len);
  if (k == MEM_NPOS || k == pair->i1 || k == pair->i2) return 0;
  pair->i2 = k, pair->b2 = pat[k];
  return 1;
}

/*
 * Candidates a step of at most MEM_STEP_MASKS rules out: deny[r] has lane k
 * all ones when (r + k) % step != 0 (zero when allowed), r being the block's
 * offset from start modulo step; OR-ed into a block's differences, it keeps
 * those lanes from looking like survivors. Larger steps leave at most one
 * candidate per 16-byte block, which the kernels visit directly.
 */
enum { MEM_STEP_MASKS = 16 };
void mem_step_masks(size_t step, mem_v128 deny[MEM_STEP_MASKS]);

/*
 * The skim mode of the filters: while the pattern's rarest byte (probe 1)
 * is rare in the haystack, the kernels scan for it alone, one load and two
 * operations per 16 positions like memchr (the speed of a one-byte search,
 * about twice the two-probe filter's in cache), and test probe 2 with a
 * scalar load on each hit. Each hit costs the scan's return and re-entry
 * there, so once hits average fewer than MEM_SKIM_DISTANCE haystack bytes
 * apart (after MEM_SKIM_SLACK bytes of allowance for a burst) the search
 * switches to the two-probe filter for the rest of the call (and of a
 * find_many batch). The distance was measured on wasm SIMD128 (64 KiB in
 * cache, probe-1 hits failing probe 2 at random spacings, builds with
 * -DMEM_SKIM_DISTANCE=0, always skim, and 1e9, never): the two ran
 * level at hits ~550 bytes apart; closer, the skim loses (10 against 21 GB/s
 * at 128), farther it wins (31 against 24 GB/s at 1024).
 */
#ifndef MEM_SKIM_DISTANCE
#define MEM_SKIM_DISTANCE 512
#endif
enum { MEM_SKIM_SLACK = 2048 };
static inline int mem_skim_too_dense(size_t hits, size_t scanned) {
  return hits * MEM_SKIM_DISTANCE > scanned + MEM_SKIM_SLACK;
}

/*
 * Verification work the filter may spend before switching to Two-Way:
 * MEM_VERIFY_RATIO bytes compared per haystack byte scanned, plus a start-up
 * allowance, so the whole search stays O(n + m) while typical inputs (a
 * handful of false candidates) never pay for the Two-Way set-up.
 */
enum { MEM_VERIFY_RATIO = 4, MEM_VERIFY_SLACK = 512, MEM_VERIFY_COST = 16 };
static inline int mem_verify_over_budget(size_t work, size_t scanned, size_t pat_len) {
  return work > MEM_VERIFY_RATIO * scanned + 2 * pat_len + MEM_VERIFY_SLACK;
}

/*
 * Two-Way (Crochemore and Perrin, 1991): the pattern is split at a critical
 * position into a left part pat[0 .. ell) and a right part; the right part is
 * matched left to right, then the left part right to left, and the shifts
 * after a mismatch never let a haystack byte be compared more than twice.
 * O(m) set-up, O(n + m) search, O(1) space. `reverse` runs it on the
 * reversed pattern and haystack (for mem_rfind); `ell` and the shifts are
 * then in that reversed order.
 */
struct mem_twoway {
  const uint8_t *pat;
  size_t pat_len, ell, period; /* period: the shift after the right part matched */
  int periodic;                /* the pattern has period `period`: keep a memory */
  int reverse;
};
void mem_twoway_prepare(struct mem_twoway *tw, const uint8_t *pat, size_t pat_len, int reverse);

/*
 * A resumable scan over hay[lo .. hi): `j` counts candidate positions from
 * the scan's origin (lo forward, hi - pat_len backward), `memory` how many
 * leading pattern bytes are known to match there (periodic patterns only).
 */
struct mem_twoway_scan {
  size_t j, memory;
};

/*
 * The next match in scan order whose position i (an index into hay) has
 * (i - align_from) % step == 0, or MEM_NPOS; the scan state moves past it so
 * a later call continues where this one stopped. Matches that are not
 * aligned are skipped, so the cost stays O(n + m) whatever the step.
 */
size_t mem_twoway_next(const struct mem_twoway *tw, const uint8_t *hay, size_t lo, size_t hi,
                       size_t align_from, size_t step, struct mem_twoway_scan *scan);

/*
 * One search in progress, forward or backward (src/mem_engine.c): its
 * inputs, the filter's probes and masks, the skim state, the verification
 * meter and the Two-Way fallback's state.
 */
struct mem_finder {
  const uint8_t *hay, *pat;
  size_t pat_len, start, end, step;
  int backward;  /* searching from the highest candidate down */
  size_t origin; /* the first candidate tried: the verification budget grows from here */
  size_t work;   /* bytes compared verifying candidates so far */
  size_t fails;  /* failed verifications since the probes last changed */
  int skim;      /* scanning for probe 1 alone (see mem_skim_too_dense) */
  size_t hits;   /* probe 1's hits while skimming */
  size_t resume; /* where the two-probe filter takes over from a skim */
  struct mem_pair pair;
  mem_v128 deny[MEM_STEP_MASKS];
  int twoway_on;
  struct mem_twoway tw;
  struct mem_twoway_scan scan;
};

/*
 * Sets up a search of hay[start .. end) for pat (pat_len >= 1, fitting
 * between start and end; step >= 1). Its first candidate, f->origin, is
 * start forward and the highest aligned candidate that fits backward.
 * O(m + step).
 */
void mem_finder_init(struct mem_finder *f, const uint8_t *hay, const uint8_t *pat, size_t pat_len,
                     size_t start, size_t end, size_t step, int backward);

/*
 * The next aligned match in search order at or past candidate `from` (an
 * aligned candidate between start and end - pat_len, f->origin for the
 * first call), or MEM_NPOS. A later call with a `from` past the last match
 * continues the same search: the verification budget and the Two-Way state
 * carry over, so listing every match costs O(n + m) in all.
 */
size_t mem_finder_next(struct mem_finder *f, size_t from);

#endif /* MEM_SEARCH_H */
