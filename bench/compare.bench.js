// cmp, diff, match and their r-variants, and copy, on Chunks against Node's
// Buffer.compare and Buffer.copy (>= 0.95x: both are memory-bound scans, we
// must not lose to them) and against the JS loops a user writes (>= 10x).
// diff/match have no Node counterpart, so their Node peer is Buffer.compare
// scanning the same number of bytes (`check: false`, `expect` checks ours).
import { Chunk, cmp, copy, diff, match, rdiff, rmatch } from 'wasm-mem';
import { BIG, SMALL, compare } from './harness.js';
import { letterSoup } from './data.js';

/** `text` with the bytes at `at` flipped: the operands of a scan that ends there. */
function flipped(text, ...at) {
  const b = Buffer.from(text);
  for (const i of at) b[i] ^= 1;
  return b;
}

/** `text` with every byte inverted except those at `at`: equal only there. */
function inverted(text, at) {
  const b = Buffer.from(text.map((x) => x ^ 0xff));
  b[at] = text[at];
  return b;
}

const jsLoops = {
  diff: (a, b) => { for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i; return -1; },
  rdiff: (a, b) => { for (let i = a.length - 1; i >= 0; i--) if (a[i] !== b[i]) return i; return -1; },
  match: (a, b) => { for (let i = 0; i < a.length; i++) if (a[i] === b[i]) return i; return -1; },
  rmatch: (a, b) => { for (let i = a.length - 1; i >= 0; i--) if (a[i] === b[i]) return i; return -1; },
};

export function run() {
  for (const [size, label] of [SMALL, BIG]) {
    const text = letterSoup(size);
    const lastDiffers = flipped(text, size - 1);
    const a = new Chunk(text);
    const b = new Chunk(lastDiffers);
    const fullCompare = () => Buffer.compare(text, lastDiffers); // scans all `size` bytes
    compare({ name: `cmp equal-but-last, ${label}, Chunks`, bytes: size, ours: () => cmp(a, b), peer: fullCompare, peerName: 'Buffer.compare', goal: { ratio: 0.95 } });
    compare({ name: `cmp equal-but-last, ${label}, foreign Buffers`, bytes: size, ours: () => cmp(text, lastDiffers), peer: fullCompare, peerName: 'Buffer.compare' });
    // Each scan runs over all `size` bytes: the one position it finds is at its far end.
    const scans = [
      ['diff', diff, 'equal-but-last', lastDiffers, size - 1],
      ['rdiff', rdiff, 'equal-but-first', flipped(text, 0), 0],
      ['match', match, 'equal-only-last', inverted(text, size - 1), size - 1],
      ['rmatch', rmatch, 'equal-only-first', inverted(text, 0), 0],
    ];
    for (const [fn, ours, what, other, expect] of scans) {
      const o = new Chunk(other);
      const name = `${fn} ${what}, ${label}, Chunks`;
      compare({ name, bytes: size, ours: () => ours(a, o), peer: fullCompare, peerName: 'Buffer.compare (same bytes)', check: false, expect, goal: { ratio: 0.95 } });
      compare({ name, bytes: size, ours: () => ours(a, o), peer: () => jsLoops[fn](text, other), peerName: 'JS loop', goal: { ratio: 10 } });
      o.free();
    }
    const dest = Buffer.alloc(size);
    const d = Chunk.alloc(size);
    compare({ name: `copy ${label}, Chunk to Chunk`, bytes: size, ours: () => copy(d, a), peer: () => text.copy(dest), peerName: 'Buffer.copy', check: false, expect: size, goal: { ratio: 0.95 } });
    compare({ name: `copy ${label}, Buffer to Buffer`, bytes: size, ours: () => copy(dest, text), peer: () => text.copy(dest), peerName: 'Buffer.copy', check: false, expect: size, goal: { ratio: 0.95 } });
    compare({ name: `copy ${label}, Buffer into a Chunk`, bytes: size, ours: () => copy(d, text), peer: () => text.copy(dest), peerName: 'Buffer.copy', check: false, expect: size });
    for (const c of [a, b, d]) c.free();
  }
}
