/*
 * Backward search with an alignment step: the mirror of mem_find.
 *
 * Alignment is measured from start, so the scan begins at the highest
 * aligned position that leaves room for the pattern and walks down by step.
 * Each candidate is filtered on the first byte, then verified with memcmp:
 * O(n / step * m) in the worst case.
 */
#include "mem.h"

#include <string.h>

size_t mem_rfind(const uint8_t *hay, size_t hay_len, const uint8_t *pat, size_t pat_len,
                 size_t start, size_t end, size_t step) {
  if (end > hay_len) end = hay_len;
  if (step == 0 || start > end || pat_len > end - start) return MEM_NPOS;
  const size_t last = end - pat_len;
  size_t i = start + (last - start) / step * step; /* highest aligned candidate */
  if (pat_len == 0) return i;
  for (;;) {
    if (hay[i] == pat[0] && memcmp(hay + i + 1, pat + 1, pat_len - 1) == 0) return i;
    if (i - start < step) return MEM_NPOS;
    i -= step;
  }
}
