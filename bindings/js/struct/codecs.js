// The codecs of struct codes (SPEC §5): for each numeric, bool or char code
// in one byte order, and for each `Ns`/`Np` field, a value codec that reads,
// checks and writes one value through a DataView. format.js builds layouts
// of them; this is the one place a value is converted.
import { toView } from '../core/bytes.js';
import { describe } from '../core/errors.js';
import { fromHalf, toHalf } from './half.js';

// code: [size, kind, min, max, TypedArray]. The native alignment of a
// numeric code is its size; s, p, x and the one-byte codes need none.
export const CODES = {
  c: [1, 'char', 0, 255, Uint8Array],
  b: [1, 'int', -128, 127, Int8Array],
  B: [1, 'int', 0, 255, Uint8Array],
  '?': [1, 'bool', 0, 1, Uint8Array],
  h: [2, 'int', -32768, 32767, Int16Array],
  H: [2, 'int', 0, 65535, Uint16Array],
  i: [4, 'int', -(2 ** 31), 2 ** 31 - 1, Int32Array],
  I: [4, 'int', 0, 2 ** 32 - 1, Uint32Array],
  l: [4, 'int', -(2 ** 31), 2 ** 31 - 1, Int32Array],
  L: [4, 'int', 0, 2 ** 32 - 1, Uint32Array],
  n: [4, 'int', -(2 ** 31), 2 ** 31 - 1, Int32Array],
  N: [4, 'int', 0, 2 ** 32 - 1, Uint32Array],
  P: [4, 'int', 0, 2 ** 32 - 1, Uint32Array],
  q: [8, 'bigint', -(2n ** 63n), 2n ** 63n - 1n, BigInt64Array],
  Q: [8, 'bigint', 0n, 2n ** 64n - 1n, BigUint64Array],
  e: [2, 'float', 0, 0, Float32Array],
  f: [4, 'float', 0, 0, Float32Array],
  d: [8, 'float', 0, 0, Float64Array],
};
const codecs = new Map(); // made so far, by code and byte order (at most 2 x 18)

/**
 * The value codec of a numeric, bool or char code in one byte order: `read`,
 * `write` (of what `check` returned), `check` (validates a value, returns its
 * stored form), `exact` (the stored form when the value is exactly
 * representable, else undefined, never throwing: for searches).
 * @returns {Accessor}
 */
export function valueCodec(code, little) {
  const key = little || CODES[code][0] === 1 ? code : `>${code}`;
  let acc = codecs.get(key);
  if (acc === undefined) {
    acc = makeAccessor(code, CODES[code], little || CODES[code][0] === 1);
    codecs.set(key, acc);
  }
  return acc;
}

/**
 * @typedef {object} Accessor
 * @property {string} code
 * @property {number} size
 * @property {boolean} little
 * @property {string} kind  int, bigint, float, bool, char, bytes
 * @property {(dv: DataView, off: number) => any} read
 * @property {(dv: DataView, off: number, stored: any) => void} write
 * @property {(v: any, fn: string, arg: string) => any} check
 * @property {(v: any) => any} exact
 * @property {Function} TypedArray
 */
