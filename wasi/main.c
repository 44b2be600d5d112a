/*
 * mem - the command line of wasm-mem (SPEC §8). Finds the command word,
 * parses its options with getopt_long (GNU order: options may follow the
 * operands; "--" ends them, for negative positions and patterns that start
 * with '-'), checks that each option applies to the command and that the
 * operand count fits, then dispatches to the command's function. Owns the
 * exit status convention: 0 done/found/same, 1 not found/different, 2 error,
 * and the final flush of standard output (a full disk is an error too).
 */
#include <getopt.h>
#ifndef __wasi__
#include <signal.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "progress.h"

#ifndef MEM_VERSION
#define MEM_VERSION "unknown"
#endif

typedef struct command {
  const char *name;
  int (*run)(cli_args *);
  const char *options; /* the option codes it accepts (see option_table) */
  int min_args, max_args;
  const char *usage;
} command;

/* Long-only options use these codes; -o, -h and -V are also short. */
enum {
  OPT_START = 'S',
  OPT_END = 'E',
  OPT_STEP = 'P',
  OPT_ALL = 'a',
  OPT_HEX = 'x',
  OPT_STOP = 'T',
  OPT_AT = 'A',
  OPT_GROW = 'g',
  OPT_OUT = 'o',
  OPT_NAMES = 'N',
  OPT_LIST = 'f',
  OPT_MAGIC = 'm',
  OPT_MAGIC_LIST = 'M',
  OPT_COUNT = 'c',
  OPT_OFFSET = 'O',
  OPT_BLOCK = 'B'
};

static const struct option option_table[] = {
    {"start", required_argument, NULL, OPT_START},
    {"end", required_argument, NULL, OPT_END},
    {"step", required_argument, NULL, OPT_STEP},
    {"all", no_argument, NULL, OPT_ALL},
    {"hex", no_argument, NULL, OPT_HEX},
    {"stop", required_argument, NULL, OPT_STOP},
    {"at", required_argument, NULL, OPT_AT},
    {"grow", no_argument, NULL, OPT_GROW},
    {"output", required_argument, NULL, OPT_OUT},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {"names", required_argument, NULL, OPT_NAMES},
    {"file", required_argument, NULL, OPT_LIST},
    {"magic", optional_argument, NULL, OPT_MAGIC},
    {"magic-list", no_argument, NULL, OPT_MAGIC_LIST},
    {"count", no_argument, NULL, OPT_COUNT}, /* index, rindex */
    {"offset", required_argument, NULL, OPT_OFFSET},
    {"block", required_argument, NULL, OPT_BLOCK}, /* entropy */
    {NULL, 0, NULL, 0},
};

