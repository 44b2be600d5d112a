// Masked patterns (SPEC §10): `Pattern` (bytes and a mask) and `hexPattern`
// (hex text with `??` and nibble wildcards). A Pattern is an immutable
// snapshot: its bytes and mask are copied when it is made, so a caller's
// later writes (or a [bytes]() that changes its answer) cannot change what
// a search looks for halfway. It is deliberately not a bytes-like: passed
// where only bytes make sense it is rejected, never searched as its bytes
// with the wildcards silently dropped.
import { READ, toView } from '../core/bytes.js';
import { argError } from '../core/errors.js';
import { inspectCustom, inspectPattern } from '../core/inspect.js';
import { registerPatternSearch } from './functions.js';
import { maskedKernel } from './kernel.js';

/** Package-internal: the parts of a Pattern, or null for any other value. */
export let patternParts;

/** The parts of `pattern` when it is a Pattern with some mask bit clear; else null. */
export function maskedParts(pattern) {
  const parts = patternParts(pattern);
  return parts !== null && !parts.full ? parts : null;
}

/** A Pattern whose mask is all ones is exactly its bytes; any other value passes through. */
export function plainPattern(pattern) {
  const parts = patternParts(pattern);
  return parts === null ? pattern : parts.bytes;
}

export class Pattern {
  #bytes;
  #mask;
  #full;

