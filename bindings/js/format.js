// Struct formats (SPEC §5): parsing one-scalar Python `struct` formats and
// converting values to and from their bytes — the one code path for typed
// values in the package (StrArray, StrIO.readStruct/writeStruct).
//
// Sizes are wasm32 C sizes (l/L/n/N 4 bytes). Native order is little-endian
// (wasm is), so '@', '=' and no prefix read like '<' on every platform.
import { describe } from './errors.js';

const CODES = {
  // code: [size, kind, min, max, TypedArray]
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
  q: [8, 'bigint', -(2n ** 63n), 2n ** 63n - 1n, BigInt64Array],
  Q: [8, 'bigint', 0n, 2n ** 64n - 1n, BigUint64Array],
  e: [2, 'float', 0, 0, Float32Array],
  f: [4, 'float', 0, 0, Float32Array],
  d: [8, 'float', 0, 0, Float64Array],
};
const PREFIXES = '@=<>!';
const NOT_SCALAR = { s: 'a byte string', p: 'a Pascal string', x: 'a pad byte', P: 'a pointer' };

const cache = new Map();

/**
 * The codec of a one-scalar struct format, or a TypeError that says what is
 * wrong with it.
 * @returns {Codec}
 */
export function parseFormat(format, fn) {
  const hit = cache.get(format);
  if (hit) return hit;
  if (typeof format !== 'string') throw new TypeError(`${fn}(): format must be a string, got ${describe(format)}`);
  // A long format is cut in the message, which must stay one readable line.
  const shown = format.length > 60 ? `${JSON.stringify(format.slice(0, 60))}... (${format.length} characters)` : JSON.stringify(format);
  const bad = (why) => new TypeError(`${fn}(): format ${shown}: ${why}`);
  if (format === '') throw bad('is empty (give one code such as "i" or "<d")');
  const prefix = PREFIXES.includes(format[0]) ? format[0] : '';
  const rest = format.slice(prefix.length);
  if (/^\d/.test(rest)) throw bad('a repeat count is not supported: a StrArray format is one scalar');
  if (rest.length === 0) throw bad('has a byte order but no code');
  if (rest.length > 1) throw bad(`has ${rest.length} codes; a StrArray format is one scalar`);
  if (NOT_SCALAR[rest]) throw bad(`'${rest}' (${NOT_SCALAR[rest]}) is not a scalar code`);
  const spec = CODES[rest];
  if (!spec) throw bad(`'${rest}' is not a struct code (one of c b B ? h H i I l L q Q n N e f d)`);
  if ((rest === 'n' || rest === 'N') && prefix !== '' && prefix !== '@') {
    throw bad(`'${rest}' exists only in native mode (no prefix or '@'), as in struct`);
  }
  const codec = makeCodec(format, rest, spec, !(prefix === '>' || prefix === '!'));
  cache.set(format, codec);
  return codec;
}

/**
 * @typedef {object} Codec
 * @property {string} format
 * @property {string} code
 * @property {number} size
 * @property {boolean} little
 * @property {(dv: DataView, off: number) => any} read
 * @property {(dv: DataView, off: number, stored: any) => void} write  stored: what `check` returned
 * @property {(v: any, fn: string, arg: string) => any} check  validates a value and returns its stored form
 * @property {(v: any) => any} exact  the stored form when `v` is exactly representable, else undefined (no throw)
 * @property {Function} TypedArray
 */
