/*
 * mem_find_masked, mem_rfind_masked, mem_find_masked_many and the
 * multi-pattern search (mem_multi_*) against the reference loops, with
 * random start, end, cand_end (past the length and near SIZE_MAX too), step,
 * masks and pattern sets.
 *
 * Input: [flags][step][start:2][end:2][cand_end:2][count][batch]
 * [count x (length, mask kind)][haystack...]. Patterns are pieces of the
 * haystack (so they match) or folded bytes; flags fold the haystack to a
 * small alphabet so matches are common.
 */
#include "fuzz_input.h"
#include "fuzz_multi_check.h"
#include "mem.h"
#include "mem_ref.h"

static uint8_t mask_of(unsigned kind, unsigned k) { return fuzz_mask_byte(kind, k); }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_input in = {data, size};
  const unsigned flags = (unsigned)take_uint(&in, 1);
  const size_t step = pick_step((uint8_t)take_uint(&in, 1));
  const uint16_t start_raw = (uint16_t)take_uint(&in, 2), end_raw = (uint16_t)take_uint(&in, 2);
  const uint16_t cand_raw = (uint16_t)take_uint(&in, 2);
  const size_t count = 1 + (size_t)take_uint(&in, 1) % 40;
  const size_t batch = 1 + (size_t)take_uint(&in, 1) % 8;
  uint8_t spec[80];
  for (size_t k = 0; k < 2 * count; k++) spec[k] = (uint8_t)take_uint(&in, 1);

  size_t hay_len;
  uint8_t *hay = take_bytes(&in, in.size, &hay_len);
  if (flags & 1)
    for (size_t i = 0; i < hay_len; i++) hay[i] = (uint8_t)('a' + (hay[i] & (flags & 2 ? 3 : 1)));

  size_t lens[40], total = 0;
  uint8_t *pats = malloc(count * 17), *masks = malloc(count * 17);
  if (!pats || !masks) abort();
  for (size_t p = 0; p < count; p++) {
    size_t len = 1 + spec[2 * p] % 16;
    const size_t at = hay_len ? (size_t)(spec[2 * p] * 31 + p) % hay_len : 0;
    for (size_t k = 0; k < len; k++) {
      pats[total + k] = hay_len && at + k < hay_len ? hay[at + k] : (uint8_t)('a' + k % 2);
      masks[total + k] = mask_of(spec[2 * p + 1], (unsigned)k);
    }
    lens[p] = len, total += len;
  }
  const size_t start = pick_position(start_raw, hay_len), end = pick_position(end_raw, hay_len);
  const size_t cand_end = pick_position(cand_raw, hay_len);

  /* The first pattern alone, masked. */
  const uint8_t *pat = pats, *mask = masks;
  const size_t pat_len = (flags & 4) ? 0 : lens[0];
  uint8_t *p0 = dup_bytes(pat, pat_len), *m0 = dup_bytes(mask, pat_len);
  const size_t want = mem_ref_find_masked(hay, hay_len, p0, m0, pat_len, start, end, step);
  const size_t got = mem_find_masked(hay, hay_len, p0, m0, pat_len, start, end, step);
  FUZZ_CHECK(got == want, "mem_find_masked start=%zu end=%zu step=%zu len=%zu: got %zu want %zu", start, end,
             step, pat_len, got, want);
  const size_t rwant = mem_ref_rfind_masked(hay, hay_len, p0, m0, pat_len, start, end, step);
  const size_t rgot = mem_rfind_masked(hay, hay_len, p0, m0, pat_len, start, end, step);
  FUZZ_CHECK(rgot == rwant, "mem_rfind_masked start=%zu end=%zu step=%zu len=%zu: got %zu want %zu", start,
             end, step, pat_len, rgot, rwant);
  size_t out[16], from = start, n, ref_from = start;
  do {
    n = mem_find_masked_many(hay, hay_len, p0, m0, pat_len, from, end, step, out, batch);
    for (size_t k = 0; k < n; k++) {
      const size_t r = mem_ref_find_masked(hay, hay_len, p0, m0, pat_len, ref_from, end, step);
      FUZZ_CHECK(out[k] == r, "mem_find_masked_many: got %zu want %zu", out[k], r);
      ref_from = r + step;
    }
    if (n == batch) {
      if (out[n - 1] + step < out[n - 1]) break;
      from = out[n - 1] + step;
    }
  } while (n == batch);
  if (n < batch && ref_from >= start)
    FUZZ_CHECK(mem_ref_find_masked(hay, hay_len, p0, m0, pat_len, ref_from, end, step) == MEM_NPOS,
               "mem_find_masked_many stopped early");
  free(p0), free(m0);

  /* The whole set: every pair, in batches with resumes, against the reference. */
  const size_t blob_size = mem_multi_size(masks, lens, count);
  void *blob = malloc(blob_size);
  if (!blob) abort();
  FUZZ_CHECK(mem_multi_prepare(blob, pats, masks, lens, count) == 0, "mem_multi_prepare failed");
  fuzz_check_multi(blob, pats, masks, lens, count, hay, hay_len, start, end, cand_end, step, batch, 1 << 14);
  free(blob), free(pats), free(masks), free(hay);
  return 0;
}
