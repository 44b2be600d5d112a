/*
 * len, slice, join and copy: the commands that move bytes between files.
 *
 * All stream window by window, so memory is O(window) for any file size.
 * slice and join write through writer.c (temporary file + rename). copy
 * changes DEST in place with pwrite: its size check comes before the first
 * write, so a refusal writes nothing; when SRC and DEST are one file and the
 * target lies after the source, windows go from the end backward, like
 * memmove, so no byte is overwritten before it is read.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "preopen.h"
#include "reader.h"
#include "writer.h"

int cmd_len(cli_args *a) {
  mem_reader r;
  int status = reader_open(&r, a->argv[0], false);
  for (uint64_t off = 0; status == 0 && r.size == READER_SIZE_UNKNOWN;) { /* a stream: count it */
    const uint8_t *data;
    size_t got;
    status = reader_get(&r, off, reader_window(), &data, &got);
    off += got;
  }
  if (status == 0) printf("%" PRIu64 "\n", r.size);
  reader_close(&r);
  return status;
}

/* Copies [from, to) of an open reader to w; to may be UINT64_MAX (to the end). */
static int pump(mem_reader *r, uint64_t from, uint64_t to, mem_writer *w) {
  const size_t window = reader_window();
  for (uint64_t off = from; off < to;) {
    const size_t want = to - off < window ? (size_t)(to - off) : window;
    const uint8_t *data;
    size_t got;
    if (reader_get(r, off, want, &data, &got) != 0) return EXIT_ERROR;
    if (got && writer_write(w, data, got) != 0) return EXIT_ERROR;
    if (got < want) break;
    off += got;
  }
  return 0;
}

int cmd_slice(cli_args *a) {
  int64_t start, stop = 0;
  const bool has_stop = a->argc > 2;
  if (cli_number(a->argv[1], "START", &start) != 0) return EXIT_ERROR;
  if (has_stop && cli_number(a->argv[2], "STOP", &stop) != 0) return EXIT_ERROR;
  mem_reader r;
  mem_writer w;
  if (reader_open(&r, a->argv[0], start < 0 || (has_stop && stop < 0)) != 0) {
    reader_close(&r);
    return EXIT_ERROR;
  }
  const uint64_t from = cli_clamp(start, r.size); /* r.size is UINT64_MAX for a stream */
  const uint64_t to = has_stop ? cli_clamp(stop, r.size) : r.size;
  int status = writer_open(&w, a->out);
  if (status == 0) {
    status = pump(&r, from, to, &w);
    status = status == 0 ? writer_finish(&w) : (writer_abort(&w), status);
  }
  reader_close(&r);
  return status;
}

int cmd_join(cli_args *a) {
  mem_writer w;
  if (writer_open(&w, a->out) != 0) return EXIT_ERROR;
  int status = 0;
  for (int k = 0; k < a->argc && status == 0; k++) {
    mem_reader r;
    status = reader_open(&r, a->argv[k], false);
    if (status == 0) status = pump(&r, 0, UINT64_MAX, &w);
    reader_close(&r);
  }
  if (status != 0) {
    writer_abort(&w);
    return status;
  }
  return writer_finish(&w);
}

static int write_at(int fd, const char *name, const uint8_t *data, size_t n, uint64_t off) {
  while (n > 0) {
    const ssize_t done = pwrite(fd, data, n, (off_t)off);
    if (done < 0 && errno == EINTR) continue;
    if (done <= 0) return done < 0 ? cli_fail_errno(name) : cli_fail(name, "write made no progress");
    data += done;
    n -= (size_t)done;
    off += (uint64_t)done;
  }
  return 0;
}

/* Copies all of src to fd at `at`, window by window, forward or backward. */
static int copy_windows(mem_reader *src, int fd, const char *name, uint64_t at, bool backward) {
  const uint64_t window = reader_window(), size = src->size;
  for (uint64_t done = 0; done < size;) {
    const uint64_t n = size - done < window ? size - done : window;
    const uint64_t off = backward ? size - done - n : done;
    const uint8_t *data;
    size_t got;
    if (reader_get(src, off, (size_t)n, &data, &got) != 0) return EXIT_ERROR;
    if (got != n) return cli_fail(src->name, "file shrank while being read");
    if (write_at(fd, name, data, got, at + off) != 0) return EXIT_ERROR;
    done += n;
  }
  return 0;
}

/* Where SRC goes in DEST, after the size check: 0, or EXIT_ERROR after a message. */
static int copy_target(cli_args *a, uint64_t src_size, uint64_t dest_size, uint64_t *at) {
  const char *dest = a->argv[1];
  int64_t want = cli_or(a->has_at, a->at, 0);
  if (want < 0 && (uint64_t) - (want + 1) + 1 > dest_size)
    return cli_fail(dest, "--at %" PRId64 " is before the start (size %" PRIu64 ")", want, dest_size);
  *at = want < 0 ? dest_size - ((uint64_t) - (want + 1) + 1) : (uint64_t)want;
  if (*at > UINT64_MAX - src_size)
    return cli_fail(dest, "--at %" PRIu64 " + %" PRIu64 " bytes overflows", *at, src_size);
  if (!a->grow && *at + src_size > dest_size)
    return cli_fail(dest,
                    "%s (%" PRIu64 " bytes) at offset %" PRIu64 " would pass the end (size %" PRIu64
                    "); nothing written (--grow extends)",
                    a->argv[0], src_size, *at, dest_size);
  return 0;
}

int cmd_copy(cli_args *a) {
  const char *dest = a->argv[1];
  mem_reader src;
  int status = reader_open(&src, a->argv[0], true); /* the size check needs SRC's size first */
  if (status == 0) status = preopen_check(dest);
  const int fd = status == 0 ? open(dest, O_RDWR) : -1;
  struct stat st;
  if (status == 0 && (fd < 0 || fstat(fd, &st) != 0)) status = cli_fail_path(dest);
  if (status == 0 && !S_ISREG(st.st_mode))
    status = cli_fail(dest, "not a regular file (copy changes DEST in place)");
  uint64_t at = 0;
  if (status == 0) status = copy_target(a, src.size, (uint64_t)st.st_size, &at);
  if (status == 0) {
    const bool same = reader_same_file(&src, (uint64_t)st.st_dev, (uint64_t)st.st_ino);
    status = copy_windows(&src, fd, dest, at, same && at > src.base);
  }
  if (fd >= 0 && close(fd) != 0 && status == 0) status = cli_fail_errno(dest);
  reader_close(&src);
  return status;
}
