/*
 * Forward search with an alignment step: a SIMD filter on two rare bytes,
 * with Two-Way behind it for a linear worst case.
 *
 * The filter (the "first/last byte" idea of W. Mula's SIMD substring search,
 * with the two probes chosen as the pattern's rarest bytes as in the packed
 * pair of BurntSushi's memchr) compares 16 candidate positions at once: a
 * candidate i survives when hay[i + i1] and hay[i + i2] equal the pattern's
 * bytes there and, for steps up to 16, when a precomputed lane mask allows
 * i. Survivors are verified with 16-byte compares. On typical data this runs
 * at the speed of loading the haystack twice, O(n) with few verifications.
 * The search starts in skim mode, the same loop on the rarest probe alone
 * (one load per 16 candidates, as memchr: about 1.8x the two-probe speed
 * when that byte is absent), probe 2 tested with a scalar load per hit; when
 * hits average under MEM_SKIM_DISTANCE bytes apart, where a hit's few ns
 * cost more than the second load saves, it switches to the two-probe filter.
 * Inputs built to pass the filter (periodic text, `aaa...ab` patterns) could
 * make verification O(n * m), so the work spent verifying is metered: once
 * it exceeds a few bytes per haystack byte scanned, the search continues
 * with Two-Way from the current candidate, O(n + m) in the worst case
 * whatever the step. Steps above 16 leave at most one candidate per block,
 * so those are visited directly (O(n / step) probes, same metering).
 * A one-byte pattern with step 1 is a SIMD memchr, 64 bytes per round.
 */
#include "mem_search.h"

static void finder_init(struct mem_finder *f, const uint8_t *hay, const uint8_t *pat, size_t pat_len,
                        size_t start, size_t end, size_t step) {
  f->hay = hay, f->pat = pat, f->pat_len = pat_len;
  f->start = start, f->end = end, f->step = step;
  f->origin = start, f->work = 0, f->twoway_on = 0, f->fails = 0, f->adapted = 0;
  f->skim = 1, f->hits = 0, f->resume = start;
  mem_pair_choose(pat, pat_len, &f->pair);
  if (step > 1 && step <= MEM_STEP_MASKS) mem_step_masks(step, f->allow);
}

/* Continues with Two-Way from candidate `from` to the end. */
static size_t twoway_from(struct mem_finder *f, size_t from) {
  if (!f->twoway_on) {
    mem_twoway_prepare(&f->tw, f->pat, f->pat_len, 0);
    f->twoway_on = 1, f->scan.j = 0, f->scan.memory = 0;
  }
  /* The scan may already be past `from` (it resumes after its last match). */
  if (from - f->start > f->scan.j) f->scan.j = from - f->start, f->scan.memory = 0;
  return mem_twoway_next(&f->tw, f->hay, f->start, f->end, f->start, f->step, &f->scan);
}

/* 1: a match at cand; 0: none; -1: over budget, Two-Way must take over at cand. */
static inline int check_candidate(struct mem_finder *f, size_t cand) {
  /* The second probe may have changed since the block's mask was made. */
  if (f->hay[cand + f->pair.i2] != f->pair.b2) return 0;
  f->work += f->pat_len + MEM_VERIFY_COST;
  if (mem_verify_over_budget(f->work, cand - f->origin, f->pat_len)) return -1;
  if (vec_equal(f->hay + cand, f->pat, f->pat_len)) return 1;
  if (++f->fails >= MEM_ADAPT_AFTER) {
    f->work += f->pat_len, f->fails = 0;
    f->adapted |= mem_pair_adapt(&f->pair, f->pat, f->pat_len, f->hay + cand);
  }
  return 0;
}

/* The candidates of a mask, lowest first; MEM_NPOS when none matches.
 * Probe 2 is tested here, inline: most of a skim's hits stop at it. */
static inline size_t check_mask(struct mem_finder *f, size_t base, uint32_t mask) {
  for (; mask; mask &= mask - 1) {
    const size_t cand = base + mask_low(mask);
    if (f->hay[cand + f->pair.i2] != f->pair.b2) continue;
    const int v = check_candidate(f, cand);
    if (v) return v > 0 ? cand : twoway_from(f, cand);
  }
  return MEM_NPOS;
}

/* Aligned candidates from..last one at a time (few of them, or a large step). */
static size_t visit_candidates(struct mem_finder *f, size_t from) {
  const size_t last = f->end - f->pat_len;
  for (size_t i = from;; i += f->step) {
    if (f->hay[i + f->pair.i1] == f->pair.b1 && f->hay[i + f->pair.i2] == f->pair.b2) {
      const int v = check_candidate(f, i);
      if (v) return v > 0 ? i : twoway_from(f, i);
    }
    if (last - i < f->step) return MEM_NPOS; /* also keeps i + step from overflowing */
  }
}

/* Surviving candidates of the 16-block starting at p, as a lane mask: both
 * probes, or probe 1 alone when skimming (check_candidate tests probe 2). */
