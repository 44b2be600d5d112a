// SPEC §2 functions against Node's Buffer methods and a JS loop, on data in
// wasm memory (as a Chunk holds it) and on foreign Buffers (staged in windows).
import { cmp, copy, diff, find, rfind } from 'wasm-mem';
import { compare, inWasm } from './harness.js';

export function run() {
  const sizes = [[64 << 10, '64 KiB'], [64 << 20, '64 MiB']];
  for (const [size, label] of sizes) {
    const text = Buffer.alloc(size);
    for (let i = 0; i < size; i++) text[i] = 97 + ((i * 2654435761) >>> 27) % 26; // letter soup
    const resident = inWasm(text);
    for (const plen of [1, 2, 4, 16, 64]) {
      const pat = Buffer.from('Z'.repeat(plen)); // absent: the whole buffer is scanned
      compare({ name: `find ${plen}B pattern, ${label}, in wasm`, bytes: size, ours: () => find(resident, pat), peer: () => text.indexOf(pat), peerName: 'Buffer.indexOf' });
      compare({ name: `find ${plen}B pattern, ${label}, foreign Buffer`, bytes: size, ours: () => find(text, pat), peer: () => text.indexOf(pat), peerName: 'Buffer.indexOf' });
    }
    const pat = Buffer.from('ZZZZZZZZ');
    compare({ name: `rfind 8B pattern, ${label}, in wasm`, bytes: size, ours: () => rfind(resident, pat), peer: () => text.lastIndexOf(pat), peerName: 'Buffer.lastIndexOf' });
    // Adversarial: aaaa...ab in aaaa...
    const as = Buffer.alloc(size, 97);
    const asResident = inWasm(as);
    const adv = Buffer.from('a'.repeat(31) + 'b');
    compare({ name: `find aaa…ab (32B) in aaaa…, ${label}, in wasm`, bytes: size, ours: () => find(asResident, adv), peer: () => as.indexOf(adv), peerName: 'Buffer.indexOf' });
    asResident.free();

    const other = Buffer.from(text);
    other[size - 1] ^= 1;
    const otherResident = inWasm(other);
    compare({ name: `cmp equal-but-last, ${label}, in wasm`, bytes: size, ours: () => cmp(resident, otherResident), peer: () => Buffer.compare(text, other), peerName: 'Buffer.compare' });
    compare({ name: `cmp equal-but-last, ${label}, foreign`, bytes: size, ours: () => cmp(text, other), peer: () => Buffer.compare(text, other), peerName: 'Buffer.compare' });
    const jsDiff = (a, b) => {
      const n = Math.min(a.length, b.length);
      for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
      return -1;
    };
    compare({ name: `diff equal-but-last, ${label}, in wasm`, bytes: size, ours: () => diff(resident, otherResident), peer: () => jsDiff(text, other), peerName: 'JS loop' });
    const dest = Buffer.alloc(size);
    const destResident = inWasm(dest);
    compare({ name: `copy ${label}, in wasm`, bytes: size, ours: () => copy(destResident, resident), peer: () => text.copy(dest), peerName: 'Buffer.copy', check: false });
    compare({ name: `copy ${label}, foreign`, bytes: size, ours: () => copy(dest, text), peer: () => text.copy(dest), peerName: 'Buffer.copy', check: false });
    for (const r of [resident, otherResident, destResident]) r.free();
  }
}
