/*
 * mem - the command line of wasm-mem. Parses the global options with
 * getopt_long and dispatches on the command word. The commands themselves
 * arrive with the CLI issue; this file owns --help and --version and the exit
 * status convention: 0 done/found/same, 1 not found/different, 2 error.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mem.h"

#ifndef MEM_VERSION
#define MEM_VERSION "unknown"
#endif

enum { EXIT_DONE = 0, EXIT_ERROR = 2 };

static const char usage[] =
    "usage: mem COMMAND [OPTIONS] ARGS\n"
    "\n"
    "Raw-memory tools for files: search with a step, compare, diff, copy.\n"
    "\n"
    "Options:\n"
    "  -h, --help     show this help and exit\n"
    "  -V, --version  show the version and exit\n"
    "\n"
    "Exit status: 0 found/same/done, 1 not found/different, 2 error.\n";

int main(int argc, char **argv) {
  /* Under Node, bin/mem.js preopens "/" alone and passes the real working
   * directory here, so relative paths resolve as the user expects. */
  const char *cwd = getenv("MEM_CWD");
  if (cwd && *cwd && chdir(cwd) != 0) {
    fprintf(stderr, "mem: %s: cannot change to this directory\n", cwd);
    return EXIT_ERROR;
  }
  static const struct option options[] = {
      {"help", no_argument, NULL, 'h'},
      {"version", no_argument, NULL, 'V'},
      {NULL, 0, NULL, 0},
  };
  opterr = 0; /* we print our own one-line messages */
  int opt;
  while ((opt = getopt_long(argc, argv, "+hV", options, NULL)) != -1) {
    switch (opt) {
      case 'h':
        fputs(usage, stdout);
        return EXIT_DONE;
      case 'V':
        printf("mem %s\n", MEM_VERSION);
        return EXIT_DONE;
      default:
        fprintf(stderr, "mem: unknown option '%s' (try 'mem --help')\n", argv[optind - 1]);
        return EXIT_ERROR;
    }
  }
  if (optind >= argc) {
    fputs(usage, stderr);
    return EXIT_ERROR;
  }
  fprintf(stderr, "mem: %s: unknown command (try 'mem --help')\n", argv[optind]);
  return EXIT_ERROR;
}
