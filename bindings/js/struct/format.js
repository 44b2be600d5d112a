// Struct formats (SPEC §5): Python's whole `struct` format language, parsed
// once per format string into a Layout, and the codecs that turn values into
// bytes and back — the one code path for typed values in the package
// (StrArray and its per-format element methods, StrIO.readStruct/writeStruct,
// the struct functions, dumps).
//
// Sizes are wasm32 C sizes (l/L/n/N/P 4 bytes). Native order is
// little-endian (wasm is), so '@', '=' and no prefix read like '<' on every
// platform; '@' and no prefix also align each value as wasm32 C does (no
// trailing padding), exactly as `struct` does natively.
import { describe, fieldPath, nameList, quoteCut, quoteName } from '../core/errors.js';
import { CODES, bytesCodec, valueCodec } from './codecs.js';

const PREFIXES = '@=<>!';
const NATIVE_ONLY = 'nNP';
/** The most values one record may have (each is an object while the format is in use). */
const MAX_VALUES = 1 << 20;
/** The largest record: a StrArray item must fit one chunk (and a typed array). */
const MAX_SIZE = 2 ** 31 - 1;

const layouts = new Map();

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

/** A format in a message: quoted, and cut when long, so that the message stays one readable line. */
export function quote(format) {
  const q = quoteCut(format, 60);
  return q.endsWith('..."') ? `${q} (${format.length} characters)` : q;
}

/** Python's whitespace between items (ASCII only: struct refuses U+00A0 and the like). */
const SPACE = /^[ \t\n\v\f\r]$/;

