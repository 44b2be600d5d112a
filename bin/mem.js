#!/usr/bin/env node
// `mem` under Node: runs the WASI command module dist/mem.wasm.
//
// Preopens `/` alone and tells the module the current directory through
// MEM_CWD, so relative and absolute paths both work: wasi-libc treats the
// preopens `.` and `/` as one prefix, so preopening both breaks relative
// paths; instead the module chdir()s to MEM_CWD (wasi-libc emulates a
// working directory).
import { readFileSync } from 'node:fs';

// node:wasi prints an ExperimentalWarning when loaded; it is noise for a CLI.
const emitWarning = process.emitWarning;
process.emitWarning = (warning, ...rest) => {
  const type = typeof rest[0] === 'object' ? rest[0]?.type : rest[0];
  if (type !== 'ExperimentalWarning') emitWarning.call(process, warning, ...rest);
};
const { WASI } = await import('node:wasi');
process.emitWarning = emitWarning;

const wasi = new WASI({
  version: 'preview1',
  args: ['mem', ...process.argv.slice(2)],
  env: { ...process.env, MEM_CWD: process.cwd() },
  preopens: { '/': '/' },
  returnOnExit: true,
});
const module = new WebAssembly.Module(readFileSync(new URL('../dist/mem.wasm', import.meta.url)));
const instance = new WebAssembly.Instance(module, wasi.getImportObject());
process.exitCode = wasi.start(instance);
