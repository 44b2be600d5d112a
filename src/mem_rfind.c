/*
 * Backward search with an alignment step: the mirror of mem_find.
 *
 * Alignment is measured from start, so the scan begins at the highest aligned
 * candidate that leaves room for the pattern and walks down. The same SIMD
 * filter on two rare bytes (plus the step's lane mask for steps up to 16)
 * tests 64 candidates per round, highest first, with the same skim mode
 * (the rarest byte alone until its hits come too densely) and, when the
 * step divides 16, one lane mask for the whole round; survivors are verified with
 * 16-byte compares, and the verification work is metered: past a few bytes
 * per haystack byte scanned, Two-Way on the reversed pattern and haystack
 * takes over, so the worst case is O(n + m) for every step. Steps above 16
 * visit their candidates directly; a one-byte pattern with step 1 is a
 * SIMD memrchr.
 */
#include "mem_search.h"

static size_t twoway_from(struct mem_finder *f, size_t from) {
  mem_twoway_prepare(&f->tw, f->pat, f->pat_len, 1);
  f->twoway_on = 1;
  f->scan.j = f->end - f->pat_len - from, f->scan.memory = 0; /* j counts down from the top */
  return mem_twoway_next(&f->tw, f->hay, f->start, f->end, f->start, f->step, &f->scan);
}

static inline int check_candidate(struct mem_finder *f, size_t cand) {
  /* The second probe may have changed since the block's mask was made. */
  if (f->hay[cand + f->pair.i2] != f->pair.b2) return 0;
  f->work += f->pat_len + MEM_VERIFY_COST;
  if (mem_verify_over_budget(f->work, f->origin - cand, f->pat_len)) return -1;
  if (vec_equal(f->hay + cand, f->pat, f->pat_len)) return 1;
  if (++f->fails >= MEM_ADAPT_AFTER) {
    f->work += f->pat_len, f->fails = 0;
    f->adapted |= mem_pair_adapt(&f->pair, f->pat, f->pat_len, f->hay + cand);
  }
  return 0;
}

/* The candidates of a mask, highest first. Probe 2 is tested here,
 * inline: most of a skim's hits stop at it. */
static inline size_t check_mask(struct mem_finder *f, size_t base, uint32_t mask) {
  for (; mask; mask &= ~(1u << mask_high(mask))) {
    const unsigned k = mask_high(mask);
    if (f->hay[base + k + f->pair.i2] != f->pair.b2) continue;
    const int v = check_candidate(f, base + k);
    if (v) return v > 0 ? base + k : twoway_from(f, base + k);
  }
  return MEM_NPOS;
}

static size_t visit_candidates(struct mem_finder *f, size_t from) {
  for (size_t i = from;; i -= f->step) {
    if (f->hay[i + f->pair.i1] == f->pair.b1 && f->hay[i + f->pair.i2] == f->pair.b2) {
      const int v = check_candidate(f, i);
      if (v) return v > 0 ? i : twoway_from(f, i);
    }
    if (i - f->start < f->step) return MEM_NPOS;
  }
}

/* Surviving candidates of the 16-block starting at p: both probes, or
 * probe 1 alone when skimming (check_mask tests probe 2). */
static inline mem_v128 block(const uint8_t *h1, const uint8_t *h2, size_t p, mem_v128 b1, mem_v128 b2,
                             const int single) {
  const mem_v128 e1 = vec_eq(vec_load(h1 + p), b1);
  return single ? e1 : vec_and(e1, vec_eq(vec_load(h2 + p), b2));
}

/* (x + d) mod step and (x - d) mod step for x, d < step. */
static inline size_t phase_up(size_t x, size_t d, size_t step) {
  return x + d >= step ? x + d - step : x + d;
}
static inline size_t phase_down(size_t x, size_t d, size_t step) { return x >= d ? x - d : x + step - d; }

/*
 * The SIMD filter over candidates start..from (at least 16), 64 per round
 * from the top, one branch for four blocks, as in mem_find: the round covers
 * p - 63 .. p and rl is its lowest block's phase ((p - 63 - start) % step).
 * When the step divides 16 every block of every round has the same phase,
 * so one mask on the union of the four decides the branch. `single` is the
 * skim mode: probe 1 alone, and when its hits come too densely, f->skim is
 * cleared, f->resume is set to the highest aligned candidate not yet checked
 * and MEM_NPOS returned.
 */
