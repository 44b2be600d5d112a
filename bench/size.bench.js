// The package size row: what a page loads, the browser entry bundled and
// minified by esbuild, plus the library's .wasm, each gzipped at level 9
// (bundle-size.js, which the packed-tarball test uses to enforce the budget;
// this row only reports it beside the speed rows).
import { fileURLToPath } from 'node:url';
import { ALL_BUDGET, BUDGET, CORE_IMPORTS, bundledSize } from './bundle-size.js';
import { budget } from './harness.js';

export function run() {
  const root = fileURLToPath(new URL('../', import.meta.url));
  budget({ name: 'package size, a page using the core API: gzip of the minified bundle + wasm-mem.wasm', bytes: bundledSize(root, CORE_IMPORTS).total, limit: BUDGET, limitName: 'budget' });
  budget({ name: 'package size, a page importing every export', bytes: bundledSize(root).total, limit: ALL_BUDGET, limitName: 'budget' });
}
