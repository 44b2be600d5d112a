/*
 * Masked search, forward and backward with an alignment step: a candidate i
 * matches when (hay[i + k] & mask[k]) == (pat[k] & mask[k]) for every k.
 *
 * The filter is the pair filter of mem_find with a mask per probe: the two
 * most selective pattern positions (fully fixed bytes first, the rarest by
 * the byte-frequency table; then partly fixed ones by how many bits they
 * fix) are tested on 64 candidates per round, (hay & m) == v, together with
 * the step's lane mask for steps up to 16. As in mem_find, the search starts
 * by skimming on probe 1 alone (probe 2 tested per hit) and switches to both
 * probes once probe 1 hits often. Survivors are verified with masked
 * 16-byte compares. One round function serves both directions; the forward
 * and backward drivers differ only in the order they walk the rounds and
 * read a round's lanes. Steps above 16 visit their candidates
 * one at a time. A pattern with no fixed bit matches at every aligned
 * candidate, so that is answered without reading the haystack.
 *
 * Cost: O(n) for the filter; verification is O(m) per surviving candidate,
 * so O(n * m) in the worst case (a wildcard pattern cannot use Two-Way's
 * shifts), O(n) on typical data where few candidates pass two probes.
 */
#include "mem_mask.h"
#include "mem_search.h"

struct masked {
  const uint8_t *hay, *pat, *mask;
  size_t len, start, end, step;
  size_t i1, i2;          /* the probes' positions in the pattern */
  uint8_t m1, v1, m2, v2; /* their masks and masked values */
  int fixed;              /* 0: no mask bit is set anywhere */
  mem_v128 allow[MEM_STEP_MASKS];
};

/* allow[r]: lane k set when (r + k) % step == 0, r being a block's offset
 * from start modulo step (steps up to MEM_STEP_MASKS). */
static void allow_masks(size_t step, mem_v128 allow[MEM_STEP_MASKS]) {
  uint8_t lanes[16];
  for (size_t r = 0; r < step && r < MEM_STEP_MASKS; r++) {
    for (size_t k = 0; k < 16; k++) lanes[k] = (r + k) % step == 0 ? 0xFF : 0;
    allow[r] = vec_load(lanes);
  }
}

/* How much a position narrows the candidates: lower is better. */
static unsigned probe_cost(uint8_t byte, uint8_t mask) {
  if (mask == 0xFF) return mem_byte_rarity(byte);
  return 256u + 32u * (8u - (unsigned)__builtin_popcount(mask));
}

static void masked_init(struct masked *s, const uint8_t *hay, const uint8_t *pat, const uint8_t *mask,
                        size_t len, size_t start, size_t end, size_t step) {
  s->hay = hay, s->pat = pat, s->mask = mask, s->len = len;
  s->start = start, s->end = end, s->step = step;
  size_t i1 = MEM_NPOS, i2 = MEM_NPOS;
  for (size_t k = 0; k < len; k++) {
    if (!mask[k]) continue;
    const unsigned c = probe_cost(pat[k], mask[k]);
    if (i1 == MEM_NPOS || c < probe_cost(pat[i1], mask[i1])) {
      i2 = i1, i1 = k;
    } else if (i2 == MEM_NPOS || c < probe_cost(pat[i2], mask[i2])) {
      i2 = k;
    }
  }
  s->fixed = i1 != MEM_NPOS;
  if (i2 == MEM_NPOS) i2 = i1; /* one fixed position: both probes test it */
  if (!s->fixed) i1 = i2 = 0;
  s->i1 = i1, s->i2 = i2;
  s->m1 = mask[i1], s->v1 = pat[i1] & mask[i1];
  s->m2 = mask[i2], s->v2 = pat[i2] & mask[i2];
  if (step > 1 && step <= MEM_STEP_MASKS) allow_masks(step, s->allow);
}

static inline int masked_equal(const struct masked *s, size_t i) {
  return mem_masked_equal(s->hay + i, s->pat, s->mask, s->len);
}

/* The lanes of the 16 candidates q..q+15 that pass both probes and the step mask. */
static inline unsigned block_mask(const struct masked *s, size_t q) {
  const mem_v128 e1 = vec_eq(vec_and(vec_load(s->hay + q + s->i1), vec_splat(s->m1)), vec_splat(s->v1));
  const mem_v128 e2 = vec_eq(vec_and(vec_load(s->hay + q + s->i2), vec_splat(s->m2)), vec_splat(s->v2));
  mem_v128 c = vec_and(e1, e2);
  if (s->step > 1) c = vec_and(c, s->allow[(q - s->start) % s->step]);
  return vec_mask(c);
}