static inline __attribute__((always_inline)) size_t filter(struct mem_finder *f, size_t from,
                                                           const int stepped, const int single) {
  const size_t low = f->start, step = f->step;
  const size_t adv = stepped ? 16 % step : 0, adv4 = stepped ? 64 % step : 0;
  const uint8_t *h1 = f->hay + f->pair.i1, *h2 = f->hay + f->pair.i2; /* h2 may change */
  const mem_v128 b1 = vec_splat(f->pair.b1);
  mem_v128 b2 = vec_splat(f->pair.b2);
  size_t p = from, left = from - low + 1; /* candidates low..p are unchecked */
  size_t rl = stepped && left >= 64 ? (p - 63 - low) % step : 0;
  const mem_v128 a0 = stepped ? f->allow[rl] : b1; /* the lanes when adv == 0 */
  const uint32_t lanes = stepped && adv == 0 ? vec_mask(a0) * 0x10001u : 0xFFFFFFFFu;
  for (; left >= 64; left -= 64, p -= 64) {
    mem_v128 c0 = block(h1, h2, p - 63, b1, b2, single), c1 = block(h1, h2, p - 47, b1, b2, single);
    mem_v128 c2 = block(h1, h2, p - 31, b1, b2, single), c3 = block(h1, h2, p - 15, b1, b2, single);
    mem_v128 any = vec_or(vec_or(c0, c1), vec_or(c2, c3));
    if (stepped && adv == 0) {
      any = vec_and(any, a0);
    } else if (stepped) {
      size_t rk = rl;
      c0 = vec_and(c0, f->allow[rk]), rk = phase_up(rk, adv, step);
      c1 = vec_and(c1, f->allow[rk]), rk = phase_up(rk, adv, step);
      c2 = vec_and(c2, f->allow[rk]), rk = phase_up(rk, adv, step);
      c3 = vec_and(c3, f->allow[rk]);
      rl = phase_down(rl, adv4, step);
      any = vec_or(vec_or(c0, c1), vec_or(c2, c3));
    }
    if (vec_any(any)) {
      const uint32_t hi = (vec_mask(c2) | (uint32_t)vec_mask(c3) << 16) & lanes;
      size_t i = check_mask(f, p - 31, hi);
      if (i != MEM_NPOS || f->twoway_on) return i;
      const uint32_t lo = (vec_mask(c0) | (uint32_t)vec_mask(c1) << 16) & lanes;
      i = check_mask(f, p - 63, lo);
      if (i != MEM_NPOS || f->twoway_on) return i;
      if (single) {
        f->hits += (size_t)__builtin_popcount(lo) + (size_t)__builtin_popcount(hi);
        if (mem_skim_too_dense(f->hits, f->origin - (p - 63))) {
          if (left == 64) return MEM_NPOS;
          const size_t q = p - 64; /* the highest unchecked candidate, above low */
          f->skim = 0, f->resume = q - (q - low) % step;
          return MEM_NPOS;
        }
      }
      if (f->adapted) h2 = f->hay + f->pair.i2, b2 = vec_splat(f->pair.b2), f->adapted = 0;
    }
  }
  if (left >= 32) {
    mem_v128 c0 = block(h1, h2, p - 31, b1, b2, single), c1 = block(h1, h2, p - 15, b1, b2, single);
    if (stepped) {
      const size_t r0 = (p - 31 - low) % step;
      c0 = vec_and(c0, f->allow[r0]), c1 = vec_and(c1, f->allow[phase_up(r0, adv, step)]);
    }
    if (vec_any(vec_or(c0, c1))) {
      const size_t i = check_mask(f, p - 31, vec_mask(c0) | (uint32_t)vec_mask(c1) << 16);
      if (i != MEM_NPOS || f->twoway_on) return i;
      if (f->adapted) h2 = f->hay + f->pair.i2, b2 = vec_splat(f->pair.b2), f->adapted = 0;
    }
    left -= 32, p -= 32;
  }
  if (left == 0) return MEM_NPOS;
  /* The lowest 1..31 candidates: blocks, the last one starting at `low`. */
  for (;;) {
    const size_t q = p - low >= 15 ? p - 15 : low;
    mem_v128 c = block(h1, h2, q, b1, b2, single);
    if (stepped) c = vec_and(c, f->allow[(q - low) % step]);
    const size_t i = check_mask(f, q, vec_mask(c) & (0xFFFFu >> (15 - (p - q))));
    if (i != MEM_NPOS || f->twoway_on || q == low) return i;
    if (f->adapted) h2 = f->hay + f->pair.i2, b2 = vec_splat(f->pair.b2), f->adapted = 0;
    p = q - 1;
  }
}

