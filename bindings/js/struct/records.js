// Item codecs for StrArray (SPEC §5): what one item of a format is — a
// scalar value, or a record read as an array of its values (or an object
// with `names`) — and how items are checked, written, packed for a byte
// search and compared. Built on the one parser and codec of format.js.
// options.strings and options.int64 convert values as they are read (a
// value's codec is not changed: the arrays without them never see them).
import { decode } from '../core/encodings.js';
import { describe, quoteName } from '../core/errors.js';
import { MAX_VALUES } from './readers.js';

const scratch = new DataView(new ArrayBuffer(8)); // one scalar's bytes, packed for searching
const scalars = new WeakMap();

/**
 * The item codec of a compiled format with the array's options: `read`,
 * `write`, `check` (a value's stored form, or the error), `pack` (stored
 * form -> bytes), `patterns(value)` (the byte patterns that find it, [] when
 * none can, null when bytes do not decide equality and values must be
 * compared one by one with `equal`), `bytesDecide`, `names`; with names,
 * strings or int64 `options` (as checked, for the arrays made from this
 * one) and `converts` (reads convert values: StrArray then leaves its fast
 * paths).
 * `record`: a record even for a scalar format (Struct's values are arrays).
 * A read that converts takes the item's index and the caller's name, for
 * its errors: `read(dv, off, i, fn)`.
 */
export function itemCodec(layout, options, fn, record = false) {
  if (options !== undefined && (options === null || typeof options !== 'object'))
    throw new TypeError(`${fn}(): options must be an object, got ${describe(options)}`);
  const names = namesOf(options?.names, layout, fn, record);
  const strings = optionOf(options?.strings, 'strings', 'latin1', 'utf-8', fn);
  const int64 = optionOf(options?.int64, 'int64', 'number', 'bigint', fn) === 'number' ? 'number' : undefined;
  const opts = { names, strings, int64 }; // never seen by users: arrays made from this one read it
  if (layout.acc !== null && !record)
    return int64 === undefined || layout.acc.kind !== 'bigint' ? scalarItem(layout.acc) : numberItem(layout.acc, opts);
  return recordItem(layout, opts);
}

/** options.strings or options.int64: undefined, `a` or `b`. */
function optionOf(value, name, a, b, fn) {
  if (value === undefined || value === a || value === b) return value;
  throw new TypeError(`${fn}(): options.${name} must be '${a}' or '${b}', got ${describe(value)}`);
}

function namesOf(names, layout, fn, record) {
  if (names === undefined) return undefined;
  if (!Array.isArray(names) || !names.every((n) => typeof n === 'string'))
    throw new TypeError(`${fn}(): options.names must be an array of strings, got ${describe(names)}`);
  if (layout.acc !== null && !record) throw new TypeError(`${fn}(): options.names is for record formats; ${layout.quoted} is one scalar`);
  // The value count is the runs' sum (format.js): a '1048576B' given no names fails here without a million fields made.
  if (names.length !== layout.valueCount) {
    throw new TypeError(`${fn}(): options.names has ${names.length} names; format ${layout.quoted} has ${layout.valueCount} values`);
  }
  if (new Set(names).size !== names.length) throw new TypeError(`${fn}(): options.names has a name twice`);
  return Object.freeze(names.slice());
}

function scalarItem(acc) {
  let item = scalars.get(acc);
  if (item !== undefined) return item;
  const pack = (stored) => {
    acc.write(scratch, 0, stored);
    return new Uint8Array(scratch.buffer, 0, acc.size).slice();
  };
  item = {
    ...acc,
    names: undefined,
    // Equal integers, characters and pad-free bytes have equal bytes; floats
    // do not (0 and -0, NaN), nor booleans (any non-zero byte is true).
    bytesDecide: acc.kind === 'int' || acc.kind === 'bigint' || acc.kind === 'char',
    pack,
    patterns(value) {
      if (acc.kind === 'bool') return null;
      const stored = acc.exact(value);
      if (stored === undefined) return [];
      if (acc.kind === 'float' && value === 0) return [pack(acc.exact(0)), pack(acc.exact(-0))];
      return [pack(stored)];
    },
    equal: (a, b) => a === b,
  };
  scalars.set(acc, item);
  return item;
}

