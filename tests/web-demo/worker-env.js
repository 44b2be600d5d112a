// The web tool's Worker modules in Node: they import the package's browser
// entry by path (dist/js/index.js, as a Worker must), which cannot fetch its
// module from a file: URL here, so it is given the bytes, as an application
// under a strict CSP does (init(source)).
import { readFileSync } from 'node:fs';
import { init } from '../../dist/js/index.js';

await init(readFileSync(new URL('../../dist/wasm-mem.wasm', import.meta.url)));

/** A ctx as worker.js gives handlers, recording progress; `abortAfter` aborts after that many checks. */
export function fakeContext({ abortAfter = Infinity } = {}) {
  const seen = [];
  let checks = 0;
  const ctx = {
    seen,
    progress: (f) => f >= 0 && seen.push(f),
    check() {
      if (++checks > abortAfter) throw new DOMException('cancelled', 'AbortError');
    },
    sub: (map) => ({ ...ctx, progress: (f) => ctx.progress(map(f)) }),
  };
  return ctx;
}
