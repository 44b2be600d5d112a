/*
 * The CLI's struct-format code (src/mem_format.c): mem_format_parse on any
 * text, then mem_format_decode and mem_format_repr on every item of the rest
 * of the input, each checked against an independent oracle:
 *   parse  - the grammar of SPEC §5 written out again as a direct test;
 *   decode - the host's own loads (memcpy, byte swap, _Float16 for 'e');
 *   repr   - reads back to the decoded value (strtoll/strtoull/strtod), has
 *            Python's float layout (a '.' or an exponent, nan/inf), fits the
 *            32 bytes mem_format.h promises, and truncates like snprintf.
 *
 * Input: [text length][text ...][items ...], at most 4 items per input: the
 * float repr costs up to 17 snprintf/strtod rounds, and more items per run
 * would only slow the search for new formats.
 */
#include <math.h>

#include "fuzz_input.h"
#include "mem_format.h"

static const char codes[] = "cbB?hHiIlLqQnNefd";

/* SPEC §5's grammar: [@=<>!]? code, n/N only native; NULL when invalid. */
static const char *oracle_parse(const char *t, int *size, int *big) {
  const char *p = t;
  int native = 1;
  *big = 0;
  if (*p && strchr("@=<>!", *p)) native = *p == '@', *big = *p == '>' || *p == '!', p++;
  if (!*p || !strchr(codes, *p) || p[1]) return NULL;
  if ((*p == 'n' || *p == 'N') && !native) return NULL;
  *size = strchr("cbB?", *p) ? 1 : strchr("hHe", *p) ? 2 : strchr("qQd", *p) ? 8 : 4;
  return p;
}

static uint64_t host_load(const uint8_t *p, int size, int big) {
  uint8_t le[8] = {0};
  for (int k = 0; k < size; k++) le[k] = big ? p[size - 1 - k] : p[k];
  uint64_t v; /* little-endian host: x86-64 and aarch64 builds */
  memcpy(&v, le, 8);
  return v;
}

static void check_float_text(const char *text, double want) {
  if (isnan(want)) {
    FUZZ_CHECK(strcmp(text, "nan") == 0, "NaN printed as %s", text);
    return;
  }
  if (isinf(want)) {
    FUZZ_CHECK(strcmp(text, want < 0 ? "-inf" : "inf") == 0, "%g printed as %s", want, text);
    return;
  }
  char *end;
  const double back = strtod(text, &end);
  FUZZ_CHECK(*end == '\0' && back == want && signbit(back) == signbit(want),
             "%.17g printed as %s, which reads back as %.17g", want, text, back);
  FUZZ_CHECK(strchr(text, '.') || strchr(text, 'e'), "%.17g printed as %s: not Python's layout", want, text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_input in = {data, size};
  char text[8] = {0};
  const size_t text_len = (size_t)take_uint(&in, 1) % 4;
  for (size_t k = 0; k < text_len; k++) text[k] = (char)take_uint(&in, 1);

  mem_format f;
  const char *err = mem_format_parse(text, &f);
  int size_want, big_want;
  const char *code = oracle_parse(text, &size_want, &big_want);
  FUZZ_CHECK((err == NULL) == (code != NULL), "format \"%s\": parse says %s", text, err ? err : "valid");
  if (err) {
    FUZZ_CHECK(*err != '\0', "format \"%s\": an empty reason", text);
    return 0;
  }
  FUZZ_CHECK(f.code == *code && f.size == size_want && f.big_endian == big_want,
             "format \"%s\": code %c size %d big %d", text, f.code, f.size, f.big_endian);

  for (int items = 0; items < 4 && in.size >= f.size; items++) {
    size_t got;
    uint8_t *item = take_bytes(&in, f.size, &got); /* exact size: decode must not read past it */
    const uint64_t bits = host_load(item, f.size, f.big_endian);
    const int bits_n = 8 * f.size;
    const mem_value v = mem_format_decode(&f, item);
    char buf[64], small[40];
    const size_t n = mem_format_repr(&f, item, buf, sizeof buf);
    FUZZ_CHECK(n < 32 && strlen(buf) == n, "format %s: repr is %zu bytes: %s", text, n, buf);
    /* A short buffer: snprintf's contract, the full length returned, a NUL-terminated prefix. */
    const size_t cap = (size_t)(bits % 34);
    memset(small, 'x', sizeof small);
    FUZZ_CHECK(mem_format_repr(&f, item, small, cap) == n, "format %s: repr with cap %zu", text, cap);
    if (cap)
      FUZZ_CHECK(strncmp(small, buf, cap - 1) == 0 && small[cap - 1 < n ? cap - 1 : n] == '\0',
                 "format %s: repr with cap %zu is %.*s", text, cap, (int)cap, small);
    FUZZ_CHECK(small[cap] == 'x', "format %s: repr wrote past cap %zu", text, cap);

    char *end;
    switch (f.code) {
      case 'b':
      case 'h':
      case 'i':
      case 'l':
      case 'q':
      case 'n': {
        const int64_t want = bits_n == 64 ? (int64_t)bits : (int64_t)(bits << (64 - bits_n)) >> (64 - bits_n);
        FUZZ_CHECK(v.kind == MEM_VALUE_INT && v.as.i == want, "format %s: %lld want %lld", text,
                   (long long)v.as.i, (long long)want);
        FUZZ_CHECK(strtoll(buf, &end, 10) == want && *end == '\0', "format %s: %s", text, buf);
        break;
      }
      case 'B':
      case 'H':
      case 'I':
      case 'L':
      case 'Q':
      case 'N':
        FUZZ_CHECK(v.kind == MEM_VALUE_UINT && v.as.u == bits, "format %s: %llu", text,
                   (unsigned long long)v.as.u);
        FUZZ_CHECK(strtoull(buf, &end, 10) == bits && *end == '\0', "format %s: %s", text, buf);
        break;
      case '?':
        FUZZ_CHECK(v.kind == MEM_VALUE_BOOL && v.as.u == (bits != 0), "format ?: %llu",
                   (unsigned long long)v.as.u);
        FUZZ_CHECK(strcmp(buf, bits ? "true" : "false") == 0, "format ?: %s", buf);
        break;
      case 'c': {
        char want[8];
        snprintf(want, sizeof want, bits >= 0x20 && bits <= 0x7e ? "%c" : "\\x%02x", (int)bits);
        FUZZ_CHECK(v.kind == MEM_VALUE_CHAR && v.as.u == bits && strcmp(buf, want) == 0,
                   "format c: %s want %s", buf, want);
        break;
      }
      default: {
        double want;
        if (f.code == 'e') {
          _Float16 h;
          const uint16_t narrow = (uint16_t)bits;
          memcpy(&h, &narrow, 2);
          want = (double)h;
        } else if (f.code == 'f') {
          float x;
          const uint32_t narrow = (uint32_t)bits;
          memcpy(&x, &narrow, 4);
          want = (double)x;
        } else {
          memcpy(&want, &bits, 8);
        }
        FUZZ_CHECK(v.kind == MEM_VALUE_FLOAT, "format %s: kind %d", text, (int)v.kind);
        FUZZ_CHECK(isnan(want) ? isnan(v.as.f) : v.as.f == want && signbit(v.as.f) == signbit(want),
                   "format %s: decoded %.17g want %.17g", text, v.as.f, want);
        check_float_text(buf, want);
        break;
      }
    }
    free(item);
  }
  return 0;
}
