// Node's conventions for the package's objects (inspect.js): what
// console.log shows, what JSON.stringify writes, and what APIs that know
// nothing of them (Buffer.from, typed array constructors, spread) copy.
// Node's own Buffer is the oracle for the byte display.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspect } from 'node:util';
import { Chunk, ChunkArray, ChunkIO, MemSlice, Pattern, StrArray, StrIO, bytes, hexPattern, magic } from 'wasm-mem';
import { rng } from './helpers.js';

const SEED = 19;

test('inspect(chunk) shows its length and bytes as Buffer shows them (50, then a count)', () => {
  const next = rng(SEED);
  for (const n of [0, 1, 2, 49, 50, 51, 52, 1000]) {
    const u8 = next.bytes(n);
    const c = new Chunk(u8);
    const buffer = inspect(Buffer.from(u8)); // '<Buffer 68 65 ... 950 more bytes>'
    assert.equal(inspect(c), `Chunk(${n}) <${buffer.slice('<Buffer '.length, -1)}>`, `seed ${SEED}, n ${n}`);
    assert.equal(inspect([c], { depth: 0 }), '[ [Chunk] ]'); // beyond the depth: the class alone, as Node does
    c.free();
  }
  assert.equal(inspect(new Chunk('hello')), 'Chunk(5) <68 65 6c 6c 6f>');
});

test('inspect never throws: a freed chunk, a slice on a freed chunk or a detached buffer', () => {
  const c = new Chunk('abc');
  const s = c.subarray(1);
  c.free();
  assert.equal(inspect(c), 'Chunk <freed>');
  assert.match(inspect(s), /^MemSlice \[1, 3\) of Chunk <TypeError: .*freed/);
  const ab = new ArrayBuffer(4);
  const t = new MemSlice(ab, 1, 3);
  structuredClone(ab, { transfer: [ab] }); // detaches ab
  assert.match(inspect(t), /^MemSlice \[1, 3\) of ArrayBuffer <TypeError: .*detached/);
});

test('a base whose bytes change from call to call, or that throws: inspect shows what one call gave, and never throws', () => {
  let calls = 0;
  const shrinking = { [bytes]: () => new Uint8Array(8 - 2 * calls++).fill(0xab) };
  const s = new MemSlice(shrinking); // made over 8 bytes; the next calls give 6, 4, ...
  for (let k = 0; k < 3; k++) {
    const text = inspect(s);
    const m = /^MemSlice\((\d)\) \[0, 8\) of Object <((?:ab ?)*)>$/.exec(text);
    assert.ok(m, text);
    assert.equal(m[2].split(' ').filter(Boolean).length, Number(m[1]), `the count and the bytes come from one view: ${text}`);
  }
  let fail = false;
  const hostile = {
    [bytes]: () => {
      if (fail) throw new RangeError('the bytes are gone');
      return new Uint8Array(2);
    },
  };
  const h = new MemSlice(hostile);
  fail = true;
  assert.match(inspect(h), /^MemSlice \[0, 2\) of Object <RangeError: .*the bytes are gone>$/);
  // Called directly, without util.inspect's arguments.
  assert.equal(new ChunkArray('B', [1, 2])[Symbol.for('nodejs.util.inspect.custom')](), "ChunkArray('B')(2) [ 1, 2 ]");
});

test('inspect(slice) shows its window, its base and its bytes now', () => {
  const c = new Chunk('hello');
  const s = c.subarray(1, 4);
  assert.equal(inspect(s), 'MemSlice(3) [1, 4) of Chunk <65 6c 6c>');
  c.resize(2); // the base shrank: the window shows what is accessible
  assert.equal(inspect(s), 'MemSlice(1) [1, 4) of Chunk <65>');
  assert.equal(inspect(new MemSlice(new Uint8Array([1, 2, 3]))), 'MemSlice(3) [0, 3) of Uint8Array <01 02 03>');
});

