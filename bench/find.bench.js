// find/rfind of 1–64-byte patterns against Node's Buffer.indexOf and
// lastIndexOf: on a Chunk (bytes already in wasm memory) and on a foreign
// Buffer (its bytes staged into wasm memory in 1 MiB windows, included in the
// time), in cache and out of it; and the pure-JS search a browser tool writes.
import { Chunk, find, rfind } from 'wasm-mem';
import { BIG, SMALL, compare } from './harness.js';
import { absent, letterSoup, nearMiss } from './data.js';

/** What a browser tool writes without us: Uint8Array#indexOf for the first byte, then verify. */
function jsFirstByteFind(h, p) {
  const last = h.length - p.length;
  for (let i = h.indexOf(p[0]); i !== -1 && i <= last; i = h.indexOf(p[0], i + 1)) {
    let k = 1;
    while (k < p.length && h[i + k] === p[k]) k++;
    if (k === p.length) return i;
  }
  return -1;
}

/** The same backwards, with Uint8Array#lastIndexOf (a negative fromIndex would wrap: stop at 0). */
function jsFirstByteRfind(h, p) {
  for (let i = h.lastIndexOf(p[0], h.length - p.length); i !== -1; i = i > 0 ? h.lastIndexOf(p[0], i - 1) : -1) {
    let k = 1;
    while (k < p.length && h[i + k] === p[k]) k++;
    if (k === p.length) return i;
  }
  return -1;
}

const DIRECTIONS = [
  { fn: 'find', ours: find, peer: (h, p) => h.indexOf(p), peerName: 'Buffer.indexOf', js: jsFirstByteFind, jsName: 'JS Uint8Array.indexOf+verify' },
  { fn: 'rfind', ours: rfind, peer: (h, p) => h.lastIndexOf(p), peerName: 'Buffer.lastIndexOf', js: jsFirstByteRfind, jsName: 'JS Uint8Array.lastIndexOf+verify' },
];

export function run() {
  for (const [size, label] of [SMALL, BIG]) {
    const text = letterSoup(size);
    const chunk = new Chunk(text);
    const inCache = size === SMALL[0];
    for (const d of DIRECTIONS) {
      // Patterns: absent bytes (Node skips them with glibc memchr) and near misses (nothing to skip on).
      for (const [kind, make] of [['absent', (n) => absent(n)], ['near-miss', (n) => nearMiss(text, n, d.fn === 'rfind')]]) {
        for (const plen of [2, 4, 8, 16, 32, 64]) {
          const pat = make(plen);
          const ratio = plen === 16 ? 5 : 2;
          compare({
            name: `${d.fn} ${plen}B ${kind}, ${label}, Chunk`, bytes: size, ours: () => d.ours(chunk, pat), peer: () => d.peer(text, pat), peerName: d.peerName,
            goal: { ratio, level: inCache ? 28 : undefined },
          });
        }
        for (const plen of [2, 4, 16, 64]) {
          const pat = make(plen);
          compare({
            name: `${d.fn} ${plen}B ${kind}, ${label}, foreign Buffer`, bytes: size, ours: () => d.ours(text, pat), peer: () => d.peer(text, pat), peerName: d.peerName,
            goal: plen >= 4 ? { ratio: 1 } : undefined,
          });
        }
      }
      // Single byte: Node calls memchr (memrchr backwards); the goal holds out of cache.
      const goal = inCache ? undefined : { ratio: 0.8 };
      compare({ name: `${d.fn} 1 byte (absent), ${label}, Chunk`, bytes: size, ours: () => d.ours(chunk, 90), peer: () => d.peer(text, 90), peerName: d.peerName, goal });
      compare({ name: `${d.fn} 1 byte (absent), ${label}, foreign Buffer`, bytes: size, ours: () => d.ours(text, 90), peer: () => d.peer(text, 90), peerName: d.peerName });
      if (inCache) continue;
      // The browser case: a plain Uint8Array (not a Buffer) and no library.
      const u8 = new Uint8Array(text.buffer, text.byteOffset, text.length);
      for (const [kind, pat] of [['near-miss', nearMiss(text, 16, d.fn === 'rfind')], ['absent', absent(16)]]) {
        compare({ name: `${d.fn} 16B ${kind}, ${label}, Uint8Array`, bytes: size, ours: () => d.ours(u8, pat), peer: () => d.js(u8, pat), peerName: d.jsName, goal: { ratio: 10 } });
        compare({ name: `${d.fn} 16B ${kind}, ${label}, Chunk`, bytes: size, ours: () => d.ours(chunk, pat), peer: () => d.js(u8, pat), peerName: d.jsName, goal: { ratio: 10 } });
      }
    }
    chunk.free();
  }
}
