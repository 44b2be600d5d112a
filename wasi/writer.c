/*
 * Output through a temporary file and rename(2), or directly (writer.h).
 *
 * rename within one directory is atomic on POSIX file systems, so readers of
 * OUT see the old or the new file, never a mix. The temporary name carries 64
 * random bits; O_EXCL makes a collision (or a planted symlink) fail instead
 * of clobbering, and we retry a few times. No fsync: the promise is "no
 * half-written file after an error", not durability across power loss.
 * The temporary file sits beside the resolved target, never beside a link
 * to it: rename must stay within one directory (one file system) and must
 * replace the file, not the link.
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
#include "paths.h"
#include "preopen.h"

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

/* Gives the new file fd the replaced file's owner and permission bits (st:
 * the replaced file's stat, or NULL for a new OUT). Root replacing another
 * user's file would otherwise hand it to root, and with a mode like 0600 that
 * user could no longer read it. Owner first: fchown may clear the set-id
 * bits, which fchmod then restores. Only root may give a file away: EPERM
 * leaves the new file the writer's own (its group too, when the writer is
 * not in the old one), as any editor's rename does. */
static int keep_owner_and_mode(mem_writer *w, const struct stat *st) {
#ifndef __wasi__ /* WASI has neither owners nor modes; bin/mem.js sets both under Node */
  if (st == NULL) return 0;
  if ((st->st_uid != geteuid() || st->st_gid != getegid()) && fchown(w->fd, st->st_uid, st->st_gid) != 0 &&
      errno != EPERM)
    return cli_fail_errno(w->name);
  if (fchmod(w->fd, st->st_mode & 07777) != 0) return cli_fail_errno(w->name);
#else
  (void)w;
  (void)st;
#endif
  return 0;
}

/* Opens a temporary file beside w->target; st: the file it will replace, or NULL. */
static int open_temp(mem_writer *w, const struct stat *st) {
  for (int attempt = 0; attempt < 8; attempt++) {
    w->temp = temp_name(w->target);
    if (!w->temp) return cli_fail(w->name, "cannot make a temporary name: %s", strerror(errno));
    w->fd = open(w->temp, O_WRONLY | O_CREAT | O_EXCL, 0666);
    if (w->fd >= 0) return keep_owner_and_mode(w, st);
    const int err = errno;
    free(w->temp);
    w->temp = NULL;
    if (err != EEXIST && preopen_outside(w->name)) return preopen_fail(w->name);
    if (err != EEXIST)
      return cli_fail(w->name, "cannot create a temporary file beside it: %s", strerror(err));
  }
  return cli_fail(w->name, "cannot create a temporary file beside it: %s", strerror(EEXIST));
}

/* Opens the resolved, non-link target. */
static int open_target(mem_writer *w) {
  struct stat st;
  if (stat(w->target, &st) != 0) {
    if (errno != ENOENT) return cli_fail_path(w->name);
    return open_temp(w, NULL);
  }
  if (S_ISDIR(st.st_mode)) return cli_fail(w->name, "%s", strerror(EISDIR));
  if (S_ISREG(st.st_mode)) {
    /* Replacing a file the user may not write would bypass its mode. */
    if (access(w->target, W_OK) != 0) return cli_fail_path(w->name);
    return open_temp(w, &st);
  }
  w->fd = open(w->target, O_WRONLY); /* a device, FIFO or socket: no rename possible, write through */
  free(w->target);
  w->target = NULL;
  return w->fd < 0 ? cli_fail_path(w->name) : 0;
}

int writer_open(mem_writer *w, const char *path) {
  *w = (mem_writer){.name = path, .fd = -1};
  if (!path || strcmp(path, "-") == 0) {
    w->name = "standard output";
    w->fd = STDOUT_FILENO;
    w->borrowed = true;
    return 0;
  }
  if (path_resolve(path, &w->target, &w->fd) != 0) return EXIT_ERROR;
  if (w->fd >= 0) {
    w->borrowed = true;
    return 0;
  }
  const int status = open_target(w);
  if (status != 0) writer_abort(w);
  return status;
}

int writer_write(mem_writer *w, const void *data, size_t n) {
  const uint8_t *p = data;
  while (n > 0) {
    const ssize_t done = write(w->fd, p, n);
    if (done < 0 && errno == EINTR) continue;
    if (done < 0 && errno == EPIPE) return EXIT_ERROR; /* the reader is gone: stop, silently */
    if (done <= 0) return done < 0 ? cli_fail_errno(w->name) : cli_fail(w->name, "write made no progress");
    p += done;
    n -= (size_t)done;
  }
  return 0;
}

int writer_finish(mem_writer *w) {
  if (w->borrowed) return 0;
  if (close(w->fd) != 0) {
    w->fd = -1;
    const int status = cli_fail_errno(w->name);
    writer_abort(w);
    return status;
  }
  w->fd = -1;
  if (w->temp && rename(w->temp, w->target) != 0) {
    const int status = cli_fail_errno(w->name);
    writer_abort(w);
    return status;
  }
  free(w->temp);
  w->temp = NULL;
  writer_abort(w); /* nothing left to remove: frees the target's name */
  return 0;
}

void writer_abort(mem_writer *w) {
  if (w->fd >= 0 && !w->borrowed) close(w->fd);
  w->fd = -1;
  if (w->temp) unlink(w->temp);
  free(w->temp);
  free(w->target);
  w->temp = w->target = NULL;
}
