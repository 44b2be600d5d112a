// The C kernels alone, for work on them: `node bench/kernels.js [A.wasm B.wasm ...]`
// (default dist/wasm-mem.wasm) calls the raw exports on pointers, no JS
// binding around them, and for each case reports every module's GB/s side by
// side: an old build against a new one, measured in the same process.
//
// On a shared machine a best-of-a-few-long-rounds time swings with the load;
// the best of many 1 ms slices, taken in turn for each module, is a slice the
// scheduler left alone, which is steady from run to run (ROUNDS, default 200;
// ONLY=text keeps the cases whose name contains it; SIZE in bytes, default
// 64 KiB). Not part of `npm run bench`: its rows have no peer but ourselves.
import { readFileSync } from 'node:fs';
import { letterSoup } from './data.js';

const files = process.argv.slice(2);
if (!files.length) files.push(new URL('../dist/wasm-mem.wasm', import.meta.url).pathname);
const SIZE = Number(process.env.SIZE ?? 65536);
const ROUNDS = Number(process.env.ROUNDS ?? 200);

function load(file) {
  const imports = { env: { emscripten_notify_memory_growth() {} } };
  const e = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(file)), imports).exports;
  e._initialize?.();
  return { e, a: e.malloc(SIZE), b: e.malloc(4096 > SIZE ? 4096 : SIZE) };
}

/** ns per call: the calls of a 1 ms slice. */
function slice(fn) {
  const t0 = process.hrtime.bigint();
  let n = 0;
  let elapsed;
  do {
    for (let k = 0; k < 16; k++) fn();
    n += 16;
    elapsed = Number(process.hrtime.bigint() - t0);
  } while (elapsed < 1e6);
  return elapsed / n;
}

const text = letterSoup(SIZE);
const periodic = Buffer.from(Array.from({ length: SIZE }, (_, i) => 97 + (i & 1)));
/** A 16-byte slice of the text with its middle byte made absent ('Z'). */
const nearMiss = (back) => {
  const p = Buffer.from(text.subarray(1000, 1016));
  p[back ? 7 : 8] = 90;
  return p;
};
/** The same with its middle byte another letter: every byte frequent, the two-probe filter. */
const frequent = () => {
  const p = Buffer.from(text.subarray(2000, 2016));
  p[8] = 97 + ((p[8] - 97 + 13) % 26);
  return p;
};
const periodicMiss = (n) => {
  const p = Buffer.from(Array.from({ length: n }, (_, i) => 97 + (i & 1)));
  p[n >> 1] ^= 3;
  return p;
};
const flipped = (at) => {
  const b = Buffer.from(text);
  b[at] ^= 1;
  return b;
};

// [name, export, haystack, pattern or second buffer, step (searches only)]
const cases = [
  ['find 1 byte absent (memchr-style)', 'mem_find', text, Buffer.from('Z'), 1],
  ['rfind 1 byte absent', 'mem_rfind', text, Buffer.from('Z'), 1],
  ['find 16B absent', 'mem_find', text, Buffer.alloc(16, 90), 1],
  ['rfind 16B absent', 'mem_rfind', text, Buffer.alloc(16, 90), 1],
  ['find 16B near-miss', 'mem_find', text, nearMiss(false), 1],
  ['rfind 16B near-miss', 'mem_rfind', text, nearMiss(true), 1],
  ['find 16B all bytes frequent', 'mem_find', text, frequent(), 1],
  ['rfind 16B all bytes frequent', 'mem_rfind', text, frequent(), 1],
  ...[2, 8, 16, 3, 32].flatMap((step) => [
    [`find 16B near-miss step ${step}`, 'mem_find', text, nearMiss(false), step],
    [`rfind 16B near-miss step ${step}`, 'mem_rfind', text, nearMiss(true), step],
  ]),
  ['find (ab)* near-miss 8B in (ab)*', 'mem_find', periodic, periodicMiss(8), 1],
  ['rfind (ab)* near-miss 8B in (ab)*', 'mem_rfind', periodic, periodicMiss(8), 1],
  ['find (ab)* near-miss 32B in (ab)*', 'mem_find', periodic, periodicMiss(32), 1],
  ['rfind (ab)* near-miss 32B in (ab)*', 'mem_rfind', periodic, periodicMiss(32), 1],
  ['cmp equal-but-last', 'mem_cmp', text, flipped(SIZE - 1)],
  ['diff equal-but-last', 'mem_diff', text, flipped(SIZE - 1)],
  ['rdiff equal-but-first', 'mem_rdiff', text, flipped(0)],
];

const modules = files.map(load);
console.log(`${SIZE} bytes; best of ${ROUNDS} 1 ms slices per module; columns: ${files.join(', ')}`);
for (const [name, fn, hay, second, step] of cases) {
  if (process.env.ONLY && !name.includes(process.env.ONLY)) continue;
  const calls = modules.map(({ e, a, b }) => {
    const heap = new Uint8Array(e.memory.buffer);
    heap.set(hay, a);
    heap.set(second, b);
    const f = e[fn];
    return step ? () => f(a, SIZE, b, second.length, 0, SIZE, step) : () => f(a, SIZE, b, SIZE);
  });
  const results = calls.map((call) => call() | 0);
  const best = calls.map(() => Infinity);
  for (let r = 0; r < ROUNDS; r++) calls.forEach((call, k) => (best[k] = Math.min(best[k], slice(call))));
  const cells = best.map((ns, k) => `${(SIZE / ns).toFixed(1).padStart(6)} GB/s (${results[k]})`);
  console.log(name.padEnd(38), cells.join('  '));
}
