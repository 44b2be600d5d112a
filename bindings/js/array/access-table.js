// Made by scripts/make_access.py (edit that, not this): the per-format element
// methods of StrArray, one function literal per code, byte order and storage
// kind, so each is monomorphic with its DataView call inlined (access.js says
// why). Each tries the common case and leaves the rest to the generic methods.
//
// What they read of an array are private fields that its constructor stamps
// on it (stampFast): only these methods can read them, so a Proxy of an array
// or any other object as `this` is refused by the engine with a TypeError,
// never believed, and no user code can change them.
import { CHUNK_REGION, FOREIGN_REGION, chunkExtend, getSlow, pushSlow, setSlow } from '../core/internal.js';
import { heap16, heap32, heap64, heap8, heapDV, heapF32, heapF64, heapU16, heapU32, heapU64, heapU8 } from '../core/wasm.js';
import { f32, f64, i16, i32, i64, i8, u16, u32, u64, u8 } from './fits.js';

/** Arrays over a whole Chunk: the bytes are in wasm memory at cell.ptr, read through the current heap view. */
export let ON_CHUNK;
/** Arrays over a whole foreign ArrayBuffer or Uint8Array: its DataView; u8.byteLength is 0 once detached. */
export let ON_FOREIGN;
/** Records, e c ?, and windows (a MemSlice buffer): the region says where the item is, the item codec reads it. */
export let ON_ITEM;

// Stand-ins no index passes: len -0.5 fails both `i * k + k <= len` and `len % k === 0`.
const NO_CELL = Object.freeze({ ptr: 0, len: -0.5 });
const NO_FOREIGN = Object.freeze({ u8: Object.freeze({ byteLength: -1 }) });
const NO_ITEM = Object.freeze({ at: () => -1 });

/** Returns its argument: a class extending it adds its private fields to an object that exists. */
class Stamp {
  constructor(target) {
    // biome-ignore lint/correctness/noConstructorReturn: returning the target is the point (private fields on an object that exists)
    return target;
  }
}

class FastPaths extends Stamp {
  // Each table reads only its own field, stamped with the real state only for an
  // array that table serves (whole, plain, of its storage kind); any other array
  // (a window, an offset, stride or length, converted values) gets a stand-in
  // that no index passes, so a method called on it with `call` takes the generic path.
  #cell; // ON_CHUNK: the whole chunk's storage cell (read-only here), else NO_CELL
  #chunk; // ON_CHUNK: the whole chunk, whose own append push uses, else null
  #foreign; // ON_FOREIGN: the whole foreign buffer's Region, else NO_FOREIGN
  #itemRegion; // ON_ITEM: the Region of a plain array, else NO_ITEM
  #item; // the item codec (struct/records.js)

  constructor(arr, region, item, fast) {
    super(arr);
    const whole = fast && region.whole;
    this.#cell = whole && region.kind === CHUNK_REGION ? region.cell : NO_CELL;
    this.#chunk = whole && region.kind === CHUNK_REGION ? region.obj : null;
    this.#foreign = whole && region.kind === FOREIGN_REGION ? region : NO_FOREIGN;
    this.#itemRegion = fast ? region : NO_ITEM;
    this.#item = item;
  }

