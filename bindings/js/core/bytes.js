// The bytes-like gate (SPEC §1): every argument that carries bytes passes
// through `toView`/`toRef`, which turns it into a Uint8Array over its current
// bytes or throws a clear error. It knows the package's own classes only
// through the `bytes` protocol and the package's internal symbols (a chunk's
// cell, a slice's region: internal.js), and tells wasm-resident bytes by their buffer being the
// module's memory. A user's [bytes]() that throws passes its value through.
import { toByte } from './args.js';
import { argError, describe } from './errors.js';
import {
  CHUNK_REGION,
  arrayInternals,
  chunkCell,
  isBufferObject,
  isDetached,
  isUint8Array,
  plainView,
  sliceRegion,
  typedBytes,
} from './internal.js';
import { wasmBuffer } from './wasm.js';

/**
 * The bytes protocol: an object with a method under this symbol is a
 * bytes-like. `obj[bytes](access)` returns a Uint8Array of its current bytes;
 * `access` is 'read' or 'write', and an object that cannot be written returns
 * `null` for 'write'. Registered globally so that separate copies of the
 * package recognise each other's objects.
 */
export const bytes = Symbol.for('wasm-mem.bytes');

/** Read-only argument: strings (UTF-8) allowed. */
export const READ = 'read';
/** Search pattern: like READ, plus a single byte value as a number. */
export const PATTERN = 'pattern';
/** Written argument: no strings, no read-only objects. */
export const WRITE = 'write';
/** A base or buffer to wrap: any bytes-like except a string. */
export const BASE = 'base';

const encoder = new TextEncoder();

/**
 * UTF-8 bytes of a string. TextEncoder costs ~0.3 µs even for a few
 * characters, so short ASCII strings (the usual pattern) are copied by hand.
 */
function encode(s) {
  if (s.length <= 64) {
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c > 0x7f) return encoder.encode(s);
      out[i] = c;
    }
    return out;
  }
  return encoder.encode(s);
}

/**
 * Whether `value` is a bytes-like (SPEC §1) or a string, by its type alone
 * (no method of it is called): what the gate would take as bytes.
 */
export function isBytesLike(value) {
  if (typeof value === 'string') return true;
  if (value === null || typeof value !== 'object') return false;
  return ArrayBuffer.isView(value) || isBufferObject(value) || typeof value[bytes] === 'function';
}

/**
 * The current bytes of `value` as a Uint8Array. Views of wasm memory are
 * valid only until the next allocation; callers that allocate use `toRef`.
 * @returns {Uint8Array}
 */
export function toView(value, fn, arg, mode = READ) {
  if (typeof value === 'string') {
    if (mode === READ || mode === PATTERN) return encode(value);
    throw argError(
      TypeError,
      fn,
      arg,
      mode === WRITE ? 'must be a writable bytes-like, got a string' : 'must be a bytes-like (not a string)',
    );
  }
  if (typeof value === 'number' && mode === PATTERN) return Uint8Array.of(toByte(value, fn, arg));
  if (value !== null && typeof value === 'object') {
    if (ArrayBuffer.isView(value)) {
      // Any view but a plain Uint8Array (a Buffer, a subclass, a DataView,
      // another element type): a plain Uint8Array over its bytes.
      const view = plainView(value);
      if (view === null) throw argError(TypeError, fn, arg, 'is a view of a detached ArrayBuffer');
      return view; // empty, too, when left outside its shrunk resizable buffer
    }
    if (isBufferObject(value)) {
      if (isDetached(value)) throw argError(TypeError, fn, arg, 'is a detached ArrayBuffer');
      return new Uint8Array(value);
    }
    if (typeof value[bytes] === 'function') {
      // Whatever a user's method throws passes through untouched.
      const view = value[bytes](mode === WRITE ? 'write' : 'read');
      if (view === null) throw argError(TypeError, fn, arg, 'is read-only');
      if (!isUint8Array(view)) throw argError(TypeError, fn, arg, '[bytes]() must return a Uint8Array');
      const plain = plainView(view);
      if (plain === null) throw argError(TypeError, fn, arg, '[bytes]() returned a view of a detached ArrayBuffer');
      return plain;
    }
  }
  const want =
    mode === WRITE
      ? 'a writable bytes-like'
      : mode === PATTERN
        ? 'a bytes-like, a string or a byte value'
        : mode === READ
          ? 'a bytes-like or a string'
          : 'a bytes-like';
  throw argError(TypeError, fn, arg, `must be ${want}, got ${describe(value)}`);
}

/** The last short string pattern toRef encoded, and its bytes. */
let lastPattern = '';
let lastPatternBytes = new Uint8Array(0);

/**
 * Resolves `value` to a reference that survives allocation: bytes already in
 * wasm memory become a position (`ptr`, `len`, `view === null`); other bytes
 * keep their view (memory growth does not touch them).
 * @returns {{ptr: number, len: number, view: Uint8Array | null}}
 */
