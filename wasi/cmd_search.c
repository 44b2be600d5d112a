/*
 * index and rindex: search a file for a pattern, window by window.
 *
 * Forward, each window holds W + m - 1 bytes (W the window size, m the
 * pattern length) so that a match straddling two windows is seen whole: all
 * candidates up to window end - m are settled, and the next window starts at
 * the first unsettled aligned candidate. Backward is the mirror image from
 * the end. With a step larger than the window, windows jump straight to the
 * next aligned candidate, so a sparse scan reads only what it tests. Each
 * window is searched by the core (mem_find, mem_rfind, mem_find_many): total
 * cost is the core's cost over the file plus (m - 1) bytes per window.
 * --count takes the --all path and counts instead of printing; it always
 * scans forward (a count has no direction), so rindex --count streams a pipe.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "mem.h"
#include "reader.h"

typedef struct search {
  mem_reader reader;
  const uint8_t *pat;
  uint8_t *mask; /* --hex with wildcards, else NULL */
  size_t pat_len;
  uint64_t start, end, step; /* normalised; end may be unknown (UINT64_MAX) for a stream */
  uint64_t found;            /* matches printed or counted */
} search;

/* What a scan does with the matches: stop at the first one, print each one
 * (--all), or only count them (--count). */
typedef enum { FIRST, ALL, COUNT } scan_mode;

/* The lowest candidate >= pos, candidates being start + k * step; UINT64_MAX
 * when it is not representable. */
static uint64_t align_up(uint64_t pos, uint64_t start, uint64_t step) {
  if (pos <= start) return start;
  const uint64_t k = (pos - start + step - 1) / step;
  if (k > (UINT64_MAX - start) / step) return UINT64_MAX;
  return start + k * step;
}

static int search_open(cli_args *a, search *s, bool from_end) {
  memset(s, 0, sizeof *s);
  s->reader.fd = -1;
  int64_t step = cli_or(a->has_step, a->step, 1);
  if (a->all && a->count) return cli_fail("--count", "cannot be combined with --all (pick one)");
  if (step < 1) return cli_fail("--step", "must be an integer >= 1, got %" PRId64, step);
  if (cli_pattern(a->argv[1], a->hex, &s->pat, &s->mask, &s->pat_len) != 0) return EXIT_ERROR;
  const bool negative = (a->has_start && a->start < 0) || (a->has_end && a->end < 0);
  if (reader_open(&s->reader, a->argv[0], from_end || negative) != 0) return EXIT_ERROR;
  const uint64_t size = s->reader.size; /* UINT64_MAX for a stream: then no value is negative */
  s->step = (uint64_t)step;
  s->start = a->has_start ? cli_search_start(a->start, size) : 0;
  s->end = a->has_end ? cli_clamp(a->end, size) : size;
  s->found = 0;
  return 0;
}

/* The core's searches, masked when the pattern has wildcards. */
static size_t find_in(const search *s, const uint8_t *d, size_t n, size_t from, size_t to) {
  return s->mask ? mem_find_masked(d, n, s->pat, s->mask, s->pat_len, from, to, (size_t)s->step)
                 : mem_find(d, n, s->pat, s->pat_len, from, to, (size_t)s->step);
}
static size_t rfind_in(const search *s, const uint8_t *d, size_t n, size_t from, size_t to) {
  return s->mask ? mem_rfind_masked(d, n, s->pat, s->mask, s->pat_len, from, to, (size_t)s->step)
                 : mem_rfind(d, n, s->pat, s->pat_len, from, to, (size_t)s->step);
}
static size_t find_many_in(const search *s, const uint8_t *d, size_t n, size_t from, size_t *out,
                           size_t max) {
  return s->mask ? mem_find_masked_many(d, n, s->pat, s->mask, s->pat_len, from, n, (size_t)s->step, out, max)
                 : mem_find_many(d, n, s->pat, s->pat_len, from, n, (size_t)s->step, out, max);
}

