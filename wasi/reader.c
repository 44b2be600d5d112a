/*
 * The windowed reader (see reader.h for the modes).
 *
 * A request that overlaps the resident window's tail keeps those bytes
 * (memmove to the front of the buffer) and reads only the rest, so forward
 * scans read each byte once; that is also what lets a stream (which cannot
 * re-read) serve overlapping windows. Any other request is one pread. The
 * buffer grows to the largest request and no further: memory is
 * O(window + pattern), never O(file). A request is only a bound on what may
 * come: the buffer grows (doubling, from one window) as bytes arrive, so a
 * stream that ends early never costs the memory it was asked for (`echo x |
 * mem array 100000000B -` holds a window, not 100 MB); a file's request is
 * clamped to its size first. A STREAM's resident window always ends at the
 * stream's position, the invariant that makes the skip-ahead correct.
 */
#include "reader.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "paths.h"
#include "progress.h"

enum { DEFAULT_WINDOW = 1 << 20 };

size_t reader_window(void) {
  static size_t window;
  if (window == 0) {
    const char *env = getenv("MEM_WINDOW");
    const unsigned long long v = env ? strtoull(env, NULL, 0) : 0;
    window = v >= 1 && v <= (1u << 30) ? (size_t)v : DEFAULT_WINDOW;
  }
  return window;
}

static int reserve(mem_reader *r, size_t n) {
  if (n <= r->cap) return 0;
  uint8_t *grown = realloc(r->buf, n);
  if (!grown) return cli_fail(r->name, "out of memory for a %zu-byte window", n);
  r->buf = grown;
  r->cap = n;
  return 0;
}

/* Reads a non-seekable input whole (MEMORY mode), doubling the buffer. */
static int read_whole(mem_reader *r) {
  size_t len = 0;
  for (;;) {
    if (len == r->cap) {
      const size_t want = r->cap ? r->cap * 2 : reader_window();
      if (want <= r->cap) return cli_fail(r->name, "too large to hold in memory");
      uint8_t *grown = realloc(r->buf, want);
      if (!grown) return cli_fail(r->name, "too large to hold in memory (read from the end needs it whole)");
      r->buf = grown;
      r->cap = want;
    }
    const ssize_t n = read(r->fd, r->buf + len, r->cap - len);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return cli_fail_errno(r->name);
    if (n == 0) break;
    len += (size_t)n;
    progress_add((uint64_t)n);
  }
  r->size = len;
  r->off = 0;
  r->len = len;
  return 0;
}

int reader_open(mem_reader *r, const char *path, bool need_size) {
  memset(r, 0, sizeof *r);
  r->name = path;
  r->fd = -1;
  if (strcmp(path, "-") == 0) {
    r->fd = STDIN_FILENO;
  } else {
    char *resolved;
    if (path_resolve(path, &resolved, &r->fd) != 0) return EXIT_ERROR;
    free(resolved); /* open follows the links itself; only own descriptors needed the walk */
  }
  r->borrowed = r->fd >= 0;
  if (r->fd < 0) r->fd = open(path, O_RDONLY);
  if (r->fd < 0) return cli_fail_path(path);
  struct stat st;
  if (fstat(r->fd, &st) != 0) return cli_fail_errno(path);
  if (S_ISDIR(st.st_mode)) return cli_fail(path, "%s", strerror(EISDIR));
  r->dev = (uint64_t)st.st_dev;
  r->ino = (uint64_t)st.st_ino;
  if (S_ISREG(st.st_mode) && st.st_size > 0) {
    /* A regular standard input may have been read partly by the shell or a
     * previous command: its data starts at the current offset. */
    const off_t at = r->borrowed ? lseek(r->fd, 0, SEEK_CUR) : 0;
    if (at >= 0) {
      r->mode = READER_SEEK;
      r->base = (uint64_t)at;
      r->size = (uint64_t)st.st_size > r->base ? (uint64_t)st.st_size - r->base : 0;
      progress_expect(r->size);
      return 0;
    }
  }
  if (need_size) {
    r->mode = READER_MEMORY;
    return read_whole(r);
  }
  r->mode = READER_STREAM;
  r->size = READER_SIZE_UNKNOWN;
  return 0;
}

