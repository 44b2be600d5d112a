/*
 * preopen.h - telling "no such file" from "outside every directory the WASI
 * runtime preopened" (see preopen.c).
 */
#ifndef MEM_PREOPEN_H
#define MEM_PREOPEN_H

#include <stdbool.h>

/* Whether a failure with errno ERR on PATH came from PATH lying outside every
 * preopened directory (always false natively). */
bool preopen_outside(const char *path, int err);

/* Prints "mem: PATH: outside the directories ...; grant one with --dir=..."
 * and returns EXIT_ERROR. */
int preopen_fail(const char *path);

#endif /* MEM_PREOPEN_H */
