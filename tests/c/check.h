/*
 * A minimal test harness: CHECK prints the failing expression with the
 * context the test registered (the input that broke it) and counts failures;
 * main returns non-zero when any check failed.
 */
#ifndef MEM_TEST_CHECK_H
#define MEM_TEST_CHECK_H

#include <stdio.h>
#include <stdlib.h>

static long check_failures, check_count;
static char check_context[512];

#define CHECK_EQ(got, want)                                                                          \
  do {                                                                                               \
    long long got_ = (long long)(got), want_ = (long long)(want);                                    \
    check_count++;                                                                                   \
    if (got_ != want_) {                                                                             \
      if (check_failures++ < 20)                                                                     \
        fprintf(stderr, "%s:%d: %s = %lld, want %lld [%s]\n", __FILE__, __LINE__, #got, got_, want_, \
                check_context);                                                                      \
    }                                                                                                \
  } while (0)

static inline int check_report(const char *name) {
  printf("%s: %ld checks, %ld failures\n", name, check_count, check_failures);
  return check_failures ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* xorshift64*: a fixed-seed generator so every failure reproduces. */
static unsigned long long check_rng_state = 0x9E3779B97F4A7C15ull;
static inline unsigned long long check_rand(void) {
  unsigned long long x = check_rng_state;
  x ^= x >> 12, x ^= x << 25, x ^= x >> 27;
  check_rng_state = x;
  return x * 0x2545F4914F6CDD1Dull;
}

/* Fills buf[0..n) with the base-`alphabet` digits of `code` ('a', 'b', ...). */
static inline void check_word(unsigned char *buf, size_t n, unsigned code, unsigned alphabet) {
  for (size_t i = 0; i < n; i++, code /= alphabet) buf[i] = (unsigned char)('a' + code % alphabet);
}

/* A heap copy of exactly n bytes, so sanitizers catch any read past the end. */
static inline unsigned char *check_dup(const unsigned char *src, size_t n) {
  unsigned char *p = malloc(n ? n : 1);
  if (!p) abort();
  for (size_t i = 0; i < n; i++) p[i] = src[i];
  return p;
}

#endif