static inline mem_v128 block(const uint8_t *h1, const uint8_t *h2, size_t p, mem_v128 b1, mem_v128 b2,
                             const int single) {
  const mem_v128 e1 = vec_eq(vec_load(h1 + p), b1);
  return single ? e1 : vec_and(e1, vec_eq(vec_load(h2 + p), b2));
}

/*
 * The SIMD filter over candidates from..last (at least 16 of them), 64 per
 * round. `stepped` and `single` (skim mode: probe 1 only) are constants in
 * each caller, so the step-1 loop carries no mask and the skim loop no
 * second load. r tracks (p - start) % step; `from` is aligned, so it starts
 * at 0. A skim that finds its hits too dense clears f->skim, sets f->resume
 * to the next aligned candidate not yet checked and returns MEM_NPOS.
 */
static inline __attribute__((always_inline)) size_t filter(struct mem_finder *f, size_t from,
                                                           const int stepped, const int single) {
  const size_t last = f->end - f->pat_len, step = f->step, adv = stepped ? 16 % step : 0;
  const uint8_t *h1 = f->hay + f->pair.i1, *h2 = f->hay + f->pair.i2; /* h2 may change */
  const mem_v128 b1 = vec_splat(f->pair.b1);
  mem_v128 b2 = vec_splat(f->pair.b2);
  size_t p = from, r = 0, r1 = 0, left = last - from + 1; /* candidates p..last */
  const mem_v128 a0 = stepped ? f->allow[0] : b1;         /* the lanes when adv == 0 */
  const uint32_t lanes = stepped && adv == 0 ? vec_mask(a0) * 0x10001u : 0xFFFFFFFFu;
  /* 64 candidates per round, one branch for four blocks; with a step, each
   * block is masked by its phase's lanes (r, r + 16, ... modulo step). */
  for (; left >= 64; left -= 64, p += 64) {
    mem_v128 c0 = block(h1, h2, p, b1, b2, single), c1 = block(h1, h2, p + 16, b1, b2, single);
    mem_v128 c2 = block(h1, h2, p + 32, b1, b2, single), c3 = block(h1, h2, p + 48, b1, b2, single);
    mem_v128 any = vec_or(vec_or(c0, c1), vec_or(c2, c3));
    if (stepped && adv == 0) { /* step divides 16: the same lanes in every block, */
      any = vec_and(any, a0);  /* so one mask on the union decides the branch */
    } else if (stepped) {
      size_t rk = r;
      c0 = vec_and(c0, f->allow[rk]), rk = rk + adv >= step ? rk + adv - step : rk + adv;
      c1 = vec_and(c1, f->allow[rk]), rk = rk + adv >= step ? rk + adv - step : rk + adv;
      c2 = vec_and(c2, f->allow[rk]), rk = rk + adv >= step ? rk + adv - step : rk + adv;
      c3 = vec_and(c3, f->allow[rk]), rk = rk + adv >= step ? rk + adv - step : rk + adv;
      r = rk;
      any = vec_or(vec_or(c0, c1), vec_or(c2, c3));
    }
    if (vec_any(any)) {
      const uint32_t lo = (vec_mask(c0) | (uint32_t)vec_mask(c1) << 16) & lanes;
      size_t i = check_mask(f, p, lo);
      if (i != MEM_NPOS || f->twoway_on) return i;
      const uint32_t hi = (vec_mask(c2) | (uint32_t)vec_mask(c3) << 16) & lanes;
      i = check_mask(f, p + 32, hi);
      if (i != MEM_NPOS || f->twoway_on) return i;
      if (single) {
        f->hits += (size_t)__builtin_popcount(lo) + (size_t)__builtin_popcount(hi);
        if (mem_skim_too_dense(f->hits, p + 64 - f->origin)) {
          const size_t q = p + 64, rq = (q - f->start) % step;
          f->skim = 0, f->resume = rq ? q + (step - rq) : q;
          return MEM_NPOS;
        }
      }
      if (f->adapted) h2 = f->hay + f->pair.i2, b2 = vec_splat(f->pair.b2), f->adapted = 0;
    }
  }
  for (; left >= 32; left -= 32) {
    mem_v128 c0 = block(h1, h2, p, b1, b2, single), c1 = block(h1, h2, p + 16, b1, b2, single);
    if (stepped) {
      r1 = r + adv >= step ? r + adv - step : r + adv;
      c0 = vec_and(c0, f->allow[r]), c1 = vec_and(c1, f->allow[r1]);
      r = r1 + adv >= step ? r1 + adv - step : r1 + adv;
    }
    if (vec_any(vec_or(c0, c1))) {
      const size_t i = check_mask(f, p, vec_mask(c0) | (uint32_t)vec_mask(c1) << 16);
      if (i != MEM_NPOS || f->twoway_on) return i;
      if (f->adapted) h2 = f->hay + f->pair.i2, b2 = vec_splat(f->pair.b2), f->adapted = 0;
    }
    p += 32;
  }
  /* The last 1..31 candidates: one or two blocks, the last one ending at
   * `last` and overlapping candidates already checked, which are masked off. */
  while (p <= last) {
    const size_t q = last - p >= 15 ? p : last - 15;
    mem_v128 c = block(h1, h2, q, b1, b2, single);
    if (stepped) c = vec_and(c, f->allow[(q - f->start) % step]);
    const size_t i = check_mask(f, q, vec_mask(c) & (0xFFFFu << (p - q)));
    if (i != MEM_NPOS || f->twoway_on) return i;
    if (f->adapted) h2 = f->hay + f->pair.i2, b2 = vec_splat(f->pair.b2), f->adapted = 0;
    p = q + 16;
  }
  return MEM_NPOS;
}