static inline int probes_pass(const struct masked *s, size_t i) {
  return (s->hay[i + s->i1] & s->m1) == s->v1 && (s->hay[i + s->i2] & s->m2) == s->v2;
}

/*
 * The lanes of the 64 candidates q..q+63 that pass probe 1 (single: the
 * skim) or both probes, and the step mask; one branch for the round.
 */
static inline uint64_t round_mask(const struct masked *s, size_t q, const int single) {
  const mem_v128 m1 = vec_splat(s->m1), v1 = vec_splat(s->v1), m2 = vec_splat(s->m2), v2 = vec_splat(s->v2);
  const uint8_t *h1 = s->hay + q + s->i1, *h2 = s->hay + q + s->i2;
  mem_v128 c0 = vec_eq(vec_and(vec_load(h1), m1), v1), c1 = vec_eq(vec_and(vec_load(h1 + 16), m1), v1);
  mem_v128 c2 = vec_eq(vec_and(vec_load(h1 + 32), m1), v1), c3 = vec_eq(vec_and(vec_load(h1 + 48), m1), v1);
  if (!single) {
    c0 = vec_and(c0, vec_eq(vec_and(vec_load(h2), m2), v2));
    c1 = vec_and(c1, vec_eq(vec_and(vec_load(h2 + 16), m2), v2));
    c2 = vec_and(c2, vec_eq(vec_and(vec_load(h2 + 32), m2), v2));
    c3 = vec_and(c3, vec_eq(vec_and(vec_load(h2 + 48), m2), v2));
  }
  if (s->step > 1) { /* each block's phase: (q + 16k - start) % step */
    const size_t step = s->step, adv = 16 % step;
    size_t r = (q - s->start) % step;
    c0 = vec_and(c0, s->allow[r]), r = r + adv >= step ? r + adv - step : r + adv;
    c1 = vec_and(c1, s->allow[r]), r = r + adv >= step ? r + adv - step : r + adv;
    c2 = vec_and(c2, s->allow[r]), r = r + adv >= step ? r + adv - step : r + adv;
    c3 = vec_and(c3, s->allow[r]);
  }
  if (!vec_any(vec_or(vec_or(c0, c1), vec_or(c2, c3)))) return 0;
  return (uint64_t)vec_mask(c0) | (uint64_t)vec_mask(c1) << 16 | (uint64_t)vec_mask(c2) << 32 |
         (uint64_t)vec_mask(c3) << 48;
}

static inline int probe2_passes(const struct masked *s, size_t i) {
  return (s->hay[i + s->i2] & s->m2) == s->v2;
}

/* The skim gives way to the two-probe rounds once probe 1 hits more often
 * than every MASKED_SKIM_DISTANCE candidates (after a slack for a burst):
 * the same trade-off as the exact search's skim (mem_search.h). */
enum { MASKED_SKIM_DISTANCE = 128, MASKED_SKIM_SLACK = 2048 };

/* A candidate from a round: 1 a match, 0 not (a skim hit counted in *hits). */
static inline int round_candidate(const struct masked *s, size_t i, const int single, size_t *hits) {
  if (single) {
    ++*hits;
    if (!probe2_passes(s, i)) return 0;
  }
  return masked_equal(s, i);
}

/* The lowest match among aligned candidates from..last, or MEM_NPOS. */
static size_t masked_forward(const struct masked *s, size_t from, size_t last) {
  if (s->step > MEM_STEP_MASKS || last - from < 15) {
    for (size_t i = from;; i += s->step) {
      if (probes_pass(s, i) && masked_equal(s, i)) return i;
      if (last - i < s->step) return MEM_NPOS;
    }
  }
  size_t p = from, hits = 0;
  int single = 1;
  for (; p <= last && last - p >= 63; p += 64) { /* 64 candidates per round */
    for (uint64_t m = single ? round_mask(s, p, 1) : round_mask(s, p, 0); m; m &= m - 1) {
      const size_t i = p + (size_t)__builtin_ctzll(m);
      if (round_candidate(s, i, single, &hits)) return i;
    }
    if (single && hits * MASKED_SKIM_DISTANCE > p + 64 - from + MASKED_SKIM_SLACK) single = 0;
  }
  while (p <= last) { /* the last 1..63 candidates in blocks, the last one overlapping checked lanes */
    const size_t q = last - p >= 15 ? p : last - 15;
    for (unsigned m = block_mask(s, q) & (0xFFFFu << (p - q)); m; m &= m - 1) {
      const size_t i = q + mask_low(m);
      if (masked_equal(s, i)) return i;
    }
    p = q + 16;
  }
  return MEM_NPOS;
}

