// Step searches (records of `step` bytes) on a Chunk against the JS loop a
// user writes for them. Goals: power-of-two steps within 10 % of step 1 (the
// kernel masks lanes, so a step should cost nothing), other steps at the
// issue's 10 GB/s reference level, and every step >= 100x the JS loop.
import { Chunk, find, rfind } from 'wasm-mem';
import { BIG, SMALL, compare } from './harness.js';
import { letterSoup, nearMiss } from './data.js';

/** Every aligned position from `start` upwards, verified byte by byte. */
function jsStepFind(h, p, step) {
  for (let i = 0; i + p.length <= h.length; i += step) {
    let k = 0;
    while (k < p.length && h[i + k] === p[k]) k++;
    if (k === p.length) return i;
  }
  return -1;
}

/** The same from the highest aligned position down. */
function jsStepRfind(h, p, step) {
  const last = h.length - p.length;
  for (let i = last - (last % step); i >= 0; i -= step) {
    let k = 0;
    while (k < p.length && h[i + k] === p[k]) k++;
    if (k === p.length) return i;
  }
  return -1;
}

export function run() {
  for (const [size, label] of [SMALL, BIG]) {
    const text = letterSoup(size);
    const chunk = new Chunk(text);
    for (const [fn, ours, js] of [['find', find, jsStepFind], ['rfind', rfind, jsStepRfind]]) {
      const pat = nearMiss(text, 16, fn === 'rfind');
      let step1;
      for (const step of [1, 2, 4, 8, 16, 32, 3, 7, 40]) {
        const pow2 = (step & (step - 1)) === 0;
        const goal = step === 1 ? { ratio: 100 } : pow2 ? { ratio: 100, within: 0.1, of: step1, label: 'step 1' } : { ratio: 100, level: 10 };
        const row = compare({
          name: `${fn} 16B near-miss step ${step}, ${label}, Chunk`, bytes: size,
          ours: () => ours(chunk, pat, 0, size, step), peer: () => js(text, pat, step), peerName: 'JS loop', goal,
        });
        if (step === 1) step1 = row;
      }
    }
    chunk.free();
  }
}
