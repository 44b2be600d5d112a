/*
 * mem_find, mem_rfind and mem_find_many against the reference loops, with
 * random start, end (past the length and near SIZE_MAX too) and step.
 *
 * Input: [flags][step][start:2][end:2][pattern length][batch][haystack...].
 * Matches are rare in random bytes, so the flags can fold the haystack to a
 * 2- or 4-letter alphabet and take the pattern from the haystack itself
 * (optionally with its last byte changed: a near miss).
 */
#include "fuzz_input.h"
#include "mem.h"
#include "mem_ref.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_input in = {data, size};
  const unsigned flags = (unsigned)take_uint(&in, 1);
  const size_t step = pick_step((uint8_t)take_uint(&in, 1));
  const uint16_t start_raw = (uint16_t)take_uint(&in, 2), end_raw = (uint16_t)take_uint(&in, 2);
  const size_t pat_raw = (size_t)take_uint(&in, 1);
  const size_t batch = 1 + (size_t)take_uint(&in, 1) % 8;

  size_t hay_len;
  uint8_t *hay = take_bytes(&in, in.size, &hay_len);
  const unsigned fold = flags & 3; /* 0: raw bytes, 1: 'a'/'b', 2: 'a'..'d', 3: zeros and one */
  for (size_t i = 0; i < hay_len; i++)
    hay[i] = fold == 1   ? (uint8_t)('a' + (hay[i] & 1))
             : fold == 2 ? (uint8_t)('a' + (hay[i] & 3))
             : fold == 3 ? (uint8_t)(hay[i] == 0xff)
                         : hay[i];

  /* The pattern: a piece of the haystack (flag 4), else a prefix of the folded alphabet's bytes. */
  size_t pat_len = pat_raw % 17;
  uint8_t *pat;
  if ((flags & 4) && hay_len) {
    const size_t at = (size_t)start_raw % hay_len;
    if (pat_len > hay_len - at) pat_len = hay_len - at;
    pat = dup_bytes(hay + at, pat_len);
    if ((flags & 8) && pat_len) pat[pat_len - 1] ^= 1; /* a near miss */
  } else {
    pat = malloc(pat_len ? pat_len : 1);
    if (!pat) abort();
    for (size_t k = 0; k < pat_len; k++) pat[k] = hay_len ? hay[(k * 7 + pat_raw) % hay_len] : 'a';
  }

  /* The contract asks end <= hay_len; past it both clamp, so those values are tested too. */
  const size_t start = pick_position(start_raw, hay_len), end = pick_position(end_raw, hay_len);

  const size_t want = mem_ref_find(hay, hay_len, pat, pat_len, start, end, step);
  const size_t got = mem_find(hay, hay_len, pat, pat_len, start, end, step);
  FUZZ_CHECK(got == want, "mem_find start=%zu end=%zu step=%zu pat_len=%zu: got %zu want %zu", start, end,
             step, pat_len, got, want);

  const size_t rwant = mem_ref_rfind(hay, hay_len, pat, pat_len, start, end, step);
  const size_t rgot = mem_rfind(hay, hay_len, pat, pat_len, start, end, step);
  FUZZ_CHECK(rgot == rwant, "mem_rfind start=%zu end=%zu step=%zu pat_len=%zu: got %zu want %zu", start, end,
             step, pat_len, rgot, rwant);

  /* Every match by the reference, then mem_find_many in batches, resumed as
   * mem.h says, must list exactly those. Matches are at most hay_len + 1. */
  size_t *want_all = malloc((hay_len + 2) * sizeof *want_all), want_n = 0;
  if (!want_all) abort();
  for (size_t from = start;;) {
    const size_t r = mem_ref_find(hay, hay_len, pat, pat_len, from, end, step);
    if (r == MEM_NPOS) break;
    want_all[want_n++] = r;
    if (r + step < r) break; /* the next aligned position is not representable */
    from = r + step;
  }
  size_t out[8], from = start, got_n = 0, n;
  do {
    n = mem_find_many(hay, hay_len, pat, pat_len, from, end, step, out, batch);
    FUZZ_CHECK(n <= batch, "mem_find_many wrote %zu > max %zu", n, batch);
    for (size_t k = 0; k < n; k++, got_n++)
      FUZZ_CHECK(got_n < want_n && out[k] == want_all[got_n],
                 "mem_find_many match %zu: got %zu, the reference has %zu of %zu (step=%zu)", got_n, out[k],
                 got_n < want_n ? want_all[got_n] : MEM_NPOS, want_n, step);
    if (n == batch) {
      if (out[n - 1] + step < out[n - 1]) break;
      from = out[n - 1] + step;
    }
  } while (n == batch);
  FUZZ_CHECK(got_n == want_n, "mem_find_many listed %zu matches, the reference %zu", got_n, want_n);
  free(want_all);

  free(hay);
  free(pat);
  return 0;
}
