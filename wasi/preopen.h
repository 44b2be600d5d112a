/*
 * preopen.h - telling "no such file" from "outside every directory the WASI
 * runtime preopened" (see preopen.c).
 */
#ifndef MEM_PREOPEN_H
#define MEM_PREOPEN_H

#include <stdbool.h>

/* Whether PATH lies outside every directory the runtime preopened, decided
 * from the path and the preopen list, whatever error the runtime reported
 * (always false natively; false when not known). */
bool preopen_outside(const char *path);

/* Prints "mem: PATH: outside the directories ...; grant one with --dir=..."
 * and returns EXIT_ERROR. */
int preopen_fail(const char *path);

/* 0, or preopen_fail(PATH) when PATH lies outside every preopen. Asked before
 * a path is used, not only after a failure: under a preopen named "."
 * wasi-libc would take /etc/x for ./etc/x and read or write a file the user
 * did not name. */
int preopen_check(const char *path);

#endif /* MEM_PREOPEN_H */
