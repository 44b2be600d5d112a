/*
 * array: prints a file's items in a struct format, one per line, decoded and
 * formatted by the core's mem_format (the same rules as StrArray, checked
 * against the same Python-made vectors). Windows hold a whole number of
 * items, so no item straddles two; a trailing partial item is ignored, as
 * StrArray's length = floor(bytes / itemsize). O(items) time, O(window) memory.
 */
#include <stdio.h>

#include "cli.h"
#include "mem_format.h"
#include "reader.h"

/* Prints items [first, last) of r; last may be UINT64_MAX (to the end). */
static int print_items(mem_reader *r, const mem_format *f, uint64_t first, uint64_t last) {
  const size_t size = f->size, per_window = reader_window() / size ? reader_window() / size : 1;
  if (first > UINT64_MAX / size) return 0; /* beyond any file */
  char text[48];
  for (uint64_t item = first; item < last;) {
    const size_t items = last - item < per_window ? (size_t)(last - item) : per_window;
    const uint8_t *data;
    size_t got;
    if (reader_get(r, item * size, items * size, &data, &got) != 0) return EXIT_ERROR;
    for (size_t k = 0; k + size <= got; k += size) {
      mem_format_repr(f, data + k, text, sizeof text);
      puts(text);
    }
    if (cli_stdout_status() != 0) return EXIT_ERROR;
    if (got < items * size) break;
    item += items;
  }
  return 0;
}

int cmd_array(cli_args *a) {
  mem_format format;
  const char *why = mem_format_parse(a->argv[0], &format);
  if (why) return cli_fail(a->argv[0], "bad format: %s", why);
  const bool negative = (a->has_start && a->start < 0) || (a->has_stop && a->stop < 0);
  mem_reader r;
  int status = reader_open(&r, a->argv[1], negative);
  if (status == 0) {
    const uint64_t count = r.size == READER_SIZE_UNKNOWN ? r.size : r.size / format.size;
    const uint64_t first = a->has_start ? cli_clamp(a->start, count) : 0;
    const uint64_t last = a->has_stop ? cli_clamp(a->stop, count) : count;
    status = print_items(&r, &format, first, last);
  }
  reader_close(&r);
  return status;
}
