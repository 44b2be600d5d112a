/*
 * mem_copy against the reference copy, inside one buffer so that source and
 * destination overlap in every way (forward, backward, equal, adjacent,
 * disjoint), with the buffer in an exact-size block so ASan sees any byte
 * written or read outside it.
 *
 * Input: [n:2][dst:2][src:2][buffer ...].
 */
#include "fuzz_input.h"
#include "mem.h"
#include "mem_ref.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_input in = {data, size};
  const size_t n_raw = (size_t)take_uint(&in, 2), dst_raw = (size_t)take_uint(&in, 2),
               src_raw = (size_t)take_uint(&in, 2);
  size_t len;
  uint8_t *got = take_bytes(&in, in.size, &len);
  uint8_t *want = dup_bytes(got, len);
  const size_t n = n_raw % (len + 1);
  const size_t dst = dst_raw % (len - n + 1), src = src_raw % (len - n + 1);

  const size_t r = mem_copy(got + dst, got + src, n);
  mem_ref_copy(want + dst, want + src, n);
  FUZZ_CHECK(r == n, "mem_copy returned %zu for n=%zu", r, n);
  FUZZ_CHECK(len == 0 || memcmp(got, want, len) == 0, "mem_copy dst=%zu src=%zu n=%zu len=%zu", dst, src, n,
             len);
  free(got);
  free(want);
  return 0;
}
