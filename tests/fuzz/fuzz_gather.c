/*
 * mem_gather against the reference loop: item size, count, both strides and
 * the byte order from the input, the source and destination each in an
 * exact-size block (the bytes the items span, no more) so ASan sees any byte
 * read or written outside them; the destination starts with the same bytes
 * on both sides, so bytes between items must be left alone too. A third of
 * the inputs swap in place (dst == src, equal strides).
 *
 * Input: [size:1][n:1][dst stride:1][src stride:1][flags:1][source bytes ...].
 */
#include "fuzz_input.h"
#include "mem.h"
#include "mem_ref.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_input in = {data, size};
  const size_t item = 1 + (size_t)take_uint(&in, 1) % 24;
  size_t n = (size_t)take_uint(&in, 1);
  size_t ds = (size_t)take_uint(&in, 1) % 40, ss = (size_t)take_uint(&in, 1) % 40;
  const unsigned flags = (unsigned)take_uint(&in, 1);
  const int swap = (int)(flags & 1), in_place = (flags >> 1) % 3 == 0;
  if (in_place) ds = ss = ss < item ? item : ss;
  size_t len;
  uint8_t *raw = take_bytes(&in, in.size, &len);
  /* As many items as the source bytes span (at least one when there are `item` bytes). */
  if (ss == 0)
    n = len >= item ? n : 0;
  else if (len < item)
    n = 0;
  else if (n > (len - item) / ss + 1)
    n = (len - item) / ss + 1;
  const size_t src_len = n ? (n - 1) * ss + item : 0, dst_len = n ? (n - 1) * ds + item : 0;
  uint8_t *src = dup_bytes(raw, src_len);
  uint8_t *got = in_place ? src : malloc(dst_len ? dst_len : 1);
  uint8_t *want = malloc(dst_len ? dst_len : 1);
  if (!got || !want) abort();
  if (in_place)
    memcpy(want, src, dst_len);
  else
    for (size_t i = 0; i < dst_len; i++) got[i] = want[i] = (uint8_t)(i * 31 + 7);
  const uint8_t *ref_src = in_place ? want : src;
  uint8_t *ref_copy = in_place ? NULL : dup_bytes(src, src_len);
  const int r = mem_gather(got, ds, src, ss, n, item, swap);
  const int w = mem_ref_gather(want, ds, in_place ? ref_src : ref_copy, ss, n, item, swap);
  FUZZ_CHECK(r == w, "returned %d, reference %d", r, w);
  FUZZ_CHECK(dst_len == 0 || memcmp(got, want, dst_len) == 0,
             "items differ: size=%zu n=%zu dst_stride=%zu src_stride=%zu swap=%d in_place=%d", item, n, ds,
             ss, swap, in_place);
  FUZZ_CHECK(in_place || src_len == 0 || memcmp(src, ref_copy, src_len) == 0, "the source was written");
  if (!in_place) free(got), free(ref_copy);
  free(src);
  free(want);
  free(raw);
  return 0;
}
