/*
 * Helpers shared by the `mem` commands: one-line error messages, number and
 * pattern parsing, Python's slice-position rules. All O(length of the
 * argument); nothing here touches files.
 */
#include "cli.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "preopen.h"
#include "progress.h"

int cli_fail(const char *what, const char *fmt, ...) {
  va_list ap;
  progress_clear(); /* the message gets a line of its own */
  fflush(stdout);   /* and comes after the results already printed */
  fprintf(stderr, "mem: %s: ", what);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  return EXIT_ERROR;
}

int cli_stdout_status(void) {
  static bool failed;
  if (failed) return EXIT_ERROR;
  if (!ferror(stdout)) return 0;
  const int err = errno; /* of the write that failed: nothing in between sets errno */
  failed = true;
  if (err != EPIPE) {
    progress_clear();
    fprintf(stderr, "mem: standard output: %s\n", strerror(err));
  }
  return EXIT_ERROR;
}

int cli_fail_errno(const char *what) { return cli_fail(what, "%s", strerror(errno)); }

int cli_fail_path(const char *path) {
  const int err = errno; /* preopen_outside makes WASI calls */
  if (preopen_outside(path)) return preopen_fail(path);
  return cli_fail(path, "%s", strerror(err));
}

static int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

int cli_number(const char *text, const char *what, int64_t *out) {
  const char *p = text;
  const bool negative = *p == '-';
  if (*p == '-' || *p == '+') p++;
  unsigned base = 10;
  if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
    base = 16;
    p += 2;
  }
  if (*p == '\0') return cli_fail(what, "bad number '%s' (want decimal or 0x hex)", text);
  /* Accumulate the magnitude up to 2^63 so that INT64_MIN is representable. */
  const uint64_t limit = (uint64_t)INT64_MAX + (negative ? 1 : 0);
  uint64_t v = 0;
  for (; *p; p++) {
    const int d = digit_value(*p);
    if (d < 0 || (unsigned)d >= base) return cli_fail(what, "bad number '%s' (want decimal or 0x hex)", text);
    if (v > (limit - (unsigned)d) / base) return cli_fail(what, "number '%s' is out of range", text);
    v = v * base + (unsigned)d;
  }
  *out = negative ? (v == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)v) : (int64_t)v;
  return 0;
}

/* Checks hex digits (pairs, optionally separated by whitespace or ':'; '?'
 * for a nibble that may be anything) and returns how many bytes they make,
 * or -1 after a message. *wild is set when a '?' appears. */
/* SPEC §10's hex text, the grammar hexPattern reads too: bytes of two
 * characters each, hex digits or '?'; between two bytes whitespace and at
 * most one ':' or '-' (the separators of xxd, Wireshark and MAC-style
 * dumps); whitespace also before the first byte and after the last, never
 * inside a byte. Returns the number of bytes, or -1 after the message (a
 * 0-based position where one helps). */
static long hex_length(const char *text, bool *wild) {
  long n = 0;
  const char *sep = NULL; /* the separator since the last byte */
  *wild = false;
  for (const char *p = text; *p;) {
    if (strchr(" \t\n\r", *p)) {
      p++;
    } else if (*p == ':' || *p == '-') {
      if (n == 0 || sep)
        return cli_fail("PATTERN", "'%c' at position %ld is not between two bytes in '%s'", *p,
                        (long)(p - text), text),
               -1;
      sep = p++;
    } else if (digit_value(*p) < 0 && *p != '?') {
      return cli_fail("PATTERN", "'%c' is not a hex digit or '?' (position %ld) in '%s'", *p,
                      (long)(p - text), text),
             -1;
    } else if (p[1] == '\0') {
      return cli_fail("PATTERN", "odd number of hex digits (half a byte at position %ld) in '%s'",
                      (long)(p - text), text),
             -1;
    } else if (digit_value(p[1]) < 0 && p[1] != '?') {
      return cli_fail("PATTERN", "half a byte at position %ld (two hex digits or ?? per byte) in '%s'",
                      (long)(p - text), text),
             -1;
    } else {
      *wild |= p[0] == '?' || p[1] == '?';
      n++;
      sep = NULL;
      p += 2;
    }
  }
  if (sep)
    return cli_fail("PATTERN", "'%c' at position %ld is not between two bytes in '%s'", *sep,
                    (long)(sep - text), text),
           -1;
  return n;
}

int cli_pattern(char *text, bool hex, const uint8_t **pat, uint8_t **mask, size_t *len) {
  bool wild = false;
  long n = hex ? hex_length(text, &wild) : (long)strlen(text);
  *mask = NULL;
  if (n < 0) return EXIT_ERROR;
  if (n == 0) return cli_fail("PATTERN", "the pattern is empty");
  if (wild && !(*mask = malloc((size_t)n))) return cli_fail("PATTERN", "out of memory");
  if (hex) { /* decode in place: the output index trails the input one */
    size_t k = 0;
    for (const char *p = text; *p; p++) {
      if (digit_value(*p) < 0 && *p != '?') continue;
      const char c1 = *p++, c2 = *p; /* hex_length checked that the second digit follows at once */
      const int high = c1 == '?' ? 0 : digit_value(c1), low = c2 == '?' ? 0 : digit_value(c2);
      if (wild) (*mask)[k] = (uint8_t)((c1 == '?' ? 0 : 0xF0) | (c2 == '?' ? 0 : 0x0F));
      text[k++] = (char)(high << 4 | low);
    }
  }
  *pat = (const uint8_t *)text;
  *len = (size_t)n;
  return 0;
}

uint64_t cli_clamp(int64_t v, uint64_t size) {
  if (v < 0) {
    const uint64_t back = v == INT64_MIN ? (uint64_t)INT64_MAX + 1 : (uint64_t)-v;
    return back >= size ? 0 : size - back;
  }
  return (uint64_t)v > size ? size : (uint64_t)v;
}

uint64_t cli_search_start(int64_t v, uint64_t size) { return v < 0 ? cli_clamp(v, size) : (uint64_t)v; }

void cli_print_position(uint64_t pos) {
  if (pos == UINT64_MAX)
    fputs("-1\n", stdout);
  else
    printf("%" PRIu64 "\n", pos);
}
