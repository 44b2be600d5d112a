/*
 * array: prints a file's records in a struct format, one per line, the values
 * of a record separated by tabs, after a header line of names with --names.
 * Parsed, decoded and formatted by the core's mem_format (the same rules as
 * StrArray, checked against the same Python-made vectors). Windows hold a
 * whole number of records, so no record straddles two; a trailing partial
 * record is ignored, as StrArray's length = floor(bytes / itemsize).
 * --offset N starts the records at byte N, exactly as `mem slice FILE N |`
 * would (a negative N counts from the end, then N is clamped to the file), so
 * --start/--stop count records from there. O(records x values) time,
 * O(window + largest record) memory, and never more than the input holds
 * (the reader grows a stream's buffer as bytes arrive).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "mem_format.h"
#include "reader.h"

/* Prints the text of n bytes (an s or p value) in pieces, whatever n is. */
static void print_bytes(const uint8_t *p, size_t n) {
  char text[4 * 64 + 1];
  for (size_t k = 0; k < n; k += 64) {
    mem_format_escape(p + k, n - k < 64 ? n - k : 64, text, sizeof text);
    fputs(text, stdout);
  }
}

static void print_record(const mem_field *fields, size_t nfields, const uint8_t *record) {
  char text[48];
  const char *sep = "";
  for (size_t f = 0; f < nfields; f++) {
    const mem_field *field = &fields[f];
    for (uint32_t k = 0; k < field->count; k++) {
      const uint8_t *p = record + field->offset + (size_t)k * field->size;
      fputs(sep, stdout);
      sep = "\t";
      if (field->code == 's' || field->code == 'p') {
        size_t n;
        const uint8_t *bytes = mem_format_string(field, p, &n);
        print_bytes(bytes, n);
      } else {
        mem_format_repr(field, p, text, sizeof text);
        fputs(text, stdout);
      }
    }
  }
  putchar('\n');
}

/* Prints records [first, last) of r, record 0 at byte base; last may be
 * UINT64_MAX (to the end). */
static int print_records(mem_reader *r, const mem_format *format, const mem_field *fields, uint64_t base,
                         uint64_t first, uint64_t last) {
  const size_t size = format->size, per_window = reader_window() / size ? reader_window() / size : 1;
  for (uint64_t record = first; record < last;) {
    /* A record whose position base + record * size passes UINT64_MAX lies
     * beyond any file: there is nothing more to print. */
    if (record > (UINT64_MAX - base) / size) return 0;
    /* records * size <= max(window, size): a size_t, as both are. */
    const size_t records = last - record < per_window ? (size_t)(last - record) : per_window;
    const uint8_t *data;
    size_t got;
    if (reader_get(r, base + record * size, records * size, &data, &got) != 0) return EXIT_ERROR;
    for (size_t k = 0; k + size <= got; k += size) print_record(fields, format->fields, data + k);
    if (cli_stdout_status() != 0) return EXIT_ERROR;
    if (got < records * size) break;
    record += records;
  }
  return 0;
}

/* Checks --names against the format: one name per value, and no tab or line
 * break inside a name, which would break the header line. */
static int check_names(const char *names, const mem_format *format) {
  uint64_t count = 1;
  for (const char *p = names; *p; p++) {
    if (*p == ',') count++;
    if (*p == '\t' || *p == '\n' || *p == '\r')
      return cli_fail("--names", "a name may not contain a tab or a line break");
  }
  if (count != format->values)
    return cli_fail("--names", "the format has %llu values and needs one name for each, got %llu",
                    (unsigned long long)format->values, (unsigned long long)count);
  return 0;
}

/* "mem: TEXT: bad format: why" on one line: the text escaped as s values print. */
static int bad_format(const char *text, const char *why) {
  const size_t n = strlen(text);
  char *shown = malloc(4 * n + 1);
  if (shown) mem_format_escape((const uint8_t *)text, n, shown, 4 * n + 1);
  cli_fail(shown ? shown : "FORMAT", "bad format: %s", why);
  free(shown);
  return EXIT_ERROR;
}

int cmd_array(cli_args *a) {
  mem_format format;
  const char *why = mem_format_parse(a->argv[0], &format, NULL, 0);
  if (why) return bad_format(a->argv[0], why);
  if (format.size == 0) return bad_format(a->argv[0], "its records are 0 bytes long");
  mem_field *fields = malloc((format.fields ? format.fields : 1) * sizeof *fields);
  if (!fields) return cli_fail(a->argv[0], "out of memory for the format's fields");
  mem_format_parse(a->argv[0], &format, fields, format.fields);
  int status = a->names ? check_names(a->names, &format) : 0;
  const bool negative =
      (a->has_start && a->start < 0) || (a->has_stop && a->stop < 0) || (a->has_offset && a->offset < 0);
  mem_reader r;
  if (status == 0 && (status = reader_open(&r, a->argv[1], negative)) != 0) reader_close(&r);
  if (status == 0) {
    if (a->names) /* the header, names joined by tabs */
      for (const char *p = a->names;; p++) {
        putchar(*p == ',' ? '\t' : *p ? *p : '\n');
        if (!*p) break;
      }
    /* Python's slice rule for the offset, as `mem slice FILE N` has it: past
     * the end leaves no bytes. A stream's size is unknown (UINT64_MAX) only
     * when no value is negative, so a positive offset is kept as given. */
    const uint64_t base = a->has_offset ? cli_clamp(a->offset, r.size) : 0;
    const uint64_t count = r.size == READER_SIZE_UNKNOWN ? r.size : (r.size - base) / format.size;
    const uint64_t first = a->has_start ? cli_clamp(a->start, count) : 0;
    const uint64_t last = a->has_stop ? cli_clamp(a->stop, count) : count;
    status = print_records(&r, &format, fields, base, first, last);
    reader_close(&r);
  }
  free(fields);
  return status;
}
