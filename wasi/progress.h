/*
 * progress.h - a progress line on standard error for long runs: bytes done of
 * the total and the rate, redrawn a few times a second once a run has lasted
 * half a second, and cleared at the end. Shown only when standard error is a
 * terminal, so pipes, logs and tests never see it.
 */
#ifndef MEM_PROGRESS_H
#define MEM_PROGRESS_H

#include <stdint.h>

/* Adds bytes to the expected total (each input's size, when known). */
void progress_expect(uint64_t bytes);

/* Counts bytes read; may redraw the line. */
void progress_add(uint64_t bytes);

/* Clears the line if one was drawn; call before other output to stderr. */
void progress_clear(void);

#endif /* MEM_PROGRESS_H */
