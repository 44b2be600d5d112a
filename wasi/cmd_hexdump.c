/*
 * hexdump: the layout of `hexdump -C`, byte for byte. Lines of 16 bytes:
 * the offset in hex (8 digits, more past 4 GiB), the bytes in two groups of
 * 8, the printable ASCII between bars; a full line equal to the line before
 * is shown as one "*" per run; the final offset ends the dump. hexdump -C
 * also prints that final offset when the range is empty because START is at
 * or past the end (but not for an empty request or an empty file), and so do
 * we. Windows hold whole lines. O(bytes) time, O(window) memory.
 *
 * Speed: the output is 79 bytes per 16 input bytes, so formatting is the
 * whole cost (printf per byte ran at hexdump -C's 8 MB/s). A full line is
 * built in place in a large output buffer from lookup tables: two hex digits
 * per byte from one 512-byte table, the ASCII column from a 256-byte table,
 * the spaces and bars from a template copied first; the buffer goes out in
 * one fwrite per OUT_BUFFER bytes. Only the last, partial line takes the
 * general path.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "reader.h"

enum {
  LINE = 16,
  /* "00000000  " + 16 x "xx " + 1 group space + " |" + 16 + "|\n" */
  HEX_AT = 10,
  BAR_AT = HEX_AT + 3 * LINE + 1 + 1,
  FULL_LINE = BAR_AT + 1 + LINE + 2, /* 79 bytes with an 8-digit offset */
  MAX_LINE = FULL_LINE + 8,          /* 16 offset digits at most */
  OUT_BUFFER = 1 << 18
};

static const char hex_digit[] = "0123456789abcdef";

typedef struct dump {
  char hex[256][2]; /* each byte's two lowercase hex digits */
  char ascii[256];  /* each byte as the ASCII column shows it */
  char out[OUT_BUFFER];
  size_t len; /* bytes of out in use */
  uint8_t previous[LINE];
  bool have_previous, starred;
} dump;

static void dump_init(dump *d) {
  for (int b = 0; b < 256; b++) {
    d->hex[b][0] = hex_digit[b >> 4];
    d->hex[b][1] = hex_digit[b & 15];
    d->ascii[b] = b >= 0x20 && b <= 0x7e ? (char)b : '.';
  }
  d->len = 0;
  d->have_previous = d->starred = false;
}

static void flush(dump *d) {
  fwrite(d->out, 1, d->len, stdout);
  d->len = 0;
}

/* Writes the offset as %08 PRIx64 would at p; returns the digits written. */
static size_t put_offset(const dump *d, char *p, uint64_t offset) {
  if (offset <= UINT32_MAX) { /* the common case: four table lookups */
    memcpy(p, d->hex[offset >> 24], 2);
    memcpy(p + 2, d->hex[(offset >> 16) & 255], 2);
    memcpy(p + 4, d->hex[(offset >> 8) & 255], 2);
    memcpy(p + 6, d->hex[offset & 255], 2);
    return 8;
  }
  size_t digits = 8;
  while (digits < 16 && offset >> (4 * digits)) digits++;
  for (size_t k = 0; k < digits; k++) p[k] = hex_digit[(offset >> (4 * (digits - 1 - k))) & 15];
  return digits;
}

/* A whole line of 16 bytes, formatted into the output buffer. */
static void put_full_line(dump *d, uint64_t offset, const uint8_t *p) {
  char *line = d->out + d->len;
  const size_t shift = put_offset(d, line, offset) - 8; /* digits beyond the usual 8 */
  char *q = line + shift;
  memset(q + 8, ' ', BAR_AT - 8);
  for (size_t k = 0; k < LINE; k++) memcpy(q + HEX_AT + 3 * k + (k >= 8), d->hex[p[k]], 2);
  q[BAR_AT] = '|';
  for (size_t k = 0; k < LINE; k++) q[BAR_AT + 1 + k] = d->ascii[p[k]];
  q[BAR_AT + 1 + LINE] = '|';
  q[BAR_AT + 2 + LINE] = '\n';
  d->len += FULL_LINE + shift;
}

/* The last line, shorter than 16 bytes: the hex column padded with spaces,
 * the ASCII column as long as the line. */
static void put_short_line(dump *d, uint64_t offset, const uint8_t *p, size_t n) {
  char *line = d->out + d->len;
  const size_t shift = put_offset(d, line, offset) - 8;
  char *q = line + shift;
  memset(q + 8, ' ', BAR_AT - 8);
  for (size_t k = 0; k < n; k++) memcpy(q + HEX_AT + 3 * k + (k >= 8), d->hex[p[k]], 2);
  q[BAR_AT] = '|';
  for (size_t k = 0; k < n; k++) q[BAR_AT + 1 + k] = d->ascii[p[k]];
  q[BAR_AT + 1 + n] = '|';
  q[BAR_AT + 2 + n] = '\n';
  d->len += BAR_AT + 3 + n + shift;
}

/* The lines of one window: full lines first (squeezing runs), then at most
 * one partial line, which only the end of the range or the file has. */
static void dump_window(dump *d, uint64_t offset, const uint8_t *data, size_t got) {
  size_t k = 0;
  for (; k + LINE <= got; k += LINE) {
    const uint8_t *p = data + k;
    /* The previous line is the one before in this window, or the copy kept
     * from the last window. */
    const uint8_t *before = k ? p - LINE : d->previous;
    if ((k || d->have_previous) && memcmp(before, p, LINE) == 0) {
      if (!d->starred) {
        d->out[d->len++] = '*';
        d->out[d->len++] = '\n';
        d->starred = true;
      }
    } else {
      put_full_line(d, offset + k, p);
      d->starred = false;
    }
    if (d->len > OUT_BUFFER - MAX_LINE) flush(d);
  }
  if (k) {
    memcpy(d->previous, data + k - LINE, LINE);
    d->have_previous = true;
  }
  if (k < got) {
    put_short_line(d, offset + k, data + k, got - k);
    d->starred = false;
    d->have_previous = false; /* nothing follows a partial line */
    if (d->len > OUT_BUFFER - MAX_LINE) flush(d);
  }
}

/* Dumps [from, to) (to may be UINT64_MAX); sets *end to the offset reached. */
static int dump_range(mem_reader *r, uint64_t from, uint64_t to, uint64_t *end) {
  const size_t span = reader_window() / LINE ? reader_window() / LINE * LINE : LINE;
  static dump d; /* 256 KiB of output buffer: static, not on the stack */
  dump_init(&d);
  uint64_t off = from;
  while (off < to) {
    const size_t want = to - off < span ? (size_t)(to - off) : span;
    const uint8_t *data;
    size_t got;
    if (reader_get(r, off, want, &data, &got) != 0) return EXIT_ERROR;
    dump_window(&d, off, data, got);
    off += got;
    /* Out at least once a window, so a closed pipe stops the dump at once. */
    flush(&d);
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