  /**
   * A pattern that matches at `i` when `(data[i + k] & mask[k]) === (bytes[k] & mask[k])`
   * for every `k` (a mask bit 1: that bit must match).
   * @param {BytesLike | string} bytes
   * @param {BytesLike | string} mask the same length as `bytes`
   */
  constructor(bytes, mask) {
    // Copies, made by the Uint8Array constructor (which calls no method of
    // the caller's object, as a subclass's slice could be), then masked: bits
    // the mask ignores are stored as 0, so two patterns that match the same
    // bytes look the same. Lengths are compared on the copies.
    const b = new Uint8Array(toView(bytes, 'Pattern', 'bytes', READ));
    const m = new Uint8Array(toView(mask, 'Pattern', 'mask', READ));
    if (b.length !== m.length) {
      throw argError(RangeError, 'Pattern', 'mask', `must have the length of bytes (${b.length}), got ${m.length}`);
    }
    this.#mask = m;
    this.#bytes = b;
    let full = true;
    for (let k = 0; k < this.#bytes.length; k++) {
      this.#bytes[k] &= this.#mask[k];
      if (this.#mask[k] !== 0xff) full = false;
    }
    this.#full = full;
  }

  static {
    patternParts = (p) => (p !== null && typeof p === 'object' && #bytes in p ? { bytes: p.#bytes, mask: p.#mask, full: p.#full } : null);
    // How find/rfind/index/rindex/findAll and the classes' indexOf search with
    // a Pattern: functions.js does not import this module (or the masked search).
    registerPatternSearch((p) => {
      const parts = patternParts(p);
      if (parts === null) return undefined;
      return parts.full ? { bytes: parts.bytes } : { kernel: maskedKernel(parts), parts };
    });
  }

  /** The pattern's length in bytes. */
  get length() {
    return this.#bytes.length;
  }

  /** A copy of the pattern's bytes (bits outside the mask are 0). */
  get bytes() {
    return this.#bytes.slice();
  }

  /** A copy of the mask. */
  get mask() {
    return this.#mask.slice();
  }

  /** The pattern as `hexPattern` text: `'4d 5a ?? 5?'`. */
  toString() {
    return this.#text(this.#bytes.length);
  }

  /** The text of the first `n` bytes, as toString gives it. */
  #text(n) {
    const out = [];
    for (let k = 0; k < n; k++) out.push(byteText(this.#bytes[k], this.#mask[k]));
    return out.join(' ');
  }

  /** What console.log shows: `Pattern <4d 5a ??>`, the text it matches (50 bytes, then a count). */
  [inspectCustom](depth, options) {
    return inspectPattern(this, depth, options, this.#bytes.length, (n) => this.#text(n));
  }
}

const HEX = '0123456789abcdef';

/** One byte of a pattern as hex text: `4d`, `??`, `5?`, `?e`. */
function byteText(b, m) {
  // A mask that is neither a whole nibble nor none has no hex text: show its bits.
  if ((m >> 4 !== 0 && m >> 4 !== 15) || ((m & 15) !== 0 && (m & 15) !== 15)) {
    return `[${b.toString(2).padStart(8, '0')}/${m.toString(2).padStart(8, '0')}]`;
  }
  return ((m & 0xf0) === 0xf0 ? HEX[b >> 4] : '?') + ((m & 0x0f) === 0x0f ? HEX[b & 15] : '?');
}

// The whitespace of the CLI's `--hex` (wasi/cli.c), so that one text means
// the same to both: SPEC §10 says "whitespace" and the CLI reads these four.
const isSpace = (c) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
// The separators of xxd, Wireshark and MAC-style dumps: one between two bytes.
const isSeparator = (c) => c === ':' || c === '-';

function nibble(c) {
  const d = c.charCodeAt(0);
  if (d >= 48 && d <= 57) return d - 48;
  if (d >= 97 && d <= 102) return d - 87;
  if (d >= 65 && d <= 70) return d - 55;
  return -1;
}

/**
 * Parses hex text into bytes and a mask, both plain arrays (SPEC §10): pairs
 * of hex digits, `??` any byte, `4?` / `?d` one nibble fixed; whitespace, and
 * one `:` or `-` with whitespace around it, between bytes ignored, never
 * inside one. RangeError naming `fn` and the 0-based position of the first
 * thing that is not that (a separator not between two bytes: its own
 * position; an empty text: position 0).
 */
export function parseHex(text, fn = 'hexPattern') {
  if (typeof text !== 'string') throw argError(TypeError, fn, 'text', `must be a string, got ${typeof text}`);
  const bytes = [];
  const mask = [];
  const misplaced = (at, why) =>
    argError(RangeError, fn, 'text', `has ${JSON.stringify(text[at])} at position ${at}, ${why} (one : or - goes between two bytes)`);
  let i = 0;
  for (;;) {
    let separator = -1; // the position of the separator since the last byte
    for (; i < text.length; i++) {
      const c = text[i];
      if (isSpace(c)) continue;
      if (!isSeparator(c)) break;
      if (bytes.length === 0) throw misplaced(i, 'before the first byte');
      if (separator >= 0) throw misplaced(i, 'a second separator');
      separator = i;
    }
    if (i === text.length) {
      if (separator >= 0) throw misplaced(separator, 'after the last byte');
      break;
    }
    let b = 0;
    let m = 0;
    for (let half = 0; half < 2; half++, i++) {
      const c = text[i];
      if (c === undefined || isSpace(c) || isSeparator(c)) {
        throw argError(RangeError, fn, 'text', `has half a byte at position ${i} (two hex digits or ?? per byte)`);
      }
      const shift = half === 0 ? 4 : 0;
      if (c === '?') continue;
      const v = nibble(c);
      if (v < 0) throw argError(RangeError, fn, 'text', `has ${JSON.stringify(c)} at position ${i}, not a hex digit or ?`);
      b |= v << shift;
      m |= 0xf << shift;
    }
    bytes.push(b);
    mask.push(m);
  }
  if (bytes.length === 0) throw argError(RangeError, fn, 'text', 'is empty (position 0): want hex digits or ??');
  return { bytes, mask };
}

/**
 * A masked pattern from hex text: `hexPattern('4d 5a ?? ?? 5? 45')`.
 * @param {string} text
 * @returns {Pattern}
 */
export function hexPattern(text) {
  const { bytes, mask } = parseHex(text);
  return new Pattern(Uint8Array.from(bytes), Uint8Array.from(mask));
}
