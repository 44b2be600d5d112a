// SPEC §2 functions against Node's Buffer methods and a JS loop, on data in
// wasm memory (as a Chunk holds it) and on foreign Buffers (staged in windows).
import { cmp, copy, diff, find, match, rdiff, rfind } from 'wasm-mem';
import { compare, inWasm } from './harness.js';

/** A slice of `text` with its middle byte changed to one the text lacks: found nowhere. */
function nearMiss(text, plen) {
  const p = Buffer.from(text.subarray(1000, 1000 + plen));
  p[plen >> 1] = 90; // 'Z'
  return p;
}

/** The search a JS user writes for a step: every aligned position, verified byte by byte. */
function jsStepFind(h, p, step) {
  for (let i = 0; i + p.length <= h.length; i += step) {
    let k = 0;
    while (k < p.length && h[i + k] === p[k]) k++;
    if (k === p.length) return i;
  }
  return -1;
}

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
    // Patterns made of bytes the text contains (a slice of it with its middle
    // byte changed): Buffer.indexOf cannot skip ahead on an absent first byte.
    for (const plen of [2, 16, 64]) {
      const near = nearMiss(text, plen);
      compare({ name: `find ${plen}B near-miss, ${label}, in wasm`, bytes: size, ours: () => find(resident, near), peer: () => text.indexOf(near), peerName: 'Buffer.indexOf' });
      compare({ name: `rfind ${plen}B near-miss, ${label}, in wasm`, bytes: size, ours: () => rfind(resident, near), peer: () => text.lastIndexOf(near), peerName: 'Buffer.lastIndexOf' });
    }
    // Steps: SIMD lane masks up to 16, candidates visited beyond; step 1 for reference.
    const near16 = nearMiss(text, 16);
    for (const step of [1, 2, 4, 8, 16, 3, 7, 40]) {
      compare({ name: `find 16B near-miss step ${step}, ${label}, in wasm`, bytes: size, ours: () => find(resident, near16, 0, size, step), peer: () => jsStepFind(text, near16, step), peerName: 'JS loop' });
    }
    const pat = Buffer.from('ZZZZZZZZ');
    compare({ name: `rfind 8B pattern, ${label}, in wasm`, bytes: size, ours: () => rfind(resident, pat), peer: () => text.lastIndexOf(pat), peerName: 'Buffer.lastIndexOf' });
    // Adversarial: aaaa...ab in aaaa...
    const as = Buffer.alloc(size, 97);
    const asResident = inWasm(as);
    const adv = Buffer.from('a'.repeat(31) + 'b');
    compare({ name: `find aaa…ab (32B) in aaaa…, ${label}, in wasm`, bytes: size, ours: () => find(asResident, adv), peer: () => as.indexOf(adv), peerName: 'Buffer.indexOf' });
    const advBack = Buffer.from('b' + 'a'.repeat(31));
    compare({ name: `rfind baa…a (32B) in aaaa…, ${label}, in wasm`, bytes: size, ours: () => rfind(asResident, advBack), peer: () => as.lastIndexOf(advBack), peerName: 'Buffer.lastIndexOf' });
    asResident.free();
    // Periodic: (ab)* with a 32-byte (ab)^16 whose middle byte is flipped.
    const ab = Buffer.alloc(size);
    for (let i = 0; i < size; i++) ab[i] = 97 + (i & 1);
    const abResident = inWasm(ab);
    const per = Buffer.from('ab'.repeat(16));
    per[16] = 98;
    compare({ name: `find (ab)* near-miss (32B), ${label}, in wasm`, bytes: size, ours: () => find(abResident, per), peer: () => ab.indexOf(per), peerName: 'Buffer.indexOf' });
    compare({ name: `rfind (ab)* near-miss (32B), ${label}, in wasm`, bytes: size, ours: () => rfind(abResident, per), peer: () => ab.lastIndexOf(per), peerName: 'Buffer.lastIndexOf' });
    abResident.free();

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
    const first = Buffer.from(text);
    first[0] ^= 1;
    const firstResident = inWasm(first);
    const jsRdiff = (a, b) => {
      for (let i = a.length - 1; i >= 0; i--) if (a[i] !== b[i]) return i;
      return -1;
    };
    compare({ name: `rdiff equal-but-first, ${label}, in wasm`, bytes: size, ours: () => rdiff(resident, firstResident), peer: () => jsRdiff(text, first), peerName: 'JS loop' });
    firstResident.free();
    const inverse = Buffer.from(text.map((b) => b ^ 0xff));
    inverse[size - 1] = text[size - 1];
    const inverseResident = inWasm(inverse);
    const jsMatch = (a, b) => {
      for (let i = 0; i < a.length; i++) if (a[i] === b[i]) return i;
      return -1;
    };
    compare({ name: `match equal-only-last, ${label}, in wasm`, bytes: size, ours: () => match(resident, inverseResident), peer: () => jsMatch(text, inverse), peerName: 'JS loop' });
    inverseResident.free();
    const dest = Buffer.alloc(size);
    const destResident = inWasm(dest);
    compare({ name: `copy ${label}, in wasm`, bytes: size, ours: () => copy(destResident, resident), peer: () => text.copy(dest), peerName: 'Buffer.copy', check: false });
    compare({ name: `copy ${label}, foreign`, bytes: size, ours: () => copy(dest, text), peer: () => text.copy(dest), peerName: 'Buffer.copy', check: false });
    for (const r of [resident, otherResident, destResident]) r.free();
  }
}
