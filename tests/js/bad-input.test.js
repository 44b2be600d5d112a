// The bad-input table of SPEC §1 for every function of §2 and histogram: each
// argument walked through every class of wrong value. Each cell checks the error
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
const badFormat = [['undefined', undefined, TypeError], ['null', null, TypeError], ['a number', 4, TypeError], ['a count with no code', '3', TypeError], ['an unknown code', 'z', TypeError], ['native only', '<n', TypeError], ['0p', '0p', TypeError], ['too large', '2147483648x', TypeError]];
const badStep = [...notInteger, ['0', 0, RangeError], ['-1', -1, RangeError]];
/** A slice stop may be Infinity (open-ended, SPEC §4); every other non-integer is refused. */
const notStop = notInteger.filter(([name]) => name !== 'Infinity');
const badCopyStart = [...notInteger, ['past the end', 5, RangeError], ['before the start', -9, RangeError]];

const searches = ['index', 'rindex', 'find', 'rfind', 'findAll'];
const pairs = ['cmp', 'diff', 'rdiff', 'match', 'rmatch'];
const without = (list, ...labels) => list.filter(([l]) => !labels.includes(l));
const badSize = [...notInteger, ['negative', -1, RangeError], ['2^31 (one chunk holds 2 GiB - 1)', 2 ** 31, RangeError]];
const badIndex = [...notInteger, ['undefined', undefined, TypeError], ['past the end', 4, RangeError], ['before the start', -5, RangeError]];
const badFill = [...without(notBytes, 'undefined'), ...badByte, ['an empty pattern', '', RangeError]];
const notIterable = [['undefined', undefined, TypeError], ['null', null, TypeError], ['a number', 5, TypeError], ['a plain object', {}, TypeError]];

// The object a method row is called on, made fresh for each cell.
const chunk = () => new mem.Chunk('abcd');
const slice = () => new mem.MemSlice(new Uint8Array([1, 2, 3, 4]));
const strArray = () => new mem.ChunkArray('i', [1, 2]);
const chunkArray = () => new mem.ChunkArray('i', [1, 2]);
const io = () => new mem.ChunkIO('ab\ncd');
const on = (make, method) => ({
  prepare() {
    const target = make();
    const call = (...a) => target[method](...a);
    call.done = () => target.base?.free?.() ?? target.free?.();
    return call;
  },
});

