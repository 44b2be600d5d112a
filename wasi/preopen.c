/*
 * Paths outside the directories a WASI runtime was given. A WASI module sees
 * only the directories preopened for it (`wasmtime run --dir=DIR`, `iwasm
 * --dir=DIR`). What a runtime reports for any other path varies: wasi-libc
 * says ENOENT when no preopen's name is a prefix of the path, uvwasi says
 * ENOTCAPABLE for /data/../x under a preopened /data, and under `iwasm
 * --dir=.` an absolute /etc/hostname is plain ENOENT, since wasi-libc maps an
 * absolute path onto a preopen named "." too (it strips "/" and "./" from
 * the names alike) and so looks for ./etc/hostname (and would read or write
 * that file, if there is one). So this file decides from the path and the
 * runtime's own list of preopens, never from an error, before a path is used
 * (preopen_check) and after a call on it failed (cli_fail_path): the path
 * lies outside when no preopen covers it, comparing after "//", "." and ".."
 * are collapsed lexically (as uvwasi resolves ".."). An absolute path is covered by a preopen with an absolute name ("/",
 * "/data") only: a relative name ("." or "data") stands for a host directory
 * the module cannot name. A relative path is covered by either kind, taken
 * from the module's working directory (wasi-libc's emulated one: "/" unless
 * MEM_CWD moved it). Cost: one fd_prestat_get and O(path length) per
 * preopen, per path a command names (a handful); natively nothing.
 */
#include "preopen.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Collapses "//", "." and ".." in PATH into OUT (room for strlen(PATH) + 2
 * bytes). An absolute path stays absolute ("/.." is "/"); a relative one
 * keeps the ".." components that leave its base, and is "." when empty. */
static void normalize(const char *path, char *out) {
  const bool absolute = path[0] == '/';
  size_t len = 0, floor = 0; /* out[0, floor): what ".." may not take back ("/" or leading "../") */
  if (absolute) out[len++] = '/', floor = 1;
  for (const char *p = path; *p;) {
    while (*p == '/') p++;
    const char *end = p;
    while (*end && *end != '/') end++;
    const size_t n = (size_t)(end - p);
    const bool dot = n == 1 && p[0] == '.', dotdot = n == 2 && p[0] == '.' && p[1] == '.';
    if (n == 0 || dot) {
      /* nothing */
    } else if (dotdot && len > floor) { /* drop the last component and the '/' before it */
      while (len > floor && out[len - 1] != '/') len--;
      if (len > floor) len--;
    } else if (!(dotdot && absolute)) { /* a name, or a ".." leaving a relative base */
      if (len > 0 && out[len - 1] != '/') out[len++] = '/';
      memcpy(out + len, p, n);
      len += n;
      if (dotdot) floor = len;
    }
    p = end;
  }
  if (len == 0) out[len++] = '.';
  out[len] = '\0';
}

/* Whether the normalized relative path P leaves its base ("..", "../x"). */
static bool escapes(const char *p) { return p[0] == '.' && p[1] == '.' && (p[2] == '\0' || p[2] == '/'); }

/* Whether the directory DIR covers P (both normalized, of one kind): P is DIR
 * or lies under it. */
static bool covers(const char *dir, const char *p) {
  if (strcmp(dir, "/") == 0) return true;
  if (strcmp(dir, ".") == 0) return !escapes(p);
  const size_t n = strlen(dir);
  return strncmp(dir, p, n) == 0 && (p[n] == '\0' || p[n] == '/');
}

#ifdef __wasi__
#include <unistd.h>
#include <wasi/api.h>

/* Preopens are the descriptors from 3 on for which fd_prestat_get answers
 * (wasi-libc finds them the same way); this bound only keeps a runtime that
 * answered forever from looping us. */
enum { MAX_PREOPENS = 1 << 16 };

/* Whether some preopen covers ABS (normalized absolute), or, when REL is not
 * NULL, REL (normalized relative). -1: not known (no memory). */
static int preopen_covers(const char *abs, const char *rel) {
  for (__wasi_fd_t fd = 3; fd < 3 + MAX_PREOPENS; fd++) {
    __wasi_prestat_t st;
    if (__wasi_fd_prestat_get(fd, &st) != __WASI_ERRNO_SUCCESS) return 0;
    if (st.tag != __WASI_PREOPENTYPE_DIR) continue;
    const size_t n = st.u.dir.pr_name_len;
    if (n > SIZE_MAX / 2 - 2) return -1;
    char *name = malloc(2 * n + 4), *norm = name + n + 1;
    if (!name) return -1;
    if (__wasi_fd_prestat_dir_name(fd, (uint8_t *)name, n) != __WASI_ERRNO_SUCCESS) {
      free(name);
      continue;
    }
    name[n] = '\0'; /* some runtimes count a terminating NUL in the length: strlen stops there */
    normalize(name, norm);
    const bool hit = norm[0] == '/' ? covers(norm, abs) : rel != NULL && covers(norm, rel);
    free(name);
    if (hit) return 1;
  }
  return 0;
}

bool preopen_outside(const char *path) {
  if (path == NULL || *path == '\0' || strcmp(path, "-") == 0) return false;
  char cwd[4096];
  if (getcwd(cwd, sizeof cwd) == NULL || cwd[0] != '/') return false;
  const size_t path_len = strlen(path), cwd_len = strlen(cwd);
  if (path_len > SIZE_MAX / 4 - cwd_len - 4) return false;
  const size_t size = cwd_len + path_len + 4;
  char *joined = malloc(3 * size), *abs = joined + size, *rel = abs + size;
  if (!joined) return false;
  int covered;
  if (path[0] == '/') {
    normalize(path, abs);
    covered = preopen_covers(abs, NULL);
  } else {
    /* From the working directory; for relative preopens without its leading
     * '/', as wasi-libc matches them. */
    const char *from = cwd;
    while (*from == '/') from++;
    strcpy(joined, "/");
    strcat(joined, from);
    if (*from) strcat(joined, "/");
    strcat(joined, path); /* joined + 1: the same path, relative */
    normalize(joined, abs);
    normalize(joined + 1, rel);
    covered = preopen_covers(abs, rel);
  }
  free(joined);
  return covered == 0;
}
#else
bool preopen_outside(const char *path) {
  (void)path;
  (void)covers;
  return false; /* a native process reaches every path its user may */
}
#endif

int preopen_check(const char *path) { return preopen_outside(path) ? preopen_fail(path) : 0; }

int preopen_fail(const char *path) {
  /* Suggest the directory that holds the path, once collapsed: /bin/ls -> /bin, /data/../x -> /. */
  const size_t len = strlen(path);
  char *norm = len <= INT_MAX / 2 ? malloc(len + 2) : NULL; /* the lengths below are printf's ints */
  if (!norm) return cli_fail(path, "outside the directories the WASI runtime was given access to");
  normalize(path, norm);
  const char *slash = strrchr(norm, '/');
  const char *last = slash ? slash + 1 : norm;
  int dir_len;
  const char *dir = norm;
  if (strcmp(last, "..") == 0 || strcmp(last, ".") == 0) /* the path names a directory itself */
    dir_len = (int)strlen(norm);
  else if (slash == NULL)
    dir = ".", dir_len = 1;
  else if (slash == norm)
    dir = "/", dir_len = 1;
  else
    dir_len = (int)(slash - norm);
  const int status = cli_fail(path,
                              "outside the directories the WASI runtime was given access to; "
                              "grant one with --dir (e.g. wasmtime run --dir=%.*s or iwasm --dir=%.*s)",
                              dir_len, dir, dir_len, dir);
  free(norm);
  return status;
}
