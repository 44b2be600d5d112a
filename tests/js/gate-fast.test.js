// The gate's fast path for typed arrays (core/internal.js typedBytes): a
// Buffer or Uint8Array haystack or pattern skips the general steps, and must
// give what the general path gives: the bytes the built-in getters see, never
// an argument's own answers, the same errors for detached views and the same
// (empty) bytes for a view outside its shrunk resizable buffer. The oracle is
// a plain JS search over a copy of the bytes as the built-ins see them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { find, rfind } from 'wasm-mem';

const TA = Object.getPrototypeOf(Uint8Array.prototype);
const builtin = (name) => Object.getOwnPropertyDescriptor(TA, name).get;
const [bufferOf, offsetOf, lengthOf] = ['buffer', 'byteOffset', 'byteLength'].map(builtin);
/** The bytes of typed array `v` as the built-in getters see them (a copy). */
const bytesOf = (v) => new Uint8Array(bufferOf.call(v), offsetOf.call(v), lengthOf.call(v)).slice();

function oracle(h, p, backward) {
  let found = -1;
  for (let i = 0; i + p.length <= h.length; i++) {
    let k = 0;
    while (k < p.length && h[i + k] === p[k]) k++;
    if (k === p.length) {
      found = i;
      if (!backward) break;
    }
  }
  return found;
}

/** Haystack bytes: a 9-byte needle 5000 bytes in, once more near the end, among text. */
function text(n) {
  const out = new Uint8Array(n);
  for (let i = 0, seed = 7; i < n; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    out[i] = 97 + ((seed >>> 16) % 26);
  }
  const needle = new TextEncoder().encode('needle-7Q');
  if (n > 5100) out.set(needle, 5000);
  if (n > 200) out.set(needle, n - 100);
  return out;
}

class Liar extends Uint8Array {
  get length() {
    return 3;
  }
  get byteLength() {
    return 3;
  }
  get byteOffset() {
    return 1;
  }
  get buffer() {
    return new ArrayBuffer(8);
  }
  subarray() {
    return new Uint8Array(0);
  }
}

/** Typed arrays over `bytes` (at an offset in a larger buffer, too), of every kind the fast path takes. */
function kinds(bytes) {
  const backing = new ArrayBuffer(bytes.length + 16);
  new Uint8Array(backing, 8, bytes.length).set(bytes);
  const own = Buffer.from(bytes);
  for (const [name, value] of [['length', 2], ['byteLength', 2], ['byteOffset', 5], ['buffer', new ArrayBuffer(4)]]) {
    Object.defineProperty(own, name, { value });
  }
  own.subarray = () => new Uint8Array(0);
  const shared = new Uint8Array(new SharedArrayBuffer(bytes.length));
  shared.set(bytes);
  const resizable = new ArrayBuffer(bytes.length, { maxByteLength: bytes.length * 2 });
  new Uint8Array(resizable).set(bytes);
  const list = [
    ['Buffer', Buffer.from(bytes)],
    ['Buffer at an offset', Buffer.from(backing, 8, bytes.length)],
    ['Uint8Array', Uint8Array.from(bytes)],
    ['Uint8Array at an offset', new Uint8Array(backing, 8, bytes.length)],
    ['lying subclass', new Liar(backing, 8, bytes.length)],
    ['Buffer with own properties', own],
    ['SharedArrayBuffer view', shared],
    ['length-tracking resizable view', new Uint8Array(resizable)],
    ['fixed resizable view', new Uint8Array(resizable, 0, bytes.length)],
  ];
  if (bytes.length % 2 === 0) list.push(['Uint16Array', new Uint16Array(Uint8Array.from(bytes).buffer)]);
  return list;
}

test('find/rfind over every typed-array kind match the oracle (haystack and pattern)', () => {
  for (const n of [16, 64, 65, 300, 6000, 40000]) {
    const hay = text(n);
    for (const [hk, h] of kinds(hay)) {
      for (const [pk, p] of kinds(new TextEncoder().encode('needle-7Q')).concat([['string', 'needle-7Q']])) {
        const pb = typeof p === 'string' ? new TextEncoder().encode(p) : bytesOf(p);
        const hb = bytesOf(h);
        assert.equal(find(h, p), oracle(hb, pb, false), `find ${hk} / ${pk}, ${n} B`);
        assert.equal(rfind(h, p), oracle(hb, pb, true), `rfind ${hk} / ${pk}, ${n} B`);
      }
    }
  }
});

test('detached views are refused as before, haystack or pattern', () => {
  for (const make of [(b) => new Uint8Array(b), (b) => Buffer.from(b), (b) => new Liar(b)]) {
    const ab = new ArrayBuffer(64);
    const view = make(ab);
    structuredClone(ab, { transfer: [ab] });
    assert.throws(() => find(view, 'a'), { name: 'TypeError', message: /find.*dest.*detached/ });
    assert.throws(() => find(Buffer.alloc(64), view), { name: 'TypeError', message: /find.*pattern.*detached/ });
  }
});

