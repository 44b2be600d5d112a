/*
 * magic.h - the built-in file signatures of `mem scan --magic`, generated
 * into magic_table.c from src/magic.txt (the JS package's `magic` comes
 * from the same file).
 */
#ifndef MEM_MAGIC_H
#define MEM_MAGIC_H

#include <stddef.h>

struct mem_magic {
  const char *name;
  size_t offset; /* where the signature sits from the start of the file it marks */
  size_t len;
  const char *bytes, *mask; /* len bytes each; bytes already masked */
};

extern const struct mem_magic mem_magic_table[];
extern const size_t mem_magic_count;

#endif /* MEM_MAGIC_H */
