/*
 * paths.h - what a FILE or OUT name stands for (SPEC §8).
 *
 * /dev/stdin, /dev/stdout, /dev/stderr, /dev/fd/N and /proc/self/fd/N mean
 * the command's own descriptors, also when reached through symbolic links:
 * under a WASI runtime the host's /proc links name the runtime's descriptors,
 * not the module's, and a pipe's link ("pipe:[...]") cannot be opened by
 * path at all. Other names are followed through their links, so that OUT is
 * replaced where the link points and the link itself stays a link.
 */
#ifndef MEM_PATHS_H
#define MEM_PATHS_H

/* The descriptor PATH names (one of the forms above), or -1. */
int path_own_fd(const char *path);

/*
 * Follows symbolic links from PATH, at most 40 (Linux's limit), stopping at
 * the first name path_own_fd maps. On return either *fd >= 0 (an own
 * descriptor, *resolved NULL) or *resolved is the first name that is not a
 * link (malloc'd; it may not exist) and *fd is -1. Returns 0, or EXIT_ERROR
 * after a message naming PATH.
 */
int path_resolve(const char *path, char **resolved, int *fd);

#endif /* MEM_PATHS_H */