/* Each loop in a function of its own: V8 allocates registers per function,
 * and four loops inlined into one left the hot loop slower. */
static __attribute__((noinline)) size_t skim_step1(struct mem_finder *f, size_t from) {
  return filter(f, from, 0, 1);
}
static __attribute__((noinline)) size_t skim_stepped(struct mem_finder *f, size_t from) {
  return filter(f, from, 1, 1);
}
static __attribute__((noinline)) size_t filter_step1(struct mem_finder *f, size_t from) {
  return filter(f, from, 0, 0);
}
static __attribute__((noinline)) size_t filter_stepped(struct mem_finder *f, size_t from) {
  return filter(f, from, 1, 0);
}

/* memchr: 64 bytes per round, one branch for four blocks. */
static size_t find_byte(const uint8_t *hay, size_t from, size_t end, uint8_t byte) {
  if (end - from < 16) {
    for (size_t i = from; i < end; i++)
      if (hay[i] == byte) return i;
    return MEM_NPOS;
  }
  const mem_v128 b = vec_splat(byte);
  size_t p = from;
  for (; end - p >= 64; p += 64) {
    const mem_v128 e0 = vec_eq(vec_load(hay + p), b), e1 = vec_eq(vec_load(hay + p + 16), b);
    const mem_v128 e2 = vec_eq(vec_load(hay + p + 32), b), e3 = vec_eq(vec_load(hay + p + 48), b);
    if (vec_any(vec_or(vec_or(e0, e1), vec_or(e2, e3)))) {
      const uint64_t lo = vec_mask(e0) | (uint64_t)vec_mask(e1) << 16;
      const uint64_t hi = vec_mask(e2) | (uint64_t)vec_mask(e3) << 16;
      return p + (lo ? mask_low((unsigned)lo) : 32 + mask_low((unsigned)hi));
    }
  }
  while (p < end) { /* 1..63 bytes left: blocks, the last one overlapping */
    const size_t q = end - p >= 16 ? p : end - 16;
    const unsigned mask = vec_mask(vec_eq(vec_load(hay + q), b)) & (0xFFFFu << (p - q));
    if (mask) return q + mask_low(mask);
    p = q + 16;
  }
  return MEM_NPOS;
}

/* The lowest aligned match at or after `from` (aligned, from <= end - pat_len). */
static size_t find_next(struct mem_finder *f, size_t from) {
  if (f->twoway_on) return twoway_from(f, from);
  if (f->pat_len == 1 && f->step == 1) return find_byte(f->hay, from, f->end, f->pat[0]);
  if (f->end - f->pat_len - from < 15 || f->step > MEM_STEP_MASKS) return visit_candidates(f, from);
  if (f->skim) {
    const size_t i = f->step == 1 ? skim_step1(f, from) : skim_stepped(f, from);
    if (f->skim || i != MEM_NPOS || f->twoway_on) return i;
    /* Probe 1 turned out common: the two-probe filter takes over. */
    from = f->resume;
    if (from > f->end - f->pat_len) return MEM_NPOS;
    if (f->end - f->pat_len - from < 15) return visit_candidates(f, from);
  }
  return f->step == 1 ? filter_step1(f, from) : filter_stepped(f, from);
}

size_t mem_find(const uint8_t *hay, size_t hay_len, const uint8_t *pat, size_t pat_len, size_t start,
                size_t end, size_t step) {
  if (end > hay_len) end = hay_len;
  if (step == 0 || start > end || pat_len > end - start) return MEM_NPOS;
  if (pat_len == 0) return start;
  struct mem_finder f;
  finder_init(&f, hay, pat, pat_len, start, end, step);
  return find_next(&f, start);
}

/*
 * One finder serves the whole batch, so the verification budget and the
 * Two-Way state carry over from match to match: a batch costs O(n + m)
 * however many matches it lists.
 */
size_t mem_find_many(const uint8_t *hay, size_t hay_len, const uint8_t *pat, size_t pat_len, size_t start,
                     size_t end, size_t step, size_t *out, size_t max) {
  if (end > hay_len) end = hay_len;
  if (step == 0 || start > end || pat_len > end - start || max == 0) return 0;
  struct mem_finder f;
  if (pat_len) finder_init(&f, hay, pat, pat_len, start, end, step);
  size_t n = 0;
  for (size_t from = start;;) {
    const size_t i = pat_len ? find_next(&f, from) : from;
    if (i == MEM_NPOS) break;
    out[n++] = i;
    /* Stop when full, or when the next aligned position is past the last
     * candidate or not representable. */
    if (n == max || end - pat_len - i < step) break;
    from = i + step; /* stays aligned: i - start is a multiple of step */
  }
  return n;
}
