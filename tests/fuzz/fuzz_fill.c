/*
 * mem_fill_pattern (Chunk.alloc, fill and resize) against the reference
 * fill: the pattern either in a block of its own or inside the destination's
 * buffer before dst — the chunk's own earlier bytes, as in
 * chunk.resize(n, chunk.subarray(...)) — overlapping dst or not.
 *
 * Input: [mode][n:2][pattern length:2][pattern offset:2][buffer ...].
 */
#include "fuzz_input.h"
#include "mem.h"
#include "mem_ref.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_input in = {data, size};
  const unsigned mode = (unsigned)take_uint(&in, 1);
  const size_t n_raw = (size_t)take_uint(&in, 2), pat_raw = (size_t)take_uint(&in, 2),
               off_raw = (size_t)take_uint(&in, 2);
  size_t len;
  uint8_t *bytes = take_bytes(&in, in.size, &len);

  if (mode & 1) {
    /* The pattern is bytes[p .. p + pat_len) and dst starts after p. */
    if (len < 2) goto done;
    const size_t p = off_raw % (len - 1);
    const size_t dst = p + 1 + pat_raw % (len - p - 1); /* p < dst < len */
    const size_t pat_len = 1 + n_raw % (len - p);       /* may run into dst and past it */
    const size_t n = (size_t)(mode >> 1) % (len - dst + 1);
    uint8_t *got = dup_bytes(bytes, len), *want = dup_bytes(bytes, len);
    mem_fill_pattern(got + dst, n, got + p, pat_len);
    mem_ref_fill_pattern(want + dst, n, want + p, pat_len);
    FUZZ_CHECK(memcmp(got, want, len) == 0, "overlapping fill p=%zu pat_len=%zu dst=%zu n=%zu", p, pat_len,
               dst, n);
    free(got);
    free(want);
  } else {
    /* A separate pattern block; n up to 4 KiB: the doubling copies run up to 12
     * rounds, and the byte-at-a-time reference stays fast enough for 10^7 runs. */
    const size_t pat_len = len ? pat_raw % (len + 1) : 0;
    uint8_t *pat = dup_bytes(bytes, pat_len);
    const size_t n = n_raw % 4097;
    uint8_t *got = malloc(n ? n : 1), *want = malloc(n ? n : 1);
    if (!got || !want) abort();
    memset(got, 0xa5, n), memset(want, 0xa5, n);
    mem_fill_pattern(got, n, pat, pat_len);
    mem_ref_fill_pattern(want, n, pat, pat_len);
    FUZZ_CHECK(n == 0 || memcmp(got, want, n) == 0, "fill pat_len=%zu n=%zu", pat_len, n);
    free(pat);
    free(got);
    free(want);
  }
done:
  free(bytes);
  return 0;
}
