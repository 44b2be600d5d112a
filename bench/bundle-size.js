// What a page loads from the package: the browser entry bundled and minified
// by esbuild (as an application's bundler would do it), gzipped at level 9,
// plus the library's .wasm gzipped (not the CLI's mem.wasm). The shipped JS
// itself is not minified (stack traces stay readable), so its own size says
// little about what users download. Used by the packed-tarball test (which
// enforces the budget) and by bench/size.bench.js (which reports it).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';

/**
 * The budget for a page that uses the core API (the functions, Chunk,
 * MemSlice, StrArray, StrIO, dumps): 46 KiB (45.1 KiB measured). It was 43 KiB
 * until issue 27's element access, bulk paths and record readers: the gate's
 * fast path for typed arrays and its kept views (0.2 KiB), set checks written
 * inline and a kept view for record arrays (0.15 KiB), each array's kept view
 * of its items checked against a generation counter (0.35 KiB), the strided gather kernel
 * (mem_gather, 1.2 KiB of wasm code every page loads: 0.5 KiB gzipped), its JS
 * (array/bulk.js, 0.4 KiB) and the per-format record readers (8 generated
 * copies of the reader shapes and of the record get, struct/readers.js and
 * array/record-get.js: 1.1 KiB, of which 0.35 KiB is the copies beyond one).
 * It was 40 KiB before: the hardening of issue 25 (brand checks instead of
 * package symbols, bounded and checked multi-pattern tables, struct formats
 * kept as runs) added 1.2 KiB, StrArray's options of issue 27 (length,
 * strings, int64; readStruct's options; dump format version 3) 0.85 KiB, the
 * signature grouping of issue 28 and the histogram kernel (wasm bytes every
 * page loads) 0.5 KiB, a review's further hardening (buffers read through
 * their built-ins, per-table fast-path state) 0.2 KiB. Every other feature (struct functions, patterns,
 * signature checks, async search, histogram's JS) is a separate module a
 * bundler leaves out unless the page imports it (a Pattern brings its own
 * masked kernel: functions.js does not import it); the page that imports
 * everything has its own budget, ALL_BUDGET.
 */
export const BUDGET = 46 * 1024;
/**
 * The budget for a page that imports every export: 55 KiB (54.5 KiB
 * measured; 51 KiB before issue 27's kept views, gather kernel and record
 * readers, 47 KiB before the signature checks, options and histogram). 1 KiB
 * of issue 27's is the async functions' in-place search of big pieces, whose
 * readers, window loop and consumers every page with streams loads (the byte
 * search itself, search/inplace.js, only Node loads).
 */
export const ALL_BUDGET = 55 * 1024;
/** What the core page imports. */
export const CORE_IMPORTS = ['find', 'rfind', 'findAll', 'index', 'rindex', 'cmp', 'copy', 'len', 'diff', 'rdiff', 'match', 'rmatch', 'Chunk', 'MemSlice', 'StrArray', 'ChunkArray', 'StrIO', 'ChunkIO', 'dumps', 'loads', 'init'];

/**
 * {js, wasm, total, wasmRaw, text}: gzipped bytes for the package in directory
 * `pkg` (the repo or an installed copy), for a page importing `names`
 * (default: every export); `wasmRaw` is the module's own size, `text` the
 * minified bundle.
 */
export function bundledSize(pkg, names = null) {
  const entry = resolve(pkg, 'dist/js/index.js');
  const out = buildSync({
    ...(names === null ? { entryPoints: [entry] } : { stdin: { contents: `export { ${names.join(', ')} } from ${JSON.stringify(entry)};`, resolveDir: pkg } }),
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const js = gzipSync(out.outputFiles[0].contents, { level: 9 }).length;
  const module = readFileSync(join(pkg, 'dist/wasm-mem.wasm'));
  const wasm = gzipSync(module, { level: 9 }).length;
  return { js, wasm, total: js + wasm, wasmRaw: module.length, text: out.outputFiles[0].text };
}
