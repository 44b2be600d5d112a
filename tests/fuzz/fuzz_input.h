/*
 * fuzz_input.h - splits a libFuzzer input into the arguments of one call.
 *
 * Integers come off the front of the input, bytes off the rest, as LLVM's
 * FuzzedDataProvider does; a short input reads as zeros, so every input is a
 * valid test case and small mutations change one argument at a time.
 * Buffers handed to a kernel are copied into allocations of exactly their
 * length, so AddressSanitizer reports a read one byte past the end.
 */
#ifndef MEM_FUZZ_INPUT_H
#define MEM_FUZZ_INPUT_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fuzz_input {
  const uint8_t *data;
  size_t size;
} fuzz_input;

static inline uint64_t take_uint(fuzz_input *in, size_t bytes) {
  uint64_t v = 0;
  for (size_t k = 0; k < bytes; k++) {
    v = v << 8 | (in->size ? in->data[0] : 0);
    if (in->size) in->data++, in->size--;
  }
  return v;
}

/* The next n bytes (fewer when the input runs out), copied to an exact-size block. */
static inline uint8_t *take_bytes(fuzz_input *in, size_t n, size_t *got) {
  if (n > in->size) n = in->size;
  uint8_t *p = malloc(n ? n : 1);
  if (!p) abort();
  if (n) memcpy(p, in->data, n);
  in->data += n, in->size -= n;
  *got = n;
  return p;
}

/* A copy of exactly n bytes of src in a block of its own. */
static inline uint8_t *dup_bytes(const uint8_t *src, size_t n) {
  uint8_t *p = malloc(n ? n : 1);
  if (!p) abort();
  if (n) memcpy(p, src, n);
  return p;
}

/*
 * A position for a buffer of length len: mostly inside it or just past the
 * end (the off-by-one cases), sometimes far past it or near SIZE_MAX, where
 * overflowing arithmetic would show.
 */
static inline size_t pick_position(uint16_t raw, size_t len) {
  switch (raw >> 13) {
    case 7:
      return SIZE_MAX - (raw & 3);
    case 6:
      return len + (raw & 0x1fff);
    default:
      return raw % (len + 3);
  }
}

/* A step: mostly small, sometimes one of the values where arithmetic breaks. */
static inline size_t pick_step(uint8_t raw) {
  static const size_t edges[] = {0,
                                 1,
                                 2,
                                 3,
                                 7,
                                 8,
                                 16,
                                 64,
                                 255,
                                 4096,
                                 (size_t)1 << 31,
                                 SIZE_MAX / 2,
                                 SIZE_MAX / 2 + 1,
                                 SIZE_MAX - 1,
                                 SIZE_MAX,
                                 5};
  return raw & 0x80 ? edges[raw & 15] : (size_t)1 + (raw & 0x0f);
}

#define FUZZ_CHECK(cond, ...)                            \
  do {                                                   \
    if (!(cond)) {                                       \
      fprintf(stderr, "fuzz check failed: %s: ", #cond); \
      fprintf(stderr, __VA_ARGS__);                      \
      fputc('\n', stderr);                               \
      abort();                                           \
    }                                                    \
  } while (0)

/* Byte k of a pattern mask of kind `kind` (the pattern fuzzers): none, the
 * high or low nibble, a scattered bit mask, or all bits. */
static inline uint8_t fuzz_mask_byte(unsigned kind, unsigned k) {
  switch ((kind >> (k % 4)) & 7) {
    case 0:
      return 0x00;
    case 1:
      return 0xF0;
    case 2:
      return 0x0F;
    case 3:
      return (uint8_t)(0x5A ^ k);
    default:
      return 0xFF;
  }
}

#endif /* MEM_FUZZ_INPUT_H */
