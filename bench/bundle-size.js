// What a page loads from the package: the browser entry bundled and minified
// by esbuild (as an application's bundler would do it), gzipped at level 9,
// plus the library's .wasm gzipped (not the CLI's mem.wasm). The shipped JS
// itself is not minified (stack traces stay readable), so its own size says
// little about what users download. Used by the packed-tarball test (which
// enforces the budget) and by bench/size.bench.js (which reports it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';

/** The size budget for the bundled JS + .wasm, gzipped. */
export const BUDGET = 40 * 1024;

/** {js, wasm, total}: gzipped bytes for the package in directory `pkg` (the repo or an installed copy). */
export function bundledSize(pkg) {
  const out = buildSync({
    entryPoints: [join(pkg, 'dist/js/index.js')],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const js = gzipSync(out.outputFiles[0].contents, { level: 9 }).length;
  const wasm = gzipSync(readFileSync(join(pkg, 'dist/wasm-mem.wasm')), { level: 9 }).length;
  return { js, wasm, total: js + wasm };
}
