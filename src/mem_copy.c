/*
 * Overlap-safe copy. memmove compiles to the bulk-memory instruction
 * memory.copy in the wasm builds (-mbulk-memory), which the engine runs at
 * native memmove speed.
 */
#include "mem.h"

#include <string.h>

size_t mem_copy(uint8_t *dst, const uint8_t *src, size_t n) {
  if (n) memmove(dst, src, n);
  return n;
}
