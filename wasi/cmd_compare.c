/*
 * cmp, diff, match (forward) and rdiff, rmatch (backward): two files read
 * side by side, one window of each at a time, compared by the core's
 * mem_diff / mem_match / mem_rdiff / mem_rmatch. The backward pair aligns the
 * files on their last bytes, so it needs both sizes first (a non-seekable
 * standard input is then held in memory). O(common length) time, O(window)
 * memory; the scan stops at the first answer.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "mem.h"
#include "progress.h"
#include "reader.h"

typedef struct pair {
  mem_reader a, b;
} pair;

/* What a scan found: a position (UINT64_MAX if none), the byte order there,
 * and when the overlap agreed, which file is shorter (0 neither, 1 a, 2 b). */
typedef struct scan_result {
  uint64_t pos;
  int order;
  int shorter;
  uint64_t common; /* bytes in the overlap, when shorter != 0 */
} scan_result;

static int pair_open(cli_args *args, pair *p, bool need_size) {
  memset(p, 0, sizeof *p);
  p->a.fd = p->b.fd = -1;
  if (strcmp(args->argv[0], "-") == 0 && strcmp(args->argv[1], "-") == 0)
    return cli_fail("-", "standard input can be only one of the two files");
  if (reader_open(&p->a, args->argv[0], need_size) != 0) return EXIT_ERROR;
  return reader_open(&p->b, args->argv[1], need_size);
}

static void pair_close(pair *p) {
  reader_close(&p->a);
  reader_close(&p->b);
}

static int sign(int v) { return (v > 0) - (v < 0); }

static int scan_forward(pair *p, bool find_equal, scan_result *r) {
  const size_t window = reader_window();
  *r = (scan_result){UINT64_MAX, 0, 0, 0};
  for (uint64_t off = 0;; off += window) {
    const uint8_t *da, *db;
    size_t ga, gb;
    if (reader_get(&p->a, off, window, &da, &ga) != 0) return EXIT_ERROR;
    if (reader_get(&p->b, off, window, &db, &gb) != 0) return EXIT_ERROR;
    const size_t n = ga < gb ? ga : gb;
    const size_t i = find_equal ? mem_match(da, n, db, n) : mem_diff(da, n, db, n);
    if (i != MEM_NPOS) {
      r->pos = off + i;
      r->order = sign((int)da[i] - (int)db[i]);
      return 0;
    }
    if (ga != gb) { /* one file ended inside this window: the shorter sorts first */
      r->shorter = ga < gb ? 1 : 2;
      r->order = ga < gb ? -1 : 1;
      r->common = off + n;
      return 0;
    }
    if (ga < window) return 0; /* both ended together */
  }
}

static int scan_backward(pair *p, bool find_equal, scan_result *r) {
  const uint64_t window = reader_window(), sa = p->a.size, sb = p->b.size;
  const uint64_t n = sa < sb ? sa : sb;
  *r = (scan_result){UINT64_MAX, 0, 0, 0};
  for (uint64_t hi = n; hi > 0;) { /* [lo, hi) counts in the aligned tails */
    const uint64_t lo = hi > window ? hi - window : 0;
    const uint8_t *da, *db;
    size_t ga, gb;
    if (reader_get(&p->a, sa - n + lo, (size_t)(hi - lo), &da, &ga) != 0) return EXIT_ERROR;
    if (reader_get(&p->b, sb - n + lo, (size_t)(hi - lo), &db, &gb) != 0) return EXIT_ERROR;
    if (ga != hi - lo || gb != hi - lo)
      return cli_fail(ga != hi - lo ? p->a.name : p->b.name, "file shrank while being read");
    const size_t i = find_equal ? mem_rmatch(da, ga, db, gb) : mem_rdiff(da, ga, db, gb);
    if (i != MEM_NPOS) {
      r->pos = sa - n + lo + i;
      return 0;
    }
    hi = lo;
  }
  if (sa != sb) {
    r->shorter = sa < sb ? 1 : 2;
    r->common = n;
  }
  return 0;
}

/* Runs one scan; prints the position, and for diff/rdiff which file ended first. */
static int run(cli_args *args, bool backward, bool find_equal) {
  pair p;
  scan_result r;
  int status = pair_open(args, &p, backward);
  if (status == 0) status = backward ? scan_backward(&p, find_equal, &r) : scan_forward(&p, find_equal, &r);
  if (status == 0) {
    cli_print_position(r.pos);
    if (find_equal) {
      status = r.pos != UINT64_MAX ? EXIT_YES : EXIT_NO;
    } else {
      status = r.pos != UINT64_MAX || r.shorter ? EXIT_NO : EXIT_YES;
      if (r.pos == UINT64_MAX && r.shorter) {
        progress_clear();
        fflush(stdout);
        fprintf(stderr, "mem: %s: ended first, after %" PRIu64 " bytes (%s is longer)\n",
                (r.shorter == 1 ? p.a : p.b).name, r.common, (r.shorter == 1 ? p.b : p.a).name);
      }
    }
  }
  pair_close(&p);
  return status;
}

int cmd_cmp(cli_args *args) {
  pair p;
  scan_result r;
  int status = pair_open(args, &p, false);
  if (status == 0) status = scan_forward(&p, false, &r);
  if (status == 0) {
    printf("%d\n", r.order);
    status = r.order == 0 ? EXIT_YES : EXIT_NO;
  }
  pair_close(&p);
  return status;
}

int cmd_diff(cli_args *args) { return run(args, false, false); }
int cmd_rdiff(cli_args *args) { return run(args, true, false); }
int cmd_match(cli_args *args) { return run(args, false, true); }
int cmd_rmatch(cli_args *args) { return run(args, true, true); }
