/*
 * cli.h - what the `mem` commands share: the parsed command line, the exit
 * status convention, error messages, numbers, patterns and slice positions.
 */
#ifndef MEM_CLI_H
#define MEM_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { EXIT_YES = 0, EXIT_NO = 1, EXIT_ERROR = 2 };

/* The command line after getopt_long: options by name, operands in order.
 * Every int64_t value is a valid option value (SPEC §8: no value is reserved
 * to mean "not given"), so whether an option was given is kept beside it. */
typedef struct cli_args {
  const char *command;
  int64_t start, end, step, stop, at, offset, block;
  bool has_start, has_end, has_step, has_stop, has_at, has_offset, has_block;
  bool all, hex, grow;
  bool count;            /* index/rindex --count */
  bool magic;            /* scan --magic */
  const char *magic_ids; /* scan --magic=IDS, or NULL (every signature) */
  bool magic_list;       /* scan --magic-list */
  const char *list;      /* scan -f LIST, or NULL */
  const char *out;       /* -o OUT, or NULL */
  int argc;              /* operands after the command word */
  char **argv;
  const char *names; /* array --names a,b,..., or NULL */
} cli_args;

/* Prints "mem: WHAT: message" on stderr; returns EXIT_ERROR. */
int cli_fail(const char *what, const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* cli_fail with strerror(errno) as the message. */
int cli_fail_errno(const char *what);

/* The same for a failed call that took PATH (open, stat, readlink, rename,
 * ...): when PATH lies outside every directory the WASI runtime preopened,
 * the message says so and which --dir grants it, whatever errno the runtime
 * gave (preopen.h). Calls on a descriptor use cli_fail_errno. */
int cli_fail_path(const char *path);

/* Parses a decimal or 0x-hex integer with an optional sign into *out; on a
 * bad number prints an error naming WHAT and returns EXIT_ERROR, else 0. */
int cli_number(const char *text, const char *what, int64_t *out);

/* The bytes of a PATTERN operand: its text, or with --hex its hex digits
 * (whitespace between them allowed; '?' a nibble that may be anything, so
 * '??' any byte). Hex decoding is done in place in text. With a '?', *mask
 * is a malloc'ed mask (0xF0 / 0x0F / 0x00 per byte; the caller frees it),
 * else NULL. An empty pattern, odd or non-hex digits: message and EXIT_ERROR. */
int cli_pattern(char *text, bool hex, const uint8_t **pat, uint8_t **mask, size_t *len);

/* Python's slice rule: a negative value counts from the end of size, then
 * the result is clamped to [0, size]. */
uint64_t cli_clamp(int64_t v, uint64_t size);

/* The start of a search: as cli_clamp, except that a start beyond the end
 * is kept (it finds nothing, as b'abc'.find(b'', 4) == -1). */
uint64_t cli_search_start(int64_t v, uint64_t size);

/* The value of an optional number: v when given, else fallback. */
static inline int64_t cli_or(bool given, int64_t v, int64_t fallback) { return given ? v : fallback; }

/* Whether standard output still works: 0, or EXIT_ERROR once a write to it
 * failed (a message for a full disk and the like, none for a closed pipe,
 * once). Commands that print as they read call it after each window, so that
 * `mem hexdump big | head -c1` stops at once instead of reading on. */
int cli_stdout_status(void);

/* Prints a position in decimal, or -1 for "none" (UINT64_MAX). */
void cli_print_position(uint64_t pos);

/* The commands, one function per command word. */
int cmd_index(cli_args *a);
int cmd_rindex(cli_args *a);
int cmd_cmp(cli_args *a);
int cmd_diff(cli_args *a);
int cmd_rdiff(cli_args *a);
int cmd_match(cli_args *a);
int cmd_rmatch(cli_args *a);
int cmd_len(cli_args *a);
int cmd_copy(cli_args *a);
int cmd_slice(cli_args *a);
int cmd_join(cli_args *a);
int cmd_array(cli_args *a);
int cmd_hexdump(cli_args *a);
int cmd_scan(cli_args *a);
int cmd_entropy(cli_args *a);

#endif /* MEM_CLI_H */
