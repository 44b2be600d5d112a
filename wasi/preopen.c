/*
 * Paths outside the directories a WASI runtime was given. A WASI module sees
 * only the directories preopened for it (`wasmtime run --dir=DIR`, `iwasm
 * --dir=DIR`); wasi-libc fails any other path with ENOENT (or the runtime
 * with ENOTCAPABLE), which strerror calls "No such file or directory" for a
 * file that may well exist. cli_fail_errno asks here whether the path is
 * outside every preopen, to say so and how to grant access. One lookup in
 * wasi-libc's preopen table, O(preopens x path length); only on a failure.
 */
#include "preopen.h"

#include <errno.h>
#include <string.h>

#include "cli.h"

#ifdef __wasi__
#include <wasi/libc-find-relpath.h>

bool preopen_outside(const char *path, int err) {
  if (err != ENOENT && err != ENOTCAPABLE) return false;
  if (path == NULL || *path == '\0' || strcmp(path, "-") == 0) return false;
  static char relative[4096];
  const char *prefix = NULL;
  char *rel = relative;
  const int saved = errno;
  const int fd = __wasilibc_find_relpath(path, &prefix, &rel, sizeof relative);
  const bool outside = fd < 0 && errno == ENOENT; /* ERANGE, ENOMEM: not known to be outside */
  errno = saved;
  return outside;
}
#else
bool preopen_outside(const char *path, int err) {
  (void)path;
  (void)err;
  return false; /* a native process reaches every path its user may */
}
#endif

int preopen_fail(const char *path) {
  /* Suggest the directory that holds the path, as given: /bin/ls -> /bin. */
  const char *slash = strrchr(path, '/');
  const int dir_len = slash == NULL ? 1 : slash == path ? 1 : (int)(slash - path);
  const char *dir = slash == NULL ? "." : slash == path ? "/" : path;
  return cli_fail(path,
                  "outside the directories the WASI runtime was given access to; "
                  "grant one with --dir (e.g. wasmtime run --dir=%.*s or iwasm --dir=%.*s)",
                  dir_len, dir, dir_len, dir);
}
