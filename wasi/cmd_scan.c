/*
 * scan: every match of many patterns (SPEC §8, §10) in one pass over a file
 * of any size: OFFSET<TAB>N<TAB>PATTERN per match.
 *
 * The patterns (operands, then -f LIST's lines, then with --magic the
 * built-in signatures) are compiled once by mem_multi_prepare. The file is
 * read window by window through the windowed reader; each window holds
 * W + M - 1 bytes (M the longest pattern), and only the candidates whose
 * every pattern fits inside it are settled there (mem_multi_find's
 * cand_end), so matches straddling two windows are found and come out by
 * position, then pattern number. A signature with an offset (tar's ustar at
 * 257) is printed at match - offset: those lines wait in a small buffer
 * until the scan has passed any position that could still sort before them.
 * A signature's check (magic.h) reads up to its reach R >= its length from
 * the match, so the windows overlap by max(M, R) - 1 bytes instead: every
 * settled candidate sees its whole header, or the file's end (the check
 * then fails unless the header is whole); bytes past --end are read for it,
 * as the package's check reads the whole input.
 * Cost: one pass of the multi-pattern kernel over the file, plus the
 * overlap per window and O(R) per checked candidate; memory O(W + R + total
 * pattern length).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "magic.h"
#include "preopen.h"
#include "mem.h"
#include "reader.h"

typedef struct scan_set {
  uint8_t *pats, *masks; /* concatenated */
  size_t *lens, *offsets;
  char **names;                  /* what the third column prints */
  const struct mem_magic **sigs; /* the signature of each pattern, or NULL */
  size_t count, cap, total, total_cap, max_len, max_offset, max_reach;
} scan_set;

/* One line waiting for its turn (signatures with an offset). */
typedef struct pending {
  uint64_t printed;
  size_t n;
} pending;

typedef struct scan_out {
  pending *q;
  size_t len, cap;
  uint64_t found;
} scan_out;

/* Grows *p to hold at least `need` items of `size` bytes (capacity doubling,
 * so adding patterns one by one stays linear); every size is checked, as a
 * doubling past half of SIZE_MAX would wrap to 0 on wasm32. */
static int grow(void **p, size_t *cap, size_t need, size_t size) {
  if (need <= *cap) return 0;
  size_t c = *cap ? *cap : 16;
  while (c < need) c = c > SIZE_MAX / 2 ? need : c * 2;
  if (c > SIZE_MAX / size) return cli_fail("scan", "the patterns are too large to hold");
  void *q = realloc(*p, c * size);
  if (!q) return cli_fail("scan", "out of memory");
  *p = q, *cap = c;
  return 0;
}

/* Adds one pattern; name is kept (owned by the set); sig: the signature it
 * comes from (for its check), or NULL. */
static int add(scan_set *s, char *name, const uint8_t *pat, const uint8_t *mask, size_t len, size_t offset,
               const struct mem_magic *sig) {
  size_t cap = s->cap;
  if (grow((void **)&s->lens, &cap, s->count + 1, sizeof *s->lens)) return EXIT_ERROR;
  cap = s->cap;
  if (grow((void **)&s->offsets, &cap, s->count + 1, sizeof *s->offsets)) return EXIT_ERROR;
  cap = s->cap;
  if (grow((void **)&s->sigs, &cap, s->count + 1, sizeof *s->sigs)) return EXIT_ERROR;
  if (grow((void **)&s->names, &s->cap, s->count + 1, sizeof *s->names)) return EXIT_ERROR;
  if (len > SIZE_MAX - s->total) return cli_fail("scan", "the patterns are too large to hold");
  size_t tcap = s->total_cap;
  if (grow((void **)&s->pats, &tcap, s->total + len, 1)) return EXIT_ERROR;
  if (grow((void **)&s->masks, &s->total_cap, s->total + len, 1)) return EXIT_ERROR;
  memcpy(s->pats + s->total, pat, len);
  if (mask)
    memcpy(s->masks + s->total, mask, len);
  else
    memset(s->masks + s->total, 0xFF, len);
  s->lens[s->count] = len, s->offsets[s->count] = offset, s->names[s->count] = name;
  s->sigs[s->count] = sig;
  s->count++, s->total += len;
  if (len > s->max_len) s->max_len = len;
  const size_t reach = sig && sig->reach > len ? sig->reach : len;
  if (reach > s->max_reach) s->max_reach = reach;
  if (offset > s->max_offset) s->max_offset = offset;
  return 0;
}

/* A PATTERN as given on the command line or in LIST: text, or hex with --hex. */
static int add_text(scan_set *s, const char *text, bool hex) {
  char *name = strdup(text), *work = strdup(text);
  if (!name || !work) return free(name), free(work), cli_fail("scan", "out of memory");
  const uint8_t *pat;
  uint8_t *mask;
  size_t len;
  int status = cli_pattern(work, hex, &pat, &mask, &len);
  if (status == 0) status = add(s, name, pat, mask, len, 0, NULL);
  if (status != 0) free(name);
  free(work), free(mask);
  return status;
}

