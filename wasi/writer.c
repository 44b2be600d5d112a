/*
 * Output through a temporary file and rename(2), or directly (writer.h).
 *
 * rename within one directory is atomic on POSIX file systems, so readers of
 * OUT see the old or the new file, never a mix. The temporary name carries 64
 * random bits; O_EXCL makes a collision (or a planted symlink) fail instead
 * of clobbering, and we retry a few times. No fsync: the promise is "no
 * half-written file after an error", not durability across power loss.
 */
#include "writer.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* A path beside OUT: DIR/.BASE.mem-XXXXXXXXXXXXXXXX */
static char *temp_name(const char *path) {
  uint64_t bits;
  if (getentropy(&bits, sizeof bits) != 0) return NULL;
  const char *slash = strrchr(path, '/');
  const int dir_len = slash ? (int)(slash - path + 1) : 0;
  const size_t size = strlen(path) + 32;
  char *name = malloc(size);
  if (name) snprintf(name, size, "%.*s.%s.mem-%016" PRIx64, dir_len, path, path + dir_len, bits);
  return name;
}

static int open_temp(mem_writer *w, const char *path) {
  for (int attempt = 0; attempt < 8; attempt++) {
    w->temp = temp_name(path);
    if (!w->temp) return cli_fail(path, "cannot make a temporary name: %s", strerror(errno));
    w->fd = open(w->temp, O_WRONLY | O_CREAT | O_EXCL, 0666);
    if (w->fd >= 0) return 0;
    const int err = errno;
    free(w->temp);
    w->temp = NULL;
    if (err != EEXIST) return cli_fail(path, "cannot create a temporary file beside it: %s", strerror(err));
  }
  return cli_fail(path, "cannot create a temporary file beside it: %s", strerror(EEXIST));
}

int writer_open(mem_writer *w, const char *path) {
  w->temp = NULL;
  if (!path || strcmp(path, "-") == 0) {
    w->name = "standard output";
    w->fd = STDOUT_FILENO;
    return 0;
  }
  w->name = path;
  struct stat st;
  if (stat(path, &st) != 0) {
    if (errno != ENOENT) return cli_fail_errno(path);
    return open_temp(w, path);
  }
  if (S_ISDIR(st.st_mode)) return cli_fail(path, "%s", strerror(EISDIR));
  if (S_ISREG(st.st_mode)) return open_temp(w, path);
  w->fd = open(path, O_WRONLY); /* a device or a pipe: no rename possible, write through */
  return w->fd < 0 ? cli_fail_errno(path) : 0;
}

int writer_write(mem_writer *w, const void *data, size_t n) {
  const uint8_t *p = data;
  while (n > 0) {
    const ssize_t done = write(w->fd, p, n);
    if (done < 0 && errno == EINTR) continue;
    if (done <= 0) return done < 0 ? cli_fail_errno(w->name) : cli_fail(w->name, "write made no progress");
    p += done;
    n -= (size_t)done;
  }
  return 0;
}

int writer_finish(mem_writer *w) {
  if (w->fd == STDOUT_FILENO) return 0;
  if (close(w->fd) != 0) {
    w->fd = -1;
    const int status = cli_fail_errno(w->name);
    writer_abort(w);
    return status;
  }
  w->fd = -1;
  if (w->temp && rename(w->temp, w->name) != 0) {
    const int status = cli_fail_errno(w->name);
    writer_abort(w);
    return status;
  }
  free(w->temp);
  w->temp = NULL;
  return 0;
}

void writer_abort(mem_writer *w) {
  if (w->fd > STDOUT_FILENO) close(w->fd);
  w->fd = -1;
  if (w->temp) {
    unlink(w->temp);
    free(w->temp);
    w->temp = NULL;
  }
}
