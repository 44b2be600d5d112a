/*
 * Struct formats: parse a format into a record layout, decode its values,
 * and print them like Python's repr.
 *
 * Parsing is one pass over the text, as Python's struct does it: each item
 * is aligned (native mode) and its bytes added to the running size, with the
 * size checked against MEM_FORMAT_MAX_SIZE before every addition so that no
 * count can overflow it; O(length of the text), no allocation (the caller
 * sizes the field array from a first, counting call).
 * Decoding assembles a value byte by byte in the format's order, so it is
 * unaligned-safe and host-independent; O(value size). Half floats (e) are
 * widened exactly by hand, since C11 has no binary16 type. Float text is the
 * shortest of %.0e .. %.16e that strtod reads back to the same double (at
 * most 17 tries, each O(1)); then Python's layout rules are applied to those
 * digits: fixed notation for decimal exponents -4 .. 15, else d.ddde+XX.
 */
#include "mem_format.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Bytes per value of each code, wasm32 C sizes; in native mode also the
 * alignment (s, p and x count bytes and align to 1). */
static const char codes[] = "xcbB?hHiIlLqQnNPefdsp";
static const uint8_t sizes[] = {1, 1, 1, 1, 1, 2, 2, 4, 4, 4, 4, 8, 8, 4, 4, 4, 2, 4, 8, 1, 1};

/* Python's isspace() set, which struct skips between items. */
static int is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

const char *mem_format_parse(const char *text, mem_format *out, mem_field *fields, size_t cap) {
  const char *p = text;
  int native = 1;
  uint8_t big = 0;
  if (*p && strchr("@=<>!", *p)) {
    native = *p == '@';
    big = *p == '>' || *p == '!';
    p++;
  }
  uint64_t size = 0, values = 0;
  size_t n = 0;
  for (; *p; p++) {
    if (is_space(*p)) continue;
    uint64_t count = 1;
    if (*p >= '0' && *p <= '9') {
      /* Saturates above the size limit: any such count makes the format too large. */
      for (count = 0; *p >= '0' && *p <= '9'; p++)
        if (count <= MEM_FORMAT_MAX_SIZE) count = count * 10 + (uint64_t)(*p - '0');
      if (*p == '\0') return "a repeat count needs a type code after it";
    }
    const char *hit = strchr(codes, *p);
    if (!hit) {
      if (strchr("@=<>!", *p)) return "a byte-order character may only be the format's first character";
      return "unknown type code (want x c b B ? h H i I l L q Q n N P e f d s p, optionally after one of "
             "@=<>!)";
    }
    const char code = *p;
    if ((code == 'n' || code == 'N' || code == 'P') && !native)
      return "n, N and P exist only in native mode (no byte-order prefix, or '@')";
    if (code == 'p' && count == 0)
      return "0p is not a valid Pascal string (it has no room for its length byte)";
    const uint64_t unit = sizes[hit - codes];
    if (native) size = (size + unit - 1) / unit * unit; /* unit is 1, 2, 4 or 8 */
    const int bytes_counted = code == 's' || code == 'p' || code == 'x';
    /* size <= MAX + 7 here (aligned up from <= MAX), so the subtraction is checked first. */
    if (size > MEM_FORMAT_MAX_SIZE || count > MEM_FORMAT_MAX_SIZE ||
        (bytes_counted ? count : count * unit) > MEM_FORMAT_MAX_SIZE - size)
      return "the format describes more than 2^31 - 1 bytes, more than a buffer holds";
    if (code != 'x' && (count > 0 || code == 's')) {
      if (fields && n < cap)
        fields[n] = (mem_field){.offset = (uint32_t)size,
                                .count = bytes_counted ? 1 : (uint32_t)count,
                                .size = bytes_counted ? (uint32_t)count : (uint32_t)unit,
                                .code = code,
                                .big_endian = big};
      n++;
      values += bytes_counted ? 1 : count;
    }
    size += bytes_counted ? count : count * unit;
  }
  out->size = (uint32_t)size;
  out->values = values;
  out->fields = n;
  return NULL;
}

static uint64_t load_unsigned(const uint8_t *p, size_t n, int big_endian) {
  uint64_t v = 0;
  for (size_t k = 0; k < n; k++) v = v << 8 | p[big_endian ? k : n - 1 - k];
  return v;
}

