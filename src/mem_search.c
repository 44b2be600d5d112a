/*
 * Search helpers shared by both directions of the engine (mem_engine.c): the rare-byte pair for
 * the SIMD filter (O(m)), the step masks (O(step)), and Two-Way, the
 * linear-time fallback: O(m) factorisation, then O(n + m) search with the
 * parts compared by the SIMD mem_diff/mem_rdiff kernels.
 */
#include "mem_search.h"

/*
 * Rank of each byte value by how common it is, 0 the rarest and 255 the
 * most common, over a mix of English prose, C, JavaScript and machine code
 * (scripts/make_byte_ranks.py prints it). Only the order matters.
 */
static const uint8_t byte_rank[256] = {
    254, 199, 167, 154, 170, 171, 133, 161, 193, 202, 244, 116, 128, 136, 162, 204, 182, 114, 115, 65,
    104, 111, 52,  50,  157, 47,  44,  46,  75,  64,  29,  155, 255, 122, 166, 180, 217, 129, 126, 184,
    221, 218, 205, 137, 225, 186, 230, 238, 224, 215, 195, 169, 168, 160, 164, 139, 178, 183, 189, 209,
    144, 201, 145, 99,  163, 229, 191, 208, 213, 226, 196, 206, 239, 227, 120, 148, 231, 200, 211, 203,
    212, 90,  214, 216, 223, 192, 172, 158, 174, 165, 91,  173, 142, 176, 82,  237, 138, 246, 232, 243,
    242, 253, 236, 228, 234, 251, 147, 190, 245, 235, 249, 247, 241, 150, 250, 248, 252, 240, 207, 197,
    219, 220, 151, 187, 146, 188, 72,  74,  152, 101, 55,  185, 181, 179, 73,  39,  118, 222, 31,  210,
    98,  194, 57,  45,  141, 25,  22,  17,  92,  32,  16,  8,   77,  20,  1,   13,  61,  18,  2,   6,
    87,  14,  3,   12,  59,  11,  7,   0,   69,  21,  28,  10,  43,  5,   4,   19,  83,  24,  9,   15,
    76,  23,  117, 48,  105, 67,  100, 62,  93,  40,  97,  94,  175, 135, 109, 153, 123, 89,  131, 159,
    103, 96,  54,  36,  177, 27,  41,  33,  127, 63,  108, 53,  34,  35,  42,  38,  102, 51,  49,  95,
    30,  26,  66,  112, 119, 60,  86,  37,  68,  70,  78,  88,  198, 156, 71,  140, 106, 84,  80,  107,
    121, 56,  85,  81,  79,  58,  130, 113, 143, 110, 125, 132, 124, 134, 149, 233,
};

uint8_t mem_byte_rarity(uint8_t byte) { return byte_rank[byte]; }

MEM_SETUP void mem_pair_choose(const uint8_t *pat, size_t pat_len, struct mem_pair *pair) {
  /* The rarest byte, then the rarest other position, preferring a byte value
   * different from the first: two distinct values reject far more. */
  size_t i1 = 0;
  for (size_t i = 1; i < pat_len; i++)
    if (byte_rank[pat[i]] < byte_rank[pat[i1]]) i1 = i;
  size_t i2 = i1;
  for (size_t i = 0; i < pat_len; i++) {
    if (i == i1) continue;
    if (i2 == i1) {
      i2 = i;
      continue;
    }
    const int same_i = pat[i] == pat[i1], same_i2 = pat[i2] == pat[i1];
    if (same_i != same_i2 ? !same_i : byte_rank[pat[i]] < byte_rank[pat[i2]]) i2 = i;
  }
  pair->i1 = i1, pair->i2 = i2, pair->b1 = pat[i1], pair->b2 = pat[i2];
}

