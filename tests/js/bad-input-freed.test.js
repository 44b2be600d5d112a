// An addition to the bad-input matrix (bad-input.test.js) for entry points
// it does not walk: every method and getter of MemSlice, StrArray,
// ChunkArray, StrIO and ChunkIO, found by reflection, called with valid
// arguments on an object whose bytes are gone (its chunk freed, or the
// object itself freed). Each must either not need the bytes (format,
// tell, ...) or throw a TypeError saying the chunk was freed (a closed file:
// an Error saying so) — never a wasm trap, a RangeError, or a wrong answer
// from freed memory.
//
// The message must also name the method called.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Chunk, ChunkArray, ChunkIO, StrArray, StrIO } from 'wasm-mem';

/** Valid arguments per method name. */
const ARGS = {
  get: [0], set: [0, 1], at: [0], slice: [0, 1], subarray: [0, 1], concat: [[1]], repeat: [2], fill: [1],
  indexOf: [1], lastIndexOf: [1], includes: [1], equals: [new Uint8Array(1)], count: [1], reverse: [], toArray: [],
  toTypedArray: [], toUint8Array: [], push: [1], extend: [[1]], iadd: [[1]], insert: [0, 1], pop: [], remove: [1],
  splice: [0, 1], setSlice: [0, 1, [1]], clear: [], imul: [2], read: [], readinto: [new Uint8Array(2)], readline: [],
  readlines: [], write: ['a'], seek: [0], tell: [], truncate: [0], getvalue: [], getbuffer: [], flush: [],
  readStruct: ['B'], writeStruct: ['B', 1], readableStream: [], writableStream: [], readable: [], writable: [], seekable: [],
};
/** Members that never touch the bytes: they answer from the object itself. */
const NO_BYTES = new Set(['base', 'start', 'stop', 'format', 'itemsize', 'buffer', 'data', 'closed', 'readable', 'writable', 'seekable', 'flush', 'tell', 'seek', 'readableStream', 'writableStream']);

const SUBJECTS = {
  'MemSlice on a freed chunk': () => {
    const c = new Chunk('abcd');
    const s = c.subarray(1);
    c.free();
    return s;
  },
  'StrArray on a freed chunk': () => {
    const c = new Chunk('abcd');
    const a = new StrArray('B', c);
    c.free();
    return a;
  },
  'freed ChunkArray': () => {
    const a = new ChunkArray('B', [1, 2]);
    a.free();
    return a;
  },
  'StrIO on a freed chunk': () => {
    const c = new Chunk('ab\ncd');
    const f = new StrIO(c);
    c.free();
    return f;
  },
  'freed ChunkIO (closed)': () => {
    const f = new ChunkIO('ab');
    f.free();
    return f;
  },
};

function members(obj) {
  const out = new Map();
  for (let p = Object.getPrototypeOf(obj); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const k of Object.getOwnPropertyNames(p)) {
      if (k === 'constructor' || k === 'free' || k === 'close' || out.has(k)) continue;
      out.set(k, Object.getOwnPropertyDescriptor(p, k));
    }
  }
  return out;
}

test('every method of an object whose bytes are gone: a clear error, never a trap or a wrong answer', () => {
  let cells = 0;
  const misnamed = [];
  for (const [label, make] of Object.entries(SUBJECTS)) {
    for (const [name, desc] of members(make())) {
      const o = make();
      const cls = o instanceof ChunkArray ? 'ChunkArray' : o instanceof StrArray ? 'StrArray' : o instanceof StrIO ? 'StrIO' : 'MemSlice';
      const call = () => {
        const r = desc.get ? o[name] : o[name](...(Object.hasOwn(ARGS, name) ? ARGS[name] : [])); // not Object.prototype's toString
        if (r !== null && typeof r === 'object' && typeof r.next === 'function') return [...r]; // iterators run now
        return r;
      };
      if (!desc.get && typeof desc.value !== 'function') continue;
      cells++;
      const closed = label.includes('closed');
      if (closed) {
        // A closed file: every method is an Error saying so (as Python's ValueError); getters answer.
        const isClosedError = (e) => e instanceof Error && /closed file/.test(e.message);
        if (!desc.get) assert.throws(call, isClosedError, `${label}: ${name}`);
        else {
          try {
            call();
          } catch (e) {
            assert.ok(isClosedError(e), `${label}: ${name}: ${e.message}`);
          }
        }
        continue;
      }
      if (NO_BYTES.has(name)) {
        call(); // answers without the bytes
        continue;
      }
      assert.throws(call, (e) => {
        assert.ok(e instanceof TypeError, `${label}: ${name}: ${e.constructor.name}: ${e.message}`);
        assert.match(e.message, /freed/, `${label}: ${name}`);
        const family = cls === 'ChunkArray' ? '(ChunkArray|StrArray)' : cls;
        if (!new RegExp(`^${family}\\.${name}\\(\\)|^${family}\\[`).test(e.message)) {
          misnamed.push(`${cls}.${name}: ${e.message}`);
        }
        return true;
      }, `${label}: ${name} did not throw`);
    }
  }
  console.log(`bad input (freed bytes): ${cells} cells`);
  assert.deepEqual(misnamed, [], 'messages that name another function than the one called');
  assert.ok(cells > 100);
});
