/*
 * Fixed regression tests for what the fuzzers of tests/fuzz found, each
 * input written out so it runs on every ctest, fuzzer or not.
 */
#include <string.h>

#include "check.h"
#include "mem.h"
#include "mem_ref.h"

/*
 * fuzz_search: mem_find_many with a step near SIZE_MAX. Its guard against
 * i + step overflowing computed MEM_NPOS - 1 - step, which itself wraps for
 * step == SIZE_MAX, so the scan resumed at i - 1 and listed an earlier match
 * again ("aaaaa", "a", step SIZE_MAX gave 0 then 4... instead of just 0).
 */
static void find_many_huge_step(void) {
  const uint8_t *h = (const uint8_t *)"aaaaa";
  const size_t steps[] = {SIZE_MAX, SIZE_MAX - 1, SIZE_MAX / 2, SIZE_MAX / 2 + 1, 6, 5, 4};
  for (size_t s = 0; s < sizeof steps / sizeof *steps; s++)
    for (size_t start = 0; start <= 5; start++) {
      size_t out[8];
      snprintf(check_context, sizeof check_context, "step=%zu start=%zu", steps[s], start);
      const size_t n = mem_find_many(h, 5, h, 1, start, 5, steps[s], out, 8);
      const size_t want = start < 5 ? 1 + (steps[s] < 5 ? (4 - start) / steps[s] : 0) : 0;
      CHECK_EQ(n, want);
      if (n) CHECK_EQ(out[0], start);
      CHECK_EQ(mem_find(h, 5, h, 1, start, 5, steps[s]), mem_ref_find(h, 5, h, 1, start, 5, steps[s]));
      CHECK_EQ(mem_rfind(h, 5, h, 1, start, 5, steps[s]), mem_ref_rfind(h, 5, h, 1, start, 5, steps[s]));
    }
}

/* The reference loops themselves once wrapped i around for a huge step (i += step <= end). */
static void reference_huge_step(void) {
  const uint8_t *h = (const uint8_t *)"abab";
  snprintf(check_context, sizeof check_context, "reference, step SIZE_MAX");
  CHECK_EQ(mem_ref_find(h, 4, (const uint8_t *)"a", 1, 2, 4, SIZE_MAX), 2);
  CHECK_EQ(mem_ref_rfind(h, 4, (const uint8_t *)"a", 1, 2, 4, SIZE_MAX), 2);
  CHECK_EQ(mem_ref_rfind(h, 4, (const uint8_t *)"b", 1, 1, 4, SIZE_MAX - 1), 1);
}

int main(void) {
  find_many_huge_step();
  reference_huge_step();
  return check_report("test_fuzz_regress");
}
