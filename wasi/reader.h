/*
 * reader.h - the one windowed reader every `mem` command uses.
 *
 * A reader holds one window of a file in a buffer and moves it where the
 * command asks: forward (searches overlap consecutive windows by the pattern
 * length - 1), backward (rindex, rdiff, rmatch) or side by side with another
 * reader (cmp, diff). Memory stays bounded by the window size whatever the
 * file's size, which may exceed 4 GiB (offsets are uint64_t).
 *
 * Three modes, chosen at open:
 *   SEEK    a regular file (also a seekable standard input): pread anywhere;
 *   STREAM  a pipe, terminal or device read forward only; the size is known
 *           once the end is reached;
 *   MEMORY  a non-seekable standard input that the command needs to read
 *           from the end (need_size): it is read whole into memory first.
 *
 * The window size is MEM_WINDOW bytes from the environment (for tests, so
 * that small files cross window boundaries), else 1 MiB.
 */
#ifndef MEM_READER_H
#define MEM_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The size of a stream whose end has not been reached yet. */
#define READER_SIZE_UNKNOWN UINT64_MAX

typedef enum { READER_SEEK, READER_STREAM, READER_MEMORY } reader_mode;

typedef struct mem_reader {
  const char *name; /* as the user wrote it: the subject of error messages */
  int fd;
  bool borrowed; /* fd is the command's own descriptor ("-", /dev/stdin, /dev/fd/N): never closed */
  reader_mode mode;
  uint64_t size;     /* READER_SIZE_UNKNOWN for a stream not yet at its end */
  uint64_t base;     /* where the data starts in fd: a seekable stdin may be mid-file */
  uint64_t dev, ino; /* identity, to notice that two names are one file */
  uint8_t *buf;
  size_t cap;
  uint64_t off; /* the resident window is [off, off + len) */
  size_t len;
} mem_reader;

/* Bytes per window: MEM_WINDOW, else 1 MiB. Always >= 1. */
size_t reader_window(void);

/*
 * Opens PATH ("-" is standard input; /dev/stdin, /dev/fd/N and the like,
 * also behind links, are the command's own descriptors: paths.h). A file
 * whose stat size is 0 (procfs, sysfs) is read to its end like a stream,
 * since its size is only known once read. need_size: the caller needs the size
 * (negative positions, reading from the end), so a non-seekable input is
 * read into memory. A directory is refused. Returns 0, or EXIT_ERROR after a
 * message naming the file.
 */
int reader_open(mem_reader *r, const char *path, bool need_size);

/*
 * Makes the bytes [off, off + len) resident and points *data at them; *got
 * is len, or fewer at the end of the file (0 past it). A STREAM reader only
 * moves forward: off must not be below the previous call's off. Bytes kept
 * from the previous window are moved, not read again. Returns 0, or
 * EXIT_ERROR after a message.
 */
int reader_get(mem_reader *r, uint64_t off, size_t len, const uint8_t **data, size_t *got);

/* True when r reads, in place (SEEK mode), the file with this device and
 * inode: `copy` asks it to tell an overlapping copy within one file. */
bool reader_same_file(const mem_reader *r, uint64_t dev, uint64_t ino);

void reader_close(mem_reader *r);

#endif /* MEM_READER_H */
