// How the package's objects look to Node's console and to JSON, and how they
// turn into plain bytes for APIs that know nothing of them.
//
// The classes add thin methods that call these functions: `[inspectCustom]`
// for console.log/util.inspect (Node looks the method up by this registered
// symbol, so the browser build needs no Node import), `toJSON`, and
// `valueOf`, which Node's Buffer.from() consults before treating an object as
// an array-like (a Chunk has `length` but no indexed properties, so without it
// Buffer.from(chunk) would copy `length` undefineds: zeros). Everything here
// reads through the public surface and the `bytes` protocol only, so it does
// not depend on how a class stores its bytes.
import { bytes } from './bytes.js';

/** The symbol util.inspect looks up; registered, so no import of node:util is needed. */
export const inspectCustom = Symbol.for('nodejs.util.inspect.custom');

/** As Buffer's default INSPECT_MAX_BYTES: bytes shown before "... n more bytes". */
export const INSPECT_MAX_BYTES = 50;
/** As util.inspect's default maxArrayLength: values shown before "... n more items". */
const MAX_VALUES = 100;

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/**
 * [5, "<68 65 6c 6c 6f>"], or [53, "<68 ... 3 more bytes>"]: the length and
 * first bytes of `obj` (a bytes-like of ours, or a view), both from one view
 * of its bytes, used at once (a base's [bytes]() may answer differently each call).
 */
function hexPreview(obj) {
  const view = obj instanceof Uint8Array ? obj : obj[bytes]('read');
  const n = view.length;
  const shown = Math.min(n, INSPECT_MAX_BYTES);
  let s = '';
  for (let i = 0; i < shown; i++) s += (i ? ' ' : '') + HEX[view[i]];
  if (n > shown) s += ` ... ${n - shown} more byte${n - shown === 1 ? '' : 's'}`;
  return [n, `<${s}>`];
}

/** The class name a user sees: the constructor's (ChunkArray, ChunkIO, a subclass), else the tag. */
function nameOf(obj) {
  return obj?.constructor?.name || Object.prototype.toString.call(obj).slice(8, -1);
}

/** The text of an error met while describing an object (a freed chunk, a detached buffer). */
function errorText(e) {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

/**
 * util.inspect text for a Chunk: `Chunk(5) <68 65 6c 6c 6f>`, like Buffer's
 * `<Buffer 68 65 6c 6c 6f>` with the length, which a long chunk's text cuts.
 */
export function inspectChunk(chunk, depth, options) {
  const name = nameOf(chunk);
  if (depth < 0) return options.stylize(`[${name}]`, 'special');
  if (chunk.freed) return `${name} <freed>`;
  const [n, hex] = hexPreview(chunk);
  return `${name}(${n}) ${hex}`;
}

/** `MemSlice(3) [1, 4) of Chunk <65 6c 6c>`: the window, its base and its bytes now. */
export function inspectSlice(slice, depth, options) {
  const name = nameOf(slice);
  if (depth < 0) return options.stylize(`[${name}]`, 'special');
  const where = `[${slice.start}, ${slice.stop}) of ${nameOf(slice.base)}`;
  try {
    const [n, hex] = hexPreview(slice);
    return `${name}(${n}) ${where} ${hex}`;
  } catch (e) {
    // A freed chunk or a detached buffer under the window: say so, do not throw from console.log.
    return `${name} ${where} <${errorText(e)}>`;
  }
}

/** `StrArray('>H')(2) [ 258, 772 ]`: the format, the length and the first values. */
export function inspectArray(arr, depth, options = {}, inspect = undefined) {
  const name = nameOf(arr);
  if (depth < 0) return options.stylize(`[${name}]`, 'special');
  const head = `${name}('${arr.format}')`;
  let n;
  try {
    n = arr.length;
  } catch (e) {
    return `${head} <${errorText(e)}>`;
  }
  const limit = Math.min(n, options.maxArrayLength ?? MAX_VALUES);
  const values = [];
  // Past the limit inspect reads only the length (for "... n more items") and
  // the type of the one next value (to align numbers): the rest stay holes.
  // A value the array's options cannot give (int64, strings) shows the error, as a freed buffer does.
  try {
    for (let i = 0; i < Math.min(n, limit + 1); i++) values.push(arr.get(i));
  } catch (e) {
    return `${head}(${n}) <${errorText(e)}>`;
  }
  values.length = n;
  // util.inspect passes itself; a direct call without it gets a plain list.
  const inner =
    typeof inspect === 'function'
      ? inspect(values, { ...options, depth: options.depth == null ? options.depth : options.depth - 1 })
      : `[ ${values.slice(0, limit).map(String).join(', ')}${n > limit ? `, ... ${n - limit} more` : ''} ]`;
  return `${head}(${n}) ${inner}`;
}

/**
 * `Pattern <4d 5a ?? 5?>`: the hex text the pattern matches (`text(n)`: the
 * first n of its `length` bytes), cut as a Chunk's bytes are.
 */
export function inspectPattern(pattern, depth, options, length, text) {
  const name = nameOf(pattern);
  if (depth < 0) return options.stylize(`[${name}]`, 'special');
  const shown = Math.min(length, INSPECT_MAX_BYTES);
  const more = length - shown;
  return `${name} <${text(shown)}${more > 0 ? ` ... ${more} more byte${more === 1 ? '' : 's'}` : ''}>`;
}

/**
 * `ChunkIO(10) position 3 <61 62 63 ...>`: the size, the position, whether it
 * is read-only, and the first bytes (as a Chunk shows them), or `<closed>`.
 * `view()` is the file's data now (the file's own, not an overridable method).
 */
export function inspectFile(file, depth, options, view) {
  const name = nameOf(file);
  if (depth < 0) return options.stylize(`[${name}]`, 'special');
  if (file.closed) return `${name} <closed>`;
  try {
    const access = file.writable() ? '' : ', read-only';
    const position = file.tell();
    const [n, hex] = hexPreview(view());
    return `${name}(${n}) position ${position}${access} ${hex}`;
  } catch (e) {
    // A freed chunk or a detached buffer under the file: say so, do not throw from console.log.
    return `${name} <${errorText(e)}>`;
  }
}

/** A value as JSON can hold it: a BigInt as its decimal text, bytes as an array of numbers. */
function jsonValue(v) {
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Uint8Array) return Array.from(v);
  if (Array.isArray(v)) return v.map(jsonValue);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, jsonValue(x)]));
  return v;
}

/** `{type: 'Chunk', data: [104, 101, ...]}`, the shape of Buffer's toJSON (`Chunk.from(json.data)` reads it back). */
export function bytesJSON(obj) {
  return { type: nameOf(obj), data: Array.from(obj[bytes]('read')) };
}

/** `{type: 'StrArray', format: '>H', data: [258, 772]}`: the values (BigInts as decimal strings). */
export function arrayJSON(arr) {
  arr[bytes]('read'); // a freed buffer fails here, in the protocol's name rather than toArray's
  return { type: nameOf(arr), format: arr.format, data: jsonValue(arr.toArray()) };
}
