/*
 * mem_gather against the reference loop: known answers (a big-endian column
 * read out of records, a fill, a scatter back); then every item size 1..20
 * with and without swapping, every stride from 0 to size + 9 on either side,
 * counts 0..40 (the SIMD lane groups of 2, 4 and 8 items and their tails),
 * on exact-size blocks so the sanitizers see any byte touched outside; an
 * in-place swap; and sizes whose last byte does not fit size_t, refused with
 * nothing written.
 */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "mem.h"
#include "mem_ref.h"

/* The first differing byte of got and want (n if none). */
static size_t first_diff(const unsigned char *got, const unsigned char *want, size_t n) {
  size_t i = 0;
  while (i < n && got[i] == want[i]) i++;
  return i;
}

/* Bytes spanned by n items of `size` bytes `stride` apart. */
static size_t span(size_t n, size_t stride, size_t size) { return n ? (n - 1) * stride + size : 0; }

static void check_case(size_t n, size_t size, size_t dst_stride, size_t src_stride, int swap) {
  const size_t src_len = span(n, src_stride, size), dst_len = span(n, dst_stride, size);
  unsigned char *src = malloc(src_len ? src_len : 1), *got = malloc(dst_len ? dst_len : 1),
                *want = malloc(dst_len ? dst_len : 1);
  if (!src || !got || !want) abort();
  for (size_t i = 0; i < src_len; i++) src[i] = (unsigned char)check_rand();
  for (size_t i = 0; i < dst_len; i++) got[i] = want[i] = (unsigned char)(0xA5 ^ i);
  snprintf(check_context, sizeof check_context, "n=%zu size=%zu dst_stride=%zu src_stride=%zu swap=%d", n,
           size, dst_stride, src_stride, swap);
  CHECK_EQ(mem_gather(got, dst_stride, src, src_stride, n, size, swap), 0);
  mem_ref_gather(want, dst_stride, src, src_stride, n, size, swap);
  CHECK_EQ(first_diff(got, want, dst_len), dst_len);
  free(src), free(got), free(want);
}

int main(void) {
  /* Known answers: '>Hd' records (10 bytes), the d column gathered little-endian. */
  {
    static const unsigned char recs[20] = {0, 1, 0x3F, 0xF0, 0, 0, 0, 0, 0, 0,
                                           0, 2, 0xC0, 0x08, 0, 0, 0, 0, 0, 0};
    double out[2];
    snprintf(check_context, sizeof check_context, "'>Hd' column d");
    CHECK_EQ(mem_gather((uint8_t *)out, 8, recs + 2, 10, 2, 8, 1), 0);
    CHECK_EQ(out[0] == 1.0, 1);
    CHECK_EQ(out[1] == -3.0, 1);
    uint16_t h[2];
    CHECK_EQ(mem_gather((uint8_t *)h, 2, recs, 10, 2, 2, 1), 0);
    CHECK_EQ(h[0], 1);
    CHECK_EQ(h[1], 2);
    /* Scatter back big-endian into a copy: the same bytes. */
    unsigned char back[20];
    memcpy(back, recs, sizeof back);
    memset(back + 2, 0, 8), memset(back + 12, 0, 8);
    CHECK_EQ(mem_gather(back + 2, 10, (const uint8_t *)out, 8, 2, 8, 1), 0);
    CHECK_EQ(memcmp(back, recs, sizeof back), 0);
    /* A fill: one 4-byte item, every 6 bytes, swapped. */
    unsigned char f[16] = {0};
    static const unsigned char item[4] = {1, 2, 3, 4};
    CHECK_EQ(mem_gather(f, 6, item, 0, 3, 4, 1), 0);
    static const unsigned char want_f[16] = {4, 3, 2, 1, 0, 0, 4, 3, 2, 1, 0, 0, 4, 3, 2, 1};
    CHECK_EQ(memcmp(f, want_f, sizeof f), 0);
  }

  /* Every size, stride pair and count, swapped and not. */
  for (size_t size = 1; size <= 20; size++)
    for (int swap = 0; swap <= 1; swap++)
      for (size_t n = 0; n <= 40; n += n < 18 ? 1 : 11)
        for (size_t ds = 0; ds <= size + 9; ds += ds == 0 ? size : 3)
          for (size_t ss = 0; ss <= size + 9; ss += ss == 0 ? size : 1) check_case(n, size, ds, ss, swap);

  /* In place: a big-endian column swapped where it stands. */
  for (size_t size = 1; size <= 12; size++) {
    enum { N = 37, STRIDE = 13 };
    unsigned char got[N * STRIDE], want[N * STRIDE];
    for (size_t i = 0; i < sizeof got; i++) got[i] = want[i] = (unsigned char)check_rand();
    snprintf(check_context, sizeof check_context, "in place size=%zu", size);
    CHECK_EQ(mem_gather(got, STRIDE, got, STRIDE, N, size, 1), 0);
    mem_ref_gather(want, STRIDE, want, STRIDE, N, size, 1);
    CHECK_EQ(first_diff(got, want, sizeof got), sizeof got);
  }

  /* Overflowing spans: refused, nothing written. */
  {
    unsigned char d[8] = {7, 7, 7, 7, 7, 7, 7, 7}, s[8] = {0};
    snprintf(check_context, sizeof check_context, "overflow");
    CHECK_EQ(mem_gather(d, SIZE_MAX / 2 + 1, s, 1, 3, 1, 0), -1);
    CHECK_EQ(mem_gather(d, 1, s, SIZE_MAX / 2 + 1, 3, 1, 0), -1);
    CHECK_EQ(mem_gather(d, 8, s, 8, SIZE_MAX / 4, 8, 1), -1);
    CHECK_EQ(mem_gather(d, 2, s, 2, SIZE_MAX / 2 + 1, 2, 1),
             -1); /* one byte past: (n - 1) * 2 + 2 = SIZE_MAX + 1 */
    CHECK_EQ(d[0] == 7 && d[7] == 7, 1);
    CHECK_EQ(mem_ref_gather(d, SIZE_MAX / 2 + 1, s, 1, 3, 1, 0), -1);
  }
  return check_report("test_gather");
}
