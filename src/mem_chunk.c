/*
 * Chunk storage: the allocator entry points the JS Chunk class uses, with
 * counters that let tests see what the allocator did (a loop of a million
 * one-byte growths must cost a logarithmic number of reallocations), and the
 * pattern fill used by Chunk.alloc, fill and resize.
 *
 * The counters are the one piece of global state beside the allocator's own;
 * they describe it, and exist only for statistics.
 */
#define _GNU_SOURCE /* glibc's mallinfo2 under -std=c11 */
#include <stdlib.h> /* first: it defines __GLIBC__ where there is glibc */
#include <string.h>
#if defined(__GLIBC__) || defined(__EMSCRIPTEN__)
#include <malloc.h>
#endif

#include "mem.h"

static struct mem_stats counters;

void *mem_chunk_alloc(size_t size) {
  void *p = malloc(size ? size : 1);
  if (p) counters.allocations++;
  return p;
}

void *mem_chunk_realloc(void *p, size_t size) {
  void *q = realloc(p, size ? size : 1);
  if (q) counters.reallocations++;
  return q;
}

void mem_chunk_free(void *p) {
  if (!p) return;
  counters.frees++;
  free(p);
}

void mem_stats(struct mem_stats *out) {
  *out = counters;
#if defined(__GLIBC__)
  out->bytes_in_use = mallinfo2().uordblks;
#elif defined(__EMSCRIPTEN__)
  out->bytes_in_use = (size_t)mallinfo().uordblks;
#else
  out->bytes_in_use = 0; /* wasi-libc does not expose its allocator's state */
#endif
}

/*
 * Doubling copies: write the pattern once, then copy what is already written
 * onto what follows, so n bytes take O(log(n / pat_len)) memcpy calls, each
 * at memcpy speed.
 */
void mem_fill_pattern(uint8_t *dst, size_t n, const uint8_t *pat, size_t pat_len) {
  if (n == 0 || pat_len == 0) return;
  if (pat_len == 1) {
    memset(dst, pat[0], n);
    return;
  }
  size_t done = pat_len < n ? pat_len : n;
  memmove(dst, pat, done); /* pat may lie inside dst's own chunk */
  while (done < n) {
    size_t k = done < n - done ? done : n - done;
    memcpy(dst + done, dst, k);
    done += k;
  }
}
