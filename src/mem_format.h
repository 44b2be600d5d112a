/*
 * mem_format.h - Python struct formats (SPEC §5): parsing the whole format
 * language into a record layout, decoding values, and Python-repr-style text.
 *
 * A format is an optional byte-order character, then items, each an
 * optional decimal repeat count and a code, with whitespace between items:
 *   '@' (or none) native: little-endian (wasm's order), each value aligned to
 *       its size as wasm32 C lays out a struct, with no trailing padding;
 *   '=' '<' little-endian, '>' '!' big-endian: no padding;
 *   codes x (pad byte) c b B ? h H i I l L q Q n N P e f d s p with wasm32 C
 *       sizes (l L n N P: 4 bytes, q Q: 8, e: 2); n N P only in native mode.
 * Ns is one value of N bytes; Np a Pascal string of N bytes (length byte
 * first; 0p is refused); a count on any other code means that many values.
 * A zero count still aligns in native mode, as in Python's struct.
 * Decoding is unaligned-safe (bytes are assembled one at a time) and honours
 * the byte order on every host. Nothing here allocates or keeps state.
 */
#ifndef MEM_FORMAT_H
#define MEM_FORMAT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The largest record size accepted, as in the JS package (a StrArray item
 * must fit one chunk and one typed array). */
#define MEM_FORMAT_MAX_SIZE INT32_MAX

/* One item of a format that holds values: `count` values of one code, the
 * k-th at offset + k * size in the record. Pad items (x) and zero counts of
 * codes other than s have no field. */
typedef struct mem_field {
  uint32_t offset;    /* of the first value, from the record's start */
  uint32_t count;     /* values in the item: the repeat count; 1 for s and p */
  uint32_t size;      /* bytes per value: 1, 2, 4 or 8; for s and p the repeat count */
  char code;          /* one of "cbB?hHiIlLqQnNPefdsp" */
  uint8_t big_endian; /* 1 for '>' and '!', else 0 */
} mem_field;

/* A parsed format (the fields themselves are in the caller's array). */
typedef struct mem_format {
  uint32_t size;   /* bytes per record, Python's calcsize */
  uint64_t values; /* values per record: the sum of the fields' counts */
  size_t fields;   /* fields in the format (how many entries it needs) */
} mem_format;

typedef enum mem_value_kind {
  MEM_VALUE_INT,   /* signed integer codes b h i l q n: value.i */
  MEM_VALUE_UINT,  /* unsigned integer codes B H I L Q N P: value.u */
  MEM_VALUE_FLOAT, /* e f d, widened exactly to double: value.f */
  MEM_VALUE_BOOL,  /* ?: value.u is 0 or 1 (any nonzero byte is true, as struct) */
  MEM_VALUE_CHAR   /* c: value.u is the byte 0..255 */
} mem_value_kind;

typedef struct mem_value {
  mem_value_kind kind;
  union {
    int64_t i;
    uint64_t u;
    double f;
  } as;
} mem_value;

/*
 * Parses text as a format into *out and, when fields is not NULL, its first
 * min(out->fields, cap) fields into fields[]. Call it once with fields NULL
 * to validate and count, then with an array of out->fields entries (never
 * more than strlen(text)). Returns NULL on success, or a static English
 * sentence saying why the text is not a valid format (an unknown code, a
 * count with no code, n/N/P with a byte-order prefix, 0p, a size over
 * MEM_FORMAT_MAX_SIZE). O(strlen(text)).
 */
const char *mem_format_parse(const char *text, mem_format *out, mem_field *fields, size_t cap);

/* Decodes the value at p (field->size bytes, any alignment); not for s/p. */
mem_value mem_format_decode(const mem_field *field, const uint8_t *p);

/* The bytes of the s or p value at p: returns where they start and sets *len
 * (s: the whole field; p: the length byte, capped at size - 1, bytes after it). */
const uint8_t *mem_format_string(const mem_field *field, const uint8_t *p, size_t *len);

/*
 * Writes the value at p as text into buf (always NUL-terminated when cap >
 * 0) and returns the text's length, as snprintf does. Integers in decimal;
 * floats as Python's repr (shortest text that reads back to the same double:
 * 1.5, 1.0, 1e+100, 1e-05, nan, inf, -inf, -0.0); '?' as true/false; c, s
 * and p as text, each byte as its character when printable ASCII (0x20..0x7e)
 * other than the backslash, else \xNN (a backslash is \x5c, so the text
 * reads back to exactly one byte string). 32 bytes always suffice except for
 * s and p (4 per byte, + 1).
 */
size_t mem_format_repr(const mem_field *field, const uint8_t *p, char *buf, size_t cap);

/* The text of n bytes as c/s/p values print: as above, snprintf's contract
 * (the length returned saturates at SIZE_MAX, which no buffer reaches). */
size_t mem_format_escape(const uint8_t *p, size_t n, char *buf, size_t cap);

/* The repr text of a double alone, as above (used for e, f and d). */
size_t mem_format_double_repr(double v, char *buf, size_t cap);

#ifdef __cplusplus
}
#endif

#endif /* MEM_FORMAT_H */