/* Two's-complement sign extension of an n-byte value, without relying on
 * implementation-defined unsigned-to-signed conversion. */
static int64_t sign_extend(uint64_t v, size_t n) {
  const uint64_t sign = (uint64_t)1 << (8 * n - 1);
  if (!(v & sign)) return (int64_t)v;
  const uint64_t magnitude = (n == 8 ? 0 : (uint64_t)1 << (8 * n)) - v; /* wraps for n == 8 */
  if (magnitude == sign) return n == 8 ? INT64_MIN : -(int64_t)sign;
  return -(int64_t)magnitude;
}

static double half_to_double(uint64_t h) {
  const int exponent = (int)(h >> 10 & 0x1f);
  const double fraction = (double)(h & 0x3ff);
  double v;
  if (exponent == 0)
    v = ldexp(fraction, -24); /* subnormal */
  else if (exponent == 31)
    v = fraction != 0 ? NAN : INFINITY;
  else
    v = ldexp(fraction + 1024, exponent - 25);
  return h & 0x8000 ? -v : v;
}

mem_value mem_format_decode(const mem_field *field, const uint8_t *p) {
  const uint64_t bits = load_unsigned(p, field->size, field->big_endian);
  mem_value v;
  v.as.u = bits;
  switch (field->code) {
    case 'b':
    case 'h':
    case 'i':
    case 'l':
    case 'q':
    case 'n':
      v.kind = MEM_VALUE_INT;
      v.as.i = sign_extend(bits, field->size);
      break;
    case '?':
      v.kind = MEM_VALUE_BOOL;
      v.as.u = bits != 0;
      break;
    case 'c':
      v.kind = MEM_VALUE_CHAR;
      break;
    case 'e':
      v.kind = MEM_VALUE_FLOAT;
      v.as.f = half_to_double(bits);
      break;
    case 'f': {
      float f;
      const uint32_t narrow = (uint32_t)bits;
      memcpy(&f, &narrow, sizeof f);
      v.kind = MEM_VALUE_FLOAT;
      v.as.f = (double)f;
      break;
    }
    case 'd': {
      double d;
      memcpy(&d, &bits, sizeof d);
      v.kind = MEM_VALUE_FLOAT;
      v.as.f = d;
      break;
    }
    default:
      v.kind = MEM_VALUE_UINT;
      break;
  }
  return v;
}

/* Python's layout of shortest digits: digits "d1d2..dn" (no point) with
 * decimal exponent x, value = d1.d2...dn * 10^x. At most 17 digits and
 * |x| <= 324, so 40 bytes hold any result. */
static size_t layout(int negative, const char *digits, int x, char *buf, size_t cap) {
  const int n = (int)strlen(digits);
  char text[40];
  int len = 0;
  if (negative) text[len++] = '-';
  if (x < -4 || x >= 16) { /* where Python's repr switches to exponent notation */
    text[len++] = digits[0];
    if (n > 1) len += snprintf(text + len, sizeof text - (size_t)len, ".%s", digits + 1);
    len += snprintf(text + len, sizeof text - (size_t)len, "e%c%02d", x < 0 ? '-' : '+', x < 0 ? -x : x);
  } else if (x < 0) { /* 0.000ddd */
    text[len++] = '0';
    text[len++] = '.';
    for (int k = 0; k < -x - 1; k++) text[len++] = '0';
    len += snprintf(text + len, sizeof text - (size_t)len, "%s", digits);
  } else if (n <= x + 1) { /* an integral value: zeros to the point, then ".0" */
    len += snprintf(text + len, sizeof text - (size_t)len, "%s", digits);
    for (int k = 0; k < x + 1 - n; k++) text[len++] = '0';
    text[len++] = '.';
    text[len++] = '0';
    text[len] = '\0';
  } else {
    len += snprintf(text + len, sizeof text - (size_t)len, "%.*s.%s", x + 1, digits, digits + x + 1);
  }
  text[len] = '\0';
  return (size_t)snprintf(buf, cap, "%s", text);
}

/* Does the decimal m * 10^e read back as v? */
static int reads_back(uint64_t m, int e, double v) {
  char text[48];
  snprintf(text, sizeof text, "%llue%d", (unsigned long long)m, e);
  return strtod(text, NULL) == v;
}

