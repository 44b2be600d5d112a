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
  f->work = 0, f->twoway_on = 0, f->fails = 0;
  f->skim = 1, f->hits = 0, f->resume = f->origin;
  mem_pair_choose(pat, pat_len, &f->pair);
  if (step > 1 && step <= MEM_STEP_MASKS) mem_step_masks(step, f->deny);
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
    mem_pair_adapt(&f->pair, f->pat, f->pat_len, f->hay + cand); /* the next round's scan uses it */
  }
  return 0;
}

/* The candidates of a round's lane mask (lane k is candidate base + k) in
 * search order; MEM_NPOS when none matches. Probe 2 is tested here, inline:
 * most of a skim's hits stop at it (and it may have changed since the mask
 * was made). */
static inline size_t check_mask(struct mem_finder *f, size_t base, uint64_t mask, const int backward) {
  while (mask) {
    const unsigned k = backward ? 63u - (unsigned)__builtin_clzll(mask) : (unsigned)__builtin_ctzll(mask);
    mask &= backward ? ~((uint64_t)1 << k) : mask - 1;
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

/* The 16-block of candidates starting at p as differences: lane k is zero
 * when candidate p + k survives both probes, or probe 1 alone when
 * skimming (check_mask tests probe 2). */
static inline mem_v128 block(const uint8_t *h1, const uint8_t *h2, size_t p, mem_v128 b1, mem_v128 b2,
                             const int single) {
  const mem_v128 d1 = vec_xor(vec_load(h1 + p), b1);
  return single ? d1 : vec_or(d1, vec_xor(vec_load(h2 + p), b2));
}

/* The zero lanes of four consecutive blocks of differences as one 64-bit
 * mask; only rounds with survivors get here. */
static inline uint64_t mask4(mem_v128 d0, mem_v128 d1, mem_v128 d2, mem_v128 d3) {
  const mem_v128 z = vec_splat(0);
  return vec_mask(vec_eq(d0, z)) | (uint64_t)vec_mask(vec_eq(d1, z)) << 16 |
         (uint64_t)vec_mask(vec_eq(d2, z)) << 32 | (uint64_t)vec_mask(vec_eq(d3, z)) << 48;
}

/* The candidates a filter has not checked yet, lo .. lim - 1, and r, the
 * phase ((x - start) % step) of the next 64-round's lowest one. */
struct cursor {
  size_t lo, lim, r;
};

/*
 * The filter's scan: the next round of candidates with survivors, taken 64
 * (128 when skimming) at a time from the end the search comes from, then 16
 * at a time over the last ones, the last block overlapping candidates
 * already checked (masked off). Returns the surviving lanes (lane k is
 * candidate *base + k), or 0 when the candidates ran out; the cursor moves
 * past the round. The loop holds no call (the caller verifies), so the
 * engine keeps the probes' vectors in registers: with one load and two
 * operations per block this is what lets a skim for an absent byte run at
 * the speed of a one-byte search. When the step divides 16 every block of
 * every round has the same phase, so one mask on the round's minimum
 * decides the branch.
 */
static inline __attribute__((always_inline)) uint64_t scan(const struct mem_finder *f, struct cursor *c,
                                                           size_t *base_out, const int backward,
                                                           const int stepped, const int single) {
  const size_t start = f->start, step = f->step;
  const size_t adv = stepped ? 16 % step : 0, adv4 = stepped ? 64 % step : 0;
  const uint8_t *h1 = f->hay + f->pair.i1, *h2 = f->hay + f->pair.i2;
  const mem_v128 b1 = vec_splat(f->pair.b1), b2 = vec_splat(f->pair.b2);
  size_t lo = c->lo, lim = c->lim, r = c->r, base = 0;
  const mem_v128 deny0 = stepped ? f->deny[r] : vec_splat(0); /* every block's lanes when adv == 0 */
  const uint64_t allowed = stepped ? (uint64_t)(~vec_mask(deny0) & 0xFFFFu) * 0x0001000100010001u : ~0ull;
  uint64_t mask = 0;
  if (single && (!stepped || adv == 0)) {
    /* One load per block: 128 candidates per round halve the loop's own cost.
     * A round with a hit returns the half that has the first one in search
     * order; the other half goes back to the cursor, unchecked. */
    while (lim - lo >= 128) {
      if (backward)
        base = lim = vec_opaque(lim - 128);
      else
        base = lo, lo += 128;
      const mem_v128 d0 = block(h1, h2, base, b1, b2, 1), d1 = block(h1, h2, base + 16, b1, b2, 1);
      const mem_v128 d2 = block(h1, h2, base + 32, b1, b2, 1), d3 = block(h1, h2, base + 48, b1, b2, 1);
      const mem_v128 d4 = block(h1, h2, base + 64, b1, b2, 1), d5 = block(h1, h2, base + 80, b1, b2, 1);
      const mem_v128 d6 = block(h1, h2, base + 96, b1, b2, 1), d7 = block(h1, h2, base + 112, b1, b2, 1);
      mem_v128 low = vec_min(vec_min(d0, d1), vec_min(d2, d3)),
               high = vec_min(vec_min(d4, d5), vec_min(d6, d7));
      if (stepped) low = vec_or(low, deny0), high = vec_or(high, deny0);
      if (!vec_has_zero(vec_min(low, high))) continue;
      const int first_low = backward ? !vec_has_zero(high) : vec_has_zero(low);
      if (first_low != backward) { /* the half after the returned one in search order: back to the cursor */
        if (backward)
          lim = base + 64;
        else
          lo = base + 64;
      }
      if (first_low)
        mask = mask4(d0, d1, d2, d3);
      else
        mask = mask4(d4, d5, d6, d7), base += 64;
      mask &= allowed;
      goto out;
    }
  }
  while (lim - lo >= 64) {
    if (backward)
      base = lim = vec_opaque(lim - 64);
    else
      base = lo, lo += 64;
    mem_v128 d0 = block(h1, h2, base, b1, b2, single), d1 = block(h1, h2, base + 16, b1, b2, single);
    mem_v128 d2 = block(h1, h2, base + 32, b1, b2, single), d3 = block(h1, h2, base + 48, b1, b2, single);
    if (stepped && adv != 0) {
      size_t rk = r;
      d0 = vec_or(d0, f->deny[rk]), rk = phase_up(rk, adv, step);
      d1 = vec_or(d1, f->deny[rk]), rk = phase_up(rk, adv, step);
      d2 = vec_or(d2, f->deny[rk]), rk = phase_up(rk, adv, step);
      d3 = vec_or(d3, f->deny[rk]);
      r = backward ? phase_down(r, adv4, step) : phase_up(r, adv4, step);
    }
    mem_v128 any = vec_min(vec_min(d0, d1), vec_min(d2, d3));
    if (stepped && adv == 0) any = vec_or(any, deny0);
    if (vec_has_zero(any)) {
      mask = mask4(d0, d1, d2, d3);
      if (stepped && adv == 0) mask &= allowed;
      goto out;
    }
  }
  while (lo < lim) {
    const size_t take = lim - lo < 16 ? lim - lo : 16;
    const size_t q = backward ? (take < 16 ? lo : lim - 16) : (take < 16 ? lim - 16 : lo);
    const unsigned keep = backward ? 0xFFFFu >> (16 - take) : (0xFFFFu << (16 - take)) & 0xFFFFu;
    mem_v128 dq = block(h1, h2, q, b1, b2, single);
    if (stepped) dq = vec_or(dq, f->deny[(q - start) % step]);
    if (backward)
      lim -= take;
    else
      lo += take;
    base = q, mask = vec_mask(vec_eq(dq, vec_splat(0))) & keep;
    if (mask) break;
  }
out:
  c->lo = lo, c->lim = lim, c->r = r;
  *base_out = base;
  return mask;
}

/* Each direction and mode in a function of its own, with its own straight loop. */
typedef uint64_t scan_fn(const struct mem_finder *f, struct cursor *c, size_t *base);
static __attribute__((noinline)) uint64_t skim_forward(const struct mem_finder *f, struct cursor *c,
                                                       size_t *base) {
  return scan(f, c, base, 0, 0, 1);
}
static __attribute__((noinline)) uint64_t skim_forward_stepped(const struct mem_finder *f, struct cursor *c,
                                                               size_t *base) {
  return scan(f, c, base, 0, 1, 1);
}
static __attribute__((noinline)) uint64_t pair_forward(const struct mem_finder *f, struct cursor *c,
                                                       size_t *base) {
  return scan(f, c, base, 0, 0, 0);
}
static __attribute__((noinline)) uint64_t pair_forward_stepped(const struct mem_finder *f, struct cursor *c,
                                                               size_t *base) {
  return scan(f, c, base, 0, 1, 0);
}
static __attribute__((noinline)) uint64_t skim_backward(const struct mem_finder *f, struct cursor *c,
                                                        size_t *base) {
  return scan(f, c, base, 1, 0, 1);
}
static __attribute__((noinline)) uint64_t skim_backward_stepped(const struct mem_finder *f, struct cursor *c,
                                                                size_t *base) {
  return scan(f, c, base, 1, 1, 1);
}
static __attribute__((noinline)) uint64_t pair_backward(const struct mem_finder *f, struct cursor *c,
                                                        size_t *base) {
  return scan(f, c, base, 1, 0, 0);
}
static __attribute__((noinline)) uint64_t pair_backward_stepped(const struct mem_finder *f, struct cursor *c,
                                                                size_t *base) {
  return scan(f, c, base, 1, 1, 0);
}

/*
 * The SIMD filter over the aligned candidates from `from` to the far end (at
 * least 16 of them): rounds with survivors from the scan, their candidates
 * verified in search order. `single` is the skim mode (probe 1 alone); a
 * skim whose hits come too densely clears f->skim, sets f->resume to the
 * next aligned candidate not yet checked and returns MEM_NPOS.
 */
static inline __attribute__((always_inline)) size_t filter(struct mem_finder *f, size_t from,
                                                           const int backward, const int single) {
  const int stepped = f->step > 1;
  scan_fn *const next_round = backward ? (single ? (stepped ? skim_backward_stepped : skim_backward)
                                                 : (stepped ? pair_backward_stepped : pair_backward))
                                       : (single ? (stepped ? skim_forward_stepped : skim_forward)
                                                 : (stepped ? pair_forward_stepped : pair_forward));
  struct cursor c;
  c.lo = backward ? f->start : from, c.lim = (backward ? from : f->end - f->pat_len) + 1;
  c.r = stepped && c.lim - c.lo >= 64 ? ((backward ? c.lim - 64 : c.lo) - f->start) % f->step : 0;
  for (;;) {
    size_t base;
    const uint64_t mask = next_round(f, &c, &base);
    if (!mask) return MEM_NPOS;
    const size_t i = check_mask(f, base, mask, backward);
    if (i != MEM_NPOS || f->twoway_on) return i;
    if (single && c.lo < c.lim) {
      f->hits += (size_t)__builtin_popcountll(mask);
      /* Candidates passed so far: up to lo (forward) or down to lim (backward). */
      if (mem_skim_too_dense(f->hits, backward ? f->origin + 1 - c.lim : c.lo - f->origin)) {
        const size_t high = c.lim - 1, rq = ((backward ? high : c.lo) - f->start) % f->step;
        f->skim = 0, f->resume = backward ? high - rq : rq ? c.lo + (f->step - rq) : c.lo;
        return MEM_NPOS;
      }
    }
  }
}

/*
 * memchr (memrchr backward) over hay[lo .. hi): the first byte equal to
 * `byte` in search order, or MEM_NPOS. 128 bytes per round with one branch
 * (XOR with the byte, MIN of the eight blocks, a zero lane means a hit), then
 * 16-byte blocks, the last one overlapping bytes already checked.
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
  while (hi - lo >= 128) {
    const size_t p = backward ? vec_opaque(hi - 128) : lo;
    const mem_v128 d0 = vec_xor(vec_load(hay + p), b), d1 = vec_xor(vec_load(hay + p + 16), b);
    const mem_v128 d2 = vec_xor(vec_load(hay + p + 32), b), d3 = vec_xor(vec_load(hay + p + 48), b);
    const mem_v128 d4 = vec_xor(vec_load(hay + p + 64), b), d5 = vec_xor(vec_load(hay + p + 80), b);
    const mem_v128 d6 = vec_xor(vec_load(hay + p + 96), b), d7 = vec_xor(vec_load(hay + p + 112), b);
    const mem_v128 low = vec_min(vec_min(d0, d1), vec_min(d2, d3));
    const mem_v128 high = vec_min(vec_min(d4, d5), vec_min(d6, d7));
    if (vec_has_zero(vec_min(low, high))) {
      const int in_low = backward ? !vec_has_zero(high) : vec_has_zero(low);
      const uint64_t m = in_low ? mask4(d0, d1, d2, d3) : mask4(d4, d5, d6, d7);
      const size_t q = in_low ? p : p + 64;
      return q + (backward ? 63u - (unsigned)__builtin_clzll(m) : (unsigned)__builtin_ctzll(m));
    }
    if (backward)
      hi = p;
    else
      lo += 128;
  }
  while (lo < hi) { /* 1..127 bytes left */
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
    const size_t i = filter(f, from, backward, 1);
    if (f->skim || i != MEM_NPOS || f->twoway_on) return i;
    /* Probe 1 turned out common: the two-probe filter takes over. */
    from = f->resume;
    if (!backward && from > last) return MEM_NPOS;
    if ((backward ? from - f->start : last - from) < 15) return visit_candidates(f, from, backward);
  }
  return filter(f, from, backward, 0);
}

size_t mem_finder_next(struct mem_finder *f, size_t from) {
  return f->backward ? next(f, from, 1) : next(f, from, 0);
}
