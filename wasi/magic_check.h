/*
 * magic_check.h - the run-time half of the signature checks that
 * scripts/make_magic.js generates into magic_table.c from src/magic.txt:
 * how a check reads the bytes after a match (rd: the unsigned w-byte value at
 * i, little- or big-endian; a read outside p[0 .. n) sets *bad and gives 0),
 * and the range test its conditions use. Hand-written, so the generator
 * writes only the checks themselves (the JS half: search/magic-check.js).
 */
#ifndef MEM_MAGIC_CHECK_H
#define MEM_MAGIC_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

static inline int64_t rd(const uint8_t *p, size_t n, int64_t i, unsigned w, bool be, bool *bad) {
  if (i < 0 || (uint64_t)i > n || w > n - (size_t)i) {
    *bad = true;
    return 0;
  }
  uint64_t v = 0;
  for (unsigned k = 0; k < w; k++) v |= (uint64_t)p[i + k] << (8 * (be ? w - 1 - k : k));
  return (int64_t)v;
}

/* v in one of the inclusive ranges r[0..1], r[2..3], ... (count pairs). */
static inline bool within(int64_t v, const int64_t *r, size_t count) {
  for (size_t k = 0; k < count; k++)
    if (v >= r[2 * k] && v <= r[2 * k + 1]) return true;
  return false;
}

#endif /* MEM_MAGIC_CHECK_H */
