/*
 * The struct-format code (src/mem_format.c): mem_format_parse on any text,
 * then mem_format_decode, mem_format_string and mem_format_repr on every
 * value of one record taken from the rest of the input, each checked against
 * an independent oracle:
 *   parse  - the grammar of SPEC §5 written out again: the text split into
 *            (count, code) items first, then sizes and native alignment laid
 *            out value by value, and compared with the parser's fields
 *            expanded to values; the counting call (fields NULL) and a short
 *            field array agree with the full call and write nothing past cap;
 *   decode - the host's own loads (memcpy, byte swap, _Float16 for 'e');
 *   repr   - reads back to the decoded value (strtoll/strtoull/strtod), has
 *            Python's float layout (a '.' or an exponent, nan/inf), fits the
 *            32 bytes mem_format.h promises, and truncates like snprintf;
 *            c/s/p text undone byte by byte gives the bytes back.
 *
 * Input: [text length][text ...][record ...]. Texts are at most 23 bytes and
 * records at most 512 bytes: the float repr costs up to 17 snprintf/strtod
 * rounds, and longer inputs would only slow the search for new formats.
 */
#include <math.h>

#include "fuzz_input.h"
#include "mem_format.h"

enum { MAX_TEXT = 23, MAX_RECORD = 512, MAX_VALUES = 4096 };

/* One value as the oracle lays it out. */
typedef struct oracle_value {
  uint64_t offset, size;
  char code;
} oracle_value;

/* SPEC §5's grammar; returns the size (UINT64_MAX when invalid) and fills
 * up to MAX_VALUES values, *nvalues counting all of them. */
static uint64_t oracle_parse(const char *t, int *big, oracle_value *out, uint64_t *nvalues) {
  const char *p = t;
  int native = 1;
  *big = 0, *nvalues = 0;
  if (*p == '@' || *p == '=' || *p == '<' || *p == '>' || *p == '!')
    native = *p == '@', *big = *p == '>' || *p == '!', p++;
  uint64_t size = 0;
  while (*p) {
    if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\v' || *p == '\f' || *p == '\r') {
      p++;
      continue;
    }
    uint64_t count = 1;
    if (*p >= '0' && *p <= '9') {
      count = 0;
      while (*p >= '0' && *p <= '9') {
        count = count * 10 + (uint64_t)(*p++ - '0');
        if (count > INT32_MAX) return UINT64_MAX; /* too large in any case */
      }
    }
    const char code = *p++;
    uint64_t unit;
    switch (code) {
      case 'x':
      case 'c':
      case 'b':
      case 'B':
      case '?':
      case 's':
      case 'p':
        unit = 1;
        break;
      case 'h':
      case 'H':
      case 'e':
        unit = 2;
        break;
      case 'i':
      case 'I':
      case 'l':
      case 'L':
      case 'f':
        unit = 4;
        break;
      case 'n':
      case 'N':
      case 'P':
        if (!native) return UINT64_MAX;
        unit = 4;
        break;
      case 'q':
      case 'Q':
      case 'd':
        unit = 8;
        break;
      default:
        return UINT64_MAX; /* an unknown code, '\0' after a count, a second prefix */
    }
    if (code == 'p' && count == 0) return UINT64_MAX;
    if (native && size % unit) size += unit - size % unit;
    if (code == 's' || code == 'p') {
      if (*nvalues < MAX_VALUES) out[*nvalues] = (oracle_value){size, count, code};
      ++*nvalues;
      size += count;
    } else if (code == 'x') {
      size += count;
    } else {
      /* Values past MAX_VALUES are counted, not listed (a count may be 10^9). */
      for (uint64_t k = 0; k < count && *nvalues + k < MAX_VALUES; k++)
        out[*nvalues + k] = (oracle_value){size + k * unit, unit, code};
      *nvalues += count;
      size += count * unit;
    }
    if (size > INT32_MAX) return UINT64_MAX; /* SPEC's limit: 2^31 - 1 bytes */
  }
  return size;
}