export function toRef(value, fn, arg, mode = READ) {
  const wasm = wasmBuffer(); // every function fails alike before the module is ready
  // The usual argument first: a typed array (a Buffer, a Uint8Array) with
  // bytes, outside wasm memory. Its ref is the one the general path below
  // gives it, without the steps that only other values need (a search of a
  // few KB feels each of them); anything else (empty, detached, a DataView,
  // wasm bytes, not a view) takes the general path.
  const fast = typedBytes(value, wasm);
  if (fast !== null) return { ptr: 0, len: fast.length, view: fast };
  if (mode === PATTERN && typeof value === 'string' && value.length <= 64) {
    // A loop that searches for one string encodes it once. Shared safely:
    // a pattern's ref is only read (searched for, copied into wasm memory).
    if (value !== lastPattern) {
      lastPatternBytes = encode(value);
      lastPattern = value;
    }
    return { ptr: 0, len: lastPatternBytes.length, view: lastPatternBytes };
  }
  // A chunk's ref is its live cell, not a copy of ptr and len: another
  // argument's [bytes]() may resize (move) the chunk before the bytes are
  // used, and a copy would then point into freed memory. Callers never
  // modify refs.
  // The package's own objects are known by brand (core/internal.js), never by
  // a property of the value: a Proxy or a look-alike is an ordinary value.
  // None of them is a view, the usual argument: those skip the brand checks.
  const own = value !== null && typeof value === 'object' && !ArrayBuffer.isView(value);
  if (own) {
    const cell = chunkCell(value);
    if (cell !== undefined) {
      if (cell.freed) throw argError(TypeError, fn, arg, 'is a freed Chunk');
      return cell;
    }
    // A window on a chunk stays live the same way (read at use, not now).
    const region = sliceRegion(value);
    if (region !== undefined && region.kind === CHUNK_REGION) {
      if (mode === WRITE && !region.writable) throw argError(TypeError, fn, arg, 'is read-only');
      region.total(fn);
      return new CellRef(region.cell, region.start, region.stop - region.start, false);
    }
  }
  const view = toView(value, fn, arg, mode);
  // Strings and byte values were just encoded: foreign, and their (maybe not yet
  // materialised) buffer need not be read.
  // The buffer is compared after toView: a [bytes]() method may grow memory
  // and return a view of the new buffer, which must still count as wasm
  // bytes (a position), since the next allocation would detach the view.
  if (typeof value !== 'object' || view.buffer !== wasmBuffer()) {
    return { ptr: 0, len: view.length, view };
  }
  // Bytes of a chunk reached through another object of the package (a
  // StrArray, a slice of one): held by the chunk's cell, so that a move is
  // followed and a free seen (live), as for the chunk itself.
  const under = own ? chunkBeneath(value) : undefined;
  if (under !== undefined && !under.freed && view.byteOffset >= under.ptr && view.byteOffset + view.length <= under.ptr + under.len) {
    return new CellRef(under, view.byteOffset - under.ptr, view.length, true);
  }
  // Wasm bytes a user's [bytes]() gave, of no chunk the package can follow: a
  // later argument's [bytes]() could free or reuse them unseen, so a read
  // takes a copy now (a write target is resolved last, when no user code follows).
  if (own && mode !== WRITE) return { ptr: 0, len: view.length, view: view.slice() };
  return { ptr: view.byteOffset, len: view.length, view: null };
}

/** The cell of the chunk beneath a MemSlice or StrArray (through any nesting of them), else undefined. */
function chunkBeneath(value) {
  for (let v = value, depth = 0; depth < 16; depth++) {
    const region = sliceRegion(v) ?? arrayInternals(v)?.region;
    if (region === undefined) return chunkCell(v);
    if (region.kind === CHUNK_REGION) return region.cell;
    v = region.obj;
  }
  return undefined;
}

/**
 * A ref once every argument of a call was resolved: a chunk that another
 * argument's [bytes]() freed meanwhile is a TypeError, never a quiet empty
 * input; so are bytes it cut short (held in a chunk that shrank, or a
 * resizable buffer's view, which tracks its length).
 */
export function live(ref, fn, arg) {
  if (ref.freed === true) throw argError(TypeError, fn, arg, 'is a Chunk that was freed during the call');
  // Bytes held through another object, or a resizable buffer's view (which
  // tracks its length), that another argument's [bytes]() cut short.
  const had = ref.held ? ref.n : ref.len;
  const now = ref.held ? ref.cell.len - ref.at : (ref.view?.length ?? had);
  if (now < had) throw argError(TypeError, fn, arg, `changed size during the call (${had} bytes, now ${now})`);
  return ref;
}
/**
 * The ref of bytes [at, at + n) of a chunk (n may be Infinity: to its end),
 * read from the chunk's cell when used, so a resize (a move) by another
 * argument's [bytes]() before the kernel runs is followed, and a free is
 * seen. `held`: bytes reached through another object (a StrArray), which
 * must all still be there (live).
 */
class CellRef {
  constructor(cell, at, n, held) {
    this.cell = cell;
    this.at = at;
    this.n = n;
    this.held = held;
    this.view = null;
  }

  get ptr() {
    return this.cell.ptr + this.at;
  }

  get len() {
    return Math.max(0, Math.min(this.n, this.cell.len - this.at));
  }

  get freed() {
    return this.cell.freed;
  }
}

/** UTF-8 length of a string as TextEncoder encodes it (lone surrogates become 3 bytes). */
export function utf8Length(s) {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2; // a pair: 2 UTF-16 units, 4 bytes
      i++;
    } else n += 2;
  }
  return n;
}
