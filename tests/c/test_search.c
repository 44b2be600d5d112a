/*
 * mem_find, mem_rfind and mem_find_many against the reference loops:
 * exhaustive over a two-letter alphabet for every haystack up to 8 bytes,
 * every pattern up to 3 bytes, every start/end (including past the length)
 * and steps 1..4; then random long inputs over small alphabets.
 */
#include <string.h>

#include "check.h"
#include "mem.h"
#include "mem_ref.h"

static void check_one(const unsigned char *h, size_t hl, const unsigned char *p, size_t pl,
                      size_t start, size_t end, size_t step) {
  snprintf(check_context, sizeof check_context, "hay=%.*s pat=%.*s start=%zu end=%zu step=%zu",
           (int)hl, (const char *)h, (int)pl, (const char *)p, start, end, step);
  size_t want = mem_ref_find(h, hl, p, pl, start, end, step);
  CHECK_EQ(mem_find(h, hl, p, pl, start, end, step), want);
  CHECK_EQ(mem_rfind(h, hl, p, pl, start, end, step),
           mem_ref_rfind(h, hl, p, pl, start, end, step));
  /* find_many in batches of 2 must list exactly the reference's matches. */
  size_t out[2], next = start, ref_at = start, got;
  do {
    got = mem_find_many(h, hl, p, pl, next, end, step, out, 2);
    for (size_t k = 0; k < got; k++) {
      size_t r = mem_ref_find(h, hl, p, pl, ref_at, end, step);
      CHECK_EQ(out[k], r);
      ref_at = r + step;
    }
    if (got) next = out[got - 1] + step;
  } while (got == 2);
  CHECK_EQ(mem_ref_find(h, hl, p, pl, ref_at, end, step), MEM_NPOS);
}

static void exhaustive(void) {
  unsigned char hay[8], pat[3];
  for (size_t hl = 0; hl <= 8; hl++)
    for (unsigned hc = 0; hc < (1u << hl); hc++) {
      check_word(hay, hl, hc, 2);
      unsigned char *h = check_dup(hay, hl);
      for (size_t pl = 0; pl <= 3; pl++)
        for (unsigned pc = 0; pc < (1u << pl); pc++) {
          check_word(pat, pl, pc, 2);
          unsigned char *p = check_dup(pat, pl);
          for (size_t start = 0; start <= hl + 1; start++)
            for (size_t end = 0; end <= hl + 1; end++)
              for (size_t step = 1; step <= 4; step++) check_one(h, hl, p, pl, start, end, step);
          free(p);
        }
      free(h);
    }
}

static void random_long(void) {
  enum { MAX = 3000 };
  static unsigned char hay[MAX], pat[12];
  for (int round = 0; round < 3000; round++) {
    unsigned alphabet = 1 + (unsigned)(check_rand() % 4);
    size_t hl = check_rand() % MAX, pl = check_rand() % 12;
    for (size_t i = 0; i < hl; i++) hay[i] = (unsigned char)('a' + check_rand() % alphabet);
    for (size_t i = 0; i < pl; i++) pat[i] = (unsigned char)('a' + check_rand() % alphabet);
    size_t start = check_rand() % (hl + 2), end = check_rand() % (hl + 2);
    size_t step = 1 + check_rand() % 9;
    if (round % 3 == 0) start = 0, end = hl;
    unsigned char *h = check_dup(hay, hl), *p = check_dup(pat, pl);
    check_one(h, hl, p, pl, start, end, step);
    free(h), free(p);
  }
}

static void contract_edges(void) {
  const unsigned char *abc = (const unsigned char *)"abc";
  snprintf(check_context, sizeof check_context, "edges");
  /* Python: b'abc'.find(b'', 3) == 3, b'abc'.find(b'', 4) == -1 */
  CHECK_EQ(mem_find(abc, 3, abc, 0, 3, 3, 1), 3);
  CHECK_EQ(mem_find(abc, 3, abc, 0, 4, 3, 1), MEM_NPOS);
  CHECK_EQ(mem_rfind(abc, 3, abc, 0, 0, 3, 2), 2);
  CHECK_EQ(mem_find(abc, 3, abc, 1, 0, 3, 0), MEM_NPOS); /* step 0 is refused */
  CHECK_EQ(mem_find(abc, 3, abc, 1, 0, 99, 1), 0);      /* end is clamped to the length */
  /* find_many stops when the next aligned position would overflow size_t. */
  size_t out[4];
  CHECK_EQ(mem_find_many(abc, 3, abc, 0, 0, 3, MEM_NPOS, out, 4), 1);
}

int main(void) {
  exhaustive();
  random_long();
  contract_edges();
  return check_report("test_search");
}
