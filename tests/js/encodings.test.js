// Chunk.toString(encoding) and MemSlice.toString(encoding) against Node's
// Buffer.toString for every encoding name Buffer has (plain JS in the
// package, so the browser build needs no Buffer), and the hint given when a
// Buffer habit puts an encoding where a position belongs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Chunk, MemSlice, find, rfind } from 'wasm-mem';
import { rng } from './helpers.js';

const SEED = 1919;
const NAMES = ['utf8', 'utf-8', 'UTF8', 'hex', 'latin1', 'binary', 'ascii', 'base64', 'base64url', 'utf16le', 'utf-16le', 'ucs2', 'ucs-2', 'Base64'];

test('toString(encoding) equals Buffer.toString(encoding), on every length around the piece sizes', () => {
  const next = rng(SEED);
  // 24576 = 3 x 8192: base64 works in pieces of that many bytes; text in pieces of 8192.
  const lengths = [0, 1, 2, 3, 4, 5, 17, 255, 8191, 8192, 8193, 24575, 24576, 24577, 50001];
  for (const n of lengths) {
    const u8 = next.bytes(n);
    const c = new Chunk(u8);
    const buf = Buffer.from(u8);
    for (const name of NAMES) {
      assert.equal(c.toString(name), buf.toString(name), `seed ${SEED}, n ${n}, ${name}`);
    }
    const s = c.subarray(n >> 3, n - (n >> 2));
    const sub = buf.subarray(n >> 3, n - (n >> 2));
    for (const name of ['utf8', 'hex', 'latin1', 'base64']) assert.equal(s.toString(name), sub.toString(name), `slice, n ${n}, ${name}`);
    assert.equal(c.toString(), buf.toString(), 'no encoding: UTF-8, invalid sequences as U+FFFD');
    c.free();
  }
  assert.equal(new Chunk('héllo').toString('latin1'), Buffer.from('héllo').toString('latin1'));
  assert.equal(new MemSlice(new Uint8Array([0xde, 0xad])).toString('hex'), 'dead');
});

test('an unknown encoding is a TypeError naming the method and the names it takes', () => {
  const c = new Chunk('abc');
  assert.throws(() => c.toString('utf32'), { name: 'TypeError', message: /^Chunk\.toString\(\): encoding must be one of 'utf8', 'hex'.*got "utf32"$/ });
  assert.throws(() => c.toString(16), { name: 'TypeError', message: /^Chunk\.toString\(\): encoding .*got 16$/ });
  // A long value is described, not echoed: the message stays one readable line.
  assert.throws(() => c.toString('y'.repeat(400)), { name: 'TypeError', message: /got a string of length 400$/ });
  assert.throws(() => c.subarray(1).toString('nope'), { name: 'TypeError', message: /^MemSlice\.toString\(\)/ });
});

test('an encoding name given as a position says what the argument is and how to search other encodings', () => {
  const c = new Chunk('hello');
  const cases = [
    () => c.indexOf('l', 0, 'latin1'), // Buffer's indexOf(value, byteOffset, encoding)
    () => c.includes('l', 'utf8'),
    () => c.lastIndexOf('l', 'hex'),
    () => find('hello', 'l', 0, 'ascii'),
    () => rfind('hello', 'l', 'base64'),
  ];
  for (const call of cases) {
    assert.throws(call, (e) => e instanceof TypeError && /must be an integer, got "[a-z0-9]+" \(an encoding name\? .*UTF-8 bytes.*Buffer\.from\(text, "[a-z0-9]+"\)\)$/.test(e.message), String(call));
  }
  // Any other string keeps the plain message.
  assert.throws(() => c.indexOf('l', 0, 'five'), { name: 'TypeError', message: 'Chunk.indexOf(): end must be an integer, got "five"' });
});