  static {
    ON_CHUNK = {
      'b': {
        get(i) { const c = this.#cell; if (typeof i === 'number' && i >>> 0 === i && i * 1 + 1 <= c.len) return heap8[c.ptr + i]; return this[getSlow](i); },
        set(i, v) { const c = this.#cell; if (typeof i === 'number' && i >>> 0 === i && i8(v) && i * 1 + 1 <= c.len) { heap8[c.ptr + i] = v; return; } this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && i8(v) && c.len % 1 === 0) { const p = chunkExtend(this.#chunk, 1, 'StrArray.push'); heap8[p >>> 0] = v; return c.len / 1; } return this[pushSlow](arguments); },
      },
      'B': {
        get(i) { const c = this.#cell; if (typeof i === 'number' && i >>> 0 === i && i * 1 + 1 <= c.len) return heapU8[c.ptr + i]; return this[getSlow](i); },
        set(i, v) { const c = this.#cell; if (typeof i === 'number' && i >>> 0 === i && u8(v) && i * 1 + 1 <= c.len) { heapU8[c.ptr + i] = v; return; } this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && u8(v) && c.len % 1 === 0) { const p = chunkExtend(this.#chunk, 1, 'StrArray.push'); heapU8[p >>> 0] = v; return c.len / 1; } return this[pushSlow](arguments); },
      },
      'h': {
        get(i) { const c = this.#cell; if (typeof i === 'number' && i >>> 0 === i && i * 2 + 2 <= c.len) return heap16[(c.ptr >>> 1) + i]; return this[getSlow](i); },
        set(i, v) { const c = this.#cell; if (typeof i === 'number' && i >>> 0 === i && i16(v) && i * 2 + 2 <= c.len) { heap16[(c.ptr >>> 1) + i] = v; return; } this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && i16(v) && c.len % 2 === 0) { const p = chunkExtend(this.#chunk, 2, 'StrArray.push'); heap16[p >>> 1] = v; return c.len / 2; } return this[pushSlow](arguments); },
      },
      '>h': {
        get(i) { const c = this.#cell; if (typeof i === 'number' && i >>> 0 === i) { const e = i * 2 + 2; if (e <= c.len) return heapDV.getInt16(c.ptr + e - 2, false); } return this[getSlow](i); },
        set(i, v) { const c = this.#cell; if (typeof i === 'number' && i >>> 0 === i && i16(v)) { const e = i * 2 + 2; if (e <= c.len) return void heapDV.setInt16(c.ptr + e - 2, v, false); } this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && i16(v) && c.len % 2 === 0) { const p = chunkExtend(this.#chunk, 2, 'StrArray.push'); heapDV.setInt16(p, v, false); return c.len / 2; } return this[pushSlow](arguments); },
      },
      'H': {
        get(i) { const c = this.#cell; if (typeof i === 'number' && i >>> 0 === i && i * 2 + 2 <= c.len) return heapU16[(c.ptr >>> 1) + i]; return this[getSlow](i); },
        set(i, v) { const c = this.#cell; if (typeof i === 'number' && i >>> 0 === i && u16(v) && i * 2 + 2 <= c.len) { heapU16[(c.ptr >>> 1) + i] = v; return; } this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && u16(v) && c.len % 2 === 0) { const p = chunkExtend(this.#chunk, 2, 'StrArray.push'); heapU16[p >>> 1] = v; return c.len / 2; } return this[pushSlow](arguments); },
      },
      '>H': {
        get(i) { const c = this.#cell; if (typeof i === 'number' && i >>> 0 === i) { const e = i * 2 + 2; if (e <= c.len) return heapDV.getUint16(c.ptr + e - 2, false); } return this[getSlow](i); },
        set(i, v) { const c = this.#cell; if (typeof i === 'number' && i >>> 0 === i && u16(v)) { const e = i * 2 + 2; if (e <= c.len) return void heapDV.setUint16(c.ptr + e - 2, v, false); } this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && u16(v) && c.len % 2 === 0) { const p = chunkExtend(this.#chunk, 2, 'StrArray.push'); heapDV.setUint16(p, v, false); return c.len / 2; } return this[pushSlow](arguments); },
      },
      'i': {
        get(i) { const c = this.#cell; if (typeof i === 'number' && i >>> 0 === i && i * 4 + 4 <= c.len) return heap32[(c.ptr >>> 2) + i]; return this[getSlow](i); },
        set(i, v) { const c = this.#cell; if (typeof i === 'number' && i >>> 0 === i && i32(v) && i * 4 + 4 <= c.len) { heap32[(c.ptr >>> 2) + i] = v; return; } this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && i32(v) && c.len % 4 === 0) { const p = chunkExtend(this.#chunk, 4, 'StrArray.push'); heap32[p >>> 2] = v; return c.len / 4; } return this[pushSlow](arguments); },
      },
      '>i': {
        get(i) { const c = this.#cell; if (typeof i === 'number' && i >>> 0 === i) { const e = i * 4 + 4; if (e <= c.len) return heapDV.getInt32(c.ptr + e - 4, false); } return this[getSlow](i); },
        set(i, v) { const c = this.#cell; if (typeof i === 'number' && i >>> 0 === i && i32(v)) { const e = i * 4 + 4; if (e <= c.len) return void heapDV.setInt32(c.ptr + e - 4, v, false); } this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && i32(v) && c.len % 4 === 0) { const p = chunkExtend(this.#chunk, 4, 'StrArray.push'); heapDV.setInt32(p, v, false); return c.len / 4; } return this[pushSlow](arguments); },
      },
      'I': {
        get(i) { const c = this.#cell; if (typeof i === 'number' && i >>> 0 === i && i * 4 + 4 <= c.len) return heapU32[(c.ptr >>> 2) + i]; return this[getSlow](i); },
        set(i, v) { const c = this.#cell; if (typeof i === 'number' && i >>> 0 === i && u32(v) && i * 4 + 4 <= c.len) { heapU32[(c.ptr >>> 2) + i] = v; return; } this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && u32(v) && c.len % 4 === 0) { const p = chunkExtend(this.#chunk, 4, 'StrArray.push'); heapU32[p >>> 2] = v; return c.len / 4; } return this[pushSlow](arguments); },
      },
      '>I': {
        get(i) { const c = this.#cell; if (typeof i === 'number' && i >>> 0 === i) { const e = i * 4 + 4; if (e <= c.len) return heapDV.getUint32(c.ptr + e - 4, false); } return this[getSlow](i); },
        set(i, v) { const c = this.#cell; if (typeof i === 'number' && i >>> 0 === i && u32(v)) { const e = i * 4 + 4; if (e <= c.len) return void heapDV.setUint32(c.ptr + e - 4, v, false); } this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && u32(v) && c.len % 4 === 0) { const p = chunkExtend(this.#chunk, 4, 'StrArray.push'); heapDV.setUint32(p, v, false); return c.len / 4; } return this[pushSlow](arguments); },
      },
      'q': {
        get(i) { const c = this.#cell; if (typeof i === 'number' && i >>> 0 === i && i * 8 + 8 <= c.len) return heap64[(c.ptr >>> 3) + i]; return this[getSlow](i); },
        set(i, v) { const c = this.#cell; if (typeof i === 'number' && i >>> 0 === i && i64(v) && i * 8 + 8 <= c.len) { heap64[(c.ptr >>> 3) + i] = v; return; } this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && i64(v) && c.len % 8 === 0) { const p = chunkExtend(this.#chunk, 8, 'StrArray.push'); heap64[p >>> 3] = v; return c.len / 8; } return this[pushSlow](arguments); },
      },
      '>q': {
        get(i) { const c = this.#cell; if (typeof i === 'number' && i >>> 0 === i) { const e = i * 8 + 8; if (e <= c.len) return heapDV.getBigInt64(c.ptr + e - 8, false); } return this[getSlow](i); },
        set(i, v) { const c = this.#cell; if (typeof i === 'number' && i >>> 0 === i && i64(v)) { const e = i * 8 + 8; if (e <= c.len) return void heapDV.setBigInt64(c.ptr + e - 8, v, false); } this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && i64(v) && c.len % 8 === 0) { const p = chunkExtend(this.#chunk, 8, 'StrArray.push'); heapDV.setBigInt64(p, v, false); return c.len / 8; } return this[pushSlow](arguments); },
      },
      'Q': {
        get(i) { const c = this.#cell; if (typeof i === 'number' && i >>> 0 === i && i * 8 + 8 <= c.len) return heapU64[(c.ptr >>> 3) + i]; return this[getSlow](i); },
        set(i, v) { const c = this.#cell; if (typeof i === 'number' && i >>> 0 === i && u64(v) && i * 8 + 8 <= c.len) { heapU64[(c.ptr >>> 3) + i] = v; return; } this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && u64(v) && c.len % 8 === 0) { const p = chunkExtend(this.#chunk, 8, 'StrArray.push'); heapU64[p >>> 3] = v; return c.len / 8; } return this[pushSlow](arguments); },
      },
      '>Q': {
        get(i) { const c = this.#cell; if (typeof i === 'number' && i >>> 0 === i) { const e = i * 8 + 8; if (e <= c.len) return heapDV.getBigUint64(c.ptr + e - 8, false); } return this[getSlow](i); },
        set(i, v) { const c = this.#cell; if (typeof i === 'number' && i >>> 0 === i && u64(v)) { const e = i * 8 + 8; if (e <= c.len) return void heapDV.setBigUint64(c.ptr + e - 8, v, false); } this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && u64(v) && c.len % 8 === 0) { const p = chunkExtend(this.#chunk, 8, 'StrArray.push'); heapDV.setBigUint64(p, v, false); return c.len / 8; } return this[pushSlow](arguments); },
      },
      'f': {
        get(i) { const c = this.#cell; if (typeof i === 'number' && i >>> 0 === i && i * 4 + 4 <= c.len) return heapF32[(c.ptr >>> 2) + i]; return this[getSlow](i); },
        set(i, v) { const c = this.#cell; if (typeof i === 'number' && i >>> 0 === i && f32(v) && i * 4 + 4 <= c.len) { heapF32[(c.ptr >>> 2) + i] = v; return; } this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && f32(v) && c.len % 4 === 0) { const p = chunkExtend(this.#chunk, 4, 'StrArray.push'); heapF32[p >>> 2] = v; return c.len / 4; } return this[pushSlow](arguments); },
      },
      '>f': {
        get(i) { const c = this.#cell; if (typeof i === 'number' && i >>> 0 === i) { const e = i * 4 + 4; if (e <= c.len) return heapDV.getFloat32(c.ptr + e - 4, false); } return this[getSlow](i); },
        set(i, v) { const c = this.#cell; if (typeof i === 'number' && i >>> 0 === i && f32(v)) { const e = i * 4 + 4; if (e <= c.len) return void heapDV.setFloat32(c.ptr + e - 4, v, false); } this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && f32(v) && c.len % 4 === 0) { const p = chunkExtend(this.#chunk, 4, 'StrArray.push'); heapDV.setFloat32(p, v, false); return c.len / 4; } return this[pushSlow](arguments); },
      },
      'd': {
        get(i) { const c = this.#cell; if (typeof i === 'number' && i >>> 0 === i && i * 8 + 8 <= c.len) return heapF64[(c.ptr >>> 3) + i]; return this[getSlow](i); },
        set(i, v) { const c = this.#cell; if (typeof i === 'number' && i >>> 0 === i && f64(v) && i * 8 + 8 <= c.len) { heapF64[(c.ptr >>> 3) + i] = v; return; } this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && f64(v) && c.len % 8 === 0) { const p = chunkExtend(this.#chunk, 8, 'StrArray.push'); heapF64[p >>> 3] = v; return c.len / 8; } return this[pushSlow](arguments); },
      },
      '>d': {
        get(i) { const c = this.#cell; if (typeof i === 'number' && i >>> 0 === i) { const e = i * 8 + 8; if (e <= c.len) return heapDV.getFloat64(c.ptr + e - 8, false); } return this[getSlow](i); },
        set(i, v) { const c = this.#cell; if (typeof i === 'number' && i >>> 0 === i && f64(v)) { const e = i * 8 + 8; if (e <= c.len) return void heapDV.setFloat64(c.ptr + e - 8, v, false); } this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && f64(v) && c.len % 8 === 0) { const p = chunkExtend(this.#chunk, 8, 'StrArray.push'); heapDV.setFloat64(p, v, false); return c.len / 8; } return this[pushSlow](arguments); },
      },
    };
    ON_FOREIGN = {
      'b': {
        get(i) { const r = this.#foreign; if (typeof i === 'number' && i >>> 0 === i) { const e = i * 1 + 1; if (e <= r.u8.byteLength) return r.dv.getInt8(r.off + e - 1); } return this[getSlow](i); },
        set(i, v) { const r = this.#foreign; if (typeof i === 'number' && i >>> 0 === i && i8(v)) { const e = i * 1 + 1; if (e <= r.u8.byteLength) return void r.dv.setInt8(r.off + e - 1, v); } this[setSlow](i, v); },
      },
      'B': {
        get(i) { const r = this.#foreign; if (typeof i === 'number' && i >>> 0 === i) { const e = i * 1 + 1; if (e <= r.u8.byteLength) return r.dv.getUint8(r.off + e - 1); } return this[getSlow](i); },
        set(i, v) { const r = this.#foreign; if (typeof i === 'number' && i >>> 0 === i && u8(v)) { const e = i * 1 + 1; if (e <= r.u8.byteLength) return void r.dv.setUint8(r.off + e - 1, v); } this[setSlow](i, v); },
      },
      'h': {
        get(i) { const r = this.#foreign; if (typeof i === 'number' && i >>> 0 === i) { const e = i * 2 + 2; if (e <= r.u8.byteLength) return r.dv.getInt16(r.off + e - 2, true); } return this[getSlow](i); },
        set(i, v) { const r = this.#foreign; if (typeof i === 'number' && i >>> 0 === i && i16(v)) { const e = i * 2 + 2; if (e <= r.u8.byteLength) return void r.dv.setInt16(r.off + e - 2, v, true); } this[setSlow](i, v); },
      },
      '>h': {
        get(i) { const r = this.#foreign; if (typeof i === 'number' && i >>> 0 === i) { const e = i * 2 + 2; if (e <= r.u8.byteLength) return r.dv.getInt16(r.off + e - 2, false); } return this[getSlow](i); },
        set(i, v) { const r = this.#foreign; if (typeof i === 'number' && i >>> 0 === i && i16(v)) { const e = i * 2 + 2; if (e <= r.u8.byteLength) return void r.dv.setInt16(r.off + e - 2, v, false); } this[setSlow](i, v); },
      },
      'H': {
        get(i) { const r = this.#foreign; if (typeof i === 'number' && i >>> 0 === i) { const e = i * 2 + 2; if (e <= r.u8.byteLength) return r.dv.getUint16(r.off + e - 2, true); } return this[getSlow](i); },
        set(i, v) { const r = this.#foreign; if (typeof i === 'number' && i >>> 0 === i && u16(v)) { const e = i * 2 + 2; if (e <= r.u8.byteLength) return void r.dv.setUint16(r.off + e - 2, v, true); } this[setSlow](i, v); },
      },
      '>H': {
        get(i) { const r = this.#foreign; if (typeof i === 'number' && i >>> 0 === i) { const e = i * 2 + 2; if (e <= r.u8.byteLength) return r.dv.getUint16(r.off + e - 2, false); } return this[getSlow](i); },
        set(i, v) { const r = this.#foreign; if (typeof i === 'number' && i >>> 0 === i && u16(v)) { const e = i * 2 + 2; if (e <= r.u8.byteLength) return void r.dv.setUint16(r.off + e - 2, v, false); } this[setSlow](i, v); },
      },
      'i': {
        get(i) { const r = this.#foreign; if (typeof i === 'number' && i >>> 0 === i) { const e = i * 4 + 4; if (e <= r.u8.byteLength) return r.dv.getInt32(r.off + e - 4, true); } return this[getSlow](i); },
        set(i, v) { const r = this.#foreign; if (typeof i === 'number' && i >>> 0 === i && i32(v)) { const e = i * 4 + 4; if (e <= r.u8.byteLength) return void r.dv.setInt32(r.off + e - 4, v, true); } this[setSlow](i, v); },
      },
      '>i': {
        get(i) { const r = this.#foreign; if (typeof i === 'number' && i >>> 0 === i) { const e = i * 4 + 4; if (e <= r.u8.byteLength) return r.dv.getInt32(r.off + e - 4, false); } return this[getSlow](i); },
        set(i, v) { const r = this.#foreign; if (typeof i === 'number' && i >>> 0 === i && i32(v)) { const e = i * 4 + 4; if (e <= r.u8.byteLength) return void r.dv.setInt32(r.off + e - 4, v, false); } this[setSlow](i, v); },
      },
      'I': {
        get(i) { const r = this.#foreign; if (typeof i === 'number' && i >>> 0 === i) { const e = i * 4 + 4; if (e <= r.u8.byteLength) return r.dv.getUint32(r.off + e - 4, true); } return this[getSlow](i); },
        set(i, v) { const r = this.#foreign; if (typeof i === 'number' && i >>> 0 === i && u32(v)) { const e = i * 4 + 4; if (e <= r.u8.byteLength) return void r.dv.setUint32(r.off + e - 4, v, true); } this[setSlow](i, v); },
      },
      '>I': {
        get(i) { const r = this.#foreign; if (typeof i === 'number' && i >>> 0 === i) { const e = i * 4 + 4; if (e <= r.u8.byteLength) return r.dv.getUint32(r.off + e - 4, false); } return this[getSlow](i); },
        set(i, v) { const r = this.#foreign; if (typeof i === 'number' && i >>> 0 === i && u32(v)) { const e = i * 4 + 4; if (e <= r.u8.byteLength) return void r.dv.setUint32(r.off + e - 4, v, false); } this[setSlow](i, v); },
      },
      'q': {
        get(i) { const r = this.#foreign; if (typeof i === 'number' && i >>> 0 === i) { const e = i * 8 + 8; if (e <= r.u8.byteLength) return r.dv.getBigInt64(r.off + e - 8, true); } return this[getSlow](i); },
        set(i, v) { const r = this.#foreign; if (typeof i === 'number' && i >>> 0 === i && i64(v)) { const e = i * 8 + 8; if (e <= r.u8.byteLength) return void r.dv.setBigInt64(r.off + e - 8, v, true); } this[setSlow](i, v); },
      },
      '>q': {
        get(i) { const r = this.#foreign; if (typeof i === 'number' && i >>> 0 === i) { const e = i * 8 + 8; if (e <= r.u8.byteLength) return r.dv.getBigInt64(r.off + e - 8, false); } return this[getSlow](i); },
        set(i, v) { const r = this.#foreign; if (typeof i === 'number' && i >>> 0 === i && i64(v)) { const e = i * 8 + 8; if (e <= r.u8.byteLength) return void r.dv.setBigInt64(r.off + e - 8, v, false); } this[setSlow](i, v); },
      },
      'Q': {
        get(i) { const r = this.#foreign; if (typeof i === 'number' && i >>> 0 === i) { const e = i * 8 + 8; if (e <= r.u8.byteLength) return r.dv.getBigUint64(r.off + e - 8, true); } return this[getSlow](i); },
        set(i, v) { const r = this.#foreign; if (typeof i === 'number' && i >>> 0 === i && u64(v)) { const e = i * 8 + 8; if (e <= r.u8.byteLength) return void r.dv.setBigUint64(r.off + e - 8, v, true); } this[setSlow](i, v); },
      },
      '>Q': {
        get(i) { const r = this.#foreign; if (typeof i === 'number' && i >>> 0 === i) { const e = i * 8 + 8; if (e <= r.u8.byteLength) return r.dv.getBigUint64(r.off + e - 8, false); } return this[getSlow](i); },
        set(i, v) { const r = this.#foreign; if (typeof i === 'number' && i >>> 0 === i && u64(v)) { const e = i * 8 + 8; if (e <= r.u8.byteLength) return void r.dv.setBigUint64(r.off + e - 8, v, false); } this[setSlow](i, v); },
      },
      'f': {
        get(i) { const r = this.#foreign; if (typeof i === 'number' && i >>> 0 === i) { const e = i * 4 + 4; if (e <= r.u8.byteLength) return r.dv.getFloat32(r.off + e - 4, true); } return this[getSlow](i); },
        set(i, v) { const r = this.#foreign; if (typeof i === 'number' && i >>> 0 === i && f32(v)) { const e = i * 4 + 4; if (e <= r.u8.byteLength) return void r.dv.setFloat32(r.off + e - 4, v, true); } this[setSlow](i, v); },
      },
      '>f': {
        get(i) { const r = this.#foreign; if (typeof i === 'number' && i >>> 0 === i) { const e = i * 4 + 4; if (e <= r.u8.byteLength) return r.dv.getFloat32(r.off + e - 4, false); } return this[getSlow](i); },
        set(i, v) { const r = this.#foreign; if (typeof i === 'number' && i >>> 0 === i && f32(v)) { const e = i * 4 + 4; if (e <= r.u8.byteLength) return void r.dv.setFloat32(r.off + e - 4, v, false); } this[setSlow](i, v); },
      },
      'd': {
        get(i) { const r = this.#foreign; if (typeof i === 'number' && i >>> 0 === i) { const e = i * 8 + 8; if (e <= r.u8.byteLength) return r.dv.getFloat64(r.off + e - 8, true); } return this[getSlow](i); },
        set(i, v) { const r = this.#foreign; if (typeof i === 'number' && i >>> 0 === i && f64(v)) { const e = i * 8 + 8; if (e <= r.u8.byteLength) return void r.dv.setFloat64(r.off + e - 8, v, true); } this[setSlow](i, v); },
      },
      '>d': {
        get(i) { const r = this.#foreign; if (typeof i === 'number' && i >>> 0 === i) { const e = i * 8 + 8; if (e <= r.u8.byteLength) return r.dv.getFloat64(r.off + e - 8, false); } return this[getSlow](i); },
        set(i, v) { const r = this.#foreign; if (typeof i === 'number' && i >>> 0 === i && f64(v)) { const e = i * 8 + 8; if (e <= r.u8.byteLength) return void r.dv.setFloat64(r.off + e - 8, v, false); } this[setSlow](i, v); },
      },
    };
    ON_ITEM = {
      get(i) { const r = this.#itemRegion; const o = r.at(i, this.#item.size); return o < 0 ? this[getSlow](i) : this.#item.read(r.tdv(), o); },
    };
  }
}

/** Stamps the fast paths' fields on a new array: its constructor, once. `fast`: plain items read as stored (no offset, stride, length or conversion). */
export function stampFast(arr, region, item, fast) {
  new FastPaths(arr, region, item, fast);
}