test('inspect(array) shows the class, format, length and values as inspect shows an array', () => {
  const next = rng(SEED);
  for (const [format, n] of [['<h', 0], ['<h', 5], ['>H', 100], ['B', 101], ['d', 250], ['q', 3], ['?', 4], ['c', 3]]) {
    const raw = next.bytes(n * { h: 2, H: 2, B: 1, d: 8, q: 8, '?': 1, c: 1 }[format.at(-1)]);
    const a = new StrArray(format, raw);
    const values = a.toArray();
    const expected = n <= 100
      ? inspect(values)
      : inspect(values, { maxArrayLength: 100 }); // '... 150 more items' after the first 100
    assert.equal(inspect(a), `StrArray('${format}')(${n}) ${expected}`, `seed ${SEED}, ${format} x ${n}`);
  }
  assert.equal(inspect(new ChunkArray('>H', [258, 772])), "ChunkArray('>H')(2) [ 258, 772 ]");
  assert.equal(inspect(new ChunkArray('q', [-1n])), "ChunkArray('q')(1) [ -1n ]");
  assert.equal(inspect(new ChunkArray('B', [1, 2, 3]), { maxArrayLength: 2 }), "ChunkArray('B')(3) [ 1, 2, ... 1 more item ]");
});

test('inspect(file) shows the class, size, position, the first bytes, and when it is read-only or closed', () => {
  const f = new ChunkIO('abcdef');
  f.seek(2);
  assert.equal(inspect(f), 'ChunkIO(6) position 2 <61 62 63 64 65 66>');
  assert.equal(inspect(new StrIO('abc')), 'StrIO(3) position 0, read-only <61 62 63>');
  // As a Chunk: 50 bytes, then how many more (Buffer's INSPECT_MAX_BYTES).
  const big = new StrIO(new Uint8Array(60).fill(7));
  assert.equal(inspect(big), `StrIO(60) position 0 <${'07 '.repeat(49)}07 ... 10 more bytes>`);
  // Bytes written past the end show as the file holds them (the gap as zeros).
  f.seek(8);
  f.write('Z');
  assert.equal(inspect(f), 'ChunkIO(9) position 9 <61 62 63 64 65 66 00 00 5a>');
  f.close();
  assert.equal(inspect(f), 'ChunkIO <closed>');
  // The file's own bytes, not what an overriding method answers.
  class Mine extends StrIO {
    getbuffer() {
      return new Uint8Array([1]);
    }
  }
  assert.equal(inspect(new Mine('abc')), 'Mine(3) position 0, read-only <61 62 63>');
});

test('toJSON: bytes as numbers (Buffer\'s shape), values with BigInts as decimal text', () => {
  const next = rng(SEED);
  const u8 = next.bytes(300);
  const c = new Chunk(u8);
  const json = JSON.parse(JSON.stringify({ c }));
  assert.deepEqual(json.c, { type: 'Chunk', data: Array.from(u8) });
  assert.ok(Chunk.from(json.c.data).equals(c), 'Chunk.from(json.data) reads it back');
  assert.deepEqual(JSON.parse(JSON.stringify(c.subarray(10, 13))), { type: 'MemSlice', data: Array.from(u8.subarray(10, 13)) });
  assert.deepEqual(JSON.parse(JSON.stringify(new ChunkArray('<q', [-(2n ** 63n), 5n]))), { type: 'ChunkArray', format: '<q', data: ['-9223372036854775808', '5'] });
  assert.deepEqual(JSON.parse(JSON.stringify(new StrArray('>H', u8.subarray(0, 4)))), { type: 'StrArray', format: '>H', data: [u8[0] * 256 + u8[1], u8[2] * 256 + u8[3]] });
});