/* Fills buf[keep .. len) from the file at off + keep; stops early at the
 * end. The buffer grows only when full and bytes are still wanted: twice
 * its size (capped at len), so growing costs O(bytes read) copying. */
static int fill(mem_reader *r, uint64_t off, size_t *keep, size_t len) {
  while (*keep < len) {
    if (*keep == r->cap && reserve(r, r->cap && r->cap <= len / 2 ? r->cap * 2 : len) != 0) return EXIT_ERROR;
    const size_t room = (len < r->cap ? len : r->cap) - *keep;
    const ssize_t n = r->mode == READER_SEEK
                          ? pread(r->fd, r->buf + *keep, room, (off_t)(r->base + off + *keep))
                          : read(r->fd, r->buf + *keep, room);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return cli_fail_errno(r->name);
    if (n == 0) {
      if (r->mode == READER_STREAM) r->size = off + *keep; /* the end, now known */
      break;
    }
    *keep += (size_t)n;
    progress_add((uint64_t)n);
  }
  return 0;
}

/* Moves a stream forward to off, discarding what lies before it. */
static int skip_to(mem_reader *r, uint64_t off) {
  if (reserve(r, reader_window()) != 0) return EXIT_ERROR;
  uint64_t at = r->off + r->len;
  while (at < off && r->size == READER_SIZE_UNKNOWN) {
    size_t got = 0;
    const size_t want = off - at < r->cap ? (size_t)(off - at) : r->cap;
    if (fill(r, at, &got, want) != 0) return EXIT_ERROR;
    if (got < want && r->size == READER_SIZE_UNKNOWN) r->size = at + got;
    at += got;
  }
  r->off = at;
  r->len = 0;
  return 0;
}

int reader_get(mem_reader *r, uint64_t off, size_t len, const uint8_t **data, size_t *got) {
  if (r->size != READER_SIZE_UNKNOWN) /* never ask for bytes past a known end */
    len = off >= r->size ? 0 : (r->size - off < len ? (size_t)(r->size - off) : len);
  if (r->mode == READER_MEMORY) {
    *data = r->buf + (len ? off : 0);
    *got = len;
    return 0;
  }
  size_t keep = 0;
  if (off >= r->off && off < r->off + r->len) {
    keep = (size_t)(r->off + r->len - off);
    memmove(r->buf, r->buf + (off - r->off), keep);
  } else if (r->mode == READER_STREAM) {
    if (off < r->off) return cli_fail(r->name, "cannot read backward in a stream");
    if (skip_to(r, off) != 0) return EXIT_ERROR;
    if (r->size != READER_SIZE_UNKNOWN) len = 0; /* the stream ended before off */
  }
  /* A file's request is clamped to its size: all of it at once. A stream's
   * starts with one window (or what is kept); fill grows it while bytes keep
   * coming. */
  const size_t start = r->mode == READER_SEEK || len < reader_window() ? len : reader_window();
  if (reserve(r, start > keep ? start : keep) != 0) return EXIT_ERROR;
  if (fill(r, off, &keep, len) != 0) return EXIT_ERROR;
  r->off = off;
  r->len = keep; /* a stream keeps all it holds: its window must end at its position */
  *data = r->buf;
  *got = keep < len ? keep : len;
  return 0;
}

bool reader_same_file(const mem_reader *r, uint64_t dev, uint64_t ino) {
  return r->mode == READER_SEEK && r->dev == dev && r->ino == ino;
}

void reader_close(mem_reader *r) {
  if (r->fd >= 0 && !r->borrowed) close(r->fd);
  free(r->buf);
  memset(r, 0, sizeof *r);
  r->fd = -1;
}