/* Each loop in a function of its own: V8 allocates registers per function,
 * and several loops inlined into one left the hot loop slower. */
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

/* memrchr over hay[lo .. top]: 64 bytes per round from the top. */
static size_t rfind_byte(const uint8_t *hay, size_t lo, size_t top, uint8_t byte) {
  if (top - lo < 15) {
    for (size_t i = top + 1; i > lo; i--)
      if (hay[i - 1] == byte) return i - 1;
    return MEM_NPOS;
  }
  const mem_v128 b = vec_splat(byte);
  size_t p = top + 1; /* bytes below p are unchecked */
  for (; p - lo >= 64; p -= 64) {
    const mem_v128 e0 = vec_eq(vec_load(hay + p - 64), b), e1 = vec_eq(vec_load(hay + p - 48), b);
    const mem_v128 e2 = vec_eq(vec_load(hay + p - 32), b), e3 = vec_eq(vec_load(hay + p - 16), b);
    if (vec_any(vec_or(vec_or(e0, e1), vec_or(e2, e3)))) {
      const uint32_t lo32 = vec_mask(e0) | (uint32_t)vec_mask(e1) << 16;
      const uint32_t hi32 = vec_mask(e2) | (uint32_t)vec_mask(e3) << 16;
      return p - 64 + (hi32 ? 32 + mask_high(hi32) : mask_high(lo32));
    }
  }
  while (p > lo) { /* 1..63 bytes left: blocks, the last one starting at lo */
    const size_t q = p - lo >= 16 ? p - 16 : lo;
    const unsigned mask = vec_mask(vec_eq(vec_load(hay + q), b)) & (0xFFFFu >> (16 - (p - q)));
    if (mask) return q + mask_high(mask);
    p = q;
  }
  return MEM_NPOS;
}

size_t mem_rfind(const uint8_t *hay, size_t hay_len, const uint8_t *pat, size_t pat_len, size_t start,
                 size_t end, size_t step) {
  if (end > hay_len) end = hay_len;
  if (step == 0 || start > end || pat_len > end - start) return MEM_NPOS;
  const size_t last = end - pat_len;
  const size_t top = start + (last - start) / step * step; /* highest aligned candidate */
  if (pat_len == 0) return top;
  if (pat_len == 1 && step == 1) return rfind_byte(hay, start, top, pat[0]);
  struct mem_finder f;
  f.hay = hay, f.pat = pat, f.pat_len = pat_len, f.start = start, f.end = end, f.step = step;
  f.origin = top, f.work = 0, f.twoway_on = 0, f.fails = 0, f.adapted = 0;
  f.skim = 1, f.hits = 0, f.resume = top;
  mem_pair_choose(pat, pat_len, &f.pair);
  if (top - start < 15 || step > MEM_STEP_MASKS) return visit_candidates(&f, top);
  if (step > 1) mem_step_masks(step, f.allow);
  const size_t i = step == 1 ? skim_step1(&f, top) : skim_stepped(&f, top);
  if (f.skim || i != MEM_NPOS || f.twoway_on) return i;
  /* Probe 1 turned out common: the two-probe filter takes over. */
  if (f.resume - start < 15) return visit_candidates(&f, f.resume);
  return step == 1 ? filter_step1(&f, f.resume) : filter_stepped(&f, f.resume);
}
