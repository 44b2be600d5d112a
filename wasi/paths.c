/*
 * Names of the command's own descriptors and link resolution (paths.h).
 *
 * Resolution reads one link at a time with readlink (no realpath: it fails
 * on /proc/self/fd/1 when that is a pipe, and it would also resolve the
 * directories, which the writer does not need). A relative link target is
 * taken relative to the link's directory. Cost: one lstat and at most one
 * readlink per link in the chain.
 */
#include "paths.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "preopen.h"

enum { MAX_LINKS = 40 };

/* A decimal descriptor number that makes up all of text, or -1. */
static int fd_number(const char *text) {
  if (*text < '0' || *text > '9') return -1;
  long n = 0;
  for (const char *p = text; *p; p++) {
    if (*p < '0' || *p > '9' || n > INT_MAX / 10) return -1;
    n = n * 10 + (*p - '0');
  }
  return n <= INT_MAX ? (int)n : -1;
}

int path_own_fd(const char *path) {
  static const char *const std_names[] = {"/dev/stdin", "/dev/stdout", "/dev/stderr"};
  for (int k = 0; k < 3; k++)
    if (strcmp(path, std_names[k]) == 0) return k;
  if (strncmp(path, "/dev/fd/", 8) == 0) return fd_number(path + 8);
  if (strncmp(path, "/proc/self/fd/", 14) == 0) return fd_number(path + 14);
  return -1;
}

/* TARGET read from the link at LINK, made absolute or relative to LINK's directory. */
static char *join_target(const char *link, const char *target) {
  const char *slash = strrchr(link, '/');
  const size_t dir_len = target[0] == '/' || !slash ? 0 : (size_t)(slash - link + 1);
  char *out = malloc(dir_len + strlen(target) + 1);
  if (out) {
    memcpy(out, link, dir_len);
    strcpy(out + dir_len, target);
  }
  return out;
}

int path_resolve(const char *path, char **resolved, int *fd) {
  *resolved = NULL;
  char *cur = strdup(path);
  for (int links = 0; cur; links++) {
    *fd = path_own_fd(cur);
    if (*fd >= 0) {
      free(cur);
      return 0;
    }
    if (preopen_check(cur) != 0) { /* the path, then each link's target */
      free(cur);
      return EXIT_ERROR;
    }
    struct stat st;
    if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode)) {
      *resolved = cur; /* not a link, or missing: the caller's open or stat says which */
      return 0;
    }
    if (links == MAX_LINKS) {
      free(cur);
      return cli_fail(path, "%s", strerror(ELOOP));
    }
    char target[PATH_MAX];
    const ssize_t n = readlink(cur, target, sizeof target - 1);
    if (n < 0) {
      const int status = cli_fail_path(path);
      free(cur);
      return status;
    }
    target[n] = '\0';
    char *next = join_target(cur, target);
    free(cur);
    cur = next;
  }
  return cli_fail(path, "out of memory");
}
