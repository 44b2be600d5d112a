/*
 * First and last differing byte over the overlap of two buffers.
 *
 * Forward: memcmp on blocks finds the first block that differs (memcmp is the
 * fastest portable equality test), then a byte scan inside that block pins
 * the position. Backward: the buffers are aligned on their last bytes, so
 * b's tail is compared with a's tail and the result is an index into a.
 * Both O(min(a_len, b_len)).
 */
#include "mem.h"

#include <string.h>

enum { DIFF_BLOCK = 64 };

size_t mem_diff(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len) {
  const size_t n = a_len < b_len ? a_len : b_len;
  size_t i = 0;
  while (n - i >= DIFF_BLOCK && memcmp(a + i, b + i, DIFF_BLOCK) == 0) i += DIFF_BLOCK;
  for (; i < n; i++)
    if (a[i] != b[i]) return i;
  return MEM_NPOS;
}

size_t mem_rdiff(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len) {
  const size_t n = a_len < b_len ? a_len : b_len;
  const uint8_t *ta = a + (a_len - n), *tb = b + (b_len - n); /* the aligned tails */
  size_t i = n;
  while (i >= DIFF_BLOCK && memcmp(ta + i - DIFF_BLOCK, tb + i - DIFF_BLOCK, DIFF_BLOCK) == 0)
    i -= DIFF_BLOCK;
  while (i > 0) {
    i--;
    if (ta[i] != tb[i]) return a_len - n + i;
  }
  return MEM_NPOS;
}
