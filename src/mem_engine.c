/*
 * The search engine behind mem_find, mem_find_many and mem_rfind: one code
 * for both directions, a SIMD filter on two rare bytes with Two-Way behind
 * it for a linear worst case.
 *
 * The filter (the "first/last byte" idea of W. Mula's SIMD substring search,
 * with the two probes chosen as the pattern's rarest bytes as in the packed
 * pair of BurntSushi's memchr) compares 16 candidate positions at once: a
 * candidate i survives when hay[i + i1] and hay[i + i2] equal the pattern's
 * bytes there and, for steps up to 16, when a precomputed lane mask allows
 * i. It takes 64 candidates per round with one branch, from the low end
 * (forward) or the high end (backward) of the candidates not yet checked;
 * survivors are verified with 16-byte compares, in search order. On typical
 * data this runs at the speed of loading the haystack twice.
 *
 * The search starts in skim mode, the same loop on the rarest probe alone
 * (one load per 16 candidates, as memchr: the speed of a single-byte search
 * when that byte is absent), probe 2 tested with a scalar load per hit; when
 * hits average under MEM_SKIM_DISTANCE bytes apart, where a hit's few ns
 * cost more than the second load saves, it switches to the two-probe filter.
 *
 * Inputs built to pass the filter (periodic text, `aaa...ab` patterns) could
 * make verification O(n * m), so the work spent verifying is metered: once
 * it exceeds a few bytes per haystack byte scanned, the search continues
 * with Two-Way (on the reversed pattern and haystack backward) from the
 * current candidate, O(n + m) in the worst case whatever the step. Steps
 * above 16 leave at most one candidate per block, so those are visited
 * directly (O(n / step) probes, same metering). A one-byte pattern with
 * step 1 is a SIMD memchr (memrchr backward), 64 bytes per round.
 *
 * `backward`, `stepped` and `single` are constants in every instance of the
 * loops below (the noinline functions near the end), so each direction and
 * mode gets its own straight loop with no per-block test of them.
 */
#include "mem_search.h"

void mem_finder_init(struct mem_finder *f, const uint8_t *hay, const uint8_t *pat, size_t pat_len,
                     size_t start, size_t end, size_t step, int backward) {
  f->hay = hay, f->pat = pat, f->pat_len = pat_len;
  f->start = start, f->end = end, f->step = step, f->backward = backward;
  /* Backward, the first candidate is the highest aligned one that fits. */
  f->origin = backward ? start + (end - pat_len - start) / step * step : start;
  f->work = 0, f->twoway_on = 0, f->fails = 0, f->adapted = 0;
  f->skim = 1, f->hits = 0, f->resume = f->origin;
  mem_pair_choose(pat, pat_len, &f->pair);
  if (step > 1 && step <= MEM_STEP_MASKS) mem_step_masks(step, f->allow);
}

/* Candidates the search has passed since its first one, at candidate i. */
static inline size_t travelled(const struct mem_finder *f, size_t i, const int backward) {
  return backward ? f->origin - i : i - f->origin;
}

/* (x + d) mod step and (x - d) mod step for x, d < step. */
static inline size_t phase_up(size_t x, size_t d, size_t step) {
  return x + d >= step ? x + d - step : x + d;
}
static inline size_t phase_down(size_t x, size_t d, size_t step) { return x >= d ? x - d : x + step - d; }

/* Continues with Two-Way from candidate `from` to the far end. */
static size_t twoway_from(struct mem_finder *f, size_t from, const int backward) {
  if (!f->twoway_on) {
    mem_twoway_prepare(&f->tw, f->pat, f->pat_len, backward);
    f->twoway_on = 1, f->scan.j = 0, f->scan.memory = 0;
  }
  /* The scan counts candidates from its origin (start forward, end - pat_len
   * backward) and may already be past `from`: it resumes after its last match. */
  const size_t j = backward ? f->end - f->pat_len - from : from - f->start;
  if (j > f->scan.j) f->scan.j = j, f->scan.memory = 0;
  return mem_twoway_next(&f->tw, f->hay, f->start, f->end, f->start, f->step, &f->scan);
}

/*
 * Verifies a candidate that passed both probes: 1 a match, 0 none, -1 over
 * the verification budget (Two-Way must take over at cand).
 */
static inline int check_candidate(struct mem_finder *f, size_t cand, const int backward) {
  f->work += f->pat_len + MEM_VERIFY_COST;
  if (mem_verify_over_budget(f->work, travelled(f, cand, backward), f->pat_len)) return -1;
  if (vec_equal(f->hay + cand, f->pat, f->pat_len)) return 1;
  if (++f->fails >= MEM_ADAPT_AFTER) {
    f->work += f->pat_len, f->fails = 0;
    f->adapted |= mem_pair_adapt(&f->pair, f->pat, f->pat_len, f->hay + cand);
  }
  return 0;
}