/* Every match in one window, ascending, in batches (no per-match call
 * overhead): printed with --all, only counted with --count. */
static void all_in_window(search *s, const uint8_t *data, size_t got, uint64_t base, bool print) {
  size_t batch[256], from = 0, n;
  do {
    n = find_many_in(s, data, got, from, batch, 256);
    if (print)
      for (size_t k = 0; k < n; k++) printf("%" PRIu64 "\n", base + batch[k]);
    s->found += n;
    if (n) from = batch[n - 1] + (size_t)s->step;
  } while (n == 256 && from <= got);
}

static int scan_forward(search *s, scan_mode mode, uint64_t *first) {
  const size_t span = reader_window() + s->pat_len - 1;
  uint64_t pos = s->start; /* always an aligned candidate */
  while (pos < s->end && s->end - pos >= s->pat_len) {
    const size_t want = s->end - pos < span ? (size_t)(s->end - pos) : span;
    const uint8_t *data;
    size_t got;
    if (reader_get(&s->reader, pos, want, &data, &got) != 0) return EXIT_ERROR;
    if (got < s->pat_len) break;
    if (mode != FIRST) {
      all_in_window(s, data, got, pos, mode == ALL);
      if (cli_stdout_status() != 0) return EXIT_ERROR;
    } else {
      const size_t i = find_in(s, data, got, 0, got);
      if (i != MEM_NPOS) {
        *first = pos + i;
        return 0;
      }
    }
    if (got < want) break; /* the end of a stream */
    pos = align_up(pos + got - s->pat_len + 1, s->start, s->step);
  }
  return 0;
}

static int scan_backward(search *s, bool all, uint64_t *last) {
  const uint64_t span = reader_window() + s->pat_len - 1;
  if (s->start > s->end || s->end - s->start < s->pat_len) return 0;
  uint64_t hi = s->end; /* candidates i with i + pat_len <= hi remain */
  for (;;) {
    const uint64_t lo = hi - s->start > span ? hi - span : s->start;
    const uint8_t *data;
    size_t got;
    if (reader_get(&s->reader, lo, (size_t)(hi - lo), &data, &got) != 0) return EXIT_ERROR;
    const uint64_t first = align_up(lo, s->start, s->step); /* lowest candidate in this window */
    size_t end = got, i;
    while (first - lo <= got && (i = rfind_in(s, data, got, (size_t)(first - lo), end)) != MEM_NPOS) {
      if (!all) {
        *last = lo + i;
        return 0;
      }
      printf("%" PRIu64 "\n", lo + i);
      s->found++;
      if (cli_stdout_status() != 0) return EXIT_ERROR;
      if (i == first - lo) break; /* no lower candidate in this window */
      end = i + s->pat_len - 1;   /* the next match ends before this one's last byte */
    }
    if (first == UINT64_MAX || first - s->start < s->step) return 0; /* no candidate below */
    hi = first - s->step + s->pat_len;                               /* the highest one left */
  }
}

static int run(cli_args *a, bool backward) {
  search s;
  const scan_mode mode = a->count ? COUNT : a->all ? ALL : FIRST;
  /* A count is the same in either direction: rindex --count scans forward,
   * so a pipe streams instead of being held in memory. */
  if (mode == COUNT) backward = false;
  int status = search_open(a, &s, backward);
  if (status == 0) {
    uint64_t pos = UINT64_MAX;
    status = backward ? scan_backward(&s, mode == ALL, &pos) : scan_forward(&s, mode, &pos);
    if (status == 0 && mode == COUNT) printf("%" PRIu64 "\n", s.found);
    if (status == 0 && mode == FIRST) {
      cli_print_position(pos);
      s.found = pos != UINT64_MAX;
    }
    if (status == 0) status = s.found ? EXIT_YES : EXIT_NO;
  }
  reader_close(&s.reader);
  free(s.mask);
  return status;
}

int cmd_index(cli_args *a) { return run(a, false); }

int cmd_rindex(cli_args *a) { return run(a, true); }
