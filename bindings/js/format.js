// Struct formats (SPEC §5): Python's whole `struct` format language, parsed
// once per format string into a Layout, and the codecs that turn values into
// bytes and back — the one code path for typed values in the package
// (StrArray and its per-format accessors, StrIO.readStruct/writeStruct,
// the struct functions, dumps).
//
// Sizes are wasm32 C sizes (l/L/n/N/P 4 bytes). Native order is
// little-endian (wasm is), so '@', '=' and no prefix read like '<' on every
// platform; '@' and no prefix also align each value as wasm32 C does (no
// trailing padding), exactly as `struct` does natively.
import { toView } from './bytes.js';
import { describe } from './errors.js';
import { fromHalf, toHalf } from './half.js';

// code: [size, kind, min, max, TypedArray]. The native alignment of a
// numeric code is its size; s, p, x and the one-byte codes need none.
const CODES = {
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
const PREFIXES = '@=<>!';
const NATIVE_ONLY = 'nNP';
/** The largest record: a StrArray item must fit one chunk (and a typed array). */
const MAX_SIZE = 2 ** 31 - 1;

const layouts = new Map();
const accessors = new Map();

/**
 * The compiled form of a struct format, or a TypeError naming `fn` that says
 * what is wrong with it. Cached per format string: StrArray, readStruct and
 * the struct functions share one Layout per format.
 * @returns {Layout}
 */
export function compile(format, fn) {
  const hit = layouts.get(format);
  if (hit !== undefined) return hit;
  if (typeof format !== 'string') throw new TypeError(`${fn}(): format must be a string, got ${describe(format)}`);
  const layout = new Layout(format, parse(format, fn));
  if (layouts.size > 1024) layouts.clear(); // formats built at run time must not grow the cache forever
  layouts.set(format, layout);
  return layout;
}

/** Items of a format: [{code, count, offset}] with native alignment applied, and the total size. */
function parse(format, fn) {
  const bad = (why) => new TypeError(`${fn}(): format ${JSON.stringify(format)}: ${why}`);
  let at = 0;
  const prefix = PREFIXES.includes(format[0]) ? format[at++] : '';
  const native = prefix === '' || prefix === '@';
  const little = !(prefix === '>' || prefix === '!');
  const items = [];
  let size = 0;
  while (at < format.length) {
    const ch = format[at];
    if (/\s/.test(ch)) {
      at++;
      continue;
    }
    let count = 1;
    let counted = false;
    if (ch >= '0' && ch <= '9') {
      const digits = /^\d+/.exec(format.slice(at))[0];
      at += digits.length;
      count = Number(digits);
      counted = true;
      if (at >= format.length || /\s/.test(format[at])) throw bad(`the repeat count ${digits} at position ${at - digits.length} has no code after it`);
      if (!Number.isSafeInteger(count) || count > MAX_SIZE) throw bad(`the repeat count ${digits} is too large`);
    }
    const code = format[at++];
    const known = CODES[code] !== undefined || code === 's' || code === 'p' || code === 'x';
    if (!known) {
      const where = PREFIXES.includes(code) ? ` (a byte order goes first, only once)` : '';
      throw bad(`${JSON.stringify(code)} at position ${at - 1} is not a struct code${where} (one of x c b B ? h H i I l L q Q n N P e f d s p)`);
    }
    if (NATIVE_ONLY.includes(code) && !native) throw bad(`'${code}' exists only in native mode (no prefix or '@'), as in struct`);
    if (code === 'p' && counted && count === 0) throw bad(`'0p' is a Pascal string with no room for its length byte`);
    const unit = code === 's' || code === 'p' || code === 'x' ? 1 : CODES[code][0];
    if (native && unit > 1 && code !== 's' && code !== 'p') size = Math.ceil(size / unit) * unit; // a zero count aligns too
    items.push({ code, count, offset: size });
    size += code === 's' || code === 'p' ? count : count * unit;
    if (size > MAX_SIZE) throw bad(`describes ${size} bytes, more than a buffer holds`);
  }
  return { prefix, little, items, size };
}

/**
 * A parsed format. `fields` lists its values in order ({name, code, offset,
 * size, acc}); a scalar format (one code, no count but 1, no pad) also has
 * `acc`, the accessor of its one value.
 */
export class Layout {
  constructor(format, { prefix, little, items, size }) {
    this.format = format;
    /** The byte-order character as given ('' when none): a column's format keeps it. */
    this.prefix = prefix;
    this.size = size;
    this.little = little;
    this.fields = [];
    for (const { code, count, offset } of items) {
      if (code === 'x') continue;
      if (code === 's' || code === 'p') {
        this.fields.push({ code, offset, size: count, acc: bytesAccessor(code, count) });
        continue;
      }
      const acc = accessor(code, little);
      for (let k = 0; k < count; k++) this.fields.push({ code, offset: offset + k * acc.size, size: acc.size, acc });
    }
    const only = items.length === 1 ? items[0] : null;
    this.scalar = only !== null && only.count === 1 && CODES[only.code] !== undefined;
    /** The accessor of a scalar format's value (null for a record format). */
    this.acc = this.scalar ? this.fields[0].acc : null;
    this.hasPad = this.fields.reduce((n, f) => n + f.size, 0) !== size;
  }

  /** The values of one record at `off`, in order. */
  readValues(dv, off) {
    const fields = this.fields;
    const out = new Array(fields.length);
    for (let k = 0; k < fields.length; k++) out[k] = fields[k].acc.read(dv, off + fields[k].offset);
    return out;
  }

  /**
   * Checks a record given as an array of values, or an object with every
   * name when `names` is given; returns the stored forms. A wrong shape is a
   * TypeError, a bad value as for scalars. Nothing is written here.
   */
  checkValues(record, fn, arg, names) {
    const fields = this.fields;
    let values = record;
    if (names != null && record !== null && typeof record === 'object' && !Array.isArray(record) && !ArrayBuffer.isView(record)) {
      values = names.map((name) => {
        if (!(name in record)) throw new TypeError(`${fn}(): ${arg} has no field ${JSON.stringify(name)} (format ${JSON.stringify(this.format)})`);
        return record[name];
      });
    } else if (!Array.isArray(record)) {
      const want = names == null ? `an array of ${fields.length} values` : `an array of ${fields.length} values or an object with ${names.join(', ')}`;
      throw new TypeError(`${fn}(): ${arg} must be ${want} for format ${JSON.stringify(this.format)}, got ${describe(record)}`);
    }
    if (values.length !== fields.length) {
      throw new TypeError(`${fn}(): ${arg} has ${values.length} values; format ${JSON.stringify(this.format)} has ${fields.length}`);
    }
    return fields.map((f, k) => f.acc.check(values[k], fn, names == null ? `${arg}[${k}]` : `${arg}.${names[k]}`));
  }

  /** Writes checked values (and zero pad bytes) at `off`. */
  writeValues(dv, off, stored) {
    if (this.hasPad) for (let k = 0; k < this.size; k++) dv.setUint8(off + k, 0);
    const fields = this.fields;
    for (let k = 0; k < fields.length; k++) fields[k].acc.write(dv, off + fields[k].offset, stored[k]);
  }
}

/**
 * The accessor of a numeric, bool or char code in one byte order: `read`,
 * `write` (of what `check` returned), `check` (validates a value, returns its
 * stored form), `exact` (the stored form when the value is exactly
 * representable, else undefined, never throwing: for searches).
 * @returns {Accessor}
 */
export function accessor(code, little) {
  const key = little || CODES[code][0] === 1 ? code : `>${code}`;
  let acc = accessors.get(key);
  if (acc === undefined) {
    acc = makeAccessor(code, CODES[code], little || CODES[code][0] === 1);
    accessors.set(key, acc);
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
          if (typeof v !== 'number' || !Number.isInteger(v)) throw new TypeError(`${fn}(): ${arg} must be an integer for format '${code}', got ${describe(v)}`);
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
          else if (typeof v !== 'bigint') throw new TypeError(`${fn}(): ${arg} must be a BigInt or a safe integer for format '${code}', got ${describe(v)}`);
          if (b < min || b > max) throw new RangeError(`${fn}(): ${arg}: ${range}, got ${b}`);
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
            if (c > 255) throw new RangeError(`${fn}(): ${arg}: a character for format 'c' must have a code <= 255 (Latin-1), got U+${c.toString(16).toUpperCase().padStart(4, '0')}`);
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

/**
 * The accessor of an `Ns` (N bytes, cut or zero-padded) or `Np` field (a
 * Pascal string: a length byte, at most min(N - 1, 255), then the bytes).
 * Reads give a copy.
 */
export function bytesAccessor(code, n) {
  const key = `${n}${code}`;
  let acc = accessors.get(key);
  if (acc !== undefined) return acc;
  const pascal = code === 'p';
  const room = pascal ? Math.min(n - 1, 255) : n;
  const bytesAt = (dv, off, len) => new Uint8Array(dv.buffer, dv.byteOffset + off, len);
  acc = {
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
    check(v, fn, arg) {
      if (!(typeof v === 'string' || (v !== null && typeof v === 'object'))) {
        throw new TypeError(`${fn}(): ${arg} must be a bytes-like or a string for format '${key}', got ${describe(v)}`);
      }
      const src = toView(v, fn, arg);
      const len = Math.min(src.length, room);
      const out = new Uint8Array(n);
      if (pascal) {
        out[0] = len;
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
  accessors.set(key, acc);
  return acc;
}
