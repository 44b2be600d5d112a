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
import { ARRAY, MAX_VALUES as READER_VALUES, OBJECT, SLOTS } from './readers.js';

const PREFIXES = '@=<>!';
const NATIVE_ONLY = 'nNP';
/** The most values one record may have: a record is read as an array of them. */
const MAX_VALUES = 1 << 20;
/** The largest record: a StrArray item must fit one chunk (and a typed array). */
const MAX_SIZE = 2 ** 31 - 1;

// The cache of compiled formats. Formats built at run time (or read by
// loads) must not grow it forever, so it is bounded twice: by entries and by
// an estimate of the bytes its Layouts hold (Layout#bytes: a Layout holds its
// runs, never a per-value list, so the estimate grows with the format's text,
// not with its repeat counts). When either bound is passed the oldest entries
// go first; a Layout larger than the whole budget is used and not kept.
const CACHE_ENTRIES = 1024;
const CACHE_BYTES = 4 << 20;
const layouts = new Map(); // format -> Layout, oldest first
let cachedBytes = 0;

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
  if (layout.bytes > CACHE_BYTES) return layout;
  for (const [old, held] of layouts) {
    if (layouts.size < CACHE_ENTRIES && cachedBytes + layout.bytes <= CACHE_BYTES) break;
    layouts.delete(old);
    cachedBytes -= held.bytes;
  }
  layouts.set(format, layout);
  cachedBytes += layout.bytes;
  return layout;
}

/** What the format cache holds now (tests): entries and the estimate of their bytes. */
export function cacheStats() {
  return { entries: layouts.size, bytes: cachedBytes };
}

/** A format in a message: quoted, and cut when long, so that the message stays one readable line. */
export function quote(format) {
  const q = quoteCut(format, 60);
  return q.endsWith('..."') ? `${q} (${format.length} characters)` : q;
}

/** Python's whitespace between items (ASCII only: struct refuses U+00A0 and the like). */
const SPACE = /^[ \t\n\v\f\r]$/;
const DIGITS = /\d+/y;

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
      DIGITS.lastIndex = at; // sticky, from `at`: no copy of the rest of the format per count
      const digits = DIGITS.exec(format)[0];
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
 * A parsed format. Its values are kept as runs, one per item that has values
 * ({code, count, offset, step, acc}: `count` values of `acc`, the first at
 * `offset`, each `step` bytes after the one before; an `Ns`/`Np` item is one
 * value of N bytes), so that what a Layout holds and what making it costs
 * follow the format's text, never its repeat counts: '1048576B' is one run.
 * Reading, checking and writing walk the runs; a per-value list is made only
 * when asked for (`fields`) and never kept. A scalar format (one code, no
 * count but 1, no pad) also has `acc`, the value codec of its one value.
 */
export class Layout {
  #runs;
  #reader = null;
  #slot = -1; // the copy of the reader shapes this Layout's readers take (readers.js), given on first use
  #objects = new Map(); // names as JSON -> objectReader's reader

  constructor(format, { prefix, little, items, size }) {
    this.format = format;
    /** The format as messages show it (quoted, cut when long). */
    this.quoted = quote(format);
    /** The byte-order character as given ('' when none): a column's format keeps it. */
    this.prefix = prefix;
    this.size = size;
    this.little = little;
    const runs = [];
    let valueBytes = 0;
    for (const { code, count, offset } of items) {
      if (code === 'x') continue;
      const bytes = code === 's' || code === 'p';
      const acc = bytes ? bytesCodec(code, count) : valueCodec(code, little);
      if (bytes) runs.push({ code, count: 1, offset, step: count, acc });
      else if (count > 0) runs.push({ code, count, offset, step: acc.size, acc });
      valueBytes += bytes ? count : count * acc.size;
    }
    this.#runs = runs;
    /** How many values a record has (the sum of the runs' counts, never expanded). */
    this.valueCount = runs.reduce((n, r) => n + r.count, 0);
    this.hasPad = valueBytes !== size;
    const only = items.length === 1 ? items[0] : null;
    this.scalar = only !== null && only.count === 1 && CODES[only.code] !== undefined;
    /** The value codec of a scalar format (null for a record format). */
    this.acc = this.scalar ? runs[0].acc : null;
    /**
     * An estimate of the bytes this Layout holds, for the cache's bound: the
     * object and its reader's closure, the text twice (the format and its
     * quoted form), a run object per run and an `Ns`/`Np` codec of its own
     * per bytes run (measured with heapUsed: within 1.3x either way).
     */
    this.bytes = 1024 + 2 * format.length + runs.reduce((n, r) => n + (r.acc.kind === 'bytes' ? 560 : 96), 0);
  }