/* The candidates of a lane mask in search order; MEM_NPOS when none
 * matches. Probe 2 is tested here, inline: most of a skim's hits stop at it
 * (and it may have changed since the mask was made). */
static inline size_t check_mask(struct mem_finder *f, size_t base, uint32_t mask, const int backward) {
  while (mask) {
    const unsigned k = backward ? mask_high(mask) : mask_low(mask);
    mask &= backward ? ~(1u << k) : mask - 1;
    const size_t cand = base + k;
    if (f->hay[cand + f->pair.i2] != f->pair.b2) continue;
    const int v = check_candidate(f, cand, backward);
    if (v) return v > 0 ? cand : twoway_from(f, cand, backward);
  }
  return MEM_NPOS;
}

/* The aligned candidates from `from` on, one at a time (few of them, or a large step). */
static size_t visit_candidates(struct mem_finder *f, size_t from, const int backward) {
  const size_t last = f->end - f->pat_len, step = f->step;
  for (size_t i = from;; i = backward ? i - step : i + step) {
    if (f->hay[i + f->pair.i1] == f->pair.b1 && f->hay[i + f->pair.i2] == f->pair.b2) {
      const int v = check_candidate(f, i, backward);
      if (v) return v > 0 ? i : twoway_from(f, i, backward);
    }
    /* The test before the move keeps i from wrapping around. */
    if ((backward ? i - f->start : last - i) < step) return MEM_NPOS;
  }
}

/* Surviving candidates of the 16-block starting at p, as a lane mask: both
 * probes, or probe 1 alone when skimming (check_mask tests probe 2). */
static inline mem_v128 block(const uint8_t *h1, const uint8_t *h2, size_t p, mem_v128 b1, mem_v128 b2,
                             const int single) {
  const mem_v128 e1 = vec_eq(vec_load(h1 + p), b1);
  return single ? e1 : vec_and(e1, vec_eq(vec_load(h2 + p), b2));
}

/*
 * The SIMD filter over the aligned candidates from `from` to the far end (at
 * least 16 of them). lo..hi are the candidates not yet checked; each round
 * takes the 64 at the end the search comes from, then one 32-block, then
 * 16-blocks, the last one overlapping candidates already checked, which are
 * masked off. r is the phase ((base - start) % step) of a round's lowest
 * block; when the step divides 16 it is the same in every block, so one mask
 * on the union of the four decides the branch. A skim that finds its hits
 * too dense clears f->skim, sets f->resume to the next aligned candidate not
 * yet checked and returns MEM_NPOS.
 */
