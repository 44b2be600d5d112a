/*
 * mem_format.h - one-scalar Python struct formats (SPEC §5): parsing, decoding
 * and Python-repr-style text.
 *
 * A format is an optional byte-order character and one code:
 *   '@' '=' '<' little-endian (wasm's native order), '>' '!' big-endian;
 *   codes c b B ? h H i I l L q Q n N e f d with wasm32 C sizes
 *   (l L n N: 4 bytes, q Q: 8, e: 2). n and N exist only in native mode
 *   (no prefix or '@'), as in Python's struct.
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

typedef struct mem_format {
  char code;          /* one of "cbB?hHiIlLqQnNefd" */
  uint8_t size;       /* bytes per item: 1, 2, 4 or 8 */
  uint8_t big_endian; /* 1 for '>' and '!', else 0 */
} mem_format;

typedef enum mem_value_kind {
  MEM_VALUE_INT,   /* signed integer codes b h i l q n: value.i */
  MEM_VALUE_UINT,  /* unsigned integer codes B H I L Q N: value.u */
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
 * Parses text as a one-scalar format into *out. Returns NULL on success, or
 * a static English sentence saying why the text is not a valid format (an
 * empty string, a repeat count, an unknown code, two codes, n/N with a
 * byte-order prefix).
 */
const char *mem_format_parse(const char *text, mem_format *out);

/* Decodes the item at p (format->size bytes, any alignment). */
mem_value mem_format_decode(const mem_format *format, const uint8_t *p);

/*
 * Writes the item at p as text into buf (always NUL-terminated when cap > 0)
 * and returns the text's length, as snprintf does. Integers in decimal;
 * floats as Python's repr (shortest text that reads back to the same double:
 * 1.5, 1.0, 1e+100, 1e-05, nan, inf, -inf, -0.0); '?' as true/false; 'c' as
 * the character when printable ASCII (0x20..0x7e), else \xNN. 32 bytes always
 * suffice.
 */
size_t mem_format_repr(const mem_format *format, const uint8_t *p, char *buf, size_t cap);

/* The repr text of a double alone, as above (used for e, f and d). */
size_t mem_format_double_repr(double v, char *buf, size_t cap);

#ifdef __cplusplus
}
#endif

#endif /* MEM_FORMAT_H */
