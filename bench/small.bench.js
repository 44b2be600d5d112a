// Small foreign inputs: where the plain-JS path (below SMALL bytes) and the
// staged wasm path cross. Run with WASM_MEM_SMALL=0 to time the wasm path
// alone, and with a large value to time the JS path alone.
import { cmp, diff, find } from 'wasm-mem';
import { compare } from './harness.js';

export function run() {
  for (const size of [8, 16, 32, 64, 128, 256]) {
    const hay = Buffer.alloc(size, 97);
    const pat = Buffer.from('ab');
    compare({ name: `find 2B in ${size}B foreign (SMALL=${process.env.WASM_MEM_SMALL ?? 'default'})`, bytes: size, ours: () => find(hay, pat), peer: () => hay.indexOf(pat), peerName: 'Buffer.indexOf' });
    const other = Buffer.from(hay);
    other[size - 1] = 98;
    compare({ name: `diff ${size}B foreign`, bytes: size, ours: () => diff(hay, other), peer: () => cmp(hay, other), peerName: 'cmp (ours)', check: false });
  }
}
