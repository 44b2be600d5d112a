// Python's `struct` module over any bytes-like (SPEC §5): calcsize, pack,
// packInto, unpack, unpackFrom, iterUnpack and the Struct class. A thin layer
// on format.js's compiled Layout (one parser, one codec, one cache per format
// string, shared with StrArray and readStruct); what is here is the argument
// rules: offsets, lengths, and the order that keeps a rejected call from
// writing anything.
import { toInt } from '../core/args.js';
import { READ, WRITE, isBytesLike, toView } from '../core/bytes.js';
import { argError } from '../core/errors.js';
import { compile } from './format.js';
import { itemCodec } from './records.js';

/** Bytes per record of `format`, as Python's struct.calcsize. */
export function calcsize(format) {
  return compile(format, 'calcsize').size;
}

/** The values packed by `format` into a new Uint8Array of calcsize(format) bytes. */
export function pack(format, ...values) {
  return packLayout(compile(format, 'pack'), values, 'pack');
}

/**
 * Packs the values into `dest` (a writable bytes-like) at `offset` (negative:
 * from the end). Every value and the offset are checked first: a rejected
 * call writes nothing.
 */
export function packInto(format, dest, offset, ...values) {
  packIntoLayout(compile(format, 'packInto'), dest, offset, values, 'packInto');
}

/** The values of `bytes`, whose length must be exactly calcsize(format), as an array. */
export function unpack(format, bytes) {
  return unpackLayout(compile(format, 'unpack'), bytes, 'unpack');
}

/** The values of one record of `format` at `offset` in `bytes` (negative: from the end). */
export function unpackFrom(format, bytes, offset = 0) {
  return unpackFromLayout(compile(format, 'unpackFrom'), bytes, offset, 'unpackFrom');
}

/**
 * An iterator over the records of `bytes` (its length a multiple of
 * calcsize(format)), each an array of values. It reads a copy of the bytes
 * taken when called: a later change of the source (a chunk resized or
 * freed, a buffer detached, wasm memory grown) cannot break the iteration
 * half-way, where Python locks the buffer instead.
 */
export function iterUnpack(format, bytes) {
  return iterLayout(compile(format, 'iterUnpack'), bytes, 'iterUnpack');
}

/**
 * A format compiled once, as Python's struct.Struct. `options` as
 * StrArray's: `names` (records as objects, and pack takes one), `strings`,
 * `int64`; without them, the plain layout's reader and checker.
 */
export class Struct {
  #layout;
  #item; // the record codec (struct/records.js) when options were given, else the layout itself

  constructor(format, options) {
    this.#layout = compile(format, 'Struct');
    this.#item = options === undefined ? this.#layout : recordCodec(this.#layout, options);
  }

  /** The format string. */
  get format() {
    return this.#layout.format;
  }

  /** Bytes per record (calcsize). */
  get size() {
    return this.#layout.size;
  }