test('a view outside its shrunk resizable buffer is empty, and a tracking view follows the shrink', () => {
  const ab = new ArrayBuffer(6000, { maxByteLength: 8000 });
  const all = new Uint8Array(ab);
  all.set(text(6000));
  const fixed = new Uint8Array(ab, 1000, 4500);
  const tracking = new Uint8Array(ab, 1000);
  assert.equal(find(fixed, 'needle-7Q'), 4000);
  ab.resize(5000); // the fixed view now reaches past the end: out of bounds
  assert.equal(find(fixed, 'needle-7Q'), -1);
  assert.equal(find(fixed, ''), 0);
  assert.equal(find(tracking, 'needle-7Q'), oracle(bytesOf(tracking), new TextEncoder().encode('needle-7Q'), false));
  ab.resize(8000); // back in bounds, zeros past 5000: the needle written again
  all.set(new TextEncoder().encode('needle-7Q'), 5000);
  assert.equal(find(fixed, 'needle-7Q'), 4000);
});

test('non-views still take the general path: DataView, Proxy, ArrayBuffer, look-alikes', () => {
  const hay = text(6000);
  const dv = new DataView(hay.buffer);
  assert.equal(find(dv, 'needle-7Q'), 5000);
  assert.equal(find(hay.buffer, 'needle-7Q'), 5000);
  assert.throws(() => find(new Proxy(hay, {}), 'a'), { name: 'TypeError', message: /find.*dest/ });
  assert.throws(() => find(Object.create(Uint8Array.prototype), 'a'), { name: 'TypeError', message: /find.*dest/ });
  assert.throws(() => find(hay, new Proxy(Buffer.from('a'), {})), { name: 'TypeError', message: /find.*pattern/ });
});

test('a kept view (Buffers and subclasses, within one job) follows resizes and detaching', () => {
  class Sub extends Uint8Array {}
  const needle = new TextEncoder().encode('needle-7Q');
  for (const [name, make] of [
    ['fixed', (ab) => new Sub(ab, 1000, 4500)],
    ['tracking', (ab) => new Sub(ab, 1000)],
    ['Buffer', (ab) => Buffer.from(ab, 1000)],
  ]) {
    const ab = new ArrayBuffer(6000, { maxByteLength: 8000 });
    const all = new Uint8Array(ab);
    all.set(text(6000));
    const view = make(ab);
    const pat = Buffer.from(needle);
    // No await between the calls: the views typedBytes made stay kept throughout.
    const expect = () => oracle(bytesOf(view), needle, false);
    assert.equal(find(view, pat), 4000, name);
    assert.equal(rfind(view, pat), oracle(bytesOf(view), needle, true), name);
    ab.resize(5000);
    assert.equal(find(view, pat), expect(), `${name}, shrunk`);
    assert.equal(find(view, ''), 0, `${name}, shrunk`);
    ab.resize(8000);
    all.set(needle, 7000);
    all.set(needle, 2000);
    assert.equal(find(view, pat), expect(), `${name}, grown`);
    assert.equal(rfind(view, pat), oracle(bytesOf(view), needle, true), `${name}, grown`);
    pat.fill(0x61); // the kept pattern view reads the bytes as they are now
    assert.equal(find(view, pat), oracle(bytesOf(view), bytesOf(pat), false), `${name}, pattern changed`);
    structuredClone(ab, { transfer: [ab] });
    assert.throws(() => find(view, pat), { name: 'TypeError', message: /find.*dest.*detached/ }, name);
    assert.throws(() => find(Buffer.alloc(64), view), { name: 'TypeError', message: /find.*pattern.*detached/ }, name);
  }
});

test('many distinct Buffers in one job: each searched as itself', () => {
  const base = Buffer.from(text(6000));
  for (let i = 0; i < 300; i++) {
    const h = base.subarray(i * 7, 6000 - i);
    const p = base.subarray(5000 - (i % 3), 5009);
    assert.equal(find(h, p), oracle(bytesOf(h), bytesOf(p), false), `slice ${i}`);
  }
});

test('string patterns (the last short one is kept encoded) match the oracle in any order', () => {
  const enc = new TextEncoder();
  const hay = Buffer.concat([Buffer.from(text(3000)), Buffer.from('né€dle-7Q needle-7Q 😀x'), Buffer.from(text(3000))]);
  const strings = ['needle-7Q', 'needle-7R', 'né€dle-7Q', '😀x', 'needle-7Q', '', 'a', 'needle-7Q'.repeat(8), 'x'.repeat(65), 'needle-7Q', '\ud800'];
  for (let round = 0; round < 3; round++) {
    for (const s of strings) {
      assert.equal(find(hay, s), oracle(hay, enc.encode(s), false), `find ${JSON.stringify(s)}`);
      assert.equal(rfind(hay, s), s === '' ? hay.length : oracle(hay, enc.encode(s), true), `rfind ${JSON.stringify(s)}`);
    }
  }
});
