/*
 * fuzz_multi_check.h - the one oracle of the pattern-set fuzzers
 * (fuzz_patterns, fuzz_multi): every pair mem_multi_find lists, read in
 * batches of `batch` pairs (at most 8) with resumes, equals the reference's
 * list, up to `cap` pairs.
 */
#ifndef MEM_FUZZ_MULTI_CHECK_H
#define MEM_FUZZ_MULTI_CHECK_H

#include "fuzz_input.h"
#include "mem.h"
#include "mem_ref.h"

static inline void fuzz_check_multi(const void *blob, const uint8_t *pats, const uint8_t *masks,
                                    const size_t *lens, size_t count, const uint8_t *hay, size_t hay_len,
                                    size_t start, size_t end, size_t cand_end, size_t step, size_t batch,
                                    size_t cap) {
  size_t *ref = malloc(2 * cap * sizeof *ref), out[16];
  if (!ref) abort();
  const size_t nref =
      mem_ref_multi_find(pats, masks, lens, count, hay, hay_len, start, end, cand_end, step, 0, ref, cap);
  size_t seen = 0, min_pat = 0, from = start, n;
  do {
    n = mem_multi_find(blob, hay, hay_len, from, end, cand_end, step, min_pat, out, batch);
    FUZZ_CHECK(n <= batch, "mem_multi_find wrote %zu > %zu pairs", n, batch);
    for (size_t k = 0; k < n && seen < nref; k++, seen++)
      FUZZ_CHECK(out[2 * k] == ref[2 * seen] && out[2 * k + 1] == ref[2 * seen + 1],
                 "mem_multi_find pair %zu: got (%zu, %zu) want (%zu, %zu)", seen, out[2 * k], out[2 * k + 1],
                 ref[2 * seen], ref[2 * seen + 1]);
    if (n) from = out[2 * n - 2], min_pat = out[2 * n - 1] + 1;
  } while (n == batch && seen < nref);
  FUZZ_CHECK(seen == nref, "mem_multi_find listed %zu pairs, the reference %zu", seen, nref);
  free(ref);
}

#endif /* MEM_FUZZ_MULTI_CHECK_H */