static inline __attribute__((always_inline)) size_t filter(struct mem_finder *f, size_t from,
                                                           const int backward, const int stepped,
                                                           const int single) {
  const size_t start = f->start, step = f->step;
  const size_t adv = stepped ? 16 % step : 0, adv4 = stepped ? 64 % step : 0;
  const uint8_t *h1 = f->hay + f->pair.i1, *h2 = f->hay + f->pair.i2; /* h2 may change */
  const mem_v128 b1 = vec_splat(f->pair.b1);
  mem_v128 b2 = vec_splat(f->pair.b2);
  size_t lo = backward ? start : from, hi = backward ? from : f->end - f->pat_len;
  size_t left = hi - lo + 1;
  size_t r = stepped && left >= 64 ? ((backward ? hi - 63 : lo) - start) % step : 0;
  const mem_v128 a0 = stepped ? f->allow[r] : b1; /* the lanes when adv == 0 */
  const uint32_t lanes = stepped && adv == 0 ? vec_mask(a0) * 0x10001u : 0xFFFFFFFFu;
  for (; left >= 64; left -= 64) {
    const size_t base = backward ? hi - 63 : lo;
    mem_v128 c0 = block(h1, h2, base, b1, b2, single), c1 = block(h1, h2, base + 16, b1, b2, single);
    mem_v128 c2 = block(h1, h2, base + 32, b1, b2, single), c3 = block(h1, h2, base + 48, b1, b2, single);
    mem_v128 any = vec_or(vec_or(c0, c1), vec_or(c2, c3));
    if (stepped && adv == 0) {
      any = vec_and(any, a0);
    } else if (stepped) {
      size_t rk = r;
      c0 = vec_and(c0, f->allow[rk]), rk = phase_up(rk, adv, step);
      c1 = vec_and(c1, f->allow[rk]), rk = phase_up(rk, adv, step);
      c2 = vec_and(c2, f->allow[rk]), rk = phase_up(rk, adv, step);
      c3 = vec_and(c3, f->allow[rk]);
      r = backward ? phase_down(r, adv4, step) : phase_up(r, adv4, step);
      any = vec_or(vec_or(c0, c1), vec_or(c2, c3));
    }
    if (backward)
      hi -= 64;
    else
      lo += 64;
    if (vec_any(any)) {
      const uint32_t m01 = (vec_mask(c0) | (uint32_t)vec_mask(c1) << 16) & lanes;
      const uint32_t m23 = (vec_mask(c2) | (uint32_t)vec_mask(c3) << 16) & lanes;
      size_t i = check_mask(f, backward ? base + 32 : base, backward ? m23 : m01, backward);
      if (i != MEM_NPOS || f->twoway_on) return i;
      i = check_mask(f, backward ? base : base + 32, backward ? m01 : m23, backward);
      if (i != MEM_NPOS || f->twoway_on) return i;
      if (single) {
        f->hits += (size_t)__builtin_popcount(m01) + (size_t)__builtin_popcount(m23);
        const size_t scanned = backward ? f->origin - base : base + 64 - f->origin;
        if (left > 64 && mem_skim_too_dense(f->hits, scanned)) {
          const size_t rq = ((backward ? hi : lo) - start) % step;
          f->skim = 0, f->resume = backward ? hi - rq : rq ? lo + (step - rq) : lo;
          return MEM_NPOS;
        }
      }
      if (f->adapted) h2 = f->hay + f->pair.i2, b2 = vec_splat(f->pair.b2), f->adapted = 0;
    }
  }
  if (left >= 32) {
    const size_t base = backward ? hi - 31 : lo;
    mem_v128 c0 = block(h1, h2, base, b1, b2, single), c1 = block(h1, h2, base + 16, b1, b2, single);
    if (stepped) {
      const size_t r0 = (base - start) % step;
      c0 = vec_and(c0, f->allow[r0]), c1 = vec_and(c1, f->allow[phase_up(r0, adv, step)]);
    }
    if (backward)
      hi -= 32;
    else
      lo += 32;
    left -= 32;
    if (vec_any(vec_or(c0, c1))) {
      const size_t i = check_mask(f, base, vec_mask(c0) | (uint32_t)vec_mask(c1) << 16, backward);
      if (i != MEM_NPOS || f->twoway_on) return i;
      if (f->adapted) h2 = f->hay + f->pair.i2, b2 = vec_splat(f->pair.b2), f->adapted = 0;
    }
  }
  /* The last 0..31 candidates in 16-blocks; fewer than 16 left, the block
   * ends at hi (forward) or starts at lo (backward), over checked ones. */
  while (left) {
    const size_t take = left < 16 ? left : 16;
    const size_t q = backward ? (left < 16 ? lo : hi - 15) : (left < 16 ? hi - 15 : lo);
    const unsigned keep = backward ? 0xFFFFu >> (16 - take) : (0xFFFFu << (16 - take)) & 0xFFFFu;
    mem_v128 c = block(h1, h2, q, b1, b2, single);
    if (stepped) c = vec_and(c, f->allow[(q - start) % step]);
    if (backward)
      hi -= take;
    else
      lo += take;
    left -= take;
    const size_t i = check_mask(f, q, vec_mask(c) & keep, backward);
    if (i != MEM_NPOS || f->twoway_on) return i;
    if (f->adapted) h2 = f->hay + f->pair.i2, b2 = vec_splat(f->pair.b2), f->adapted = 0;
  }
  return MEM_NPOS;
}

/* Each loop in a function of its own: V8 allocates registers per function,
 * and several loops inlined into one left the hot loop slower. */
static __attribute__((noinline)) size_t skim_forward(struct mem_finder *f, size_t from) {
  return filter(f, from, 0, 0, 1);
}
static __attribute__((noinline)) size_t skim_forward_stepped(struct mem_finder *f, size_t from) {
  return filter(f, from, 0, 1, 1);
}
static __attribute__((noinline)) size_t filter_forward(struct mem_finder *f, size_t from) {
  return filter(f, from, 0, 0, 0);
}
static __attribute__((noinline)) size_t filter_forward_stepped(struct mem_finder *f, size_t from) {
  return filter(f, from, 0, 1, 0);
}
static __attribute__((noinline)) size_t skim_backward(struct mem_finder *f, size_t from) {
  return filter(f, from, 1, 0, 1);
}
static __attribute__((noinline)) size_t skim_backward_stepped(struct mem_finder *f, size_t from) {
  return filter(f, from, 1, 1, 1);
}
static __attribute__((noinline)) size_t filter_backward(struct mem_finder *f, size_t from) {
  return filter(f, from, 1, 0, 0);
}
static __attribute__((noinline)) size_t filter_backward_stepped(struct mem_finder *f, size_t from) {
  return filter(f, from, 1, 1, 0);
}

