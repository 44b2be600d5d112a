// Small and early work on foreign bytes: where the plain-JS path (inputs of
// at most 64 bytes) meets the staged wasm path, and a search of a 150 KiB
// Buffer whose match is near the start, further in, or absent (goal: at
// least half of Buffer#indexOf's speed: the first window is small and the
// windows double, so an early match copies little).
import { cmp, diff, find } from 'wasm-mem';
import { compare } from './harness.js';

function smallRows() {
  for (const size of [8, 16, 32, 64, 128, 256]) {
    const hay = Buffer.alloc(size, 97);
    const pat = Buffer.from('ab');
    compare({ name: `find 2B in ${size}B foreign`, bytes: size, ours: () => find(hay, pat), peer: () => hay.indexOf(pat), peerName: 'Buffer.indexOf' });
    const other = Buffer.from(hay);
    other[size - 1] = 98;
    compare({ name: `diff ${size}B foreign`, bytes: size, ours: () => diff(hay, other), peer: () => cmp(hay, other), peerName: 'cmp (ours)', check: false });
  }
}

function earlyRows() {
  const size = 150 << 10;
  const text = Buffer.alloc(size);
  // Words of lowercase letters and spaces, like a log or a source file.
  for (let i = 0, seed = 1; i < size; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    text[i] = seed % 7 === 0 ? 32 : 97 + (seed >>> 16) % 26;
  }
  const pat = Buffer.from('needle-7Q');
  // Text, and zeros (where Buffer#indexOf runs at memchr speed on the pattern's first byte).
  const cases = [['5 KB in', 5000], ['50 KB in', 50000], ['absent', -1]].flatMap(([w, at]) => [[w, at, text, 'text'], [w, at, Buffer.alloc(size), 'zeros']]);
  for (const [where, at, base, kind] of cases) {
    const hay = Buffer.from(base);
    if (at >= 0) pat.copy(hay, at);
    compare({
      name: `find in a 150 KiB Buffer of ${kind}, match ${where}`, bytes: at >= 0 ? at : size, goal: { ratio: 0.5 },
      ours: () => find(hay, pat), peer: () => hay.indexOf(pat), peerName: 'Buffer.indexOf',
    });
  }
}

export function run() {
  smallRows();
  earlyRows();
}
