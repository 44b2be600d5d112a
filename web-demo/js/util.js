// Small pure helpers shared by the demo's modules: number and offset
// formatting, parsing what users type (offsets, hex and text patterns), and
// yielding to the browser during long loops.
import { Chunk } from 'wasm-mem';

import { InputError } from './plain.js';

// Shared with the Worker, which cannot import this module (no import map there).
export { Cancelled, humanSize, InputError } from './plain.js';

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** Two hex digits of a byte (a table: this runs for every visible cell). */
export const hex2 = (b) => HEX[b];

/** An offset in hex, at least `digits` wide. */
export const hexOffset = (n, digits = 8) => n.toString(16).padStart(digits, '0');

/** Digits the offset column needs for a file of `size` bytes (8, more past 4 GiB). */
export const offsetDigits = (size) => Math.max(8, Math.max(0, size - 1).toString(16).length);

/** "1 234 567" — grouped for reading, not for parsing back. */
export const group = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');

/** Both ways users think of an offset: "0x1a2b (6699)". */
export const showOffset = (n) => `0x${n.toString(16)} (${group(n)})`;

/**
 * Parses an offset or length typed by a user: decimal, 0x hex, or a hex
 * number with an h suffix; `relativeTo` (the file size) makes a leading
 * minus count from the end, as the package's positions do.
 * @returns {number | undefined} undefined for an empty field (the caller's default)
 */
export function parseOffset(text, what, { relativeTo } = {}) {
  const t = String(text).trim().replace(/[_\s]/g, '');
  if (t === '') return undefined;
  const m = /^(-)?(?:0x([0-9a-f]+)|([0-9a-f]+)h|(\d+))$/i.exec(t);
  if (!m) throw new InputError(`${what}: "${text}" is not a number (decimal, or hex as 0x1f)`);
  const v = (m[2] ?? m[3]) ? parseInt(m[2] ?? m[3], 16) : Number(m[4]);
  if (!Number.isSafeInteger(v)) throw new InputError(`${what}: ${text} is too large`);
  if (!m[1]) return v;
  if (relativeTo === undefined) throw new InputError(`${what}: must not be negative, got ${text}`);
  return Math.max(0, relativeTo - v);
}

const encoder = new TextEncoder();

/**
 * The bytes of a search or insert pattern: text as UTF-8, or hex digits
 * (spaces allowed) read by the package's own Chunk.fromHex, whose RangeError
 * says what is wrong with them.
 * @param {string} text
 * @param {'text' | 'hex'} mode
 * @returns {Uint8Array}
 */
export function parsePattern(text, mode, what = 'Pattern') {
  if (mode === 'text') return encoder.encode(text);
  const t = text.replace(/^0x/i, '');
  let chunk;
  try {
    chunk = Chunk.fromHex(t);
  } catch (e) {
    const odd = t.replace(/\s+/g, '').length % 2 === 1;
    const why = /[^0-9a-f\s]/i.test(t)
      ? `"${t.match(/[^0-9a-f\s]/i)[0]}" is not a hex digit`
      : odd
        ? 'an odd number of hex digits (each byte needs two)'
        : e.message;
    throw new InputError(`${what}: bad hex: ${why}`);
  }
  try {
    return chunk.toUint8Array();
  } finally {
    chunk.free();
  }
}

/** Hex digits of some bytes, spaced: "de ad be ef". */
export const toHexText = (u8) => Array.from(u8, hex2).join(' ');

/**
 * Lets the browser paint and handle input: a loop that has run for a frame's
 * worth of time calls this between windows. setTimeout(0), not a microtask,
 * so rendering and events really get their turn.
 */
export const yieldToBrowser = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Downloads `blob` as a file named `name` (the Blob is freed once the download has its own copy). */
export function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A document.createElement with properties and children, for small static bits of UI. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k in node) node[k] = v;
    else node.setAttribute(k, v);
  }
  node.append(...children);
  return node;
}

/**
 * The 2D context of `canvas` sized to its box at the device's pixel ratio
 * and cleared, drawing in CSS pixels, with the box's width and height; null
 * while the box has no size (a hidden tab).
 */
export function canvasContext(canvas) {
  const W = canvas.clientWidth;
  const H = canvas.clientHeight;
  if (W === 0 || H === 0) return null;
  const dpr = window.devicePixelRatio || 1;
  if (canvas.width !== Math.round(W * dpr) || canvas.height !== Math.round(H * dpr)) {
    canvas.width = Math.round(W * dpr);
    canvas.height = Math.round(H * dpr);
  }
  const g = canvas.getContext('2d');
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  g.clearRect(0, 0, W, H);
  return { g, W, H };
}
