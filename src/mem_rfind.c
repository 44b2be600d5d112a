/*
 * Backward search with an alignment step: the argument rules of mem.h, then
 * the search engine of mem_engine.c from the highest aligned candidate down
 * (alignment is still measured from start). Cost as mem_find.
 */
#include "mem_search.h"

size_t mem_rfind(const uint8_t *hay, size_t hay_len, const uint8_t *pat, size_t pat_len, size_t start,
                 size_t end, size_t step) {
  if (end > hay_len) end = hay_len;
  if (step == 0 || start > end || pat_len > end - start) return MEM_NPOS;
  if (pat_len == 0) return start + (end - start) / step * step; /* the highest aligned position */
  struct mem_finder f;
  mem_finder_init(&f, hay, pat, pat_len, start, end, step, 1);
  return mem_finder_next(&f, f.origin);
}
