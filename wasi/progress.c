/*
 * The progress line. Each call to progress_add costs one clock read (the
 * reader calls it once per window, so about once per MiB); drawing happens
 * at most every 250 ms. State is process-wide: one command, one line.
 */
#include "progress.h"

#include <stdbool.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static struct {
  int enabled; /* -1 not decided yet, 0 no terminal, 1 terminal */
  bool drawn;
  uint64_t total, done;
  double started, drawn_at;
} state = {-1, false, 0, 0, 0, 0};

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void progress_expect(uint64_t bytes) { state.total += bytes; }

static void draw(double t) {
  const double mib = 1024.0 * 1024.0, elapsed = t - state.started;
  fprintf(stderr, "\rmem: %.0f MiB", (double)state.done / mib);
  if (state.total >= state.done && state.total > 0)
    fprintf(stderr, " of %.0f MiB (%.0f%%)", (double)state.total / mib,
            100.0 * (double)state.done / (double)state.total);
  fprintf(stderr, ", %.0f MiB/s\033[K", elapsed > 0 ? (double)state.done / mib / elapsed : 0.0);
  fflush(stderr);
  state.drawn = true;
  state.drawn_at = t;
}

void progress_add(uint64_t bytes) {
  if (state.enabled < 0) {
    state.enabled = isatty(STDERR_FILENO) ? 1 : 0;
    state.started = now();
  }
  state.done += bytes;
  if (!state.enabled) return;
  const double t = now();
  if (t - state.started >= 0.5 && t - state.drawn_at >= 0.25) draw(t);
}

void progress_clear(void) {
  if (!state.drawn) return;
  fputs("\r\033[K", stderr);
  fflush(stderr);
  state.drawn = false;
}
