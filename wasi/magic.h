/*
 * magic.h - the built-in file signatures of `mem scan --magic`, generated
 * into magic_table.c from src/magic.txt (the JS package's `magic` comes
 * from the same file, its checks from the same trees).
 */
#ifndef MEM_MAGIC_H
#define MEM_MAGIC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct mem_magic {
  const char *id;   /* short, lowercase: --magic=ID,... */
  const char *name; /* what scan prints */
  size_t offset;    /* where the signature sits from the start of the file it marks */
  size_t len;
  const char *bytes, *mask; /* len bytes each; bytes already masked */
  size_t reach;             /* the check reads only at[0 .. reach); >= len */
  /* The structural test of the header after a match at `at`, with `avail`
   * bytes from there to the input's end; NULL when none. It reads no byte
   * at or past at + min(avail, reach) and fails when it would need one. */
  bool (*check)(const uint8_t *at, size_t avail);
};

extern const struct mem_magic mem_magic_table[];
extern const size_t mem_magic_count;

#endif /* MEM_MAGIC_H */
