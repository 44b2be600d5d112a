/*
 * First and last equal byte over the overlap of two buffers (the complement
 * of mem_diff): the same SIMD scan looking for equal lanes instead of
 * unequal ones. Backward, the buffers are aligned on their last bytes and
 * the result is an index into a. Both O(min(a_len, b_len)).
 */
#include "mem.h"
#include "mem_vec.h"

size_t mem_match(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len) {
  const size_t n = a_len < b_len ? a_len : b_len;
  const size_t i = vec_scan_first(a, b, n, 1);
  return i == n ? MEM_NPOS : i;
}

size_t mem_rmatch(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len) {
  const size_t n = a_len < b_len ? a_len : b_len;
  const size_t i = vec_scan_last(a + (a_len - n), b + (b_len - n), n, 1);
  return i == n ? MEM_NPOS : a_len - n + i;
}
