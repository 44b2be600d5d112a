/*
 * mem_cmp, mem_diff, mem_rdiff, mem_match and mem_rmatch against the
 * reference loops.
 *
 * Input: [mode][length of a:2][edits][a ...]. Independent random buffers
 * differ at byte 0 and never exercise the block loops, so b is made from a:
 * a prefix, a suffix (the r-variants align on last bytes) or an equal-length
 * copy, with a few bytes changed at fuzzer-chosen places, or a's bytes
 * complemented (so match/rmatch have to scan far).
 */
#include "fuzz_input.h"
#include "mem.h"
#include "mem_ref.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_input in = {data, size};
  const unsigned mode = (unsigned)take_uint(&in, 1);
  const size_t a_want = (size_t)take_uint(&in, 2);
  const size_t edits = (size_t)take_uint(&in, 1) % 4;
  uint16_t edit_at[4];
  for (size_t k = 0; k < 4; k++) edit_at[k] = (uint16_t)take_uint(&in, 2);

  size_t a_len;
  uint8_t *a = take_bytes(&in, a_want % (in.size + 1), &a_len);
  /* The rest of the input, when any, is b's own bytes (mode 3). */
  size_t rest_len;
  uint8_t *rest = take_bytes(&in, in.size, &rest_len);

  size_t b_len = a_len, b_from = 0;
  const size_t cut = a_len ? (size_t)edit_at[0] % (a_len + 1) : 0;
  switch (mode & 3) {
    case 0:
      break; /* same length */
    case 1:
      b_len = cut;
      break; /* a prefix of a */
    case 2:
      b_from = cut, b_len = a_len - cut;
      break; /* a suffix of a */
    case 3:
      break;
  }
  uint8_t *b;
  if ((mode & 3) == 3) {
    b = dup_bytes(rest, rest_len);
    b_len = rest_len;
  } else {
    b = dup_bytes(a + b_from, b_len);
    if (mode & 4)
      for (size_t i = 0; i < b_len; i++) b[i] = (uint8_t)~b[i]; /* nothing equal */
    for (size_t k = 0; k < edits && b_len; k++) b[edit_at[k] % b_len] ^= (uint8_t)(1 + (mode >> 4));
  }
  /* Swapping the operands tests both argument orders with one corpus. */
  if (mode & 8) {
    uint8_t *t = a;
    size_t tl = a_len;
    a = b, a_len = b_len, b = t, b_len = tl;
  }

  const int c = mem_cmp(a, a_len, b, b_len), cw = mem_ref_cmp(a, a_len, b, b_len);
  FUZZ_CHECK(c == cw, "mem_cmp a_len=%zu b_len=%zu: got %d want %d", a_len, b_len, c, cw);
  size_t g, w;
  g = mem_diff(a, a_len, b, b_len), w = mem_ref_diff(a, a_len, b, b_len);
  FUZZ_CHECK(g == w, "mem_diff a_len=%zu b_len=%zu: got %zu want %zu", a_len, b_len, g, w);
  g = mem_rdiff(a, a_len, b, b_len), w = mem_ref_rdiff(a, a_len, b, b_len);
  FUZZ_CHECK(g == w, "mem_rdiff a_len=%zu b_len=%zu: got %zu want %zu", a_len, b_len, g, w);
  g = mem_match(a, a_len, b, b_len), w = mem_ref_match(a, a_len, b, b_len);
  FUZZ_CHECK(g == w, "mem_match a_len=%zu b_len=%zu: got %zu want %zu", a_len, b_len, g, w);
  g = mem_rmatch(a, a_len, b, b_len), w = mem_ref_rmatch(a, a_len, b, b_len);
  FUZZ_CHECK(g == w, "mem_rmatch a_len=%zu b_len=%zu: got %zu want %zu", a_len, b_len, g, w);

  free(a);
  free(b);
  free(rest);
  return 0;
}
