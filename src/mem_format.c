/*
 * One-scalar struct formats: parse, decode, and print like Python's repr.
 *
 * Decoding assembles the item byte by byte in the format's order, so it is
 * unaligned-safe and host-independent; O(item size). Half floats (e) are
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

const char *mem_format_parse(const char *text, mem_format *out) {
  static const char codes[] = "cbB?hHiIlLqQnNefd";
  static const uint8_t sizes[] = {1, 1, 1, 1, 2, 2, 4, 4, 4, 4, 8, 8, 4, 4, 2, 4, 8};
  const char *p = text;
  int native = 1;
  uint8_t big = 0;
  if (*p && strchr("@=<>!", *p)) {
    native = *p == '@';
    big = *p == '>' || *p == '!';
    p++;
  }
  if (*p == '\0') return "the format needs one type code of cbB?hHiIlLqQnNefd";
  if (*p >= '0' && *p <= '9') return "a repeat count is not allowed: the format describes one value";
  const char *hit = strchr(codes, *p);
  if (!hit) return "unknown type code (want one of cbB?hHiIlLqQnNefd, optionally after @=<>!)";
  if (p[1] != '\0') return "only one type code is allowed";
  if ((*p == 'n' || *p == 'N') && !native)
    return "n and N exist only in native mode (no byte-order prefix, or '@')";
  out->code = *p;
  out->size = sizes[hit - codes];
  out->big_endian = big;
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

mem_value mem_format_decode(const mem_format *format, const uint8_t *p) {
  const uint64_t bits = load_unsigned(p, format->size, format->big_endian);
  mem_value v;
  v.as.u = bits;
  switch (format->code) {
    case 'b':
    case 'h':
    case 'i':
    case 'l':
    case 'q':
    case 'n':
      v.kind = MEM_VALUE_INT;
      v.as.i = sign_extend(bits, format->size);
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

size_t mem_format_repr(const mem_format *format, const uint8_t *p, char *buf, size_t cap) {
  const mem_value v = mem_format_decode(format, p);
  switch (v.kind) {
    case MEM_VALUE_INT:
      return (size_t)snprintf(buf, cap, "%lld", (long long)v.as.i);
    case MEM_VALUE_UINT:
      return (size_t)snprintf(buf, cap, "%llu", (unsigned long long)v.as.u);
    case MEM_VALUE_BOOL:
      return (size_t)snprintf(buf, cap, "%s", v.as.u ? "true" : "false");
    case MEM_VALUE_CHAR:
      if (v.as.u >= 0x20 && v.as.u <= 0x7e) return (size_t)snprintf(buf, cap, "%c", (int)v.as.u);
      return (size_t)snprintf(buf, cap, "\\x%02x", (unsigned)v.as.u);
    case MEM_VALUE_FLOAT:
    default:
      return mem_format_double_repr(v.as.f, buf, cap);
  }
}
