// Text encodings for turning bytes into strings, with Node Buffer's names, in
// plain JS so the browser build needs no Buffer. Also the hint given when an
// encoding name arrives where an integer was expected: Buffer's indexOf,
// includes and toString take an encoding where ours take `end`.
import { describe } from './errors.js';

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Characters per piece: String.fromCharCode takes its codes as arguments, whose count is bounded. */
const PIECE = 8192;
const utf8 = new TextDecoder();

/** Builds a string piece by piece from `codeAt(i)` for i in [0, n). */
function fromCodes(n, codeAt) {
  const parts = [];
  const codes = new Array(Math.min(n, PIECE));
  for (let i = 0; i < n; i += PIECE) {
    const m = Math.min(PIECE, n - i);
    codes.length = m;
    for (let k = 0; k < m; k++) codes[k] = codeAt(i + k);
    parts.push(String.fromCharCode.apply(null, codes));
  }
  return parts.join('');
}

function hex(u8) {
  const parts = [];
  for (let i = 0; i < u8.length; i += PIECE) {
    let s = '';
    const end = Math.min(u8.length, i + PIECE);
    for (let k = i; k < end; k++) s += HEX[u8[k]];
    parts.push(s);
  }
  return parts.join('');
}

/** RFC 4648 base64; `url` uses the URL-safe alphabet without padding, as Node's 'base64url'. */
function base64(u8, url) {
  const abc = url ? B64URL : B64;
  const parts = [];
  // A multiple of 3 bytes per piece, so only the last piece is padded.
  for (let i = 0; i < u8.length; i += PIECE * 3) {
    const end = Math.min(u8.length, i + PIECE * 3);
    let s = '';
    let k = i;
    for (; k + 3 <= end; k += 3) {
      const v = (u8[k] << 16) | (u8[k + 1] << 8) | u8[k + 2];
      s += abc[v >> 18] + abc[(v >> 12) & 63] + abc[(v >> 6) & 63] + abc[v & 63];
    }
    if (k < end) {
      const v = (u8[k] << 16) | (k + 1 < end ? u8[k + 1] << 8 : 0);
      s += abc[v >> 18] + abc[(v >> 12) & 63];
      s += k + 1 < end ? abc[(v >> 6) & 63] : url ? '' : '=';
      s += url ? '' : '=';
    }
    parts.push(s);
  }
  return parts.join('');
}

const decoders = {
  utf8: (u8) => utf8.decode(u8),
  hex,
  latin1: (u8) => fromCodes(u8.length, (i) => u8[i]),
  // As Buffer: the high bit of each byte is dropped.
  ascii: (u8) => fromCodes(u8.length, (i) => u8[i] & 0x7f),
  base64: (u8) => base64(u8, false),
  base64url: (u8) => base64(u8, true),
  // As Buffer: a trailing odd byte is ignored.
  utf16le: (u8) => fromCodes(u8.length >>> 1, (i) => u8[2 * i] | (u8[2 * i + 1] << 8)),
};
const aliases = { 'utf-8': 'utf8', binary: 'latin1', 'utf-16le': 'utf16le', ucs2: 'utf16le', 'ucs-2': 'utf16le' };

/** The canonical name of a Buffer encoding (any case), or undefined. */
export function encodingName(value) {
  if (typeof value !== 'string') return undefined;
  const lower = value.toLowerCase();
  const name = aliases[lower] ?? lower;
  return Object.hasOwn(decoders, name) ? name : undefined;
}

/** The names `decode` accepts, for messages. */
export const ENCODINGS = Object.freeze(Object.keys(decoders));

/**
 * `u8` decoded as `encoding` (default 'utf8'; the names of Node's Buffer, any
 * case). An unknown name is a TypeError naming `fn`.
 */
export function decode(u8, encoding, fn) {
  if (encoding === undefined) return utf8.decode(u8);
  const name = encodingName(encoding);
  if (name === undefined) {
    throw new TypeError(`${fn}(): encoding must be one of ${ENCODINGS.map((e) => `'${e}'`).join(', ')}, got ${describe(encoding)}`);
  }
  return decoders[name](u8);
}

/**
 * Added to the message when an encoding name was given where an integer
 * was expected (Buffer's indexOf(value, byteOffset, encoding) habit); '' otherwise.
 */
export function encodingHint(value) {
  if (encodingName(value) === undefined) return '';
  return ` (an encoding name? this argument is a position: strings are searched as their UTF-8 bytes, so encode the pattern first, e.g. Buffer.from(text, ${JSON.stringify(value)}))`;
}