/* LIST: one pattern per line; empty lines and lines starting with '#' skipped.
 * A pattern line holding a NUL byte is refused: a pattern is a C string from
 * here on (and is echoed as text), so it would silently end at the NUL and
 * match less than the line says; --hex writes a zero byte as 00. */
static int add_list(scan_set *s, const char *path, bool hex) {
  if (strcmp(path, "-") != 0 && preopen_check(path) != 0) return EXIT_ERROR;
  FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  if (!f) return cli_fail_path(path);
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;
  uint64_t number = 0; /* of the line, from 1, for the message */
  int status = 0;
  while (status == 0 && (n = getline(&line, &cap, f)) >= 0) {
    number++;
    if (n > 0 && line[n - 1] == '\n') line[--n] = '\0';
    if (n > 0 && line[n - 1] == '\r') line[--n] = '\0'; /* a CRLF file */
    if (n == 0 || line[0] == '#') continue;
    if (memchr(line, '\0', (size_t)n))
      status = cli_fail("scan",
                        "-f %s: line %" PRIu64
                        " holds a NUL byte, not allowed in a pattern line "
                        "(with --hex, write a zero byte as 00)",
                        path, number);
    else
      status = add_text(s, line, hex);
  }
  if (status == 0 && ferror(f)) status = cli_fail_errno(path);
  free(line);
  if (f != stdin) fclose(f);
  return status;
}

/* Whether the comma-separated list ids names id. */
static bool listed(const char *ids, const char *id) {
  const size_t n = strlen(id);
  for (const char *p = ids;; p++) {
    const size_t len = strcspn(p, ",");
    if (len == n && memcmp(p, id, n) == 0) return true;
    p += len;
    if (!*p) return false;
  }
}

/* The built-in signatures, in table order: all, or those whose id ids lists
 * (NULL: all). An id that names none is an error, before any file is read. */
static int add_magic(scan_set *s, const char *ids) {
  for (const char *p = ids; p && *p;) {
    const size_t len = strcspn(p, ",");
    bool known = false;
    for (size_t k = 0; k < mem_magic_count && !known; k++)
      known = strlen(mem_magic_table[k].id) == len && memcmp(mem_magic_table[k].id, p, len) == 0;
    if (!known)
      return cli_fail("--magic", "no signature has the id '%.*s' (mem scan --magic-list lists them)",
                      (int)len, p);
    p += len;
    if (*p) p++;
  }
  for (size_t k = 0; k < mem_magic_count; k++) {
    const struct mem_magic *m = &mem_magic_table[k];
    if (ids && !listed(ids, m->id)) continue;
    char *name = strdup(m->name);
    if (!name) return cli_fail("scan", "out of memory");
    if (add(s, name, (const uint8_t *)m->bytes, (const uint8_t *)m->mask, m->len, m->offset, m) != 0)
      return free(name), EXIT_ERROR;
  }
  return 0;
}

/* --magic-list: id<TAB>name, one signature per line. */
static int list_magic(void) {
  for (size_t k = 0; k < mem_magic_count; k++)
    printf("%s\t%s\n", mem_magic_table[k].id, mem_magic_table[k].name);
  return cli_stdout_status() != 0 ? EXIT_ERROR : EXIT_YES;
}

static void print_line(const scan_set *s, scan_out *o, uint64_t printed, size_t n) {
  printf("%" PRIu64 "\t%zu\t%s\n", printed, n + 1, s->names[n]);
  o->found++;
}

/* Prints the waiting lines that sort before `below` (all when below is UINT64_MAX). */
static void flush(const scan_set *s, scan_out *o, uint64_t below) {
  size_t k = 0;
  while (k < o->len && (below == UINT64_MAX || o->q[k].printed < below)) {
    print_line(s, o, o->q[k].printed, o->q[k].n);
    k++;
  }
  if (k == 0) return;
  memmove(o->q, o->q + k, (o->len - k) * sizeof *o->q);
  o->len -= k;
}

/* One match at absolute position pos of pattern n, in scan order; at: its
 * bytes, avail of them to the input's end or at least max_reach. */
static int report(const scan_set *s, scan_out *o, uint64_t pos, size_t n, const uint8_t *at, size_t avail) {
  const size_t off = s->offsets[n];
  if (off > pos) return 0; /* the marked file would start before the input */
  if (s->sigs[n] && s->sigs[n]->check && !s->sigs[n]->check(at, avail)) return 0;
  const uint64_t printed = pos - off;
  /* Every later match prints at >= pos - max_offset: lines below that are final. */
  if (s->max_offset) flush(s, o, pos >= s->max_offset ? pos - s->max_offset : 0);
  if (!s->max_offset) {
    print_line(s, o, printed, n);
    return 0;
  }
  if (grow((void **)&o->q, &o->cap, o->len + 1, sizeof *o->q)) return EXIT_ERROR;
  size_t k = o->len; /* insertion keeps the queue sorted by (printed, n) */
  while (k > 0 && (o->q[k - 1].printed > printed || (o->q[k - 1].printed == printed && o->q[k - 1].n > n)))
    k--;
  memmove(o->q + k + 1, o->q + k, (o->len - k) * sizeof *o->q);
  o->q[k] = (pending){printed, n};
  o->len++;
  return 0;
}

