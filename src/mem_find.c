/*
 * Forward search with an alignment step, and its batched form: the
 * argument rules of mem.h, then the search engine of mem_engine.c from
 * `start` upwards. O(n + m) in the worst case whatever the step; on typical
 * data the speed of reading the haystack once or twice (see mem_engine.c).
 */
#include "mem_search.h"

size_t mem_find(const uint8_t *hay, size_t hay_len, const uint8_t *pat, size_t pat_len, size_t start,
                size_t end, size_t step) {
  if (end > hay_len) end = hay_len;
  if (step == 0 || start > end || pat_len > end - start) return MEM_NPOS;
  if (pat_len == 0) return start;
  struct mem_finder f;
  mem_finder_init(&f, hay, pat, pat_len, start, end, step, 0);
  return mem_finder_next(&f, start);
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
  if (pat_len) mem_finder_init(&f, hay, pat, pat_len, start, end, step, 0);
  size_t n = 0;
  for (size_t from = start;;) {
    const size_t i = pat_len ? mem_finder_next(&f, from) : from;
    if (i == MEM_NPOS) break;
    out[n++] = i;
    /* Stop when full, or when the next aligned position is past the last
     * candidate or not representable. */
    if (n == max || end - pat_len - i < step) break;
    from = i + step; /* stays aligned: i - start is a multiple of step */
  }
  return n;
}