/** A scalar q/Q item read as numbers (options.int64 'number'): writes and searches as before. */
function numberItem(acc, options) {
  const base = scalarItem(acc);
  return {
    ...base,
    options,
    converts: true,
    read: (dv, off, i, fn) => convert(acc.read(dv, off), undefined, fn, i),
    patterns: (value) => base.patterns(Number.isSafeInteger(value) ? BigInt(value) : value),
  };
}

let utf8Strict; // made on first use: a fatal decoder that keeps a leading BOM (the bytes, all of them)

/**
 * A value read as options.int64 and options.strings want it: a q/Q BigInt as
 * a number, s/p bytes as a string. A BigInt beyond ±(2^53 - 1) (no number is
 * that integer) and invalid UTF-8 (as Python's decode) are RangeErrors that
 * name item `i` and value `k`; Latin-1 never fails.
 */
function convert(v, strings, fn, i, k, names) {
  if (typeof v === 'bigint') {
    if (Number.isSafeInteger(Number(v))) return Number(v);
  } else if (strings === 'latin1') return decode(v, 'latin1', fn);
  else {
    utf8Strict ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    try {
      return utf8Strict.decode(v);
    } catch {}
  }
  const at = `${i === undefined ? '' : `item ${i} `}value ${k === undefined ? '' : names === undefined ? `[${k}] ` : `${quoteName(names[k])} `}`;
  throw new RangeError(
    `${fn}(): ${at}${typeof v === 'bigint' ? `${v} is not a safe integer (int64: 'number')` : `is not UTF-8 (strings: 'utf-8')`}`,
  );
}

/**
 * The read of a record whose values are not converted: the Layout's reader
 * into an array, or into an object with `names`; null when the Layout has
 * none (too many values: the general read walks them).
 */
function directReader(layout, names) {
  if (layout.valueCount > MAX_VALUES) return null;
  return names === undefined ? layout.readValues : layout.objectReader(names);
}

function recordItem(layout, options) {
  const { names, strings, int64 } = options;
  const latin1 = strings === 'latin1';
  const size = layout.size;
  // The values read converted: s/p with strings, q/Q with int64.
  const converted = [];
  if (strings !== undefined || int64 !== undefined) {
    const codes = `${strings === undefined ? '' : 'sp'}${int64 === undefined ? '' : 'qQ'}`;
    layout.fields.forEach((f, k) => {
      if (codes.includes(f.code)) converted.push(k);
    });
  }
  const protoAt = names === undefined ? -1 : names.indexOf('__proto__');
  const pack = (stored) => {
    const out = new Uint8Array(size);
    layout.writeValues(new DataView(out.buffer), 0, stored); // pad bytes zero
    return out;
  };
  const tryPack = (value) => {
    try {
      return pack(layout.checkValues(value, 'compare', 'value', names, latin1));
    } catch {
      return undefined; // a value that cannot be stored equals no item
    }
  };
  /** The general read: values converted (options.strings, int64), or a record of too many values for a reader of its own. */
  const read = (dv, off, i, fn) => {
    const values = layout.readValues(dv, off);
    for (const k of converted) {
      values[k] = convert(values[k], strings, fn, i, k, names);
    }
    if (names === undefined) return values;
    const out = {};
    for (let k = 0; k < names.length; k++) out[names[k]] = values[k];
    // An assignment to '__proto__' sets the prototype: that name is defined as an own key.
    if (protoAt >= 0)
      Object.defineProperty(out, '__proto__', { value: values[protoAt], enumerable: true, writable: true, configurable: true });
    return out;
  };
  return {
    kind: 'record',
    size,
    names,
    options,
    converts: converted.length > 0,
    bytesDecide: !layout.hasPad,
    pack,
    // Values as stored: the Layout's own reader, a function of this format alone (format.js).
    read: (converted.length === 0 ? directReader(layout, names) : null) ?? read,
    check: (value, fn, arg) => layout.checkValues(value, fn, arg, names, latin1),
    write: (dv, off, stored) => layout.writeValues(dv, off, stored),
    patterns(value) {
      const p = tryPack(value);
      if (p === undefined) return [];
      return layout.hasPad ? null : [p]; // pad bytes in the data may hold anything
    },
    equal(a, b) {
      const pa = tryPack(a);
      const pb = tryPack(b);
      return pa !== undefined && pb !== undefined && pa.every((x, k) => x === pb[k]);
    },
  };
}
