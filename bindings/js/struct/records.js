// Item codecs for StrArray (SPEC §5): what one item of a format is — a
// scalar value, or a record read as an array of its values (or an object
// with `names`) — and how items are checked, written, packed for a byte
// search and compared. Built on the one parser and codec of format.js.
import { describe } from '../core/errors.js';

const scratch = new DataView(new ArrayBuffer(8)); // one scalar's bytes, packed for searching
const scalars = new WeakMap();

/**
 * The item codec of a compiled format with the array's options: `read`,
 * `write`, `check` (a value's stored form, or the error), `pack` (stored
 * form -> bytes), `patterns(value)` (the byte patterns that find it, [] when
 * none can, null when bytes do not decide equality and values must be
 * compared one by one with `equal`), `bytesDecide`, `names`.
 */
export function itemCodec(layout, options, fn) {
  const names = namesOf(options, layout, fn);
  if (layout.acc !== null) return scalarItem(layout.acc);
  return recordItem(layout, names);
}

function namesOf(options, layout, fn) {
  if (options === undefined) return undefined;
  if (options === null || typeof options !== 'object') throw new TypeError(`${fn}(): options must be an object, got ${describe(options)}`);
  const names = options.names;
  if (names === undefined) return undefined;
  if (!Array.isArray(names) || !names.every((n) => typeof n === 'string'))
    throw new TypeError(`${fn}(): options.names must be an array of strings, got ${describe(names)}`);
  if (layout.acc !== null) throw new TypeError(`${fn}(): options.names is for record formats; ${layout.quoted} is one scalar`);
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

function recordItem(layout, names) {
  const size = layout.size;
  const protoAt = names === undefined ? -1 : names.indexOf('__proto__');
  const pack = (stored) => {
    const out = new Uint8Array(size);
    layout.writeValues(new DataView(out.buffer), 0, stored); // pad bytes zero
    return out;
  };
  const tryPack = (value) => {
    try {
      return pack(layout.checkValues(value, 'compare', 'value', names));
    } catch {
      return undefined; // a value that cannot be stored equals no item
    }
  };
  return {
    kind: 'record',
    size,
    names,
    bytesDecide: !layout.hasPad,
    pack,
    read(dv, off) {
      const values = layout.readValues(dv, off);
      if (names === undefined) return values;
      const out = {};
      for (let k = 0; k < names.length; k++) out[names[k]] = values[k];
      // An assignment to '__proto__' sets the prototype: that name is defined as an own key.
      if (protoAt >= 0)
        Object.defineProperty(out, '__proto__', { value: values[protoAt], enumerable: true, writable: true, configurable: true });
      return out;
    },
    check: (value, fn, arg) => layout.checkValues(value, fn, arg, names),
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
