/*
 * Lexicographic comparison: the SIMD first-difference scan of mem_diff over
 * the common length finds the deciding byte; when there is none, the shorter
 * buffer (a proper prefix) sorts first. O(min(a_len, b_len)). (In wasm,
 * libc's memcmp is a byte loop, so it is not used.)
 */
#include "mem.h"

int mem_cmp(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len) {
  const size_t n = a_len < b_len ? a_len : b_len;
  const size_t i = mem_diff(a, n, b, n);
  if (i != MEM_NPOS) return a[i] < b[i] ? -1 : 1;
  return (a_len > b_len) - (a_len < b_len);
}
