/*
 * mem_cmp, mem_diff, mem_rdiff, mem_match and mem_rmatch against the
 * reference loops: every pair of words up to 7 letters over {a, b}, then
 * random long pairs with long equal runs (so the block-wise paths of
 * mem_diff and mem_rdiff are exercised on both sides of a block boundary);
 * then, for every length up to 150 and both buffers at every alignment
 * against 16-byte blocks, a single difference (and a single equal byte, for
 * match) at every position: the SIMD scans' block, round and tail edges.
 */
#include <string.h>

#include "check.h"
#include "mem.h"
#include "mem_ref.h"

static void check_pair(const unsigned char *a, size_t al, const unsigned char *b, size_t bl) {
  snprintf(check_context, sizeof check_context, "a=%.*s b=%.*s", (int)(al > 40 ? 40 : al), (const char *)a,
           (int)(bl > 40 ? 40 : bl), (const char *)b);
  CHECK_EQ(mem_cmp(a, al, b, bl), mem_ref_cmp(a, al, b, bl));
  CHECK_EQ(mem_diff(a, al, b, bl), mem_ref_diff(a, al, b, bl));
  CHECK_EQ(mem_rdiff(a, al, b, bl), mem_ref_rdiff(a, al, b, bl));
  CHECK_EQ(mem_match(a, al, b, bl), mem_ref_match(a, al, b, bl));
  CHECK_EQ(mem_rmatch(a, al, b, bl), mem_ref_rmatch(a, al, b, bl));
}

int main(void) {
  unsigned char wa[7], wb[7];
  for (size_t al = 0; al <= 7; al++)
    for (unsigned ac = 0; ac < (1u << al); ac++)
      for (size_t bl = 0; bl <= 7; bl++)
        for (unsigned bc = 0; bc < (1u << bl); bc++) {
          check_word(wa, al, ac, 2), check_word(wb, bl, bc, 2);
          unsigned char *a = check_dup(wa, al), *b = check_dup(wb, bl);
          check_pair(a, al, b, bl);
          free(a), free(b);
        }

  enum { MAX = 700 };
  static unsigned char ra[MAX], rb[MAX];
  for (int round = 0; round < 20000; round++) {
    size_t al = check_rand() % MAX, bl = check_rand() % MAX;
    unsigned char fill = (unsigned char)(check_rand() % 3);
    for (size_t i = 0; i < MAX; i++) ra[i] = rb[i] = fill; /* equal runs... */
    for (int k = (int)(check_rand() % 4); k > 0; k--)      /* ...with a few flips */
      ra[check_rand() % MAX] ^= 1, rb[check_rand() % MAX] ^= 2;
    unsigned char *a = check_dup(ra, al), *b = check_dup(rb + (MAX - bl), bl);
    check_pair(a, al, b, bl);
    free(a), free(b);
  }

  static unsigned char base[160], other[160], anti[160];
  for (size_t n = 0; n <= 150; n++)
    for (size_t at = 0; at <= n; at++) {
      for (size_t i = 0; i < n; i++) base[i] = (unsigned char)check_rand(), anti[i] = (unsigned char)~base[i];
      memcpy(other, base, n);
      if (at < n) other[at] ^= 0x80, anti[at] = base[at];
      const size_t align = (n + at) % 16, shift = n % 16 == 0 ? (size_t)(check_rand() % 5) : 0;
      unsigned char *a = malloc(n + align + shift + 1), *b = check_dup(other, n), *c = check_dup(anti, n);
      if (!a) abort();
      memcpy(a + align, base, n);
      check_pair(a + align, n, b, n);
      check_pair(a + align, n, c, n);
      check_pair(a + align, n, b + shift % (n + 1), n - shift % (n + 1)); /* unequal lengths */
      free(a), free(b), free(c);
    }

  snprintf(check_context, sizeof check_context, "spec examples");
  CHECK_EQ(mem_diff((const unsigned char *)"abcd", 4, (const unsigned char *)"abXd", 4), 2);
  CHECK_EQ(mem_rdiff((const unsigned char *)"xabcd", 5, (const unsigned char *)"abXd", 4), 3);
  CHECK_EQ(mem_match((const unsigned char *)"abc", 3, (const unsigned char *)"xbc", 3), 1);
  CHECK_EQ(mem_rmatch((const unsigned char *)"abcx", 4, (const unsigned char *)"zzzbcy", 6), 2);
  CHECK_EQ(mem_cmp((const unsigned char *)"ab", 2, (const unsigned char *)"abc", 3), -1);
  return check_report("test_compare");
}
