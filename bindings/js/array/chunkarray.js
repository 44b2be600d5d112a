// ChunkArray (SPEC §5): a StrArray over a Chunk of its own, with Python's
// `+` (concat) and `*` (repeat).
import { toInt } from '../core/args.js';
import { READ, toView } from '../core/bytes.js';
import { Chunk } from '../chunk.js';
import { argError } from '../core/errors.js';
import { iterableArg } from './sequence.js';
import { StrArray } from './strarray.js';
import { arrayOver } from '../core/internal.js';
import { extendAs, internalsOf } from './resize.js';

/** The array's names, strings and int64 options. (A function, not a private method: see StrArray's constructor.) */
function optionsOf(arr) {
  return internalsOf(arr, 'ChunkArray').item.options;
}

export class ChunkArray extends StrArray {
  /**
   * A StrArray over a new Chunk, filled from an iterable of values (a typed
   * array counts as values, never as raw bytes; one of the format's own
   * element type is copied in bulk).
   * @param {string} format
   * @param {Iterable<any>} [values]
   * @param {{names?: string[]}} [options]
   */
  constructor(format, values, options) {
    super(format, undefined, options);
    if (values !== undefined) {
      try {
        extendAs(this, values, 'ChunkArray');
      } catch (e) {
        this.free();
        throw e;
      }
    }
  }

  /** A ChunkArray holding a copy of raw bytes. */
  static fromBytes(format, data, options) {
    const src = new Chunk(toView(data, 'ChunkArray.fromBytes', 'data', READ));
    return arrayOver(() => new ChunkArray(format, undefined, options), src);
  }

  /** Python's `+`: a new ChunkArray of this array's items then `other`'s (a StrArray or an iterable of values). */
  concat(other) {
    internalsOf(this, 'ChunkArray.concat').count('ChunkArray.concat'); // a freed array says so first, in this method's name
    if (other instanceof StrArray && other.format === this.format) {
      return arrayOver(() => new ChunkArray(this.format, undefined, optionsOf(this)), new Chunk(this, other));
    }
    const out = ChunkArray.fromBytes(this.format, this, optionsOf(this));
    try {
      out.extend(iterableArg(other, 'ChunkArray.concat', 'other'));
    } catch (e) {
      out.free();
      throw e;
    }
    return out;
  }

  /** Python's `*`: a new ChunkArray of the items repeated n times. */
  repeat(n) {
    const count = toInt(n, 'ChunkArray.repeat', 'n');
    if (count < 0) throw argError(RangeError, 'ChunkArray.repeat', 'n', `must be >= 0, got ${count}`);
    internalsOf(this, 'ChunkArray.repeat').count('ChunkArray.repeat');
    const out = ChunkArray.fromBytes(this.format, this, optionsOf(this));
    try {
      out.imul(count);
    } catch (e) {
      out.free();
      throw e;
    }
    return out;
  }

  /** The class `slice` copies into. */
  static get Copy() {
    return ChunkArray;
  }
}