/* The highest match among aligned candidates first..top, or MEM_NPOS. */
static size_t masked_backward(const struct masked *s, size_t first, size_t top) {
  if (s->step > MEM_STEP_MASKS || top - first < 15) {
    for (size_t i = top;; i -= s->step) {
      if (probes_pass(s, i) && masked_equal(s, i)) return i;
      if (i - first < s->step) return MEM_NPOS;
    }
  }
  size_t p = top + 1, hits = 0; /* candidates first..p-1 remain */
  int single = 1;
  for (; p - first >= 64; p -= 64) {
    const size_t q = p - 64;
    for (uint64_t m = single ? round_mask(s, q, 1) : round_mask(s, q, 0); m;) {
      const unsigned k = 63u - (unsigned)__builtin_clzll(m);
      if (round_candidate(s, q + k, single, &hits)) return q + k;
      m &= ~((uint64_t)1 << k);
    }
    if (single && hits * MASKED_SKIM_DISTANCE > top + 1 - q + MASKED_SKIM_SLACK) single = 0;
  }
  while (p > first) {
    const size_t q = p - first >= 16 ? p - 16 : first;
    for (unsigned m = block_mask(s, q) & (0xFFFFu >> (16 - (p - q > 16 ? 16 : p - q))); m;) {
      const unsigned k = mask_high(m);
      if (masked_equal(s, q + k)) return q + k;
      m &= ~(1u << k);
    }
    p = q;
  }
  return MEM_NPOS;
}

/* The common checks; 0 when there is no candidate at all. */
static int masked_bounds(size_t hay_len, size_t len, size_t start, size_t *end, size_t step) {
  if (*end > hay_len) *end = hay_len;
  return step != 0 && start <= *end && len <= *end - start;
}

size_t mem_find_masked(const uint8_t *hay, size_t hay_len, const uint8_t *pat, const uint8_t *mask,
                       size_t pat_len, size_t start, size_t end, size_t step) {
  if (!masked_bounds(hay_len, pat_len, start, &end, step)) return MEM_NPOS;
  if (pat_len == 0) return start;
  struct masked s;
  masked_init(&s, hay, pat, mask, pat_len, start, end, step);
  if (!s.fixed) return start;
  return masked_forward(&s, start, end - pat_len);
}

size_t mem_rfind_masked(const uint8_t *hay, size_t hay_len, const uint8_t *pat, const uint8_t *mask,
                        size_t pat_len, size_t start, size_t end, size_t step) {
  if (!masked_bounds(hay_len, pat_len, start, &end, step)) return MEM_NPOS;
  const size_t top = end - pat_len - (end - pat_len - start) % step;
  if (pat_len == 0) return top;
  struct masked s;
  masked_init(&s, hay, pat, mask, pat_len, start, end, step);
  if (!s.fixed) return top;
  return masked_backward(&s, start, top);
}

size_t mem_find_masked_many(const uint8_t *hay, size_t hay_len, const uint8_t *pat, const uint8_t *mask,
                            size_t pat_len, size_t start, size_t end, size_t step, size_t *out, size_t max) {
  if (!masked_bounds(hay_len, pat_len, start, &end, step) || max == 0) return 0;
  struct masked s;
  if (pat_len) masked_init(&s, hay, pat, mask, pat_len, start, end, step);
  const int every = pat_len == 0 || !s.fixed;
  const size_t last = end - pat_len;
  size_t n = 0;
  for (size_t from = start;;) {
    const size_t i = every ? from : masked_forward(&s, from, last);
    if (i == MEM_NPOS) break;
    out[n++] = i;
    if (n == max || last - i < step) break;
    from = i + step;
  }
  return n;
}