static size_t run_filter(struct mem_finder *f, size_t from, const int backward, const int single) {
  if (f->step == 1) {
    if (single) return backward ? skim_backward(f, from) : skim_forward(f, from);
    return backward ? filter_backward(f, from) : filter_forward(f, from);
  }
  if (single) return backward ? skim_backward_stepped(f, from) : skim_forward_stepped(f, from);
  return backward ? filter_backward_stepped(f, from) : filter_forward_stepped(f, from);
}

/*
 * memchr (memrchr backward) over hay[lo .. hi): the first byte equal to
 * `byte` in search order, or MEM_NPOS; 64 bytes per round, one branch for
 * four blocks, then blocks, the last one overlapping bytes already checked.
 */
static inline __attribute__((always_inline)) size_t scan_byte(const uint8_t *hay, size_t lo, size_t hi,
                                                              uint8_t byte, const int backward) {
  if (hi - lo < 16) {
    for (size_t k = 0; k < hi - lo; k++) {
      const size_t i = backward ? hi - 1 - k : lo + k;
      if (hay[i] == byte) return i;
    }
    return MEM_NPOS;
  }
  const mem_v128 b = vec_splat(byte);
  for (; hi - lo >= 64;) {
    const size_t p = backward ? hi - 64 : lo;
    const mem_v128 e0 = vec_eq(vec_load(hay + p), b), e1 = vec_eq(vec_load(hay + p + 16), b);
    const mem_v128 e2 = vec_eq(vec_load(hay + p + 32), b), e3 = vec_eq(vec_load(hay + p + 48), b);
    if (vec_any(vec_or(vec_or(e0, e1), vec_or(e2, e3)))) {
      const uint32_t m01 = vec_mask(e0) | (uint32_t)vec_mask(e1) << 16;
      const uint32_t m23 = vec_mask(e2) | (uint32_t)vec_mask(e3) << 16;
      if (backward) return p + (m23 ? 32 + mask_high(m23) : mask_high(m01));
      return p + (m01 ? mask_low(m01) : 32 + mask_low(m23));
    }
    if (backward)
      hi -= 64;
    else
      lo += 64;
  }
  while (lo < hi) { /* 1..63 bytes left */
    const size_t take = hi - lo < 16 ? hi - lo : 16;
    const size_t q = backward ? (take < 16 ? lo : hi - 16) : (take < 16 ? hi - 16 : lo);
    const unsigned keep = backward ? 0xFFFFu >> (16 - take) : (0xFFFFu << (16 - take)) & 0xFFFFu;
    const unsigned mask = vec_mask(vec_eq(vec_load(hay + q), b)) & keep;
    if (mask) return q + (backward ? mask_high(mask) : mask_low(mask));
    if (backward)
      hi -= take;
    else
      lo += take;
  }
  return MEM_NPOS;
}

static __attribute__((noinline)) size_t byte_forward(const uint8_t *hay, size_t lo, size_t hi, uint8_t b) {
  return scan_byte(hay, lo, hi, b, 0);
}
static __attribute__((noinline)) size_t byte_backward(const uint8_t *hay, size_t lo, size_t hi, uint8_t b) {
  return scan_byte(hay, lo, hi, b, 1);
}

static inline __attribute__((always_inline)) size_t next(struct mem_finder *f, size_t from,
                                                         const int backward) {
  const size_t last = f->end - f->pat_len;
  if (f->twoway_on) return twoway_from(f, from, backward);
  if (f->pat_len == 1 && f->step == 1)
    return backward ? byte_backward(f->hay, f->start, from + 1, f->pat[0])
                    : byte_forward(f->hay, from, f->end, f->pat[0]);
  if ((backward ? from - f->start : last - from) < 15 || f->step > MEM_STEP_MASKS)
    return visit_candidates(f, from, backward);
  if (f->skim) {
    const size_t i = run_filter(f, from, backward, 1);
    if (f->skim || i != MEM_NPOS || f->twoway_on) return i;
    /* Probe 1 turned out common: the two-probe filter takes over. */
    from = f->resume;
    if (!backward && from > last) return MEM_NPOS;
    if ((backward ? from - f->start : last - from) < 15) return visit_candidates(f, from, backward);
  }
  return run_filter(f, from, backward, 0);
}

size_t mem_finder_next(struct mem_finder *f, size_t from) {
  return f->backward ? next(f, from, 1) : next(f, from, 0);
}