static const command commands[] = {
    {"index", cmd_index, "SEPaxc", 2, 2,
     "mem index FILE PATTERN [--start N] [--end N] [--step N] [--all | --count] [--hex]\n"
     "  Prints the offset of the first match of PATTERN, or -1 (exit 1). With --all,\n"
     "  every match, one per line, overlapping ones included (nothing, exit 1, if none).\n"
     "  With --count, the number of those matches (0, exit 1, if none).\n"
     "  Matches start at start + k * step and end by --end.\n"},
    {"rindex", cmd_rindex, "SEPaxc", 2, 2,
     "mem rindex FILE PATTERN [--start N] [--end N] [--step N] [--all | --count] [--hex]\n"
     "  Prints the offset of the last match, or -1 (exit 1); --all lists every match,\n"
     "  highest first; --count counts them as index does. Reads from the end.\n"},
    {"cmp", cmd_cmp, "", 2, 2,
     "mem cmp A B\n  Prints -1, 0 or 1: byte order of A and B, a proper prefix first. Exit 1 if they "
     "differ.\n"},
    {"diff", cmd_diff, "", 2, 2,
     "mem diff A B\n  Prints the first offset where A and B differ over their common length, or -1.\n"
     "  Exit 1 when they differ; if they differ only in length, says which ended first.\n"},
    {"rdiff", cmd_rdiff, "", 2, 2,
     "mem rdiff A B\n  As diff, with the files aligned on their last bytes; prints an offset in A.\n"},
    {"match", cmd_match, "", 2, 2,
     "mem match A B\n  Prints the first offset where A and B hold the same byte, or -1 (exit 1).\n"},
    {"rmatch", cmd_rmatch, "", 2, 2,
     "mem rmatch A B\n  As match, with the files aligned on their last bytes; prints an offset in A.\n"},
    {"len", cmd_len, "", 1, 1, "mem len FILE\n  Prints the size of FILE in bytes.\n"},
    {"copy", cmd_copy, "Ag", 2, 2,
     "mem copy SRC DEST [--at N] [--grow]\n"
     "  Writes SRC into DEST at offset N (default 0; negative counts from DEST's end), in\n"
     "  place. Refuses, writing nothing, if SRC would pass DEST's end, unless --grow.\n"},
    {"slice", cmd_slice, "o", 2, 3,
     "mem slice FILE START [STOP] [-o OUT]\n"
     "  Writes bytes START..STOP of FILE (Python slice rules) to standard output or OUT.\n"},
    {"join", cmd_join, "o", 1, -1,
     "mem join FILE... [-o OUT]\n  Writes the files joined, to OUT or standard output.\n"},
    {"array", cmd_array, "STNO", 2, 2,
     "mem array FORMAT FILE [--start I] [--stop I] [--offset N] [--names a,b,...]\n"
     "  Prints records I of FILE read as a Python struct FORMAT ('<I4sHh': [@=<>!], then counts\n"
     "  and codes of xcbB?hHiIlLqQnNPefdsp), one per line, values separated by tabs, as Python's\n"
     "  repr (floats shortest, ? as true/false, c/s/p as text, \\xNN if unprintable\n"
     "  or a backslash).\n"
     "  --offset N: the records start at byte N (negative: from the end), as after\n"
     "  'mem slice FILE N |'. --names: one name per value, printed first as a header line.\n"},
    {"hexdump", cmd_hexdump, "", 1, 3,
     "mem hexdump FILE [START [STOP]]\n  Shows bytes START..STOP in the layout of hexdump -C.\n"
     "  An empty range (STOP <= START after the slice rules) prints nothing and exits 0.\n"},
    {"scan", cmd_scan, "SEPxfmM", 0, -1,
     "mem scan FILE [PATTERN...] [-f LIST] [--hex] [--magic[=IDS]] [--start N] [--end N] [--step N]\n"
     "  Prints OFFSET<TAB>N<TAB>PATTERN for every match of any pattern, by offset then N, in one\n"
     "  pass. N counts from 1: the PATTERNs, then LIST's lines (one pattern each; empty lines and\n"
     "  '#' lines skipped), then with --magic the built-in file signatures, printed by name at the\n"
     "  offset where the marked file starts, when the header after it passes the signature's\n"
     "  check. --magic=png,zip: only those signatures (by id); mem scan --magic-list lists\n"
     "  them (id<TAB>name). --hex: hex digits, ?? any byte, 4? / ?d one nibble.\n"
     "  --start/--end/--step apply to where a pattern matched. Exit 1 when nothing matched.\n"},
    {"entropy", cmd_entropy, "B", 1, 1,
     "mem entropy FILE [--block N]\n"
     "  Prints OFFSET<TAB>ENTROPY for each block of N bytes (default 4096; the last one may be\n"
     "  shorter): the Shannon entropy of its bytes in bits per byte, 0 (one value) to 8 (all 256\n"
     "  equally often), with six decimals. An empty FILE prints nothing.\n"},
};

