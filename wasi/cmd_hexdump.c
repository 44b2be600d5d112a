/*
 * hexdump: the layout of `hexdump -C`, byte for byte. Lines of 16 bytes:
 * the offset in hex (8 digits, more past 4 GiB), the bytes in two groups of
 * 8, the printable ASCII between bars; a full line equal to the line before
 * is shown as one "*" per run; the final offset ends the dump. hexdump -C
 * also prints that final offset when the range is empty because START is at
 * or past the end (but not for an empty request or an empty file), and so do
 * we. Windows hold whole lines. O(bytes) time, O(window) memory.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "reader.h"

enum { LINE = 16 };

static void print_line(uint64_t offset, const uint8_t *p, size_t n) {
  char text[96];
  int len = snprintf(text, sizeof text, "%08" PRIx64 "  ", offset);
  for (size_t k = 0; k < LINE; k++) {
    if (k < n)
      len += snprintf(text + len, sizeof text - (size_t)len, "%02x ", p[k]);
    else
      len += snprintf(text + len, sizeof text - (size_t)len, "   ");
    if (k == 7) text[len++] = ' ';
  }
  text[len++] = ' ';
  text[len++] = '|';
  for (size_t k = 0; k < n; k++) text[len++] = p[k] >= 0x20 && p[k] <= 0x7e ? (char)p[k] : '.';
  text[len++] = '|';
  text[len++] = '\n';
  fwrite(text, 1, (size_t)len, stdout);
}

typedef struct dump {
  uint8_t previous[LINE];
  bool have_previous, starred;
} dump;

static void dump_line(dump *d, uint64_t offset, const uint8_t *p, size_t n) {
  if (n == LINE && d->have_previous && memcmp(d->previous, p, LINE) == 0) {
    if (!d->starred) fputs("*\n", stdout);
    d->starred = true;
    return;
  }
  print_line(offset, p, n);
  d->starred = false;
  d->have_previous = n == LINE;
  if (n == LINE) memcpy(d->previous, p, LINE);
}

/* Dumps [from, to) (to may be UINT64_MAX); sets *end to the offset reached. */
static int dump_range(mem_reader *r, uint64_t from, uint64_t to, uint64_t *end) {
  const size_t span = reader_window() / LINE ? reader_window() / LINE * LINE : LINE;
  dump d = {{0}, false, false};
  uint64_t off = from;
  while (off < to) {
    const size_t want = to - off < span ? (size_t)(to - off) : span;
    const uint8_t *data;
    size_t got;
    if (reader_get(r, off, want, &data, &got) != 0) return EXIT_ERROR;
    for (size_t k = 0; k < got; k += LINE) dump_line(&d, off + k, data + k, got - k < LINE ? got - k : LINE);
    off += got;
    if (cli_stdout_status() != 0) return EXIT_ERROR;
    if (got < want) break;
  }
  *end = off;
  return 0;
}

int cmd_hexdump(cli_args *a) {
  int64_t start = 0, stop = 0;
  const bool has_stop = a->argc > 2;
  if (a->argc > 1 && cli_number(a->argv[1], "START", &start) != 0) return EXIT_ERROR;
  if (has_stop && cli_number(a->argv[2], "STOP", &stop) != 0) return EXIT_ERROR;
  mem_reader r;
  int status = reader_open(&r, a->argv[0], start < 0 || (has_stop && stop < 0));
  if (status == 0) {
    /* Resolve negatives against the size, but clamp to the end only after
     * deciding whether the request itself was empty (hexdump -n 0 prints nothing). */
    const uint64_t from = start < 0 ? cli_clamp(start, r.size) : (uint64_t)start;
    const uint64_t to = !has_stop ? UINT64_MAX : stop < 0 ? cli_clamp(stop, r.size) : (uint64_t)stop;
    uint64_t end = 0;
    if (to > from) status = dump_range(&r, from, to, &end);
    if (status == 0 && to > from) {
      if (end < from) end = from; /* nothing read: START was past the end */
      if (r.size != READER_SIZE_UNKNOWN && end > r.size) end = r.size;
      if (end > 0) printf("%08" PRIx64 "\n", end);
    }
  }
  reader_close(&r);
  return status;
}
