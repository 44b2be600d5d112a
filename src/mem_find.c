/*
 * Forward search with an alignment step.
 *
 * Step 1 skips to candidates with memchr on the pattern's first byte and
 * verifies each with memcmp: near memchr speed on typical data, O(n * m) on
 * adversarial input (the SIMD and linear-time kernels replace this file).
 * Larger steps visit only aligned positions, so they cost O(n / step * m).
 */
#include "mem.h"

#include <string.h>

size_t mem_find(const uint8_t *hay, size_t hay_len, const uint8_t *pat, size_t pat_len,
                size_t start, size_t end, size_t step) {
  if (end > hay_len) end = hay_len;
  if (step == 0 || start > end || pat_len > end - start) return MEM_NPOS;
  if (pat_len == 0) return start;
  const size_t last = end - pat_len; /* highest position a match may start at */
  if (step == 1) {
    size_t i = start;
    while (i <= last) {
      const uint8_t *hit = memchr(hay + i, pat[0], last - i + 1);
      if (!hit) return MEM_NPOS;
      i = (size_t)(hit - hay);
      if (memcmp(hit + 1, pat + 1, pat_len - 1) == 0) return i;
      i++;
    }
    return MEM_NPOS;
  }
  for (size_t i = start;; i += step) {
    if (hay[i] == pat[0] && memcmp(hay + i + 1, pat + 1, pat_len - 1) == 0) return i;
    if (last - i < step) return MEM_NPOS; /* also keeps i + step from overflowing */
  }
}

size_t mem_find_many(const uint8_t *hay, size_t hay_len, const uint8_t *pat, size_t pat_len,
                     size_t start, size_t end, size_t step, size_t *out, size_t max) {
  size_t n = 0;
  while (n < max) {
    size_t i = mem_find(hay, hay_len, pat, pat_len, start, end, step);
    if (i == MEM_NPOS) break;
    out[n++] = i;
    if (step > MEM_NPOS - 1 - i) break; /* i + step would reach MEM_NPOS or wrap around */
    start = i + step;                   /* stays aligned: i - start0 is a multiple of step */
  }
  return n;
}
