/*
 * mem_histogram against the reference loop: a table of small inputs with
 * known counts; then, for every length up to 200 at every alignment against
 * 16-byte blocks, a run of one value with a single other byte at every
 * position (the 64-byte run test's edges: a run broken by its first, last or
 * any byte, and the tail after the last whole block); then random inputs of
 * random lengths made of runs and noise, counted onto counts that are not
 * zero (the kernel adds, and its counts pass 2^32 without wrapping).
 */
#include <string.h>

#include "check.h"
#include "mem.h"
#include "mem_ref.h"

/* Checks mem_histogram(bytes, n) against the reference, both adding to `start`. */
static void check_counts(const unsigned char *bytes, size_t n, const uint64_t start[256]) {
  uint64_t got[256], want[256];
  memcpy(got, start, sizeof got), memcpy(want, start, sizeof want);
  mem_histogram(bytes, n, got);
  mem_ref_histogram(bytes, n, want);
  int v = 0; /* the first value whose counts differ, else 255 */
  while (v < 255 && got[v] == want[v]) v++;
  const size_t at = strlen(check_context);
  snprintf(check_context + at, sizeof check_context - at, ", value %d", v);
  CHECK_EQ(got[v], want[v]);
}

int main(void) {
  static const uint64_t zero[256];
  /* Known answers. */
  static const struct {
    const char *bytes;
    size_t n;
    int value;
    uint64_t count;
  } table[] = {
      {"", 0, 0, 0},
      {"a", 1, 'a', 1},
      {"abca", 4, 'a', 2},
      {"\0\0\0", 3, 0, 3},
      {"\xff\xff\x01", 3, 0xff, 2},
      {"0000000000000000000000000000000000000000000000000000000000000000", 64, '0', 64},
      {"00000000000000000000000000000000000000000000000000000000000000001", 65, '0', 64},
      {"10000000000000000000000000000000000000000000000000000000000000000", 65, '0', 64},
  };
  for (size_t t = 0; t < sizeof table / sizeof table[0]; t++) {
    snprintf(check_context, sizeof check_context, "table row %zu", t);
    unsigned char *b = check_dup((const unsigned char *)table[t].bytes, table[t].n);
    uint64_t counts[256] = {0};
    mem_histogram(b, table[t].n, counts);
    uint64_t total = 0;
    for (int v = 0; v < 256; v++) total += counts[v];
    CHECK_EQ(counts[table[t].value], table[t].count);
    CHECK_EQ(total, table[t].n);
    free(b);
  }

  /* A run with one odd byte at every position, every length and alignment. */
  static unsigned char buf[200 + 16];
  for (size_t n = 0; n <= 200; n++)
    for (size_t align = 0; align < 16; align += 5)
      for (size_t at = 0; at <= n; at++) {
        unsigned char *p = buf + align;
        memset(p, 0xAB, n);
        if (at < n) p[at] = (unsigned char)(at & 1 ? 0xAA : 0x2B); /* one bit or many from the run */
        snprintf(check_context, sizeof check_context, "run n=%zu align=%zu odd at %zu", n, align, at);
        unsigned char *b = malloc(n + align ? n + align : 1);
        if (!b) abort();
        memcpy(b + align, p, n);
        check_counts(b + align, n, zero);
        free(b);
      }

  /* Runs and noise, counted onto non-zero counts near and past 2^32. */
  enum { MAX = 5000 };
  static unsigned char rnd[MAX];
  for (int round = 0; round < 3000; round++) {
    const size_t n = (size_t)(check_rand() % MAX);
    for (size_t i = 0; i < n;) {
      size_t run = 1 + (size_t)(check_rand() % (check_rand() & 1 ? 200 : 3));
      const unsigned char v = (unsigned char)check_rand();
      for (; run > 0 && i < n; run--) rnd[i++] = v;
    }
    uint64_t start[256];
    for (int v = 0; v < 256; v++)
      start[v] = round & 1 ? 0xFFFFFFF0u + (check_rand() & 31) : check_rand() >> 8;
    snprintf(check_context, sizeof check_context, "round %d n=%zu (check_rand sequence)", round, n);
    unsigned char *b = check_dup(rnd, n);
    check_counts(b, n, start);
    free(b);
  }
  return check_report("test_histogram");
}