MEM_SETUP void mem_step_masks(size_t step, mem_v128 deny[MEM_STEP_MASKS]) {
  /* Lane j of `lanes` is allowed (0) when j % step == 0, and lane k of phase
   * r must be allowed when (r + k) % step == 0: that is lanes[r + k], so every
   * mask is a 16-byte window of one 32-byte row, with no division per lane
   * (those cost a microsecond per call at step 16, a twentieth of a 64 KiB
   * search in cache). */
  uint8_t lanes[32];
  for (size_t j = 0, k = 0; j < sizeof lanes; j++, k = k + 1 == step ? 0 : k + 1) lanes[j] = k ? 0xFF : 0;
  for (size_t r = 0; r < step && r < MEM_STEP_MASKS; r++) deny[r] = vec_load(lanes + r);
}

/* Byte k of the pattern in the direction of the search. */
static inline uint8_t tw_at(const struct mem_twoway *tw, size_t k) {
  return tw->pat[tw->reverse ? tw->pat_len - 1 - k : k];
}

/*
 * Start of the maximal suffix of the pattern under the byte order (or the
 * opposite order when `invert`), and that suffix's period in *period: the
 * linear scan of Crochemore and Perrin, comparing the current candidate
 * suffix (at ms) with the one being extended (at j).
 */
MEM_SETUP static size_t max_suffix(const struct mem_twoway *tw, int invert, size_t *period) {
  const size_t m = tw->pat_len;
  size_t ms = 0, j = 1, k = 0, p = 1; /* candidate start, challenger start, offset, period */
  while (j + k < m) {
    const uint8_t a = tw_at(tw, j + k), b = tw_at(tw, ms + k);
    if (a == b) {
      if (++k == p) j += p, k = 0; /* one more full period of the candidate */
    } else if ((a < b) != invert) {
      j += k + 1, k = 0, p = j - ms; /* the challenger loses: the period grows */
    } else {
      ms = j, j = ms + 1, k = 0, p = 1; /* the challenger wins: it becomes the candidate */
    }
  }
  *period = p;
  return ms;
}

MEM_SETUP void mem_twoway_prepare(struct mem_twoway *tw, const uint8_t *pat, size_t pat_len, int reverse) {
  tw->pat = pat, tw->pat_len = pat_len, tw->reverse = reverse;
  /* The critical position is the later of the two maximal suffixes. */
  size_t p1, p2;
  const size_t s1 = max_suffix(tw, 0, &p1), s2 = max_suffix(tw, 1, &p2);
  const size_t ell = s1 > s2 ? s1 : s2, period = s1 > s2 ? p1 : p2;
  tw->ell = ell;
  /* Periodic when the left part also repeats with that period. */
  int periodic = ell + period <= pat_len;
  for (size_t k = 0; periodic && k < ell; k++) periodic = tw_at(tw, k) == tw_at(tw, k + period);
  tw->periodic = periodic;
  /* Otherwise no two matches are closer than max(ell, m - ell) + 1. */
  tw->period = periodic ? period : (ell > pat_len - ell ? ell : pat_len - ell) + 1;
}

/*
 * Search-order offset of the first mismatch in the pattern's search-order
 * bytes [from, m) at the candidate starting at `cand`, or m when they all
 * match. The bytes are compared with the SIMD diff kernels, in memory order.
 */
static size_t right_mismatch(const struct mem_twoway *tw, const uint8_t *cand, size_t from) {
  const size_t m = tw->pat_len, n = m - from;
  if (!tw->reverse) {
    const size_t d = mem_diff(tw->pat + from, n, cand + from, n);
    return d == MEM_NPOS ? m : from + d;
  }
  /* Search-order bytes [from, m) are pat[0 .. m - from), walked downwards. */
  const size_t d = mem_rdiff(tw->pat, n, cand, n);
  return d == MEM_NPOS ? m : m - 1 - d;
}

/* 1 when search-order pattern bytes [from, to) all match at the candidate. */
static int left_matches(const struct mem_twoway *tw, const uint8_t *cand, size_t from, size_t to) {
  if (from >= to) return 1; /* the memory already covers the left part */
  const size_t n = to - from;
  if (!tw->reverse) return vec_equal(tw->pat + from, cand + from, n);
  const size_t off = tw->pat_len - to;
  return vec_equal(tw->pat + off, cand + off, n);
}