/**
 * Rows: [name in messages, argument name, argument position, arguments
 * template (null: the dest array), bad values, the call (default: the export)].
 */
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
  ['histogram', 'bytes', 0, ['abc'], [...notBytes, ...notBytesNumber]],
  ['histogram', 'start', 1, ['abc', 0], notInteger],
  ['histogram', 'end', 2, ['abc', 0, 3], notInteger],
  // Chunk
  ['Chunk', 'part 1', 1, ['a', 'b'], [...notBytes, ...notBytesNumber], (...a) => new mem.Chunk(...a)],
  ['Chunk.alloc', 'size', 0, [4, 0], [['undefined', undefined, TypeError], ...badSize], mem.Chunk.alloc],
  ['Chunk.alloc', 'fill', 1, [4, 0], badFill, mem.Chunk.alloc],
  ['Chunk.from', 'values', 0, [[1]], notIterable, mem.Chunk.from],
  ['Chunk.from', 'values[1]', 0, [[1]], badByte.map(([l, v, C]) => [l, [1, v], C]), mem.Chunk.from],
  ['Chunk.fromHex', 'text', 0, ['00'], [['a number', 0, TypeError], ['null', null, TypeError], ['odd digits', 'abc', RangeError], ['non-hex', '0g', RangeError]], mem.Chunk.fromHex],
  ...['get', 'at'].map((m) => [`Chunk.${m}`, 'index', 0, [0], m === 'at' ? without(badIndex, 'past the end', 'before the start') : badIndex, on(chunk, m)]),
  ['Chunk.set', 'index', 0, [0, 1], badIndex, on(chunk, 'set')],
  ['Chunk.set', 'value', 1, [0, 1], [['undefined', undefined, TypeError], ...badByte], on(chunk, 'set')],
  ['Chunk.resize', 'n', 0, [4, 0], [['undefined', undefined, TypeError], ...badSize], on(chunk, 'resize')],
  ['Chunk.resize', 'pattern', 1, [8, 0], badFill, on(chunk, 'resize')],
  ['Chunk.slice', 'start', 0, [0, 4], notInteger, on(chunk, 'slice')],
  ['Chunk.slice', 'stop', 1, [0, 4], notInteger, on(chunk, 'slice')],
  ['Chunk.subarray', 'start', 0, [0, 4], notInteger, on(chunk, 'subarray')],
  ['Chunk.subarray', 'stop', 1, [0, 4], notStop, on(chunk, 'subarray')],
  ['Chunk.repeat', 'n', 0, [2], [['undefined', undefined, TypeError], ...notInteger, ['negative', -1, RangeError]], on(chunk, 'repeat')],
  ['Chunk.fill', 'value', 0, [1, 0, 4], [['undefined', undefined, TypeError], ...badFill], on(chunk, 'fill')],
  ['Chunk.fill', 'start', 1, [1, 0, 4], notInteger, on(chunk, 'fill')],
  ['Chunk.fill', 'end', 2, [1, 0, 4], notInteger, on(chunk, 'fill')],
  ...['indexOf', 'lastIndexOf'].flatMap((m) => [
    [`Chunk.${m}`, 'pattern', 0, ['b', 0, 4, 1], [...notBytes, ...badByte], on(chunk, m)],
    [`Chunk.${m}`, 'start', 1, ['b', 0, 4, 1], notInteger, on(chunk, m)],
    [`Chunk.${m}`, 'end', 2, ['b', 0, 4, 1], notInteger, on(chunk, m)],
    [`Chunk.${m}`, 'step', 3, ['b', 0, 4, 1], badStep, on(chunk, m)],
  ]),
  ['Chunk.includes', 'pattern', 0, ['b'], [...notBytes, ...badByte], on(chunk, 'includes')],
  ['Chunk.equals', 'b', 0, ['abcd'], [...notBytes, ...notBytesNumber], on(chunk, 'equals')],
  ['Chunk.compare', 'b', 0, ['abcd'], [...notBytes, ...notBytesNumber], on(chunk, 'compare')],
  ['Chunk.concat', 'part 0', 0, ['x'], [...without(notBytes, 'undefined'), ...notBytesNumber], on(chunk, 'concat')],
  // MemSlice
  ['MemSlice', 'base', 0, [new Uint8Array(4)], [...notBytes, ...notBytesNumber, ['a string', 'abc', TypeError]], (...a) => new mem.MemSlice(...a)],
  ['MemSlice', 'start', 1, [new Uint8Array(4), 0, 4], notInteger, (...a) => new mem.MemSlice(...a)],
  ['MemSlice', 'stop', 2, [new Uint8Array(4), 0, 4], notStop, (...a) => new mem.MemSlice(...a)],
  ...['get', 'at'].map((m) => [`MemSlice.${m}`, 'index', 0, [0], m === 'at' ? without(badIndex, 'past the end', 'before the start') : badIndex, on(slice, m)]),
  ['MemSlice.set', 'index', 0, [0, 1], badIndex, on(slice, 'set')],
  ['MemSlice.set', 'value', 1, [0, 1], [['undefined', undefined, TypeError], ...badByte], on(slice, 'set')],
  ['MemSlice.slice', 'start', 0, [0, 4], notInteger, on(slice, 'slice')],
  ['MemSlice.subarray', 'stop', 1, [0, 4], notStop, on(slice, 'subarray')],
  // StrArray / ChunkArray
  ['StrArray', 'format', 0, ['i', new Uint8Array(8)], [['undefined', undefined, TypeError], ['null', null, TypeError], ['a number', 4, TypeError], ['empty', '', TypeError], ['size 0', '0i', TypeError], ['a count with no code', '3', TypeError], ['an unknown code', 'z', TypeError], ['native only', '<n', TypeError], ['0p', '0p', TypeError]], (...a) => new mem.StrArray(...a)],
  ['StrArray', 'buffer', 1, ['i', new Uint8Array(8)], [...without(notBytes, 'undefined'), ...notBytesNumber, ['a string', 'abcd', TypeError]], (...a) => new mem.StrArray(...a)],
  ...['get', 'at'].map((m) => [`StrArray.${m}`, 'index', 0, [0], m === 'at' ? without(badIndex, 'past the end', 'before the start') : badIndex, on(strArray, m)]),
  ['StrArray.set', 'index', 0, [0, 1], badIndex, on(strArray, 'set')],
  ['StrArray.set', 'value', 1, [0, 1], [['undefined', undefined, TypeError], ['a BigInt', 1n, TypeError], ['1.5', 1.5, TypeError], ['NaN', NaN, TypeError], ['a string', '1', TypeError], ['too large', 2 ** 31, RangeError], ['too small', -(2 ** 31) - 1, RangeError]], on(strArray, 'set')],
  ['StrArray.push', 'values[1]', 1, [1, 2], [['a BigInt', 1n, TypeError], ['too large', 2 ** 31, RangeError]], on(strArray, 'push')],
  ['StrArray.fill', 'value', 0, [1], [['a string', 'x', TypeError], ['too large', 2 ** 32, RangeError]], on(strArray, 'fill')],
  ['StrArray.fill', 'start', 1, [1, 0, 1], notInteger, on(strArray, 'fill')],
  ['StrArray.insert', 'index', 0, [0, 1], [['undefined', undefined, TypeError], ...notInteger], on(strArray, 'insert')],
  ['StrArray.pop', 'index', 0, [0], [...notInteger, ['past the end', 2, RangeError]], on(strArray, 'pop')],
  ['StrArray.splice', 'start', 0, [0, 1], notInteger, on(strArray, 'splice')],
  ['StrArray.splice', 'deleteCount', 1, [0, 1], notInteger, on(strArray, 'splice')],
  ['StrArray.setSlice', 'values', 2, [0, 1, [1]], notIterable, on(strArray, 'setSlice')],
  ['StrArray.extend', 'values', 0, [[1]], notIterable, on(strArray, 'extend')],
  ['StrArray.imul', 'n', 0, [2], [['undefined', undefined, TypeError], ...notInteger, ['negative', -1, RangeError]], on(strArray, 'imul')],
  ['StrArray.indexOf', 'start', 1, [1, 0, 2], notInteger, on(strArray, 'indexOf')],
  ['StrArray.slice', 'stop', 1, [0, 2], notInteger, on(strArray, 'slice')],
  ['StrArray.equals', 'other', 0, [[1, 2]], notIterable, on(strArray, 'equals')],
  ['StrArray.push', 'buffer', 0, [1], [['(a fixed buffer)', 1, TypeError]], on(() => new mem.StrArray('i', new Uint8Array(8)), 'push')],
  ['ChunkArray', 'format', 0, ['i', [1]], [['undefined', undefined, TypeError], ['bad', 'x', TypeError]], (...a) => new mem.ChunkArray(...a)],
  ['ChunkArray', 'values', 1, ['i', [1]], [['null', null, TypeError], ['a number', 5, TypeError], ['a bad value', [1, 'x'], TypeError], ['out of range', [2 ** 40], RangeError]], (...a) => new mem.ChunkArray(...a)],
  ['ChunkArray.fromBytes', 'data', 1, ['i', new Uint8Array(4)], [...notBytes, ...notBytesNumber], mem.ChunkArray.fromBytes],
  ['ChunkArray.repeat', 'n', 0, [2], [['undefined', undefined, TypeError], ...notInteger, ['negative', -1, RangeError]], on(chunkArray, 'repeat')],
  ['ChunkArray.concat', 'other', 0, [[1]], notIterable, on(chunkArray, 'concat')],
  // StrIO / ChunkIO
  ['StrIO', 'data', 0, [new Uint8Array(4)], [...without(notBytes, 'undefined'), ...notBytesNumber], (...a) => new mem.StrIO(...a)],
  ['ChunkIO', 'initial', 0, ['ab'], [...without(notBytes, 'undefined'), ...notBytesNumber], (...a) => new mem.ChunkIO(...a)],
  ['StrIO.read', 'n', 0, [1], notInteger, on(io, 'read')],
  ['StrIO.readline', 'limit', 0, [1], notInteger, on(io, 'readline')],
  ['StrIO.readlines', 'hint', 0, [1], notInteger, on(io, 'readlines')],
  ['StrIO.readinto', 'target', 0, [new Uint8Array(2)], [...notBytes, ...notBytesNumber, ...notWritable], on(io, 'readinto')],
  ['StrIO.write', 'b', 0, ['x'], [...notBytes, ...notBytesNumber], on(io, 'write')],
  ['StrIO.seek', 'offset', 0, [0, 0], [['undefined', undefined, TypeError], ...notInteger, ['negative', -1, RangeError]], on(io, 'seek')],
  ['StrIO.seek', 'whence', 1, [0, 0], [...notInteger, ['3', 3, RangeError], ['-1', -1, RangeError]], on(io, 'seek')],
  ['StrIO.truncate', 'size', 0, [1], [...notInteger, ['negative', -1, RangeError]], on(io, 'truncate')],
  ['StrIO.readStruct', 'format', 0, ['b'], [['undefined', undefined, TypeError], ['a number', 1, TypeError], ['size 0', '0b', TypeError], ['a count with no code', '2', TypeError]], on(io, 'readStruct')],
  ['StrIO.writeStruct', 'format', 0, ['b', 1], [['undefined', undefined, TypeError], ['native only', '>n', TypeError]], on(io, 'writeStruct')],
  ['StrIO.writeStruct', 'value', 1, ['b', 1], [['undefined', undefined, TypeError], ['a BigInt', 1n, TypeError], ['too large', 128, RangeError]], on(io, 'writeStruct')],
  ['StrIO.write', 'data', 0, ['x'], [['(a fixed buffer, past its end)', 'xyzw', RangeError]], on(() => new mem.StrIO(new Uint8Array(2)), 'write')],
  // struct functions
  ...[['calcsize', ['<H']], ['pack', ['<H', 1]], ['packInto', ['<H', null, 0, 1]], ['unpack', ['<H', 'ab']], ['unpackFrom', ['<H', 'ab', 0]], ['iterUnpack', ['<H', 'ab']]].map(([fn, template]) => [fn, 'format', 0, template, badFormat]),
  ['Struct', 'format', 0, ['<H'], badFormat, (...a) => new mem.Struct(...a)],
  ['pack', 'values[1]', 2, ['<Hd', 1, 1.5], [['a string', '1', TypeError], ['a BigInt', 1n, TypeError]]],
  ['pack', 'values[0]', 1, ['<H', 1], [['undefined', undefined, TypeError], ['1.5', 1.5, TypeError], ['too large', 65536, RangeError], ['negative', -1, RangeError]]],
  ['packInto', 'dest', 1, ['<H', null, 0, 1], [...notBytes, ...notBytesNumber, ...notWritable]],
  ['packInto', 'offset', 2, ['<H', null, 0, 1], [['undefined', undefined, TypeError], ...notInteger, ['past the end', 3, RangeError], ['before the start', -5, RangeError]]],
  ['packInto', 'values[0]', 3, ['<H', null, 0, 1], [['a string', 'x', TypeError], ['too large', 65536, RangeError]]],
  ['unpack', 'bytes', 1, ['<H', 'ab'], [...notBytes, ...notBytesNumber, ['the wrong length', 'abc', RangeError]]],
  ['unpackFrom', 'bytes', 1, ['<H', 'ab', 0], [...notBytes, ...notBytesNumber, ['too short', 'a', RangeError]]],
  ['unpackFrom', 'offset', 2, ['<H', 'abcd', 0], [...notInteger, ['past the end', 3, RangeError], ['before the start', -5, RangeError]]],
  ['iterUnpack', 'bytes', 1, ['<H', 'ab'], [...notBytes, ...notBytesNumber, ['not a multiple of the size', 'abc', RangeError]]],
  ['iterUnpack', 'format', 0, ['<H', 'ab'], [['size 0', '0H', TypeError]]],
  ['Struct.unpack', 'bytes', 0, ['ab'], [...notBytes, ['the wrong length', 'a', RangeError]], on(() => new mem.Struct('<H'), 'unpack')],
  ['Struct.packInto', 'offset', 1, [null, 0, 1], [...notInteger, ['past the end', 3, RangeError]], on(() => new mem.Struct('<H'), 'packInto')],
  // serialization
  ['loads', 'data', 0, [new Uint8Array(4)], [...notBytes, ...notBytesNumber, ['a string', 'WMEM', TypeError]], mem.loads],
];