function makeAccessor(code, [size, kind, min, max, TypedArray], little) {
  const range = `value out of range for format '${code}' (${min}..${max})`;
  // The typed array whose elements are exactly this code's values: a bulk copy source for extend.
  const bulk = kind === 'int' || kind === 'bigint' || (kind === 'float' && size > 2) ? TypedArray : null;
  const base = { code, size, little, kind, TypedArray, bulk };
  switch (kind) {
    case 'int': {
      const [read, write] = intAccess(size, min < 0, little);
      return {
        ...base,
        read,
        write,
        check(v, fn, arg) {
          if (typeof v !== 'number' || !Number.isInteger(v))
            throw new TypeError(`${fn}(): ${arg} must be an integer for format '${code}', got ${describe(v)}`);
          if (v < min || v > max) throw new RangeError(`${fn}(): ${arg}: ${range}, got ${v}`);
          return v;
        },
        exact: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : undefined),
      };
    }
    case 'bigint':
      return {
        ...base,
        read: min < 0n ? (dv, off) => dv.getBigInt64(off, little) : (dv, off) => dv.getBigUint64(off, little),
        write: min < 0n ? (dv, off, v) => dv.setBigInt64(off, v, little) : (dv, off, v) => dv.setBigUint64(off, v, little),
        check(v, fn, arg) {
          let b = v;
          if (typeof v === 'number' && Number.isSafeInteger(v)) b = BigInt(v);
          else if (typeof v !== 'bigint')
            throw new TypeError(`${fn}(): ${arg} must be a BigInt or a safe integer for format '${code}', got ${describe(v)}`);
          if (b < min || b > max) throw new RangeError(`${fn}(): ${arg}: ${range}, got ${describe(b)}`);
          return b;
        },
        exact: (v) => (typeof v === 'bigint' && v >= min && v <= max ? v : undefined),
      };
    case 'float':
      return floatAccessor(base, code, size, little);
    case 'bool':
      return {
        ...base,
        read: (dv, off) => dv.getUint8(off) !== 0,
        write: (dv, off, v) => dv.setUint8(off, v),
        check: (v) => (v ? 1 : 0),
        exact: (v) => (typeof v === 'boolean' ? +v : undefined),
      };
    default: // char
      return {
        ...base,
        read: (dv, off) => String.fromCharCode(dv.getUint8(off)),
        write: (dv, off, v) => dv.setUint8(off, v),
        check(v, fn, arg) {
          if (typeof v === 'string' && v.length === 1) {
            const c = v.charCodeAt(0);
            if (c > 255)
              throw new RangeError(
                `${fn}(): ${arg}: a character for format 'c' must have a code <= 255 (Latin-1), got U+${c.toString(16).toUpperCase().padStart(4, '0')}`,
              );
            return c;
          }
          if (ArrayBuffer.isView(v) && v.byteLength === 1) return new Uint8Array(v.buffer, v.byteOffset, 1)[0];
          throw new TypeError(`${fn}(): ${arg} must be a one-character string or one byte for format 'c', got ${describe(v)}`);
        },
        exact: (v) => (typeof v === 'string' && v.length === 1 && v.charCodeAt(0) <= 255 ? v.charCodeAt(0) : undefined),
      };
  }
}

function floatAccessor(base, code, size, little) {
  const tooLarge = `float too large to pack with format '${code}'`;
  const isNumber = (v, fn, arg) => {
    if (typeof v !== 'number') throw new TypeError(`${fn}(): ${arg} must be a number for format '${code}', got ${describe(v)}`);
  };
  if (size === 2) {
    return {
      ...base,
      read: (dv, off) => fromHalf(dv.getUint16(off, little)),
      write: (dv, off, bits) => dv.setUint16(off, bits, little),
      check(v, fn, arg) {
        isNumber(v, fn, arg);
        const bits = toHalf(v);
        if (bits < 0) throw new RangeError(`${fn}(): ${arg}: ${tooLarge} (max 65504), got ${v}`);
        return bits;
      },
      exact(v) {
        if (typeof v !== 'number' || Number.isNaN(v)) return undefined;
        const bits = toHalf(v);
        return bits >= 0 && fromHalf(bits) === v ? bits : undefined;
      },
    };
  }
  return {
    ...base,
    read: size === 4 ? (dv, off) => dv.getFloat32(off, little) : (dv, off) => dv.getFloat64(off, little),
    write: size === 4 ? (dv, off, v) => dv.setFloat32(off, v, little) : (dv, off, v) => dv.setFloat64(off, v, little),
    check(v, fn, arg) {
      isNumber(v, fn, arg);
      // As struct: a finite value that rounds to infinity in single precision does not fit.
      if (size === 4 && Number.isFinite(v) && !Number.isFinite(Math.fround(v))) {
        throw new RangeError(`${fn}(): ${arg}: ${tooLarge} (max 3.4028234663852886e+38), got ${v}`);
      }
      return v;
    },
    exact: (v) => (typeof v === 'number' && !Number.isNaN(v) && (size === 8 || Math.fround(v) === v) ? v : undefined),
  };
}