test('Buffer.from, new Uint8Array, Uint8Array.from and spread copy a chunk\'s and a slice\'s bytes, never zeros', () => {
  const next = rng(SEED);
  for (const n of [0, 1, 7, 64, 5000]) {
    const u8 = next.bytes(n);
    const c = new Chunk(u8);
    const s = c.subarray(n >> 2, n - (n >> 3));
    const want = [Array.from(u8), Array.from(u8.subarray(n >> 2, n - (n >> 3)))];
    for (const [x, w] of [[c, want[0]], [s, want[1]]]) {
      assert.deepEqual(Array.from(Buffer.from(x)), w, `Buffer.from, seed ${SEED}, n ${n}`);
      assert.deepEqual(Array.from(new Uint8Array(x)), w, 'new Uint8Array');
      assert.deepEqual(Array.from(Uint8Array.from(x)), w, 'Uint8Array.from');
      assert.deepEqual([...x], w, 'spread');
    }
  }
  assert.equal(Buffer.from(new Chunk('hello')).toString(), 'hello');
  // valueOf is a copy: writing to it leaves the chunk alone.
  const c = new Chunk('abc');
  c.valueOf()[0] = 0;
  assert.equal(c.toString(), 'abc');
});

test('Buffer.from(array) copies the bytes; iteration gives the values (documented in the README)', () => {
  const a = new ChunkArray('<h', [-2, 300]);
  assert.deepEqual(Array.from(Buffer.from(a)), Array.from(a[bytes]()));
  assert.deepEqual(Array.from(Buffer.from(a)), [0xfe, 0xff, 0x2c, 0x01]);
  assert.deepEqual([...a], [-2, 300]);
  assert.deepEqual(Array.from(new Int16Array(a)), [-2, 300]);
});

test('a freed chunk fails loudly in Buffer.from instead of giving zeros', () => {
  const c = new Chunk('abc');
  const s = c.subarray(1);
  c.free();
  assert.throws(() => Buffer.from(c), TypeError);
  assert.throws(() => Buffer.from(s), TypeError);
});

test('inspect(pattern) shows the hex text it matches, as String() does: Pattern <4d 5a ??> (issue 28)', () => {
  assert.equal(inspect(hexPattern('4d 5a ??')), 'Pattern <4d 5a ??>');
  assert.equal(inspect(hexPattern('4D:5A-5? ?e')), 'Pattern <4d 5a 5? ?e>');
  assert.equal(inspect(new Pattern('', '')), 'Pattern <>');
  assert.equal(inspect([hexPattern('00')], { depth: 0 }), '[ [Pattern] ]'); // beyond the depth: the class alone
  class Signature extends Pattern {}
  assert.equal(inspect(new Signature('A', Uint8Array.of(0xff))), 'Signature <41>');
  // Full masks: Buffer's own display of the same bytes is the oracle (50 bytes, then a count).
  const next = rng(SEED + 1);
  for (const n of [1, 2, 49, 50, 51, 52, 1000]) {
    const u8 = next.bytes(n);
    const buffer = inspect(Buffer.from(u8));
    assert.equal(inspect(new Pattern(u8, new Uint8Array(n).fill(255))), `Pattern <${buffer.slice('<Buffer '.length, -1)}>`, `seed ${SEED + 1}, n ${n}`);
  }
  // Wildcards and nibbles: String() of the same pattern, cut after 50 bytes.
  for (let k = 0; k < 200; k++) {
    const n = 1 + next.int(70);
    const m = Uint8Array.from({ length: n }, () => [0, 0x0f, 0xf0, 0xff, 0x81][next.int(5)]);
    const p = new Pattern(next.bytes(n), m);
    const words = String(p).split(' ');
    const more = n > 50 ? ` ... ${n - 50} more byte${n === 51 ? '' : 's'}` : '';
    assert.equal(inspect(p), `Pattern <${words.slice(0, 50).join(' ')}${more}>`, `seed ${SEED + 1}, case ${k}`);
  }
});

test('every magic entry shows its pattern as hex text, not Pattern {}', () => {
  assert.ok(magic.length > 20);
  for (const entry of magic) {
    const text = inspect(entry, { breakLength: Infinity });
    assert.ok(text.includes(`pattern: Pattern <${String(entry.pattern)}>`), text);
    assert.ok(!text.includes('Pattern {}'), text);
  }
});