  /** A format of more values than MAX_VALUES is a TypeError wherever its values are used. */
  #checkCount() {
    if (this.valueCount > MAX_VALUES)
      throw new TypeError(`format ${this.quoted} has ${this.valueCount} values; at most ${MAX_VALUES} are supported in one record`);
  }

  /**
   * One entry per value ({code, offset, size, acc}), made anew on each use
   * and not kept (calcsize of '2147483647x' or '500000000i' needs none; the
   * value paths walk the runs): for StrArray's `fields`.
   */
  get fields() {
    this.#checkCount();
    const fields = [];
    for (const { code, count, offset, step, acc } of this.#runs)
      for (let k = 0; k < count; k++) fields.push({ code, offset: offset + k * step, size: step, acc });
    return fields;
  }

  /** Value `k` ({code, offset, size, acc}), found in the runs (0 <= k < valueCount). */
  field(k) {
    let at = k;
    for (const { code, count, offset, step, acc } of this.#runs) {
      if (at < count) return { code, offset: offset + at * step, size: step, acc };
      at -= count;
    }
    throw new RangeError(`format ${this.quoted} has no value ${k}`);
  }

  /** Which copy of the generated readers (struct/readers.js) and record get (array/record-get.js) this format's take. */
  get slot() {
    if (this.#slot < 0) this.#slot = nextSlot++ % SLOTS;
    return this.#slot;
  }

  /** `readValues(dv, off)`: the values of one record at `off`, in order. */
  get readValues() {
    if (this.#reader === null) {
      this.#checkCount();
      this.#reader = recordReader(this.#runs, this.valueCount, this.slot);
    }
    return this.#reader;
  }

  /**
   * `read(dv, off)`: one record as an object with `names` (one per value, as
   * checked by the caller), its values read as `readValues` reads them; null
   * for records of more than READER_VALUES values. Kept per names (a few),
   * so that the arrays of one format and names share one reader.
   */
  objectReader(names) {
    if (this.valueCount > READER_VALUES) return null;
    const key = JSON.stringify(names);
    let read = this.#objects.get(key);
    if (read === undefined) {
      if (this.#objects.size >= 8) this.#objects.clear(); // names made at run time must not grow a Layout forever
      const [r, o] = valueReads(this.#runs);
      read = OBJECT[this.slot][this.valueCount](r, o, names);
      this.#objects.set(key, read);
    }
    return read;
  }

  /**
   * Checks a record given as an array of values, or an object with every
   * name when `names` is given; returns the stored forms. A wrong shape is a
   * TypeError, a bad value as for scalars. Nothing is written here. The count
   * is compared before any value is looked at: a format of a million values
   * given none fails at once. `latin1`: s/p strings are stored as Latin-1
   * (options.strings 'latin1', so that what a read gave writes back the same).
   */
  checkValues(record, fn, arg, names, latin1 = false) {
    this.#checkCount();
    const n = this.valueCount;
    let values = record;
    if (names != null && record !== null && typeof record === 'object' && !Array.isArray(record) && !ArrayBuffer.isView(record)) {
      values = names.map((name) => {
        if (!(name === '__proto__' ? Object.hasOwn(record, name) : name in record))
          throw new TypeError(`${fn}(): ${arg} has no field ${quoteName(name)} (format ${this.quoted})`);
        return record[name];
      });
    } else if (!Array.isArray(record)) {
      const want = names == null ? `an array of ${n} values` : `an array of ${n} values or an object with fields ${nameList(names)}`;
      throw new TypeError(`${fn}(): ${arg} must be ${want} for format ${this.quoted}, got ${describe(record)}`);
    }
    if (values.length !== n) {
      throw new TypeError(`${fn}(): ${arg} has ${values.length} values; format ${this.quoted} has ${n}`);
    }
    const stored = new Array(n);
    let i = 0;
    for (const { count, acc } of this.#runs) {
      for (let k = 0; k < count; k++, i++)
        stored[i] = acc.check(values[i], fn, names == null ? `${arg}[${i}]` : fieldPath(arg, names[i]), latin1);
    }
    return stored;
  }

  /** Writes checked values (and zero pad bytes) at `off`. */
  writeValues(dv, off, stored) {
    if (this.hasPad) new Uint8Array(dv.buffer, dv.byteOffset + off, this.size).fill(0);
    let i = 0;
    for (const { count, offset, step, acc } of this.#runs) {
      for (let k = 0, at = off + offset; k < count; k++, at += step) acc.write(dv, at, stored[i++]);
    }
  }
}

/** The slot (readers.js) the next Layout takes: round robin. */
let nextSlot = 0;

/** Each value's reader and offset in a record, from the runs: [reads, offsets]. */
function valueReads(runs) {
  const r = [];
  const o = [];
  for (const { count: n, offset, step, acc } of runs) {
    for (let k = 0; k < n; k++) {
      r.push(acc.read);
      o.push(offset + k * step);
    }
  }
  return [r, o];
}

/**
 * The reader of a record's values: for up to READER_VALUES values a closure
 * with each value codec and offset captured and the array written as a
 * literal, which the engine builds and inlines several times faster than a
 * loop over the fields; its literal is a copy of its own (readers.js), so
 * the formats a program uses do not share type feedback. More values walk
 * the runs.
 */
function recordReader(runs, count, slot) {
  if (count > READER_VALUES) {
    return (dv, off) => {
      const out = new Array(count);
      let i = 0;
      for (const { count: n, offset, step, acc } of runs) {
        const read = acc.read;
        for (let k = 0, at = off + offset; k < n; k++, at += step) out[i++] = read(dv, at);
      }
      return out;
    };
  }
  const [r, o] = valueReads(runs);
  return ARRAY[slot][count](r, o);
}