/*
 * The first position p in [from, to] (forward) or the last in [to, from]
 * (backward) where hay[p + o1] == b1 and hay[p + o2] == b2, 16 positions
 * per step; MEM_NPOS when none. Two-Way uses it to skip the runs of
 * positions whose right part would fail on its first two bytes, which it
 * would otherwise step through one or two at a time.
 */
static size_t skip_forward(const uint8_t *hay, size_t from, size_t to, size_t o1, uint8_t c1, size_t o2,
                           uint8_t c2) {
  const mem_v128 v1 = vec_splat(c1), v2 = vec_splat(c2);
  size_t p = from;
  for (; to - p >= 15 && p <= to; p += 16) {
    const unsigned mask =
        vec_mask(vec_and(vec_eq(vec_load(hay + p + o1), v1), vec_eq(vec_load(hay + p + o2), v2)));
    if (mask) return p + mask_low(mask);
  }
  for (; p <= to; p++)
    if (hay[p + o1] == c1 && hay[p + o2] == c2) return p;
  return MEM_NPOS;
}

static size_t skip_backward(const uint8_t *hay, size_t from, size_t to, size_t o1, uint8_t c1, size_t o2,
                            uint8_t c2) {
  const mem_v128 v1 = vec_splat(c1), v2 = vec_splat(c2);
  size_t p = from; /* positions to..p are unchecked */
  for (; p - to >= 15; p -= 16) {
    const unsigned mask =
        vec_mask(vec_and(vec_eq(vec_load(hay + p - 15 + o1), v1), vec_eq(vec_load(hay + p - 15 + o2), v2)));
    if (mask) return p - 15 + mask_high(mask);
    if (p - to == 15) return MEM_NPOS;
  }
  for (;; p--) {
    if (hay[p + o1] == c1 && hay[p + o2] == c2) return p;
    if (p == to) return MEM_NPOS;
  }
}

/* The first j' >= j whose search-order pattern bytes ell and ell + 1 match, or last_j + 1. */
static size_t skip(const struct mem_twoway *tw, const uint8_t *hay, size_t lo, size_t hi, size_t j,
                   size_t last_j) {
  const size_t m = tw->pat_len, k1 = tw->ell, k2 = tw->ell + 1 < m ? tw->ell + 1 : tw->ell;
  if (!tw->reverse) {
    const size_t p = skip_forward(hay, lo + j, lo + last_j, k1, tw->pat[k1], k2, tw->pat[k2]);
    return p == MEM_NPOS ? last_j + 1 : p - lo;
  }
  const size_t o1 = m - 1 - k1, o2 = m - 1 - k2;
  const size_t p = skip_backward(hay, hi - m - j, hi - m - last_j, o1, tw->pat[o1], o2, tw->pat[o2]);
  return p == MEM_NPOS ? last_j + 1 : hi - m - p;
}

size_t mem_twoway_next(const struct mem_twoway *tw, const uint8_t *hay, size_t lo, size_t hi,
                       size_t align_from, size_t step, struct mem_twoway_scan *scan) {
  const size_t m = tw->pat_len, ell = tw->ell;
  if (hi - lo < m) return MEM_NPOS;
  const size_t last_j = hi - lo - m;
  size_t j = scan->j, memory = scan->memory;
  while (j <= last_j) {
    const size_t pos = tw->reverse ? hi - m - j : lo + j;
    const uint8_t *cand = hay + pos;
    const size_t i = right_mismatch(tw, cand, ell > memory ? ell : memory);
    if (i < m) {
      j += i - ell + 1; /* no match starts before the mismatched byte lines up */
      memory = 0;
      if (i <= ell + 1 && j <= last_j) j = skip(tw, hay, lo, hi, j, last_j);
      continue;
    }
    const int found = left_matches(tw, cand, tw->periodic ? memory : 0, ell);
    j += tw->period;
    memory = tw->periodic ? m - tw->period : 0;
    if (found && (pos - align_from) % step == 0) {
      scan->j = j, scan->memory = memory;
      return pos;
    }
  }
  scan->j = j, scan->memory = 0;
  return MEM_NPOS;
}
