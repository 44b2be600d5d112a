/*
 * The multi-pattern layout near its limits (issue 25): sets of 1 to 65,537
 * patterns whose fingerprints (first four bytes) carry from none to all 32
 * of their bits as wildcards, so the expansion caps of src/mem_multi.c (4096
 * values per pattern, 16,384 per set, one per pattern past 16,384 patterns)
 * are reached, passed and missed by one. The blob's size is checked against
 * mem.h's bound and every (position, pattern) pair, read in small batches
 * with resumes, against the reference. fuzz_patterns covers small sets
 * with many more executions; these sets cost up to ~0.1 s each, so they
 * live in a target of their own.
 *
 * Input: [flags][step][start:2][end:2][cand_end:2][count:2][batch]
 * [up to 40 x (length, mask kind)][haystack...]. Past the 40 given pairs
 * the same pairs come again, shifted by the round. Lengths are 4..16 (the
 * fingerprint has its four bytes) unless flags & 4 (1..16). The haystack is
 * cut to 64 bytes past 100 patterns and 16 past 4096, as the reference costs
 * the count per position; flags & 1 folds it to a small alphabet.
 */
#include "fuzz_input.h"
#include "fuzz_multi_check.h"
#include "mem.h"
#include "mem_ref.h"

/* A count at or beside a limit (Teddy's 64, the set's 16,384 values as 4
 * patterns of 4096 and as 16,384 patterns of one), else up to 2000. */
static size_t pick_count(uint16_t raw) {
  static const size_t edges[] = {1,   3,    4,    5,    16,    17,    63,    64,    65,   255,
                                 256, 4095, 4096, 4097, 16383, 16384, 16385, 65536, 65537};
  return raw & 0x8000 ? edges[raw % (sizeof edges / sizeof *edges)] : 1 + (size_t)(raw % 2000);
}

/* Mask byte k of a pattern of this kind: fingerprints with 0, 8, 11, 12, 13,
 * 15 or 32 free bits, or bytes as fuzz_patterns makes them. */
static uint8_t mask_of(unsigned kind, unsigned k) {
  static const uint8_t first4[8][4] = {
      {0x00, 0xF0, 0xFF, 0xFF}, /* 12 free bits: 4096 values, the per-pattern cap */
      {0x00, 0xE0, 0xFF, 0xFF}, /* 13: one past it */
      {0x00, 0xF8, 0xFF, 0xFF}, /* 11 */
      {0xFF, 0xFF, 0x00, 0x0F}, /* 12 in the later bytes */
      {0xFF, 0x00, 0xFF, 0xFF}, /* 8 */
      {0x01, 0x80, 0xFF, 0x7F}, /* 15, scattered */
      {0x00, 0x00, 0x00, 0x00}, /* 32: nothing left to hash */
      {0xFF, 0xFF, 0xFF, 0xFF}, /* 0 */
  };
  if (kind & 0x80 && k < 4) return first4[kind & 7][k];
  return fuzz_mask_byte(kind, k);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_input in = {data, size};
  const unsigned flags = (unsigned)take_uint(&in, 1);
  const size_t step = pick_step((uint8_t)take_uint(&in, 1));
  const uint16_t start_raw = (uint16_t)take_uint(&in, 2), end_raw = (uint16_t)take_uint(&in, 2);
  const uint16_t cand_raw = (uint16_t)take_uint(&in, 2);
  const size_t count = pick_count((uint16_t)take_uint(&in, 2));
  const size_t batch = 1 + (size_t)take_uint(&in, 1) % 8;
  uint8_t spec[80];
  const size_t specs = count < 40 ? count : 40;
  for (size_t k = 0; k < 2 * specs; k++) spec[k] = (uint8_t)take_uint(&in, 1);

  const size_t cut = count > 4096 ? 16 : count > 100 ? 64 : in.size;
  size_t hay_len;
  uint8_t *hay = take_bytes(&in, cut < in.size ? cut : in.size, &hay_len);
  if (flags & 1)
    for (size_t i = 0; i < hay_len; i++) hay[i] = (uint8_t)('a' + (hay[i] & (flags & 2 ? 3 : 1)));

  size_t *lens = malloc(count * sizeof *lens), total = 0;
  uint8_t *pats = malloc(count * 16), *masks = malloc(count * 16);
  if (!lens || !pats || !masks) abort();
  const size_t min_len = flags & 4 ? 1 : 4;
  for (size_t p = 0; p < count; p++) {
    const size_t round = p / specs;
    const uint8_t len_spec = (uint8_t)(spec[2 * (p % specs)] + round * 7);
    const unsigned kind = (unsigned)(spec[2 * (p % specs) + 1] + round * 37) & 0xFF;
    const size_t len = min_len + len_spec % (17 - min_len);
    const size_t at = hay_len ? (size_t)(len_spec * 31 + p) % hay_len : 0;
    for (size_t k = 0; k < len; k++) {
      pats[total + k] = hay_len && at + k < hay_len ? hay[at + k] : (uint8_t)('a' + k % 2);
      masks[total + k] = mask_of(kind, (unsigned)k);
    }
    lens[p] = len, total += len;
  }
  const size_t start = pick_position(start_raw, hay_len), end = pick_position(end_raw, hay_len);
  const size_t cand_end = pick_position(cand_raw, hay_len);

  const size_t blob_size = mem_multi_size(masks, lens, count);
  const size_t bound = 25 * 1024 + 4 * (count > 16384 ? count : 16384) + 16 * count + 2 * total;
  FUZZ_CHECK(blob_size > 0 && blob_size <= bound,
             "mem_multi_size %zu for %zu patterns of %zu bytes (bound %zu)", blob_size, count, total, bound);
  void *blob = malloc(blob_size); /* exactly: ASan sees a write past it */
  if (!blob) abort();
  FUZZ_CHECK(mem_multi_prepare(blob, pats, masks, lens, count) == 0, "mem_multi_prepare failed");

  fuzz_check_multi(blob, pats, masks, lens, count, hay, hay_len, start, end, cand_end, step, batch, 1 << 12);
  free(blob), free(pats), free(masks), free(lens), free(hay);
  return 0;
}
