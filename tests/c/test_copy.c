/*
 * mem_copy against the reference copy for every (dst, src, n) inside a
 * 24-byte buffer: forward and backward overlaps, adjacent and disjoint areas.
 */
#include <string.h>

#include "check.h"
#include "mem.h"
#include "mem_ref.h"

int main(void) {
  enum { N = 24 };
  unsigned char got[N], want[N];
  for (size_t dst = 0; dst <= N; dst++)
    for (size_t src = 0; src <= N; src++)
      for (size_t n = 0; dst + n <= N && src + n <= N; n++) {
        for (size_t i = 0; i < N; i++) got[i] = want[i] = (unsigned char)(i * 7 + 1);
        snprintf(check_context, sizeof check_context, "dst=%zu src=%zu n=%zu", dst, src, n);
        CHECK_EQ(mem_copy(got + dst, got + src, n), n);
        mem_ref_copy(want + dst, want + src, n);
        CHECK_EQ(memcmp(got, want, N), 0);
      }
  return check_report("test_copy");
}