function makeCodec(format, code, [size, kind, min, max, TypedArray], little) {
  const range = `value out of range for format '${code}' (${min}..${max})`;
  const base = { format, code, size, little, kind, TypedArray };
  switch (kind) {
    case 'int': {
      const [read, write] = intAccess(size, min < 0, little);
      return {
        ...base,
        read,
        write,
        check(v, fn, arg) {
          if (typeof v !== 'number' || !Number.isInteger(v)) throw new TypeError(`${fn}(): ${arg} must be an integer for format '${code}', got ${describe(v)}`);
          if (v < min || v > max) throw new RangeError(`${fn}(): ${arg}: ${range}, got ${v}`);
          return v;
        },
        exact: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : undefined),
      };
    }
    case 'bigint': {
      const toBig = (v, fn, arg) => {
        if (typeof v === 'bigint') return v;
        if (typeof v === 'number' && Number.isSafeInteger(v)) return BigInt(v);
        throw new TypeError(`${fn}(): ${arg} must be a BigInt or a safe integer for format '${code}', got ${describe(v)}`);
      };
      return {
        ...base,
        read: min < 0n ? (dv, off) => dv.getBigInt64(off, little) : (dv, off) => dv.getBigUint64(off, little),
        write: min < 0n ? (dv, off, v) => dv.setBigInt64(off, v, little) : (dv, off, v) => dv.setBigUint64(off, v, little),
        check(v, fn, arg) {
          const b = toBig(v, fn, arg);
          if (b < min || b > max) throw new RangeError(`${fn}(): ${arg}: ${range}, got ${b}`);
          return b;
        },
        exact: (v) => (typeof v === 'bigint' && v >= min && v <= max ? v : undefined),
      };
    }
    case 'float': {
      const tooLarge = `float too large to pack with format '${code}'`;
      if (size === 2) {
        return {
          ...base,
          read: (dv, off) => fromHalf(dv.getUint16(off, little)),
          write: (dv, off, bits) => dv.setUint16(off, bits, little),
          check(v, fn, arg) {
            if (typeof v !== 'number') throw new TypeError(`${fn}(): ${arg} must be a number for format '${code}', got ${describe(v)}`);
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
          if (typeof v !== 'number') throw new TypeError(`${fn}(): ${arg} must be a number for format '${code}', got ${describe(v)}`);
          // As struct: a finite value that rounds to infinity in single precision does not fit.
          if (size === 4 && Number.isFinite(v) && !Number.isFinite(Math.fround(v))) {
            throw new RangeError(`${fn}(): ${arg}: ${tooLarge} (max 3.4028234663852886e+38), got ${v}`);
          }
          return v;
        },
        exact: (v) => (typeof v === 'number' && !Number.isNaN(v) && (size === 8 || Math.fround(v) === v) ? v : undefined),
      };
    }
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
            if (c > 255) throw new RangeError(`${fn}(): ${arg}: a character for format 'c' must have a code <= 255 (Latin-1), got U+${c.toString(16).toUpperCase().padStart(4, '0')}`);
            return c;
          }
          if (v instanceof Uint8Array && v.length === 1) return v[0];
          if (ArrayBuffer.isView(v) && v.byteLength === 1) return new Uint8Array(v.buffer, v.byteOffset, 1)[0];
          throw new TypeError(`${fn}(): ${arg} must be a one-character string or one byte for format 'c', got ${describe(v)}`);
        },
        exact: (v) => (typeof v === 'string' && v.length === 1 && v.charCodeAt(0) <= 255 ? v.charCodeAt(0) : undefined),
      };
  }
}

/**
 * Reader and writer of an integer size: direct DataView calls (a computed
 * method name would keep the engine from inlining them).
 */
function intAccess(size, signed, little) {
  switch (size) {
    case 1:
      return signed ? [(dv, o) => dv.getInt8(o), (dv, o, v) => dv.setInt8(o, v)] : [(dv, o) => dv.getUint8(o), (dv, o, v) => dv.setUint8(o, v)];
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

/** Rounds half to even, as IEEE 754 conversions do. */
function roundHalfEven(x) {
  const f = Math.floor(x);
  const d = x - f;
  return d > 0.5 || (d === 0.5 && f % 2 === 1) ? f + 1 : f;
}

/**
 * IEEE 754 binary16 bits of a number, rounded half to even straight from
 * the double (no detour through float32, which would round twice); -1 when
 * a finite value is too large (it would round to infinity), as struct.
 */
export function toHalf(v) {
  const sign = v < 0 || Object.is(v, -0) ? 0x8000 : 0;
  const a = Math.abs(v);
  if (Number.isNaN(v)) return 0x7e00;
  if (a === Infinity) return sign | 0x7c00;
  if (a < 2 ** -14) return sign | roundHalfEven(a * 2 ** 24); // subnormal; 1024 rounds up into the normals
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--; // log2 may round up near a power of two
  else if (2 ** (e + 1) <= a) e++;
  let m = roundHalfEven((a / 2 ** e - 1) * 1024);
  if (m === 1024) {
    m = 0;
    e++;
  }
  if (e > 15) return -1;
  return sign | ((e + 15) << 10) | m;
}

/** The number a binary16 bit pattern holds. */
export function fromHalf(bits) {
  const sign = bits & 0x8000 ? -1 : 1;
  const e = (bits >> 10) & 0x1f;
  const m = bits & 0x3ff;
  if (e === 0) return sign * m * 2 ** -24;
  if (e === 31) return m ? NaN : sign * Infinity;
  return sign * (1 + m / 1024) * 2 ** (e - 15);
}
