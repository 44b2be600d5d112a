// The bad-input table of SPEC §1 for every function of §2: each argument
// walked through every class of wrong value. Each cell checks the error
// class, that the message names the function and the argument, and (for
// copy) that nothing was written.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as mem from 'wasm-mem';

/** A view made first, then its buffer detached by transferring it away. */
const detachedView = (View) => {
  const b = new ArrayBuffer(8);
  const v = new View(b);
  structuredClone(b, { transfer: [b] });
  return v;
};

// [label, value, expected class] for an argument that must be bytes-like.
const notBytes = [
  ['undefined', undefined, TypeError],
  ['null', null, TypeError],
  ['a boolean', true, TypeError],
  ['a BigInt', 1n, TypeError],
  ['a symbol', Symbol('x'), TypeError],
  ['a plain object', {}, TypeError],
  ['an array', [1, 2], TypeError],
  ['a function', () => {}, TypeError],
  ['a detached ArrayBuffer', detachedView(Uint8Array).buffer, TypeError],
  ['a view of a detached ArrayBuffer', detachedView(Uint8Array), TypeError],
  ['a Float64Array of a detached ArrayBuffer', detachedView(Float64Array), TypeError],
  ['a DataView of a detached ArrayBuffer', detachedView(DataView), TypeError],
  ['a freed object', { [mem.bytes]() { throw new TypeError('this Chunk was freed'); } }, TypeError],
  ['a bytes method returning a non-Uint8Array', { [mem.bytes]: () => [1, 2] }, TypeError],
];
const notBytesNumber = [['a number', 5, TypeError]];
const notWritable = [
  ['a string', 'abc', TypeError],
  ['a read-only bytes object', { [mem.bytes]: (access) => (access === 'write' ? null : new Uint8Array(3)) }, TypeError],
];
const badByte = [
  ['-1', -1, RangeError],
  ['256', 256, RangeError],
  ['1.5', 1.5, TypeError],
  ['NaN', NaN, TypeError],
  ['Infinity', Infinity, TypeError],
  ['2^53', 2 ** 53, RangeError],
];
const notInteger = [
  ['null', null, TypeError],
  ['a string', '1', TypeError],
  ['a BigInt', 1n, TypeError],
  ['a boolean', false, TypeError],
  ['an object', { valueOf: () => 1 }, TypeError],
  ['1.5', 1.5, TypeError],
  ['NaN', NaN, TypeError],
  ['Infinity', Infinity, TypeError],
  ['-Infinity', -Infinity, TypeError],
  ['2^53', 2 ** 53, RangeError],
  ['-(2^53)', -(2 ** 53), RangeError],
];
const badStep = [...notInteger, ['0', 0, RangeError], ['-1', -1, RangeError]];
const badCopyStart = [...notInteger, ['past the end', 5, RangeError], ['before the start', -9, RangeError]];

const searches = ['index', 'rindex', 'find', 'rfind', 'findAll'];
const pairs = ['cmp', 'diff', 'rdiff', 'match', 'rmatch'];

/** Rows: [function, argument name, argument position, arguments template, bad values]. */
const table = [
  ...searches.flatMap((fn) => [
    [fn, 'dest', 0, ['abc', 'b'], [...notBytes, ...notBytesNumber]],
    [fn, 'pattern', 1, ['abc', 'b'], [...notBytes, ...badByte]],
    [fn, 'start', 2, ['abc', 'b', 0], notInteger],
    [fn, 'end', 3, ['abc', 'b', 0, 3], notInteger],
    [fn, 'step', 4, ['abc', 'b', 0, 3, 1], badStep],
  ]),
  ...pairs.flatMap((fn) => [
    [fn, 'a', 0, ['abc', 'abd'], [...notBytes, ...notBytesNumber]],
    [fn, 'b', 1, ['abc', 'abd'], [...notBytes, ...notBytesNumber]],
  ]),
  ['copy', 'dest', 0, [null, 'ab', 0], [...notBytes, ...notBytesNumber, ...notWritable]],
  ['copy', 'src', 1, [null, 'ab', 0], [...notBytes, ...notBytesNumber]],
  ['copy', 'start', 2, [null, 'ab', 0], badCopyStart],
  ['len', 'buf', 0, ['abc'], [...notBytes, ...notBytesNumber]],
];

test('every function × argument × bad value', () => {
  let cells = 0;
  for (const [fn, arg, pos, template, values] of table) {
    for (const [label, value, Cls] of values) {
      const dest = new Uint8Array([1, 2, 3, 4]);
      const args = template.map((a) => (a === null ? dest : a));
      args[pos] = value;
      const where = `${fn}(): ${arg} = ${label}`;
      assert.throws(() => mem[fn](...args), (e) => {
        assert.equal(e.constructor, Cls, `${where}: got ${e.constructor.name}: ${e.message}`);
        assert.ok(e.message.includes(`${fn}()`), `${where}: message does not name the function: ${e.message}`);
        assert.ok(e.message.includes(arg), `${where}: message does not name ${arg}: ${e.message}`);
        return true;
      }, where);
      assert.deepEqual([...dest], [1, 2, 3, 4], `${where}: dest was written`);
      cells++;
    }
  }
  console.log(`bad-input cells checked: ${cells}`);
  assert.ok(cells > 300);
});

test('slice positions clamp instead of failing, at any safe magnitude', () => {
  const big = Number.MAX_SAFE_INTEGER;
  assert.equal(mem.find('abc', 'c', -big, big), 2);
  assert.equal(mem.rfind('abc', 'a', -big, big), 0);
  assert.equal(mem.find('abc', 'a', big), -1);
  assert.equal(mem.find('abc', '', big), -1);
  assert.equal(mem.rfind('abc', 'a', 0, -big), -1);
  assert.deepEqual([...mem.findAll('abc', 'b', -big, big, big)], []);
  assert.equal(mem.find('abc', 'a', 0, 3, big), 0);
});
