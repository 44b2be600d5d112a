/*
 * First and last equal byte over the overlap of two buffers (the complement
 * of mem_diff). Backward, the buffers are aligned on their last bytes and the
 * result is an index into a. Both O(min(a_len, b_len)).
 */
#include "mem.h"

size_t mem_match(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len) {
  const size_t n = a_len < b_len ? a_len : b_len;
  for (size_t i = 0; i < n; i++)
    if (a[i] == b[i]) return i;
  return MEM_NPOS;
}

size_t mem_rmatch(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len) {
  const size_t n = a_len < b_len ? a_len : b_len;
  const uint8_t *ta = a + (a_len - n), *tb = b + (b_len - n);
  for (size_t i = n; i > 0; i--)
    if (ta[i - 1] == tb[i - 1]) return a_len - n + i - 1;
  return MEM_NPOS;
}