static const char usage[] =
    "usage: mem COMMAND [OPTIONS] ARGS   (mem COMMAND --help for one command)\n"
    "\n"
    "Raw-memory tools for files of any size: search with a step, compare, diff, copy.\n"
    "\n"
    "  index, rindex FILE PATTERN   first/last offset of PATTERN (--all, --count)\n"
    "  cmp A B                      -1, 0 or 1\n"
    "  diff, rdiff, match, rmatch A B   first/last differing/equal offset\n"
    "  len FILE                     size in bytes\n"
    "  copy SRC DEST [--at N] [--grow]   write SRC into DEST in place\n"
    "  slice FILE START [STOP] [-o OUT]  write a byte range\n"
    "  join FILE... [-o OUT]        write the files joined\n"
    "  array FORMAT FILE [--offset N] [--names]   print struct records\n"
    "  hexdump FILE [START [STOP]]  hexdump -C layout\n"
    "  scan FILE [PATTERN...] [-f LIST] [--magic]   every match of many patterns, one pass\n"
    "  entropy FILE [--block N]     entropy per block, in bits per byte\n"
    "\n"
    "FILE may be '-' for standard input. Numbers are decimal or 0x hex; negative\n"
    "positions count from the end: --start=-10, or after '--'. --hex reads PATTERN\n"
    "as hex digits ('de ad be ef'; ?? any byte, 4? / ?d one nibble).\n"
    "\n"
    "Options:\n"
    "  -h, --help     show this help and exit\n"
    "  -V, --version  show the version and exit\n"
    "\n"
    "Exit status: 0 found/same/done, 1 not found/different, 2 error.\n";

static const command *find_command(const char *name) {
  for (size_t k = 0; k < sizeof commands / sizeof commands[0]; k++)
    if (strcmp(commands[k].name, name) == 0) return &commands[k];
  return NULL;
}

static const char *option_name(int code) {
  for (const struct option *o = option_table; o->name; o++)
    if (o->val == code) return o->name;
  return "?";
}

/* Stores one parsed option in *a; 0, or EXIT_ERROR after a message. */
static int take_option(cli_args *a, int code, const char *value) {
  switch (code) {
    case OPT_START:
      a->has_start = true;
      return cli_number(value, "--start", &a->start);
    case OPT_END:
      a->has_end = true;
      return cli_number(value, "--end", &a->end);
    case OPT_STEP:
      a->has_step = true;
      return cli_number(value, "--step", &a->step);
    case OPT_STOP:
      a->has_stop = true;
      return cli_number(value, "--stop", &a->stop);
    case OPT_AT:
      a->has_at = true;
      return cli_number(value, "--at", &a->at);
    case OPT_OFFSET:
      a->has_offset = true;
      return cli_number(value, "--offset", &a->offset);
    case OPT_BLOCK:
      a->has_block = true;
      return cli_number(value, "--block", &a->block);
    case OPT_ALL:
      a->all = true;
      return 0;
    case OPT_HEX:
      a->hex = true;
      return 0;
    case OPT_GROW:
      a->grow = true;
      return 0;
    case OPT_OUT:
      a->out = value;
      return 0;
    case OPT_NAMES:
      a->names = value;
      return 0;
    case OPT_LIST:
      a->list = value;
      return 0;
    case OPT_MAGIC:
      if (value && !*value)
        return cli_fail("--magic", "needs ids after '=' (mem scan --magic-list lists them)");
      a->magic = true;
      a->magic_ids = value;
      return 0;
    case OPT_MAGIC_LIST:
      a->magic_list = true;
      return 0;
    case OPT_COUNT:
      a->count = true;
      return 0;
    default:
      return EXIT_ERROR;
  }
}

/* The option whose value is missing, as the user wrote it when argv[optind - 1]
 * is that option (it is not always: getopt implementations differ in where
 * they leave optind, and it may point past the end), else by its code. */
static const char *missing_value_name(int code, int argc, char **argv) {
  static char name[32];
  const char *given = optind >= 1 && optind - 1 < argc ? argv[optind - 1] : NULL;
  const char *long_name = option_name(code);
  if (given && code == OPT_OUT && strcmp(given, "-o") == 0) return given;
  if (given && strncmp(given, "--", 2) == 0 && given[2] &&
      strncmp(long_name, given + 2, strlen(given + 2)) == 0)
    return given; /* --output, or an abbreviation such as --out */
  if (code == OPT_OUT) return "-o";
  snprintf(name, sizeof name, "--%s", long_name);
  return name;
}

/* An unknown option. A negative number before "--" ("mem slice f 0 -5")
 * reaches getopt as option "-5": say where negative positions go instead. */