test('every entry point × argument × bad value', () => {
  let cells = 0;
  for (const [fn, arg, pos, template, values, entry = (...a) => mem[fn](...a)] of table) {
    for (const [label, value, Cls] of values) {
      const call = entry.prepare ? entry.prepare() : entry; // the object is made before measuring
      const dest = new Uint8Array([1, 2, 3, 4]);
      const args = template.map((a) => (a === null ? dest : a));
      args[pos] = value;
      const where = `${fn}(): ${arg} = ${label}`;
      const before = mem.memoryStats().bytesInUse;
      assert.throws(() => call(...args), (e) => {
        assert.equal(e.constructor, Cls, `${where}: got ${e.constructor.name}: ${e.message}`);
        assert.ok(e.message.includes(`${fn}()`), `${where}: message does not name the function: ${e.message}`);
        assert.ok(e.message.includes(arg), `${where}: message does not name ${arg}: ${e.message}`);
        return true;
      }, where);
      assert.deepEqual([...dest], [1, 2, 3, 4], `${where}: dest was written`);
      assert.equal(mem.memoryStats().bytesInUse, before, `${where}: memory left allocated`);
      call.done?.();
      cells++;
    }
  }
  console.log(`bad-input cells checked: ${cells}`);
  assert.ok(cells > 700);
});

