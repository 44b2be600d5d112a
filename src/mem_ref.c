/*
 * Reference implementations: every candidate position is tested in full, one
 * byte at a time, exactly as the contract in mem.h is worded. Quadratic and
 * slow on purpose; clarity is the point.
 */
#include "mem_ref.h"

#include <stdlib.h>

static int matches_at(const uint8_t *hay, const uint8_t *pat, size_t pat_len, size_t i) {
  for (size_t k = 0; k < pat_len; k++)
    if (hay[i + k] != pat[k]) return 0;
  return 1;
}

size_t mem_ref_find(const uint8_t *hay, size_t hay_len, const uint8_t *pat, size_t pat_len, size_t start,
                    size_t end, size_t step) {
  if (end > hay_len) end = hay_len;
  if (step == 0) return MEM_NPOS;
  /* The step test before i += step keeps a huge step from wrapping i around. */
  for (size_t i = start; i <= end && end - i >= pat_len; i += step) {
    if (matches_at(hay, pat, pat_len, i)) return i;
    if (end - i < step) break;
  }
  return MEM_NPOS;
}

size_t mem_ref_rfind(const uint8_t *hay, size_t hay_len, const uint8_t *pat, size_t pat_len, size_t start,
                     size_t end, size_t step) {
  if (end > hay_len) end = hay_len;
  if (step == 0) return MEM_NPOS;
  size_t found = MEM_NPOS;
  for (size_t i = start; i <= end && end - i >= pat_len; i += step) {
    if (matches_at(hay, pat, pat_len, i)) found = i;
    if (end - i < step) break;
  }
  return found;
}

int mem_ref_cmp(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len) {
  for (size_t i = 0; i < a_len && i < b_len; i++)
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  return a_len < b_len ? -1 : a_len > b_len ? 1 : 0;
}

void mem_ref_copy(uint8_t *dst, const uint8_t *src, size_t n) {
  if (dst < src)
    for (size_t i = 0; i < n; i++) dst[i] = src[i];
  else
    for (size_t i = n; i > 0; i--) dst[i - 1] = src[i - 1];
}

static size_t common(size_t a_len, size_t b_len) { return a_len < b_len ? a_len : b_len; }

size_t mem_ref_diff(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len) {
  for (size_t i = 0; i < common(a_len, b_len); i++)
    if (a[i] != b[i]) return i;
  return MEM_NPOS;
}

size_t mem_ref_match(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len) {
  for (size_t i = 0; i < common(a_len, b_len); i++)
    if (a[i] == b[i]) return i;
  return MEM_NPOS;
}

size_t mem_ref_rdiff(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len) {
  size_t found = MEM_NPOS, n = common(a_len, b_len);
  for (size_t k = 0; k < n; k++)
    if (a[a_len - n + k] != b[b_len - n + k]) found = a_len - n + k;
  return found;
}

size_t mem_ref_rmatch(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len) {
  size_t found = MEM_NPOS, n = common(a_len, b_len);
  for (size_t k = 0; k < n; k++)
    if (a[a_len - n + k] == b[b_len - n + k]) found = a_len - n + k;
  return found;
}

void mem_ref_histogram(const uint8_t *bytes, size_t n, uint64_t counts[256]) {
  for (size_t i = 0; i < n; i++) counts[bytes[i]]++;
}

void mem_ref_fill_pattern(uint8_t *dst, size_t n, const uint8_t *pat, size_t pat_len) {
  if (n == 0 || pat_len == 0) return;
  /* The pattern as it was before the fill: pat may overlap dst (from before it). */
  uint8_t *copy = malloc(pat_len);
  if (!copy) abort();
  for (size_t k = 0; k < pat_len; k++) copy[k] = pat[k];
  for (size_t i = 0; i < n; i++) dst[i] = copy[i % pat_len];
  free(copy);
}

static int masked_at(const uint8_t *hay, const uint8_t *pat, const uint8_t *mask, size_t pat_len, size_t i) {
  for (size_t k = 0; k < pat_len; k++)
    if ((hay[i + k] & mask[k]) != (pat[k] & mask[k])) return 0;
  return 1;
}

size_t mem_ref_find_masked(const uint8_t *hay, size_t hay_len, const uint8_t *pat, const uint8_t *mask,
                           size_t pat_len, size_t start, size_t end, size_t step) {
  if (end > hay_len) end = hay_len;
  if (step == 0) return MEM_NPOS;
  for (size_t i = start; i <= end && end - i >= pat_len; i += step) {
    if (masked_at(hay, pat, mask, pat_len, i)) return i;
    if (end - i < step) break;
  }
  return MEM_NPOS;
}

size_t mem_ref_rfind_masked(const uint8_t *hay, size_t hay_len, const uint8_t *pat, const uint8_t *mask,
                            size_t pat_len, size_t start, size_t end, size_t step) {
  if (end > hay_len) end = hay_len;
  if (step == 0) return MEM_NPOS;
  size_t found = MEM_NPOS;
  for (size_t i = start; i <= end && end - i >= pat_len; i += step) {
    if (masked_at(hay, pat, mask, pat_len, i)) found = i;
    if (end - i < step) break;
  }
  return found;
}

size_t mem_ref_multi_find(const uint8_t *pats, const uint8_t *masks, const size_t *lens, size_t count,
                          const uint8_t *hay, size_t hay_len, size_t start, size_t end, size_t cand_end,
                          size_t step, size_t min_pat, size_t *out, size_t max) {
  if (end > hay_len) end = hay_len;
  if (cand_end > end) cand_end = end;
  size_t n = 0;
  if (step == 0) return 0;
  for (size_t i = start; i < cand_end && n < max; i += step) {
    size_t at = 0;
    for (size_t p = 0; p < count && n < max; at += lens[p], p++) {
      if (i == start && p < min_pat) continue;
      if (end - i < lens[p] || !masked_at(hay, pats + at, masks + at, lens[p], i)) continue;
      out[2 * n] = i, out[2 * n + 1] = p, n++;
    }
    if (cand_end - i <= step) break;
  }
  return n;
}

int mem_ref_gather(uint8_t *dst, size_t dst_stride, const uint8_t *src, size_t src_stride, size_t n,
                   size_t size, int swap) {
  if (n == 0 || size == 0) return 0;
  /* The end of the last item on each side, checked with a division. */
  if ((dst_stride && n - 1 > (SIZE_MAX - size) / dst_stride) ||
      (src_stride && n - 1 > (SIZE_MAX - size) / src_stride))
    return -1;
  for (size_t k = 0; k < n; k++) {
    const uint8_t *s = src + k * src_stride;
    uint8_t *d = dst + k * dst_stride;
    /* Bytes b and size - 1 - b read before either is written: an in-place swap is right too. */
    for (size_t b = 0; b < size; b++) {
      const size_t from = swap ? size - 1 - b : b;
      if (from < b) continue;
      const uint8_t x = s[b], y = s[from];
      d[b] = y;
      d[from] = x;
    }
  }
  return 0;
}