/**
 * Reader and writer of an integer size: direct DataView calls (a computed
 * method name would keep the engine from inlining them).
 */
function intAccess(size, signed, little) {
  switch (size) {
    case 1:
      return signed
        ? [(dv, o) => dv.getInt8(o), (dv, o, v) => dv.setInt8(o, v)]
        : [(dv, o) => dv.getUint8(o), (dv, o, v) => dv.setUint8(o, v)];
    case 2:
      return signed
        ? [(dv, o) => dv.getInt16(o, little), (dv, o, v) => dv.setInt16(o, v, little)]
        : [(dv, o) => dv.getUint16(o, little), (dv, o, v) => dv.setUint16(o, v, little)];
    default:
      return signed
        ? [(dv, o) => dv.getInt32(o, little), (dv, o, v) => dv.setInt32(o, v, little)]
        : [(dv, o) => dv.getUint32(o, little), (dv, o, v) => dv.setUint32(o, v, little)];
  }
}

/**
 * The value codec of an `Ns` (N bytes, cut or zero-padded) or `Np` field (a
 * Pascal string), as Python's struct: `Np` holds up to N - 1 bytes of data
 * after a length byte, and the length byte is capped at 255 but the data is
 * not (pack('300p', 280 bytes) keeps all 280, length byte 255); a read takes
 * min(length byte, N - 1) bytes. Reads give a copy. Not cached here: each
 * Layout holds its own (struct/format.js bounds what Layouts hold), so
 * formats of many sizes ('1s' ... '100000s') leave nothing behind.
 */
export function bytesCodec(code, n) {
  const key = `${n}${code}`;
  const pascal = code === 'p';
  const room = pascal ? n - 1 : n; // the most data bytes
  const bytesAt = (dv, off, len) => new Uint8Array(dv.buffer, dv.byteOffset + off, len);
  return {
    code,
    size: n,
    little: true,
    kind: 'bytes',
    TypedArray: Uint8Array,
    bulk: null,
    read: pascal ? (dv, off) => bytesAt(dv, off + 1, Math.min(dv.getUint8(off), room)).slice() : (dv, off) => bytesAt(dv, off, n).slice(),
    write(dv, off, stored) {
      bytesAt(dv, off, n).set(stored);
    },
    check(v, fn, arg, latin1) {
      if (!(typeof v === 'string' || (v !== null && typeof v === 'object'))) {
        throw new TypeError(`${fn}(): ${arg} must be a bytes-like or a string for format '${key}', got ${describe(v)}`);
      }
      const src = latin1 && typeof v === 'string' ? latin1Bytes(v, fn, arg) : toView(v, fn, arg);
      const len = Math.min(src.length, room);
      const out = new Uint8Array(n);
      if (pascal) {
        out[0] = Math.min(len, 255);
        out.set(src.subarray(0, len), 1);
      } else out.set(src.subarray(0, len));
      return out;
    },
    exact(v) {
      try {
        return this.check(v, 'exact', 'value');
      } catch {
        return undefined;
      }
    },
  };
}

/** A string's Latin-1 bytes (options.strings 'latin1'): a character above U+00FF is a RangeError, as for 'c'. */
function latin1Bytes(v, fn, arg) {
  return Uint8Array.from(v, (ch) => {
    if (ch.charCodeAt(0) > 255) throw new RangeError(`${fn}(): ${arg}: ${describe(ch)} is not Latin-1 (strings: 'latin1')`);
    return ch.charCodeAt(0);
  });
}
