/*
 * mem_histogram against the reference loop, adding onto counts that are
 * not zero. Plain input bytes rarely hold the 64-byte runs of one value the
 * kernel counts at once, so in run mode the bytes are read as (value, length)
 * pairs and expanded: runs of every length, broken anywhere, at every
 * alignment. The counted bytes sit in an exact-size block, so ASan sees a
 * read one byte past the end.
 *
 * Input: [mode][skip][start count:4][bytes ...]; mode bit 0: run mode.
 */
#include "fuzz_input.h"
#include "mem.h"
#include "mem_ref.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_input in = {data, size};
  const unsigned mode = (unsigned)take_uint(&in, 1);
  const size_t skip = (size_t)take_uint(&in, 1) % 64;
  const uint64_t start = take_uint(&in, 4) << (mode & 2 ? 16 : 0); /* past 2^32 sometimes */
  size_t len;
  uint8_t *raw = take_bytes(&in, in.size, &len);
  uint8_t *bytes = raw;
  if (mode & 1) {
    /* (value, length - 1) pairs: up to 256 bytes each (512 KiB from the 4 KiB inputs of scripts/fuzz). */
    size_t n = 0;
    for (size_t k = 0; k + 1 < len; k += 2) n += (size_t)raw[k + 1] + 1;
    bytes = malloc(n ? n : 1);
    if (!bytes) abort();
    for (size_t k = 0, at = 0; k + 1 < len; k += 2)
      for (size_t r = 0; r <= raw[k + 1]; r++) bytes[at++] = raw[k];
    len = n;
  }
  const size_t from = len ? skip % (len + 1) : 0;
  uint8_t *hay = dup_bytes(bytes + from, len - from);
  uint64_t got[256], want[256];
  for (int v = 0; v < 256; v++) got[v] = want[v] = start + (uint64_t)v;
  mem_histogram(hay, len - from, got);
  mem_ref_histogram(hay, len - from, want);
  for (int v = 0; v < 256; v++)
    FUZZ_CHECK(got[v] == want[v], "value %d: %llu, want %llu (n=%zu, mode %u)", v, (unsigned long long)got[v],
               (unsigned long long)want[v], len - from, mode);
  free(hay);
  if (bytes != raw) free(bytes);
  free(raw);
  return 0;
}
