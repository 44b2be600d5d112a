/*
 * Lexicographic comparison: memcmp over the common length decides, then the
 * shorter buffer (a proper prefix) sorts first. O(min(a_len, b_len)).
 */
#include "mem.h"

#include <string.h>

int mem_cmp(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len) {
  const size_t n = a_len < b_len ? a_len : b_len;
  const int r = n ? memcmp(a, b, n) : 0;
  if (r) return r < 0 ? -1 : 1;
  return (a_len > b_len) - (a_len < b_len);
}
