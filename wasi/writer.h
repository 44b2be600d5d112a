/*
 * writer.h - where `slice` and `join` send their bytes.
 *
 * A new or regular output file is written to a temporary file beside it (a
 * random name from getentropy, opened with O_EXCL, since wasi-libc has no
 * mkstemp) and renamed over OUT only when complete: an error leaves no
 * half-written file and the old OUT unchanged. OUT is resolved through
 * symbolic links first (paths.h): the file a link points to is replaced, the
 * link stays. Anything else (a device, FIFO, socket, also behind a link) is
 * written directly, and /dev/stdout, /dev/fd/N, ... are the command's own
 * descriptors. A replaced file keeps its permission bits where the platform
 * has them (natively here; under the Node launcher, bin/mem.js; a WASI
 * runtime has no file modes). A closed pipe (EPIPE) stops the command
 * without a message, as the shell's SIGPIPE would.
 */
#ifndef MEM_WRITER_H
#define MEM_WRITER_H

#include <stdbool.h>
#include <stddef.h>

typedef struct mem_writer {
  const char *name; /* OUT as given, or "standard output" */
  int fd;
  bool borrowed; /* fd is the command's own descriptor: never closed here */
  char *target;  /* the file the temporary one replaces (links resolved), or NULL */
  char *temp;    /* the temporary file's path, or NULL when writing directly */
} mem_writer;

/* Opens OUT (NULL: standard output). Returns 0 or EXIT_ERROR after a message. */
int writer_open(mem_writer *w, const char *path);

/* Writes all n bytes. Returns 0 or EXIT_ERROR after a message (then call writer_abort). */
int writer_write(mem_writer *w, const void *data, size_t n);

/* Closes and renames the temporary file into place. 0 or EXIT_ERROR. */
int writer_finish(mem_writer *w);

/* Closes and removes the temporary file, leaving OUT as it was. */
void writer_abort(mem_writer *w);

#endif /* MEM_WRITER_H */