/* The shortest decimal m * 10^e that reads back as v (v finite, >= 0), as
 * Python's repr picks it. At each length the correctly rounded digits come
 * first; when they miss, a neighbour one unit away may still hit, because a
 * double's rounding interval is lopsided at powers of two (2^-24 reads back
 * from 5.960464477539063e-08 but not from ...062e-08). */
static void shortest(double v, uint64_t *m, int *e) {
  for (int precision = 0; precision <= 16; precision++) {
    char text[48];
    snprintf(text, sizeof text, "%.*e", precision, v);
    uint64_t digits = 0;
    const char *p = text;
    for (; *p != 'e'; p++)
      if (*p != '.') digits = digits * 10 + (uint64_t)(*p - '0');
    *e = atoi(p + 1) - precision;
    for (int delta = 0; delta <= 2; delta++) { /* the digits, one up, one down */
      *m = delta == 0 ? digits : delta == 1 ? digits + 1 : digits - 1;
      if ((delta < 2 || digits > 0) && reads_back(*m, *e, v)) return;
    }
  }
  *m = 0; /* not reached: 17 significant digits always read back */
}

size_t mem_format_double_repr(double v, char *buf, size_t cap) {
  if (isnan(v)) return (size_t)snprintf(buf, cap, "nan");
  if (isinf(v)) return (size_t)snprintf(buf, cap, v < 0 ? "-inf" : "inf");
  uint64_t m;
  int e;
  shortest(fabs(v), &m, &e);
  char digits[24];
  int n = snprintf(digits, sizeof digits, "%llu", (unsigned long long)m);
  while (n > 1 && digits[n - 1] == '0') digits[--n] = '\0', e++; /* 0 stays "0" */
  return layout(signbit(v) != 0, digits, e + n - 1, buf, cap);
}

const uint8_t *mem_format_string(const mem_field *field, const uint8_t *p, size_t *len) {
  if (field->code == 's') {
    *len = field->size;
    return p;
  }
  *len = p[0] < field->size ? p[0] : field->size - 1; /* as struct: the length byte is capped */
  return p + 1;
}

size_t mem_format_escape(const uint8_t *p, size_t n, char *buf, size_t cap) {
  static const char hex[] = "0123456789abcdef";
  /* The length saturates at SIZE_MAX: 4 * n overflows wasm32's size_t from
   * n = 2**30, and a wrapped length would have made len + 1 < cap true at
   * len = SIZE_MAX (a write before buf) and understated the text. */
  size_t len = 0;
  for (size_t k = 0; k < n; k++) {
    const char one[4] = {'\\', 'x', hex[p[k] >> 4], hex[p[k] & 15]};
    /* The backslash is escaped too: it starts every escape, so the text
     * reads back to one byte string (a backslash printed as itself before
     * the bytes "x41" would read back as "A"). */
    const int printable = p[k] >= 0x20 && p[k] <= 0x7e && p[k] != '\\';
    for (size_t j = 0; j < (printable ? 1u : 4u); j++) {
      if (cap && len < cap - 1) buf[len] = printable ? (char)p[k] : one[j];
      if (len < SIZE_MAX) len++;
    }
  }
  if (cap) buf[len < cap ? len : cap - 1] = '\0';
  return len;
}

size_t mem_format_repr(const mem_field *field, const uint8_t *p, char *buf, size_t cap) {
  if (field->code == 's' || field->code == 'p') {
    size_t n;
    const uint8_t *bytes = mem_format_string(field, p, &n);
    return mem_format_escape(bytes, n, buf, cap);
  }
  const mem_value v = mem_format_decode(field, p);
  switch (v.kind) {
    case MEM_VALUE_INT:
      return (size_t)snprintf(buf, cap, "%lld", (long long)v.as.i);
    case MEM_VALUE_UINT:
      return (size_t)snprintf(buf, cap, "%llu", (unsigned long long)v.as.u);
    case MEM_VALUE_BOOL:
      return (size_t)snprintf(buf, cap, "%s", v.as.u ? "true" : "false");
    case MEM_VALUE_CHAR: {
      const uint8_t byte = (uint8_t)v.as.u;
      return mem_format_escape(&byte, 1, buf, cap);
    }
    case MEM_VALUE_FLOAT:
    default:
      return mem_format_double_repr(v.as.f, buf, cap);
  }
}