  pack(...values) {
    return packLayout(this.#item, oneRecord(this.#item, values), 'Struct.pack');
  }

  packInto(dest, offset, ...values) {
    packIntoLayout(this.#item, dest, offset, oneRecord(this.#item, values), 'Struct.packInto');
  }

  unpack(bytes) {
    return unpackLayout(this.#item, bytes, 'Struct.unpack');
  }

  unpackFrom(bytes, offset = 0) {
    return unpackFromLayout(this.#item, bytes, offset, 'Struct.unpackFrom');
  }

  iterUnpack(bytes) {
    return iterLayout(this.#item, bytes, 'Struct.iterUnpack');
  }

  get [Symbol.toStringTag]() {
    return 'Struct';
  }
}

const quoted = (layout) => layout.quoted;

/**
 * A Struct's options as a layout-shaped codec: the layout's size and
 * messages, the record codec's checks and reads (values converted, objects
 * with names).
 */
function recordCodec(layout, options) {
  const item = itemCodec(layout, options, 'Struct', true);
  return {
    size: layout.size,
    quoted: layout.quoted,
    checkValues: item.check,
    writeValues: item.write,
    readValues: item.read,
    names: item.names,
  };
}

/** With names, pack(object) is one record: the object, not a list of one value (a bytes-like stays a value: '4s' takes a Chunk). */
function oneRecord(item, values) {
  const v = values[0];
  const record = values.length === 1 && v !== null && typeof v === 'object' && !Array.isArray(v) && !isBytesLike(v);
  return item.names !== undefined && record ? v : values;
}

function packLayout(layout, values, fn) {
  const stored = layout.checkValues(values, fn, 'values');
  const out = new Uint8Array(layout.size);
  layout.writeValues(new DataView(out.buffer), 0, stored);
  return out;
}

/**
 * Where a record starts in `length` bytes for an offset already checked as
 * an integer: from the end when negative, and the whole record inside, else
 * a RangeError.
 */
function recordStart(layout, offset, length, fn) {
  const at = offset < 0 ? offset + length : offset;
  if (at < 0 || at + layout.size > length) {
    throw argError(
      RangeError,
      fn,
      'offset',
      `${offset} does not leave room for format ${quoted(layout)} (${layout.size} bytes) in ${length} bytes`,
    );
  }
  return at;
}

function packIntoLayout(layout, dest, offset, values, fn) {
  // Values first: checking one may run user code (a [bytes]() method of an
  // s value) that changes dest, so dest is resolved after them, and no call
  // into wasm or user code comes between resolving it and writing.
  const stored = layout.checkValues(values, fn, 'values');
  const off = toInt(offset, fn, 'offset');
  const view = toView(dest, fn, 'dest', WRITE);
  const at = recordStart(layout, off, view.length, fn);
  layout.writeValues(new DataView(view.buffer, view.byteOffset + at, layout.size), 0, stored);
}

function unpackLayout(layout, bytes, fn) {
  const view = toView(bytes, fn, 'bytes', READ);
  if (view.length !== layout.size) {
    throw argError(RangeError, fn, 'bytes', `must be exactly ${layout.size} bytes for format ${quoted(layout)}, got ${view.length}`);
  }
  return layout.readValues(new DataView(view.buffer, view.byteOffset, view.length), 0, undefined, fn);
}

function unpackFromLayout(layout, bytes, offset, fn) {
  const off = toInt(offset, fn, 'offset', 0);
  const view = toView(bytes, fn, 'bytes', READ);
  const at = recordStart(layout, off, view.length, fn);
  return layout.readValues(new DataView(view.buffer, view.byteOffset + at, layout.size), 0, undefined, fn);
}

function iterLayout(layout, bytes, fn) {
  if (layout.size === 0) throw new TypeError(`${fn}(): format ${quoted(layout)} has size 0: there is nothing to iterate`);
  const view = toView(bytes, fn, 'bytes', READ);
  if (view.length % layout.size !== 0) {
    throw argError(RangeError, fn, 'bytes', `must be a multiple of ${layout.size} bytes for format ${quoted(layout)}, got ${view.length}`);
  }
  return records(layout, new Uint8Array(view), fn); // a copy with a buffer of its own (a Buffer's slice() is a view)
}

/**
 * The iterator iterUnpack returns: the records of a private copy, in order.
 * Its state lives in a closure, not in properties a caller could change.
 */
function records(layout, copy, fn) {
  const dv = new DataView(copy.buffer, copy.byteOffset, copy.length);
  const read = layout.readValues; // a Struct's codec converts values and names record `i` in its errors
  const size = layout.size;
  const end = copy.length;
  let at = 0;
  return {
    next() {
      if (at >= end) return { value: undefined, done: true };
      const value = read(dv, at, at / size, fn);
      at += size;
      return { value, done: false };
    },
    [Symbol.iterator]() {
      return this;
    },
    [Symbol.toStringTag]: 'StructIterator',
  };
}
