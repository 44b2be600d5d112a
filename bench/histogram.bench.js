// histogram (issue 26) against the plain JS loop a user writes
// (`counts[bytes[i]]++` into a Uint32Array(256)), in the same run: text in a
// Chunk (counted in place) and in a Buffer (staged in 256 KiB windows),
// zeros (the kernel's 64-byte run path: sparse files, padding), and a range
// just above the size under which histogram counts in JS itself. No engine
// has a native byte histogram, so the JS loop is the peer.
import { Chunk, histogram } from 'wasm-mem';
import { BIG, SMALL, compare } from './harness.js';
import { letterSoup } from './data.js';

function jsLoop(bytes) {
  const counts = new Uint32Array(256);
  for (let i = 0; i < bytes.length; i++) counts[bytes[i]]++;
  return counts;
}

export function run() {
  const peerName = 'JS loop';
  for (const [size, label] of [SMALL, BIG]) {
    const text = letterSoup(size);
    const chunk = new Chunk(text);
    compare({ name: `histogram text, ${label}, Chunk`, bytes: size, ours: () => histogram(chunk), peer: () => jsLoop(text), peerName, goal: { ratio: 2 } });
    compare({ name: `histogram text, ${label}, Buffer`, bytes: size, ours: () => histogram(text), peer: () => jsLoop(text), peerName, goal: { ratio: 2 } });
    chunk.free();
  }
  const [size, label] = BIG;
  const zeros = Chunk.alloc(size);
  const foreignZeros = new Uint8Array(size);
  compare({ name: `histogram zeros, ${label}, Chunk`, bytes: size, ours: () => histogram(zeros), peer: () => jsLoop(foreignZeros), peerName, goal: { ratio: 10 } });
  zeros.free();
  // Just above histogram.js's SMALL (768): the kernel's fixed cost must not lose to the loop.
  const kib = letterSoup(1024);
  compare({ name: 'histogram text, 1 KiB, Buffer', bytes: kib.length, ours: () => histogram(kib), peer: () => jsLoop(kib), peerName, goal: { ratio: 1 } });
}
