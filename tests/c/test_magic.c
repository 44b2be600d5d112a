/*
 * The checks of the built-in signatures (wasi/magic_table.c, generated from
 * src/magic.txt) as a property, seeded: for every entry with a check and
 * every length n of the bytes after a match, on an allocation of exactly n
 * bytes (so AddressSanitizer reports a read one byte past it), the check
 * answers as it does on the first min(n, reach) bytes alone: it reads
 * nothing past its reach or the input's end. The bytes start as the
 * signature, then bytes near its usual header values, then a copy with one
 * byte changed, so checks both pass and fail. That the C checks answer as
 * the JS ones do is tested by tests/cli/magic.test.js on the same files.
 */
#include <string.h>

#include "check.h"
#include "magic.h"

/* A plausible header byte: small numbers and the values checks look for, or anything. */
static uint8_t header_byte(void) {
  static const uint8_t common[] = {0, 0, 0, 1, 2, 4, 7, 8, 13, 0x20, 0x30, 0x31, 0x40, 0x45, 0x50, 0xff};
  const unsigned long long r = check_rand();
  return r & 1 ? common[(r >> 8) % sizeof common] : (uint8_t)(r >> 16);
}

int main(void) {
  enum { TRIALS = 300, SPAN = 96 };
  long passed = 0, refused = 0;
  for (size_t e = 0; e < mem_magic_count; e++) {
    const struct mem_magic *m = &mem_magic_table[e];
    if (!m->check) continue;
    uint8_t full[SPAN + 8];
    for (int trial = 0; trial < TRIALS; trial++) {
      for (size_t k = 0; k < sizeof full; k++) full[k] = header_byte();
      for (size_t k = 0; k < m->len; k++) full[k] = (uint8_t)((full[k] & ~m->mask[k]) | m->bytes[k]);
      if (trial % 3 == 0 && m->reach > SPAN) /* an indirect read: point it inside the span (PE's e_lfanew) */
        full[60] = (uint8_t)(64 + check_rand() % 28), full[61] = full[62] = full[63] = 0;
      if (trial % 3 == 0 && m->reach > SPAN && full[60] + 4 <= (int)sizeof full)
        memcpy(full + full[60], "PE\0\0", 4);
      const size_t limit = sizeof full < m->reach + 4 ? sizeof full : m->reach + 4;
      for (size_t n = 0; n <= limit; n++) {
        uint8_t *exact = malloc(n ? n : 1), *cut = malloc(n ? n : 1);
        memcpy(exact, full, n);
        const size_t r = n < m->reach ? n : m->reach;
        memcpy(cut, full, r);
        snprintf(check_context, sizeof check_context, "%s trial %d n %zu", m->id, trial, n);
        const bool got = m->check(exact, n);
        CHECK_EQ(got, m->check(cut, r));
        if (n == limit) got ? passed++ : refused++;
        free(exact), free(cut);
      }
    }
  }
  snprintf(check_context, sizeof check_context, "passed %ld refused %ld", passed, refused);
  CHECK_EQ(passed > 100 && refused > 100, 1);
  return check_report("test_magic");
}