static uint64_t host_load(const uint8_t *p, uint32_t size, int big) {
  uint8_t le[8] = {0};
  for (uint32_t k = 0; k < size; k++) le[k] = big ? p[size - 1 - k] : p[k];
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

/*
 * c/s/p text: each byte its character when printable ASCII (0x20..0x7e)
 * other than the backslash, else \xNN (SPEC §8: a backslash prints as
 * \x5c). Compared with the text that rule makes from the bytes, then
 * decoded back: with the backslash escaped, the text reads back to exactly
 * the bytes it came from.
 */
static int hex_digit(char c) {
  return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static void check_byte_text(const char *text, const uint8_t *want, size_t n) {
  static const char hex[] = "0123456789abcdef";
  size_t at = 0;
  for (size_t k = 0; k < n; k++) {
    const uint8_t b = want[k];
    if (b >= 0x20 && b <= 0x7e && b != '\\') {
      FUZZ_CHECK(text[at] == (char)b, "byte text %s: byte %zu (%u) is not printed as itself", text, k, b);
      at += 1;
    } else {
      FUZZ_CHECK(text[at] == '\\' && text[at + 1] == 'x' && text[at + 2] == hex[b >> 4] &&
                     text[at + 3] == hex[b & 15],
                 "byte text %s: byte %zu (%u) is not printed as \\x%02x", text, k, b, b);
      at += 4;
    }
  }
  FUZZ_CHECK(text[at] == '\0', "byte text %s is longer than its %zu bytes", text, n);
  /* Read back: every backslash starts an escape, so the text has one reading. */
  size_t k = 0;
  for (const char *p = text; *p; k++) {
    uint8_t b = (uint8_t)*p++;
    if (b == '\\') {
      FUZZ_CHECK(p[0] == 'x' && hex_digit(p[1]) >= 0 && hex_digit(p[2]) >= 0,
                 "byte text %s: a bare backslash", text);
      b = (uint8_t)(hex_digit(p[1]) << 4 | hex_digit(p[2]));
      p += 3;
    }
    FUZZ_CHECK(k < n && b == want[k], "byte text %s reads back wrong at byte %zu", text, k);
  }
  FUZZ_CHECK(k == n, "byte text %s reads back as %zu bytes, not %zu", text, k, n);
}

/* One value: decode and repr against the oracle; p points into an exact-size record copy. */
static void check_value(const char *text, const mem_field *f, const uint8_t *p) {
  char buf[4 * 256 + 8], small[40];
  const size_t n = mem_format_repr(f, p, buf, sizeof buf);
  const size_t limit = f->code == 's' || f->code == 'p' ? 4 * (size_t)f->size + 1 : 32;
  FUZZ_CHECK(n < limit && n < sizeof buf && strlen(buf) == n, "format %s: repr is %zu bytes: %s", text, n,
             buf);
  /* A short buffer: snprintf's contract, the full length returned, a NUL-terminated prefix. */
  const size_t cap = (size_t)((f->size ? p[0] : 7) % 34); /* an empty s has no byte at p */
  memset(small, 'x', sizeof small);
  FUZZ_CHECK(mem_format_repr(f, p, small, cap) == n, "format %s: repr with cap %zu", text, cap);
  if (cap)
    FUZZ_CHECK(strncmp(small, buf, cap - 1) == 0 && small[cap - 1 < n ? cap - 1 : n] == '\0',
               "format %s: repr with cap %zu is %.*s", text, cap, (int)cap, small);
  FUZZ_CHECK(small[cap] == 'x', "format %s: repr wrote past cap %zu", text, cap);

  if (f->code == 's' || f->code == 'p') {
    size_t len;
    const uint8_t *bytes = mem_format_string(f, p, &len);
    const size_t want_len = f->code == 's' ? f->size : p[0] < f->size ? p[0] : f->size - 1;
    FUZZ_CHECK(bytes == p + (f->code == 'p') && len == want_len, "format %s: %c string of %zu bytes", text,
               f->code, len);
    check_byte_text(buf, bytes, len);
    return;
  }
  const uint64_t bits = host_load(p, f->size, f->big_endian);
  const int bits_n = 8 * (int)f->size;
  const mem_value v = mem_format_decode(f, p);
  char *end;
  switch (f->code) {
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
    case 'P':
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
      FUZZ_CHECK(v.kind == MEM_VALUE_CHAR && v.as.u == bits, "format c: %llu", (unsigned long long)v.as.u);
      check_byte_text(buf, p, 1);
      break;
    }
    default: {
      double want;
      if (f->code == 'e') {
        _Float16 h;
        const uint16_t narrow = (uint16_t)bits;
        memcpy(&h, &narrow, 2);
        want = (double)h;
      } else if (f->code == 'f') {
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
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_input in = {data, size};
  char text[MAX_TEXT + 1] = {0};
  const size_t text_len = (size_t)take_uint(&in, 1) % (MAX_TEXT + 1);
  for (size_t k = 0; k < text_len; k++) text[k] = (char)take_uint(&in, 1);

  static oracle_value want[MAX_VALUES];
  int big;
  uint64_t nvalues;
  const uint64_t want_size = oracle_parse(text, &big, want, &nvalues);

  mem_format f;
  const char *err = mem_format_parse(text, &f, NULL, 0);
  FUZZ_CHECK((err == NULL) == (want_size != UINT64_MAX), "format \"%s\": parse says %s", text,
             err ? err : "valid");
  if (err) {
    FUZZ_CHECK(*err != '\0', "format \"%s\": an empty reason", text);
    return 0;
  }
  FUZZ_CHECK(f.size == want_size && f.values == nvalues && f.fields <= strlen(text),
             "format \"%s\": size %u values %llu fields %zu, want size %llu values %llu", text, f.size,
             (unsigned long long)f.values, f.fields, (unsigned long long)want_size,
             (unsigned long long)nvalues);

  /* The full call, and a short array that must be filled no further than cap. */
  mem_field *fields = malloc((f.fields + 1) * sizeof *fields);
  if (!fields) abort();
  const size_t cap = f.fields / 2;
  memset(fields, 0xa5, (f.fields + 1) * sizeof *fields);
  mem_format again;
  FUZZ_CHECK(mem_format_parse(text, &again, fields, cap) == NULL && again.fields == f.fields,
             "format \"%s\": a short field array changed the answer", text);
  for (const uint8_t *b = (const uint8_t *)(fields + cap); b < (const uint8_t *)(fields + f.fields + 1); b++)
    FUZZ_CHECK(*b == 0xa5, "format \"%s\": wrote past %zu fields", text, cap);
  mem_format_parse(text, &again, fields, f.fields);

  /* The fields expanded to values, against the oracle's values. */
  uint64_t k = 0;
  for (size_t j = 0; j < f.fields; j++) {
    const mem_field *fd = &fields[j];
    FUZZ_CHECK(fd->count >= 1 && fd->big_endian == big, "format \"%s\": field %zu count %u", text, j,
               fd->count);
    for (uint32_t m = 0; m < fd->count && k < MAX_VALUES; m++, k++) {
      const uint64_t offset = fd->offset + (uint64_t)m * fd->size;
      FUZZ_CHECK(want[k].code == fd->code && want[k].offset == offset && want[k].size == fd->size,
                 "format \"%s\": value %llu is %c at %llu size %u, want %c at %llu size %llu", text,
                 (unsigned long long)k, fd->code, (unsigned long long)offset, fd->size, want[k].code,
                 (unsigned long long)want[k].offset, (unsigned long long)want[k].size);
      FUZZ_CHECK(offset + fd->size <= f.size, "format \"%s\": value %llu ends past the record", text,
                 (unsigned long long)k);
    }
  }

  /* One record from the rest of the input, every value decoded. */
  if (f.size > 0 && f.size <= MAX_RECORD && in.size >= f.size) {
    size_t got;
    uint8_t *record = take_bytes(&in, f.size, &got); /* exact size: nothing may read past it */
    for (size_t j = 0; j < f.fields; j++)
      for (uint32_t m = 0; m < fields[j].count; m++)
        check_value(text, &fields[j], record + fields[j].offset + (size_t)m * fields[j].size);
    free(record);
  }
  free(fields);
  return 0;
}