static int unknown_option(const command *cmd, int argc, char **argv) {
  if (optopt >= '0' && optopt <= '9') {
    const char *arg = "";
    for (int k = 1; k < argc && strcmp(argv[k], "--") != 0; k++)
      if (argv[k][0] == '-' && argv[k][1] == optopt) {
        arg = argv[k];
        break;
      }
    return cli_fail(cmd->name,
                    "'%s' is read as an option: negative positions go after '--' (mem %s ... -- %s)%s", arg,
                    cmd->name, arg, strchr(cmd->options, OPT_START) ? " or as --start=-N" : "");
  }
  if (optopt > 0 && optopt < 128 && optopt != '?')
    return cli_fail(cmd->name, "unknown option '-%c' (try 'mem %s --help')", optopt, cmd->name);
  return cli_fail(cmd->name, "unknown option '%s' (try 'mem %s --help')", argv[optind - 1], cmd->name);
}

/* Parses the command's options and operands from argv[0] (the command word) on. */
static int parse(const command *cmd, int argc, char **argv, cli_args *a, bool *help) {
  *a = (cli_args){.command = cmd->name};
  opterr = 0; /* we print our own one-line messages */
  optind = 0; /* 0 re-initialises getopt in glibc and musl alike */
  int code;
  while ((code = getopt_long(argc, argv, ":o:f:hV", option_table, NULL)) != -1) {
    if (code == 'h') {
      *help = true;
      return 0;
    }
    if (code == ':')
      return cli_fail(cmd->name, "option '%s' needs a value", missing_value_name(optopt, argc, argv));
    if (code == 'V')
      return cli_fail(cmd->name, "unknown option '%s' (try 'mem %s --help')", argv[optind - 1], cmd->name);
    if (code == '?') return unknown_option(cmd, argc, argv);
    if (!strchr(cmd->options, code))
      return cli_fail(cmd->name, "option --%s does not apply (try 'mem %s --help')", option_name(code),
                      cmd->name);
    if (take_option(a, code, optarg) != 0) return EXIT_ERROR;
  }
  a->argc = argc - optind;
  a->argv = argv + optind;
  if (a->argc < cmd->min_args || (cmd->max_args >= 0 && a->argc > cmd->max_args))
    return cli_fail(cmd->name, "%s operands (usage: %.*s)", a->argc < cmd->min_args ? "missing" : "too many",
                    (int)strcspn(cmd->usage, "\n"), cmd->usage);
  return 0;
}

/* Flushes standard output; a failure there (a full disk, a closed pipe) is an error (cli_stdout_status). */
static int finish(int status) {
  progress_clear();
  if (fflush(stdout) != 0 || ferror(stdout)) return cli_stdout_status();
  return status;
}

int main(int argc, char **argv) {
  /* Under Node, bin/mem.js preopens "/" alone and passes the real working
   * directory here, so relative paths resolve as the user expects. */
#ifndef __wasi__
  /* A closed pipe is an EPIPE from write, handled like any failed write
   * (silently, exit 2), as under WASI, which has no signals. */
  signal(SIGPIPE, SIG_IGN);
#endif
  const char *cwd = getenv("MEM_CWD");
  if (cwd && *cwd && chdir(cwd) != 0) return cli_fail(cwd, "cannot change to this directory");
  static char out_buffer[1 << 16]; /* --all and array print many short lines */
  setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);
  if (argc < 2) {
    fputs(usage, stderr);
    return EXIT_ERROR;
  }
  if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) return finish((fputs(usage, stdout), 0));
  if (strcmp(argv[1], "-V") == 0 || strcmp(argv[1], "--version") == 0)
    return finish((printf("mem %s\n", MEM_VERSION), 0));
  const command *cmd = find_command(argv[1]);
  if (!cmd) return cli_fail(argv[1], "unknown command (try 'mem --help')");
  cli_args a;
  bool help = false;
  if (parse(cmd, argc - 1, argv + 1, &a, &help) != 0) return finish(EXIT_ERROR);
  if (help) return finish((fputs(cmd->usage, stdout), 0));
  return finish(cmd->run(&a));
}