static uint64_t align_up(uint64_t pos, uint64_t start, uint64_t step) {
  if (pos <= start) return start;
  const uint64_t k = (pos - start + step - 1) / step;
  if (k > (UINT64_MAX - start) / step) return UINT64_MAX;
  return start + k * step;
}

enum { BATCH = 256 };

static int scan_file(const scan_set *s, const void *blob, mem_reader *r, uint64_t start, uint64_t end,
                     uint64_t step, scan_out *o) {
  /* max_reach >= max_len >= 1 */
  if (s->max_reach - 1 > SIZE_MAX - reader_window())
    return cli_fail("scan", "patterns too long for a window");
  const size_t span = reader_window() + s->max_reach - 1;
  size_t out[2 * BATCH];
  for (uint64_t pos = start; pos < end;) { /* pos: the first unsettled candidate, aligned */
    const uint8_t *data;
    size_t got;
    if (reader_get(r, pos, span, &data, &got) != 0) return EXIT_ERROR;
    const bool file_end = got < span;
    const size_t match_end = end - pos < got ? (size_t)(end - pos) : got; /* a match ends by --end */
    const size_t cand_end = file_end ? got : got - s->max_reach + 1;
    const bool last = file_end || cand_end >= end - pos;
    size_t from = 0, min_pat = 0, n;
    do {
      n = mem_multi_find(blob, data, got, from, match_end, cand_end, (size_t)step, min_pat, out, BATCH);
      for (size_t k = 0; k < n; k++)
        if (report(s, o, pos + out[2 * k], out[2 * k + 1], data + out[2 * k], got - out[2 * k]) != 0)
          return EXIT_ERROR;
      if (n) from = out[2 * n - 2], min_pat = out[2 * n - 1] + 1;
    } while (n == BATCH);
    if (cli_stdout_status() != 0) return EXIT_ERROR; /* a closed pipe stops the scan (SPEC §8) */
    if (last) break;
    pos = align_up(pos + cand_end, start, step);
  }
  return 0;
}

static void set_free(scan_set *s) {
  for (size_t k = 0; k < s->count; k++) free(s->names[k]);
  free(s->pats), free(s->masks), free(s->lens), free(s->offsets), free(s->names), free(s->sigs);
}

int cmd_scan(cli_args *a) {
  scan_set s = {0};
  scan_out o = {0};
  mem_reader r = {.fd = -1};
  void *blob = NULL;
  int status = 0;
  if (a->magic_list) return list_magic();
  if (a->argc < 1) return cli_fail("scan", "missing operands (usage: mem scan FILE [PATTERN...] ...)");
  const int64_t step = cli_or(a->has_step, a->step, 1);
  if (step < 1) return cli_fail("--step", "must be an integer >= 1, got %" PRId64, step);
  for (int k = 1; status == 0 && k < a->argc; k++) status = add_text(&s, a->argv[k], a->hex);
  if (status == 0 && a->list) status = add_list(&s, a->list, a->hex);
  if (status == 0 && a->magic) status = add_magic(&s, a->magic_ids);
  if (status == 0 && s.count == 0) status = cli_fail("scan", "no patterns: give PATTERN, -f LIST or --magic");
  if (status == 0) {
    const size_t size = mem_multi_size(s.masks, s.lens, s.count);
    blob = size ? malloc(size) : NULL;
    if (size == 0) /* src/mem.h: the tables would need 4 GiB or more */
      status = cli_fail(
          "scan", "%zu patterns are too large to compile (their tables would need 4 GiB or more)", s.count);
    else if (!blob || mem_multi_prepare(blob, s.pats, s.masks, s.lens, s.count) != 0)
      status = cli_fail("scan", "out of memory");
  }
  const bool negative = (a->has_start && a->start < 0) || (a->has_end && a->end < 0);
  if (status == 0) status = reader_open(&r, a->argv[0], negative);
  if (status == 0) {
    const uint64_t size = r.size;
    const uint64_t start = a->has_start ? cli_search_start(a->start, size) : 0;
    const uint64_t end = a->has_end ? cli_clamp(a->end, size) : size;
    status = scan_file(&s, blob, &r, start, end, (uint64_t)step, &o);
    flush(&s, &o, UINT64_MAX);
    if (status == 0) status = o.found ? EXIT_YES : EXIT_NO;
  }
  reader_close(&r);
  free(blob), free(o.q);
  set_free(&s);
  return status;
}
