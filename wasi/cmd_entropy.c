/*
 * entropy: the Shannon entropy of each block of a file, in bits per byte.
 *
 * One pass, window by window: each window's bytes are counted onto the
 * current block's 256 counts by mem_histogram (64-bit counts, so a block
 * of any size, past 4 GiB too, counts exactly), split where a block ends; a
 * block's line is printed when it is complete, and the last, partial block
 * (if any) at the end. Memory is one window whatever the file's and the
 * block's sizes; standard input streams. Per block: O(block) to count, plus
 * one log2 per byte value present.
 *
 * A block of n bytes whose value v occurs c_v times has entropy
 * H = -sum(p_v * log2(p_v)) over the values present, p_v = c_v / n, summed
 * in ascending order of v: 0 for one repeated value, 8 when all 256 values
 * are equally frequent. Printed with six decimals ("%.6f"), the block's
 * offset in decimal before it: OFFSET<TAB>ENTROPY.
 */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "mem.h"
#include "reader.h"

/* Bytes per block without --block: a page, small enough to show structure
 * in a file, large enough that a block's 256 values can all occur. */
#define ENTROPY_BLOCK 4096

static double entropy(const uint64_t counts[256], uint64_t n) {
  double h = 0;
  for (int v = 0; v < 256; v++) {
    if (counts[v] == 0) continue;
    const double p = (double)counts[v] / (double)n;
    h -= p * log2(p);
  }
  return h;
}

int cmd_entropy(cli_args *a) {
  if (a->has_block && a->block < 1)
    return cli_fail(a->command, "--block must be at least 1 byte, got %" PRId64, a->block);
  const uint64_t block = a->has_block ? (uint64_t)a->block : ENTROPY_BLOCK;
  mem_reader r;
  int status = reader_open(&r, a->argv[0], false);
  const size_t window = reader_window();
  uint64_t counts[256] = {0};
  uint64_t start = 0, filled = 0; /* the current block: its offset, its bytes so far */
  for (uint64_t off = 0; status == 0;) {
    const uint8_t *data;
    size_t got;
    status = reader_get(&r, off, window, &data, &got);
    if (status != 0) break;
    for (size_t k = 0; k < got;) {
      const size_t take = block - filled < got - k ? (size_t)(block - filled) : got - k;
      mem_histogram(data + k, take, counts);
      k += take;
      filled += take;
      if (filled == block) {
        printf("%" PRIu64 "\t%.6f\n", start, entropy(counts, filled));
        memset(counts, 0, sizeof counts);
        start += filled;
        filled = 0;
      }
    }
    off += got;
    /* Lines out at least once a window, so a closed pipe stops the command at once. */
    if (fflush(stdout) != 0 || cli_stdout_status() != 0) status = EXIT_ERROR;
    if (got < window) break;
  }
  if (status == 0 && filled > 0) printf("%" PRIu64 "\t%.6f\n", start, entropy(counts, filled));
  reader_close(&r);
  return status;
}