/** Items of a format: [{code, count, offset}] with native alignment applied, and the total size. */
function parse(format, fn) {
  const bad = (why) => new TypeError(`${fn}(): format ${quote(format)}: ${why}`);
  let at = 0;
  const prefix = PREFIXES.includes(format[0]) ? format[at++] : '';
  const native = prefix === '' || prefix === '@';
  const little = !(prefix === '>' || prefix === '!');
  const items = [];
  let size = 0;
  while (at < format.length) {
    const ch = format[at];
    if (SPACE.test(ch)) {
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
      const shown = digits.length > 20 ? `of ${digits.length} digits` : digits;
      if (at >= format.length || SPACE.test(format[at]))
        throw bad(`the repeat count ${shown} at position ${at - digits.length} has no code after it`);
      if (!Number.isSafeInteger(count) || count > MAX_SIZE) throw bad(`the repeat count ${shown} is too large`);
    }
    const code = format[at++];
    const known = CODES[code] !== undefined || code === 's' || code === 'p' || code === 'x';
    if (!known) {
      const where = PREFIXES.includes(code) ? ` (a byte order goes first, only once)` : '';
      throw bad(
        `${JSON.stringify(code)} at position ${at - 1} is not a struct code${where} (one of x c b B ? h H i I l L q Q n N P e f d s p)`,
      );
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
 * `acc`, the value codec of its one value.
 */
export class Layout {
  #items;
  #fields = null;
  #reader = null;

  constructor(format, { prefix, little, items, size }) {
    this.format = format;
    /** The format as messages show it (quoted, cut when long). */
    this.quoted = quote(format);
    /** The byte-order character as given ('' when none): a column's format keeps it. */
    this.prefix = prefix;
    this.size = size;
    this.little = little;
    this.#items = items;
    const only = items.length === 1 ? items[0] : null;
    this.scalar = only !== null && only.count === 1 && CODES[only.code] !== undefined;
    /** The value codec of a scalar format (null for a record format). */
    this.acc = this.scalar ? valueCodec(only.code, little) : null;
    const valueBytes = items.reduce(
      (n, { code, count }) => n + (code === 'x' ? 0 : code === 's' || code === 'p' ? count : count * CODES[code][0]),
      0,
    );
    this.hasPad = valueBytes !== size;
  }

  /**
   * One entry per value, made on first use (calcsize of '2147483647x' or
   * '500000000i' needs none): a format of more than MAX_VALUES values is a
   * TypeError here, not an out-of-memory crash.
   */
  get fields() {
    if (this.#fields !== null) return this.#fields;
    const count = this.#items.reduce((n, it) => n + (it.code === 'x' ? 0 : it.code === 's' || it.code === 'p' ? 1 : it.count), 0);
    if (count > MAX_VALUES)
      throw new TypeError(`format ${this.quoted} has ${count} values; at most ${MAX_VALUES} are supported in one record`);
    const fields = [];
    for (const { code, count: n, offset } of this.#items) {
      if (code === 'x') continue;
      if (code === 's' || code === 'p') {
        fields.push({ code, offset, size: n, acc: bytesCodec(code, n) });
        continue;
      }
      const acc = valueCodec(code, this.little);
      for (let k = 0; k < n; k++) fields.push({ code, offset: offset + k * acc.size, size: acc.size, acc });
    }
    this.#fields = fields;
    return fields;
  }

  /** `readValues(dv, off)`: the values of one record at `off`, in order. */
  get readValues() {
    this.#reader ??= recordReader(this.fields);
    return this.#reader;
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
        if (!(name === '__proto__' ? Object.hasOwn(record, name) : name in record))
          throw new TypeError(`${fn}(): ${arg} has no field ${quoteName(name)} (format ${this.quoted})`);
        return record[name];
      });
    } else if (!Array.isArray(record)) {
      const want =
        names == null
          ? `an array of ${fields.length} values`
          : `an array of ${fields.length} values or an object with fields ${nameList(names)}`;
      throw new TypeError(`${fn}(): ${arg} must be ${want} for format ${this.quoted}, got ${describe(record)}`);
    }
    if (values.length !== fields.length) {
      throw new TypeError(`${fn}(): ${arg} has ${values.length} values; format ${this.quoted} has ${fields.length}`);
    }
    return fields.map((f, k) => f.acc.check(values[k], fn, names == null ? `${arg}[${k}]` : fieldPath(arg, names[k])));
  }

  /** Writes checked values (and zero pad bytes) at `off`. */
  writeValues(dv, off, stored) {
    if (this.hasPad) for (let k = 0; k < this.size; k++) dv.setUint8(off + k, 0);
    const fields = this.fields;
    for (let k = 0; k < fields.length; k++) fields[k].acc.write(dv, off + fields[k].offset, stored[k]);
  }
}

/**
 * The reader of a record's values: for up to six values a closure with each
 * value codec and offset captured and the array written as a literal, which the
 * engine builds and inlines several times faster than a loop over the fields
 * (the iterUnpack and record-get bench rows); more values take the loop.
 */
function recordReader(fields) {
  const r = fields.map((x) => x.acc.read);
  const o = fields.map((x) => x.offset);
  const [r0, r1, r2, r3, r4, r5] = r;
  const [o0, o1, o2, o3, o4, o5] = o;
  switch (fields.length) {
    case 0:
      return () => [];
    case 1:
      return (dv, off) => [r0(dv, off + o0)];
    case 2:
      return (dv, off) => [r0(dv, off + o0), r1(dv, off + o1)];
    case 3:
      return (dv, off) => [r0(dv, off + o0), r1(dv, off + o1), r2(dv, off + o2)];
    case 4:
      return (dv, off) => [r0(dv, off + o0), r1(dv, off + o1), r2(dv, off + o2), r3(dv, off + o3)];
    case 5:
      return (dv, off) => [r0(dv, off + o0), r1(dv, off + o1), r2(dv, off + o2), r3(dv, off + o3), r4(dv, off + o4)];
    case 6:
      return (dv, off) => [r0(dv, off + o0), r1(dv, off + o1), r2(dv, off + o2), r3(dv, off + o3), r4(dv, off + o4), r5(dv, off + o5)];
    default:
      return (dv, off) => {
        const out = new Array(r.length);
        for (let k = 0; k < r.length; k++) out[k] = r[k](dv, off + o[k]);
        return out;
      };
  }
}