test('a closed file: every I/O method is an Error that says so, and nothing changes', () => {
  const f = new mem.ChunkIO('abc');
  const streams = [() => f.readableStream(), () => f.writableStream()];
  f.close();
  const uses = [() => f.read(), () => f.readinto(new Uint8Array(1)), () => f.readline(), () => f.readlines(), () => [...f],
    () => f.write('x'), () => f.seek(0), () => f.tell(), () => f.truncate(0), () => f.getvalue(), () => f.getbuffer(), () => f.flush(),
    () => f.readable(), () => f.writable(), () => f.seekable(), () => f.size, () => f.readStruct('b'), () => f.writeStruct('b', 1), ...streams];
  for (const use of uses) {
    assert.throws(use, (e) => e.constructor === Error && /closed file/.test(e.message), String(use));
  }
  f.close(); // a second close is fine
  assert.equal(f.closed, true);
});

test('a freed Chunk: every method and property is a TypeError that says so', () => {
  const c = new mem.Chunk('abc');
  const s = c.subarray(1);
  c.free();
  const uses = {
    length: () => c.length, bytes: () => c.bytes, get: () => c.get(0), set: () => c.set(0, 1), at: () => c.at(0),
    resize: () => c.resize(1), slice: () => c.slice(), subarray: () => c.subarray(), concat: () => c.concat('x'),
    repeat: () => c.repeat(2), fill: () => c.fill(1), indexOf: () => c.indexOf('a'), lastIndexOf: () => c.lastIndexOf('a'),
    includes: () => c.includes('a'), equals: () => c.equals('a'), compare: () => c.compare('a'), toUint8Array: () => c.toUint8Array(),
    toString: () => c.toString(), toHex: () => c.toHex(), iterate: () => [...c], asArgument: () => mem.find(c, 'a'),
    asPart: () => new mem.Chunk(c), sliceGet: () => s.get(0), sliceLength: () => s.length, dumps: () => mem.dumps(c),
  };
  for (const [name, use] of Object.entries(uses)) {
    assert.throws(use, (e) => e instanceof TypeError && /freed/.test(e.message), name);
  }
  c.free(); // still a no-op
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
