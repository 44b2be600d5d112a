/*
 * mem_mask.h - the masked compare shared by the masked and multi-pattern
 * kernels. Internal to src/.
 */
#ifndef MEM_MASK_H
#define MEM_MASK_H

#include "mem_vec.h"

/*
 * 1 when (h[k] & m[k]) == (p[k] & m[k]) for every k < n. 16-byte blocks
 * (the tail as one block overlapping bytes already compared), 8-byte words
 * below 16, so no byte past n is read.
 */
static inline int mem_masked_equal(const uint8_t *h, const uint8_t *p, const uint8_t *m, size_t n) {
  size_t k = 0;
  for (; n - k >= 16; k += 16) {
    const mem_v128 mk = vec_load(m + k);
    if (vec_mask(vec_eq(vec_and(vec_load(h + k), mk), vec_and(vec_load(p + k), mk))) != 0xFFFFu) return 0;
  }
  if (k == n) return 1;
  if (n >= 16) {
    const mem_v128 mk = vec_load(m + n - 16);
    return vec_mask(vec_eq(vec_and(vec_load(h + n - 16), mk), vec_and(vec_load(p + n - 16), mk))) == 0xFFFFu;
  }
  for (; n - k >= 8; k += 8)
    if ((load64(h + k) ^ load64(p + k)) & load64(m + k)) return 0;
  for (; k < n; k++)
    if ((h[k] ^ p[k]) & m[k]) return 0;
  return 1;
}

#endif /* MEM_MASK_H */
