// Made by scripts/make_access.py (edit that, not this): the per-format element
// methods of StrArray, one function literal per code, byte order and storage
// kind, so each is monomorphic with its DataView call inlined (access.js says
// why). Each tries the common case and leaves the rest to the generic methods.
//
// What they read of an array are private fields that its constructor stamps
// on it (stampFast): only these methods can read them, so a Proxy of an array
// or any other object as `this` is refused by the engine with a TypeError,
// never believed, and no user code can change them.
//
// An array on a chunk keeps a view of its items (a typed array of its format
// when packed and little-endian, else a DataView from item 0) and their count,
// made at a generation of the loader (core/wasm.js) and used while that is
// unchanged: it changes when memory grows and when any chunk moves, shrinks or
// is freed (chunk.js), so a kept view never outlives the block it shows. One
// compare per access instead of reading the chunk's cell and the heap view.
import { CHUNK_REGION, FOREIGN_REGION, bufferResizability, chunkExtend, getSlow, pushSlow, setSlow } from '../core/internal.js';
import { heap16, heap32, heap64, heap8, heapDV, heapF32, heapF64, heapU16, heapU32, heapU64, heapU8, moves, wasmBuffer } from '../core/wasm.js';
import { f32, f64, i16, i32, i64, i8, u16, u32, u64, u8 } from './fits.js';
import { itemCount } from './geometry.js';

/** Arrays over a whole Chunk, items packed from its start: their typed view (little-endian) or DataView. */
export let ON_CHUNK;
/** Arrays on a Chunk with an offset, stride or length, columns, and windows (a MemSlice of a chunk): their DataView. */
export let ON_CHUNK_AT;
/** As ON_CHUNK_AT for little-endian items aligned to their size in every record (typedOn): their typed view. */
export let ON_CHUNK_TYPED;
/** Arrays over a whole foreign ArrayBuffer or Uint8Array: its DataView; u8.byteLength is 0 once detached. */
export let ON_FOREIGN;
/** As ON_FOREIGN with an offset, stride or length, and columns. */
export let ON_FOREIGN_AT;
/** Records, e c ?, and windows on a foreign object (a MemSlice buffer): the region says where the item is, the item codec reads it. */
export let ON_ITEM;

// Stand-ins no index passes: len -1 fails `(len & (k - 1)) === 0` and `len >= 0` (push), a freed cell
// has no items, and byteLength -1 fails `e <= byteLength`.
const NO_CELL = Object.freeze({ ptr: 0, len: -1, freed: true });
const NO_FOREIGN = Object.freeze({ u8: Object.freeze({ byteLength: -1 }) });
const NO_ITEM = Object.freeze({ at: () => -1 });
const NO_VIEW = new Uint8Array(0);
/** wasm.js's `moves`, through a constant of this module: the engine then reads its field in one load. */
const MOVES = moves;

/** Returns its argument: a class extending it adds its private fields to an object that exists. */
class Stamp {
  constructor(target) {
    // biome-ignore lint/correctness/noConstructorReturn: returning the target is the point (private fields on an object that exists)
    return target;
  }
}

class FastPaths extends Stamp {
  // Each table reads only its own fields, stamped with the real state only for an
  // array that table serves (of its storage kind and geometry); any other array
  // gets a stand-in that no index passes, so a method called on it with `call`
  // takes the generic path.
  #cell; // ON_CHUNK: the whole chunk's storage cell (read-only here), else NO_CELL
  #chunk; // ON_CHUNK: the whole chunk, whose own append push uses, else null
  #atCell; // ON_CHUNK_AT: the chunk's storage cell, else NO_CELL
  #region; // the array's Region (its window: start, stop)
  #geo; // the array's geometry (geometry.js)
  #gen = -1; // the generation #v and #n were made at (never -1: the first access makes them)
  // The view of the items (chunk kinds: made at #gen, see above; a fixed-length foreign
  // buffer: made with the array) and the items it shows (on a chunk, fewer than now after
  // an in-place growth: those take #miss): #v and #n for packed items, #w and #nAt else.
  #v = NO_VIEW;
  #n = 0;
  #w = NO_VIEW;
  #nAt = 0;
  #View; // chunk kinds: the class of #v, the format's typed array for a packed little-endian array, else DataView; else null
  #stride; // bytes from one item to the next
  #k; // ON_CHUNK_TYPED: elements of #v from one item to the next
  #foreign; // ON_FOREIGN: the whole foreign buffer's Region, else NO_FOREIGN
  #foreignAt; // ON_FOREIGN_AT: the whole foreign buffer's Region, else NO_FOREIGN
  #itemRegion; // ON_ITEM: the Region of a plain array, else NO_ITEM
  #item; // the item codec (struct/records.js)

  constructor(arr, region, item, geo) {
    super(arr);
    const fast = geo.plain && !item.converts;
    const packed = fast && region.whole;
    const onChunk = region.kind === CHUNK_REGION && !item.converts;
    this.#cell = packed && onChunk ? region.cell : NO_CELL;
    this.#chunk = packed && onChunk ? region.obj : null;
    this.#atCell = onChunk && !packed ? region.cell : NO_CELL;
    this.#region = region;
    this.#geo = geo;
    this.#stride = geo.stride;
    // Small integers (| 0) keep these fields untagged ints in V8: a count or step held as a
    // double makes every access convert it (measured 1.66 -> 1.92 ns a column get).
    this.#k = (geo.stride / item.size) | 0;
    this.#View = onChunk ? (typedOn(region, item, geo) ?? DataView) : null;
    const foreign = region.kind === FOREIGN_REGION && region.whole && !item.converts;
    this.#foreign = foreign && packed ? region : NO_FOREIGN;
    this.#foreignAt = foreign && !geo.plain ? region : NO_FOREIGN;
    // A buffer of fixed length keeps it unless detached, when its view throws (the
    // methods then take the checked path): it gets a view now, so no access reads
    // u8.byteLength, which once any buffer was detached (memory.grow detaches) is a
    // call in V8 (measured 2 -> 11 ns a get). Resizable ones read it per access.
    const buffer = foreign ? region.dv.buffer : null;
    if (foreign && bufferResizability(buffer) === null) {
      const len = region.u8.byteLength;
      const from = geo.origin + geo.lead;
      const n = Math.min(itemCount(geo, len), 0x7fffffff) | 0; // (beyond: the checked path)
      const view = n > 0 ? new DataView(buffer, region.off + from, len - from) : NO_VIEW;
      if (packed) [this.#v, this.#n] = [view, n];
      else [this.#w, this.#nAt] = [view, n];
    }
    this.#itemRegion = fast ? region : NO_ITEM;
    this.#item = item;
  }

  /**
   * Makes the view of the items now, at the current generation (`View`: the
   * format's typed array (typedOn), else DataView; `packed`: the table's arrays' items
   * are packed), and says whether it has item `i`. A freed chunk: no items.
   */
  #miss(i, View, packed) {
    // Another table's method, called on this array: the generic path.
    if (View !== this.#View || packed !== (this.#cell !== NO_CELL)) return false;
    const c = packed ? this.#cell : this.#atCell;
    const r = this.#region;
    const g = this.#geo;
    this.#gen = MOVES.generation;
    const len = c.freed ? 0 : Math.max(0, Math.min(r.stop, c.len) - r.start);
    const from = g.origin + g.lead;
    const n = Math.min(itemCount(g, len), 0x7fffffff) | 0;
    let view = NO_VIEW;
    if (n > 0 && View === DataView) view = new DataView(wasmBuffer(), c.ptr + r.start + from, len - from);
    else if (n > 0) view = new View(wasmBuffer(), c.ptr + r.start + from, (n - 1) * this.#k + 1); // (typedOn: aligned)
    const count = View === DataView ? n : 0; // (typed views bound themselves)
    if (packed) [this.#v, this.#n] = [view, count];
    else [this.#w, this.#nAt] = [view, count];
    return typeof i === 'number' && i >>> 0 === i && i < n;
  }

  static {
    ON_CHUNK = {
      'b': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number') { const x = this.#v[i]; if (x !== undefined) return x; } return this.#miss(i, Int8Array, true) ? this.#v[i] : this[getSlow](i); },
        set(i, v) { const w = this.#v; if (this.#gen === MOVES.generation && typeof i === 'number' && i8(v) && i >>> 0 === i && i < w.length) { w[i] = v; return; } if (i8(v) && this.#miss(i, Int8Array, true)) { this.#v[i] = v; return; } this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && i8(v) && c.len >= 0) { const p = chunkExtend(this.#chunk, 1, 'StrArray.push'); heap8[p >>> 0] = v; return c.len / 1; } return this[pushSlow](arguments); },
      },
      'B': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number') { const x = this.#v[i]; if (x !== undefined) return x; } return this.#miss(i, Uint8Array, true) ? this.#v[i] : this[getSlow](i); },
        set(i, v) { const w = this.#v; if (this.#gen === MOVES.generation && typeof i === 'number' && u8(v) && i >>> 0 === i && i < w.length) { w[i] = v; return; } if (u8(v) && this.#miss(i, Uint8Array, true)) { this.#v[i] = v; return; } this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && u8(v) && c.len >= 0) { const p = chunkExtend(this.#chunk, 1, 'StrArray.push'); heapU8[p >>> 0] = v; return c.len / 1; } return this[pushSlow](arguments); },
      },
      'h': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number') { const x = this.#v[i]; if (x !== undefined) return x; } return this.#miss(i, Int16Array, true) ? this.#v[i] : this[getSlow](i); },
        set(i, v) { const w = this.#v; if (this.#gen === MOVES.generation && typeof i === 'number' && i16(v) && i >>> 0 === i && i < w.length) { w[i] = v; return; } if (i16(v) && this.#miss(i, Int16Array, true)) { this.#v[i] = v; return; } this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && i16(v) && (c.len & 1) === 0) { const p = chunkExtend(this.#chunk, 2, 'StrArray.push'); heap16[p >>> 1] = v; return c.len / 2; } return this[pushSlow](arguments); },
      },
      '>h': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n) return this.#v.getInt16(i * 2, false); return this.#miss(i, DataView, true) ? this.#v.getInt16(i * 2, false) : this[getSlow](i); },
        set(i, v) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n && i16(v)) return void this.#v.setInt16(i * 2, v, false); if (i16(v) && this.#miss(i, DataView, true)) return void this.#v.setInt16(i * 2, v, false); this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && i16(v) && (c.len & 1) === 0) { const p = chunkExtend(this.#chunk, 2, 'StrArray.push'); heapDV.setInt16(p, v, false); return c.len / 2; } return this[pushSlow](arguments); },
      },
      'H': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number') { const x = this.#v[i]; if (x !== undefined) return x; } return this.#miss(i, Uint16Array, true) ? this.#v[i] : this[getSlow](i); },
        set(i, v) { const w = this.#v; if (this.#gen === MOVES.generation && typeof i === 'number' && u16(v) && i >>> 0 === i && i < w.length) { w[i] = v; return; } if (u16(v) && this.#miss(i, Uint16Array, true)) { this.#v[i] = v; return; } this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && u16(v) && (c.len & 1) === 0) { const p = chunkExtend(this.#chunk, 2, 'StrArray.push'); heapU16[p >>> 1] = v; return c.len / 2; } return this[pushSlow](arguments); },
      },
      '>H': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n) return this.#v.getUint16(i * 2, false); return this.#miss(i, DataView, true) ? this.#v.getUint16(i * 2, false) : this[getSlow](i); },
        set(i, v) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n && u16(v)) return void this.#v.setUint16(i * 2, v, false); if (u16(v) && this.#miss(i, DataView, true)) return void this.#v.setUint16(i * 2, v, false); this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && u16(v) && (c.len & 1) === 0) { const p = chunkExtend(this.#chunk, 2, 'StrArray.push'); heapDV.setUint16(p, v, false); return c.len / 2; } return this[pushSlow](arguments); },
      },
      'i': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number') { const x = this.#v[i]; if (x !== undefined) return x; } return this.#miss(i, Int32Array, true) ? this.#v[i] : this[getSlow](i); },
        set(i, v) { const w = this.#v; if (this.#gen === MOVES.generation && typeof i === 'number' && i32(v) && i >>> 0 === i && i < w.length) { w[i] = v; return; } if (i32(v) && this.#miss(i, Int32Array, true)) { this.#v[i] = v; return; } this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && i32(v) && (c.len & 3) === 0) { const p = chunkExtend(this.#chunk, 4, 'StrArray.push'); heap32[p >>> 2] = v; return c.len / 4; } return this[pushSlow](arguments); },
      },
      '>i': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n) return this.#v.getInt32(i * 4, false); return this.#miss(i, DataView, true) ? this.#v.getInt32(i * 4, false) : this[getSlow](i); },
        set(i, v) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n && i32(v)) return void this.#v.setInt32(i * 4, v, false); if (i32(v) && this.#miss(i, DataView, true)) return void this.#v.setInt32(i * 4, v, false); this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && i32(v) && (c.len & 3) === 0) { const p = chunkExtend(this.#chunk, 4, 'StrArray.push'); heapDV.setInt32(p, v, false); return c.len / 4; } return this[pushSlow](arguments); },
      },
      'I': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number') { const x = this.#v[i]; if (x !== undefined) return x; } return this.#miss(i, Uint32Array, true) ? this.#v[i] : this[getSlow](i); },
        set(i, v) { const w = this.#v; if (this.#gen === MOVES.generation && typeof i === 'number' && u32(v) && i >>> 0 === i && i < w.length) { w[i] = v; return; } if (u32(v) && this.#miss(i, Uint32Array, true)) { this.#v[i] = v; return; } this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && u32(v) && (c.len & 3) === 0) { const p = chunkExtend(this.#chunk, 4, 'StrArray.push'); heapU32[p >>> 2] = v; return c.len / 4; } return this[pushSlow](arguments); },
      },
      '>I': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n) return this.#v.getUint32(i * 4, false); return this.#miss(i, DataView, true) ? this.#v.getUint32(i * 4, false) : this[getSlow](i); },
        set(i, v) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n && u32(v)) return void this.#v.setUint32(i * 4, v, false); if (u32(v) && this.#miss(i, DataView, true)) return void this.#v.setUint32(i * 4, v, false); this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && u32(v) && (c.len & 3) === 0) { const p = chunkExtend(this.#chunk, 4, 'StrArray.push'); heapDV.setUint32(p, v, false); return c.len / 4; } return this[pushSlow](arguments); },
      },
      'q': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number') { const x = this.#v[i]; if (x !== undefined) return x; } return this.#miss(i, BigInt64Array, true) ? this.#v[i] : this[getSlow](i); },
        set(i, v) { const w = this.#v; if (this.#gen === MOVES.generation && typeof i === 'number' && i64(v) && i >>> 0 === i && i < w.length) { w[i] = v; return; } if (i64(v) && this.#miss(i, BigInt64Array, true)) { this.#v[i] = v; return; } this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && i64(v) && (c.len & 7) === 0) { const p = chunkExtend(this.#chunk, 8, 'StrArray.push'); heap64[p >>> 3] = v; return c.len / 8; } return this[pushSlow](arguments); },
      },
      '>q': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n) return this.#v.getBigInt64(i * 8, false); return this.#miss(i, DataView, true) ? this.#v.getBigInt64(i * 8, false) : this[getSlow](i); },
        set(i, v) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n && i64(v)) return void this.#v.setBigInt64(i * 8, v, false); if (i64(v) && this.#miss(i, DataView, true)) return void this.#v.setBigInt64(i * 8, v, false); this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && i64(v) && (c.len & 7) === 0) { const p = chunkExtend(this.#chunk, 8, 'StrArray.push'); heapDV.setBigInt64(p, v, false); return c.len / 8; } return this[pushSlow](arguments); },
      },
      'Q': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number') { const x = this.#v[i]; if (x !== undefined) return x; } return this.#miss(i, BigUint64Array, true) ? this.#v[i] : this[getSlow](i); },
        set(i, v) { const w = this.#v; if (this.#gen === MOVES.generation && typeof i === 'number' && u64(v) && i >>> 0 === i && i < w.length) { w[i] = v; return; } if (u64(v) && this.#miss(i, BigUint64Array, true)) { this.#v[i] = v; return; } this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && u64(v) && (c.len & 7) === 0) { const p = chunkExtend(this.#chunk, 8, 'StrArray.push'); heapU64[p >>> 3] = v; return c.len / 8; } return this[pushSlow](arguments); },
      },
      '>Q': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n) return this.#v.getBigUint64(i * 8, false); return this.#miss(i, DataView, true) ? this.#v.getBigUint64(i * 8, false) : this[getSlow](i); },
        set(i, v) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n && u64(v)) return void this.#v.setBigUint64(i * 8, v, false); if (u64(v) && this.#miss(i, DataView, true)) return void this.#v.setBigUint64(i * 8, v, false); this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && u64(v) && (c.len & 7) === 0) { const p = chunkExtend(this.#chunk, 8, 'StrArray.push'); heapDV.setBigUint64(p, v, false); return c.len / 8; } return this[pushSlow](arguments); },
      },
      'f': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number') { const x = this.#v[i]; if (x !== undefined) return x; } return this.#miss(i, Float32Array, true) ? this.#v[i] : this[getSlow](i); },
        set(i, v) { const w = this.#v; if (this.#gen === MOVES.generation && typeof i === 'number' && f32(v) && i >>> 0 === i && i < w.length) { w[i] = v; return; } if (f32(v) && this.#miss(i, Float32Array, true)) { this.#v[i] = v; return; } this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && f32(v) && (c.len & 3) === 0) { const p = chunkExtend(this.#chunk, 4, 'StrArray.push'); heapF32[p >>> 2] = v; return c.len / 4; } return this[pushSlow](arguments); },
      },
      '>f': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n) return this.#v.getFloat32(i * 4, false); return this.#miss(i, DataView, true) ? this.#v.getFloat32(i * 4, false) : this[getSlow](i); },
        set(i, v) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n && f32(v)) return void this.#v.setFloat32(i * 4, v, false); if (f32(v) && this.#miss(i, DataView, true)) return void this.#v.setFloat32(i * 4, v, false); this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && f32(v) && (c.len & 3) === 0) { const p = chunkExtend(this.#chunk, 4, 'StrArray.push'); heapDV.setFloat32(p, v, false); return c.len / 4; } return this[pushSlow](arguments); },
      },
      'd': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number') { const x = this.#v[i]; if (x !== undefined) return x; } return this.#miss(i, Float64Array, true) ? this.#v[i] : this[getSlow](i); },
        set(i, v) { const w = this.#v; if (this.#gen === MOVES.generation && typeof i === 'number' && f64(v) && i >>> 0 === i && i < w.length) { w[i] = v; return; } if (f64(v) && this.#miss(i, Float64Array, true)) { this.#v[i] = v; return; } this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && f64(v) && (c.len & 7) === 0) { const p = chunkExtend(this.#chunk, 8, 'StrArray.push'); heapF64[p >>> 3] = v; return c.len / 8; } return this[pushSlow](arguments); },
      },
      '>d': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n) return this.#v.getFloat64(i * 8, false); return this.#miss(i, DataView, true) ? this.#v.getFloat64(i * 8, false) : this[getSlow](i); },
        set(i, v) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n && f64(v)) return void this.#v.setFloat64(i * 8, v, false); if (f64(v) && this.#miss(i, DataView, true)) return void this.#v.setFloat64(i * 8, v, false); this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && f64(v) && (c.len & 7) === 0) { const p = chunkExtend(this.#chunk, 8, 'StrArray.push'); heapDV.setFloat64(p, v, false); return c.len / 8; } return this[pushSlow](arguments); },
      },
    };
    ON_CHUNK_AT = {
      'b': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#nAt) return this.#w.getInt8(i * this.#stride); return this.#miss(i, DataView, false) ? this.#w.getInt8(i * this.#stride) : this[getSlow](i); },
        set(i, v) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#nAt && i8(v)) return void this.#w.setInt8(i * this.#stride, v); if (i8(v) && this.#miss(i, DataView, false)) return void this.#w.setInt8(i * this.#stride, v); this[setSlow](i, v); },
      },
      'B': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#nAt) return this.#w.getUint8(i * this.#stride); return this.#miss(i, DataView, false) ? this.#w.getUint8(i * this.#stride) : this[getSlow](i); },
        set(i, v) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#nAt && u8(v)) return void this.#w.setUint8(i * this.#stride, v); if (u8(v) && this.#miss(i, DataView, false)) return void this.#w.setUint8(i * this.#stride, v); this[setSlow](i, v); },
      },
      'h': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#nAt) return this.#w.getInt16(i * this.#stride, true); return this.#miss(i, DataView, false) ? this.#w.getInt16(i * this.#stride, true) : this[getSlow](i); },
        set(i, v) {
          if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#nAt && i16(v)) return void this.#w.setInt16(i * this.#stride, v, true);
          if (i16(v) && this.#miss(i, DataView, false)) return void this.#w.setInt16(i * this.#stride, v, true);
          this[setSlow](i, v);
        },
      },
      '>h': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#nAt) return this.#w.getInt16(i * this.#stride, false); return this.#miss(i, DataView, false) ? this.#w.getInt16(i * this.#stride, false) : this[getSlow](i); },
        set(i, v) {
          if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#nAt && i16(v)) return void this.#w.setInt16(i * this.#stride, v, false);
          if (i16(v) && this.#miss(i, DataView, false)) return void this.#w.setInt16(i * this.#stride, v, false);
          this[setSlow](i, v);
        },
      },
      'H': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#nAt) return this.#w.getUint16(i * this.#stride, true); return this.#miss(i, DataView, false) ? this.#w.getUint16(i * this.#stride, true) : this[getSlow](i); },
        set(i, v) {
          if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#nAt && u16(v)) return void this.#w.setUint16(i * this.#stride, v, true);
          if (u16(v) && this.#miss(i, DataView, false)) return void this.#w.setUint16(i * this.#stride, v, true);
          this[setSlow](i, v);
        },
      },
      '>H': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#nAt) return this.#w.getUint16(i * this.#stride, false); return this.#miss(i, DataView, false) ? this.#w.getUint16(i * this.#stride, false) : this[getSlow](i); },
        set(i, v) {
          if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#nAt && u16(v)) return void this.#w.setUint16(i * this.#stride, v, false);
          if (u16(v) && this.#miss(i, DataView, false)) return void this.#w.setUint16(i * this.#stride, v, false);
          this[setSlow](i, v);
        },
      },
      'i': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#nAt) return this.#w.getInt32(i * this.#stride, true); return this.#miss(i, DataView, false) ? this.#w.getInt32(i * this.#stride, true) : this[getSlow](i); },
        set(i, v) {
          if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#nAt && i32(v)) return void this.#w.setInt32(i * this.#stride, v, true);
          if (i32(v) && this.#miss(i, DataView, false)) return void this.#w.setInt32(i * this.#stride, v, true);
          this[setSlow](i, v);
        },
      },
      '>i': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#nAt) return this.#w.getInt32(i * this.#stride, false); return this.#miss(i, DataView, false) ? this.#w.getInt32(i * this.#stride, false) : this[getSlow](i); },
        set(i, v) {
          if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#nAt && i32(v)) return void this.#w.setInt32(i * this.#stride, v, false);
          if (i32(v) && this.#miss(i, DataView, false)) return void this.#w.setInt32(i * this.#stride, v, false);
          this[setSlow](i, v);
        },
      },
      'I': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#nAt) return this.#w.getUint32(i * this.#stride, true); return this.#miss(i, DataView, false) ? this.#w.getUint32(i * this.#stride, true) : this[getSlow](i); },
        set(i, v) {
          if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#nAt && u32(v)) return void this.#w.setUint32(i * this.#stride, v, true);
          if (u32(v) && this.#miss(i, DataView, false)) return void this.#w.setUint32(i * this.#stride, v, true);
          this[setSlow](i, v);
        },
      },
      '>I': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#nAt) return this.#w.getUint32(i * this.#stride, false); return this.#miss(i, DataView, false) ? this.#w.getUint32(i * this.#stride, false) : this[getSlow](i); },
        set(i, v) {
          if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#nAt && u32(v)) return void this.#w.setUint32(i * this.#stride, v, false);
          if (u32(v) && this.#miss(i, DataView, false)) return void this.#w.setUint32(i * this.#stride, v, false);
          this[setSlow](i, v);
        },
      },
      'q': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#nAt) return this.#w.getBigInt64(i * this.#stride, true); return this.#miss(i, DataView, false) ? this.#w.getBigInt64(i * this.#stride, true) : this[getSlow](i); },
        set(i, v) {
          if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#nAt && i64(v)) return void this.#w.setBigInt64(i * this.#stride, v, true);
          if (i64(v) && this.#miss(i, DataView, false)) return void this.#w.setBigInt64(i * this.#stride, v, true);
          this[setSlow](i, v);
        },
      },
      '>q': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#nAt) return this.#w.getBigInt64(i * this.#stride, false); return this.#miss(i, DataView, false) ? this.#w.getBigInt64(i * this.#stride, false) : this[getSlow](i); },
        set(i, v) {
          if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#nAt && i64(v)) return void this.#w.setBigInt64(i * this.#stride, v, false);
          if (i64(v) && this.#miss(i, DataView, false)) return void this.#w.setBigInt64(i * this.#stride, v, false);
          this[setSlow](i, v);
        },
      },
      'Q': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#nAt) return this.#w.getBigUint64(i * this.#stride, true); return this.#miss(i, DataView, false) ? this.#w.getBigUint64(i * this.#stride, true) : this[getSlow](i); },
        set(i, v) {
          if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#nAt && u64(v)) return void this.#w.setBigUint64(i * this.#stride, v, true);
          if (u64(v) && this.#miss(i, DataView, false)) return void this.#w.setBigUint64(i * this.#stride, v, true);
          this[setSlow](i, v);
        },
      },
      '>Q': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#nAt) return this.#w.getBigUint64(i * this.#stride, false); return this.#miss(i, DataView, false) ? this.#w.getBigUint64(i * this.#stride, false) : this[getSlow](i); },
        set(i, v) {
          if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#nAt && u64(v)) return void this.#w.setBigUint64(i * this.#stride, v, false);
          if (u64(v) && this.#miss(i, DataView, false)) return void this.#w.setBigUint64(i * this.#stride, v, false);
          this[setSlow](i, v);
        },
      },
      'f': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#nAt) return this.#w.getFloat32(i * this.#stride, true); return this.#miss(i, DataView, false) ? this.#w.getFloat32(i * this.#stride, true) : this[getSlow](i); },
        set(i, v) {
          if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#nAt && f32(v)) return void this.#w.setFloat32(i * this.#stride, v, true);
          if (f32(v) && this.#miss(i, DataView, false)) return void this.#w.setFloat32(i * this.#stride, v, true);
          this[setSlow](i, v);
        },
      },
      '>f': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#nAt) return this.#w.getFloat32(i * this.#stride, false); return this.#miss(i, DataView, false) ? this.#w.getFloat32(i * this.#stride, false) : this[getSlow](i); },
        set(i, v) {
          if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#nAt && f32(v)) return void this.#w.setFloat32(i * this.#stride, v, false);
          if (f32(v) && this.#miss(i, DataView, false)) return void this.#w.setFloat32(i * this.#stride, v, false);
          this[setSlow](i, v);
        },
      },
      'd': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#nAt) return this.#w.getFloat64(i * this.#stride, true); return this.#miss(i, DataView, false) ? this.#w.getFloat64(i * this.#stride, true) : this[getSlow](i); },
        set(i, v) {
          if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#nAt && f64(v)) return void this.#w.setFloat64(i * this.#stride, v, true);
          if (f64(v) && this.#miss(i, DataView, false)) return void this.#w.setFloat64(i * this.#stride, v, true);
          this[setSlow](i, v);
        },
      },
      '>d': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#nAt) return this.#w.getFloat64(i * this.#stride, false); return this.#miss(i, DataView, false) ? this.#w.getFloat64(i * this.#stride, false) : this[getSlow](i); },
        set(i, v) {
          if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#nAt && f64(v)) return void this.#w.setFloat64(i * this.#stride, v, false);
          if (f64(v) && this.#miss(i, DataView, false)) return void this.#w.setFloat64(i * this.#stride, v, false);
          this[setSlow](i, v);
        },
      },
    };
    ON_CHUNK_TYPED = {
      'b': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i) { const x = this.#w[i * this.#k]; if (x !== undefined) return x; } return this.#miss(i, Int8Array, false) ? this.#w[i * this.#k] : this[getSlow](i); },
        set(i, v) { const w = this.#w; if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i8(v) && i * this.#k < w.length) { w[i * this.#k] = v; return; } if (i8(v) && this.#miss(i, Int8Array, false)) { this.#w[i * this.#k] = v; return; } this[setSlow](i, v); },
      },
      'B': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i) { const x = this.#w[i * this.#k]; if (x !== undefined) return x; } return this.#miss(i, Uint8Array, false) ? this.#w[i * this.#k] : this[getSlow](i); },
        set(i, v) { const w = this.#w; if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && u8(v) && i * this.#k < w.length) { w[i * this.#k] = v; return; } if (u8(v) && this.#miss(i, Uint8Array, false)) { this.#w[i * this.#k] = v; return; } this[setSlow](i, v); },
      },
      'h': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i) { const x = this.#w[i * this.#k]; if (x !== undefined) return x; } return this.#miss(i, Int16Array, false) ? this.#w[i * this.#k] : this[getSlow](i); },
        set(i, v) { const w = this.#w; if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i16(v) && i * this.#k < w.length) { w[i * this.#k] = v; return; } if (i16(v) && this.#miss(i, Int16Array, false)) { this.#w[i * this.#k] = v; return; } this[setSlow](i, v); },
      },
      'H': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i) { const x = this.#w[i * this.#k]; if (x !== undefined) return x; } return this.#miss(i, Uint16Array, false) ? this.#w[i * this.#k] : this[getSlow](i); },
        set(i, v) { const w = this.#w; if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && u16(v) && i * this.#k < w.length) { w[i * this.#k] = v; return; } if (u16(v) && this.#miss(i, Uint16Array, false)) { this.#w[i * this.#k] = v; return; } this[setSlow](i, v); },
      },
      'i': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i) { const x = this.#w[i * this.#k]; if (x !== undefined) return x; } return this.#miss(i, Int32Array, false) ? this.#w[i * this.#k] : this[getSlow](i); },
        set(i, v) { const w = this.#w; if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i32(v) && i * this.#k < w.length) { w[i * this.#k] = v; return; } if (i32(v) && this.#miss(i, Int32Array, false)) { this.#w[i * this.#k] = v; return; } this[setSlow](i, v); },
      },
      'I': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i) { const x = this.#w[i * this.#k]; if (x !== undefined) return x; } return this.#miss(i, Uint32Array, false) ? this.#w[i * this.#k] : this[getSlow](i); },
        set(i, v) { const w = this.#w; if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && u32(v) && i * this.#k < w.length) { w[i * this.#k] = v; return; } if (u32(v) && this.#miss(i, Uint32Array, false)) { this.#w[i * this.#k] = v; return; } this[setSlow](i, v); },
      },
      'q': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i) { const x = this.#w[i * this.#k]; if (x !== undefined) return x; } return this.#miss(i, BigInt64Array, false) ? this.#w[i * this.#k] : this[getSlow](i); },
        set(i, v) { const w = this.#w; if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i64(v) && i * this.#k < w.length) { w[i * this.#k] = v; return; } if (i64(v) && this.#miss(i, BigInt64Array, false)) { this.#w[i * this.#k] = v; return; } this[setSlow](i, v); },
      },
      'Q': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i) { const x = this.#w[i * this.#k]; if (x !== undefined) return x; } return this.#miss(i, BigUint64Array, false) ? this.#w[i * this.#k] : this[getSlow](i); },
        set(i, v) { const w = this.#w; if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && u64(v) && i * this.#k < w.length) { w[i * this.#k] = v; return; } if (u64(v) && this.#miss(i, BigUint64Array, false)) { this.#w[i * this.#k] = v; return; } this[setSlow](i, v); },
      },
      'f': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i) { const x = this.#w[i * this.#k]; if (x !== undefined) return x; } return this.#miss(i, Float32Array, false) ? this.#w[i * this.#k] : this[getSlow](i); },
        set(i, v) { const w = this.#w; if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && f32(v) && i * this.#k < w.length) { w[i * this.#k] = v; return; } if (f32(v) && this.#miss(i, Float32Array, false)) { this.#w[i * this.#k] = v; return; } this[setSlow](i, v); },
      },
      'd': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i) { const x = this.#w[i * this.#k]; if (x !== undefined) return x; } return this.#miss(i, Float64Array, false) ? this.#w[i * this.#k] : this[getSlow](i); },
        set(i, v) { const w = this.#w; if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && f64(v) && i * this.#k < w.length) { w[i * this.#k] = v; return; } if (f64(v) && this.#miss(i, Float64Array, false)) { this.#w[i * this.#k] = v; return; } this[setSlow](i, v); },
      },
    };
    ON_FOREIGN = {
      'b': {
        get(i) {
          if (typeof i === 'number' && i >>> 0 === i && i < this.#n) try { return this.#v.getInt8(i * 1); }
          catch {}
          const r = this.#foreign;
          if (typeof i === 'number' && i >>> 0 === i) { const e = i * 1 + 1; if (e <= r.u8.byteLength) return r.dv.getInt8(r.off + e - 1); }
          return this[getSlow](i);
        },
        set(i, v) {
          if (i8(v)) { if (typeof i === 'number' && i >>> 0 === i && i < this.#n) try { return void this.#v.setInt8(i * 1, v); } catch {} }
          const r = this.#foreign;
          if (typeof i === 'number' && i >>> 0 === i && i8(v)) { const e = i * 1 + 1; if (e <= r.u8.byteLength) return void r.dv.setInt8(r.off + e - 1, v); }
          this[setSlow](i, v);
        },
      },
      'B': {
        get(i) {
          if (typeof i === 'number' && i >>> 0 === i && i < this.#n) try { return this.#v.getUint8(i * 1); }
          catch {}
          const r = this.#foreign;
          if (typeof i === 'number' && i >>> 0 === i) { const e = i * 1 + 1; if (e <= r.u8.byteLength) return r.dv.getUint8(r.off + e - 1); }
          return this[getSlow](i);
        },
        set(i, v) {
          if (u8(v)) { if (typeof i === 'number' && i >>> 0 === i && i < this.#n) try { return void this.#v.setUint8(i * 1, v); } catch {} }
          const r = this.#foreign;
          if (typeof i === 'number' && i >>> 0 === i && u8(v)) { const e = i * 1 + 1; if (e <= r.u8.byteLength) return void r.dv.setUint8(r.off + e - 1, v); }
          this[setSlow](i, v);
        },
      },
      'h': {
        get(i) {
          if (typeof i === 'number' && i >>> 0 === i && i < this.#n) try { return this.#v.getInt16(i * 2, true); }
          catch {}
          const r = this.#foreign;
          if (typeof i === 'number' && i >>> 0 === i) { const e = i * 2 + 2; if (e <= r.u8.byteLength) return r.dv.getInt16(r.off + e - 2, true); }
          return this[getSlow](i);
        },
        set(i, v) {
          if (i16(v)) { if (typeof i === 'number' && i >>> 0 === i && i < this.#n) try { return void this.#v.setInt16(i * 2, v, true); } catch {} }
          const r = this.#foreign;
          if (typeof i === 'number' && i >>> 0 === i && i16(v)) { const e = i * 2 + 2; if (e <= r.u8.byteLength) return void r.dv.setInt16(r.off + e - 2, v, true); }
          this[setSlow](i, v);
        },
      },
      '>h': {
        get(i) {
          if (typeof i === 'number' && i >>> 0 === i && i < this.#n) try { return this.#v.getInt16(i * 2, false); }
          catch {}
          const r = this.#foreign;
          if (typeof i === 'number' && i >>> 0 === i) { const e = i * 2 + 2; if (e <= r.u8.byteLength) return r.dv.getInt16(r.off + e - 2, false); }
          return this[getSlow](i);
        },
        set(i, v) {
          if (i16(v)) { if (typeof i === 'number' && i >>> 0 === i && i < this.#n) try { return void this.#v.setInt16(i * 2, v, false); } catch {} }
          const r = this.#foreign;
          if (typeof i === 'number' && i >>> 0 === i && i16(v)) { const e = i * 2 + 2; if (e <= r.u8.byteLength) return void r.dv.setInt16(r.off + e - 2, v, false); }
          this[setSlow](i, v);
        },
      },
      'H': {
        get(i) {
          if (typeof i === 'number' && i >>> 0 === i && i < this.#n) try { return this.#v.getUint16(i * 2, true); }
          catch {}
          const r = this.#foreign;
          if (typeof i === 'number' && i >>> 0 === i) { const e = i * 2 + 2; if (e <= r.u8.byteLength) return r.dv.getUint16(r.off + e - 2, true); }
          return this[getSlow](i);
        },
        set(i, v) {
          if (u16(v)) { if (typeof i === 'number' && i >>> 0 === i && i < this.#n) try { return void this.#v.setUint16(i * 2, v, true); } catch {} }
          const r = this.#foreign;
          if (typeof i === 'number' && i >>> 0 === i && u16(v)) { const e = i * 2 + 2; if (e <= r.u8.byteLength) return void r.dv.setUint16(r.off + e - 2, v, true); }
          this[setSlow](i, v);
        },
      },
      '>H': {
        get(i) {
          if (typeof i === 'number' && i >>> 0 === i && i < this.#n) try { return this.#v.getUint16(i * 2, false); }
          catch {}
          const r = this.#foreign;
          if (typeof i === 'number' && i >>> 0 === i) { const e = i * 2 + 2; if (e <= r.u8.byteLength) return r.dv.getUint16(r.off + e - 2, false); }
          return this[getSlow](i);
        },
        set(i, v) {
          if (u16(v)) { if (typeof i === 'number' && i >>> 0 === i && i < this.#n) try { return void this.#v.setUint16(i * 2, v, false); } catch {} }
          const r = this.#foreign;
          if (typeof i === 'number' && i >>> 0 === i && u16(v)) { const e = i * 2 + 2; if (e <= r.u8.byteLength) return void r.dv.setUint16(r.off + e - 2, v, false); }
          this[setSlow](i, v);
        },
      },
      'i': {
        get(i) {
          if (typeof i === 'number' && i >>> 0 === i && i < this.#n) try { return this.#v.getInt32(i * 4, true); }
          catch {}
          const r = this.#foreign;
          if (typeof i === 'number' && i >>> 0 === i) { const e = i * 4 + 4; if (e <= r.u8.byteLength) return r.dv.getInt32(r.off + e - 4, true); }
          return this[getSlow](i);
        },
        set(i, v) {
          if (i32(v)) { if (typeof i === 'number' && i >>> 0 === i && i < this.#n) try { return void this.#v.setInt32(i * 4, v, true); } catch {} }
          const r = this.#foreign;
          if (typeof i === 'number' && i >>> 0 === i && i32(v)) { const e = i * 4 + 4; if (e <= r.u8.byteLength) return void r.dv.setInt32(r.off + e - 4, v, true); }
          this[setSlow](i, v);
        },
      },
      '>i': {
        get(i) {
          if (typeof i === 'number' && i >>> 0 === i && i < this.#n) try { return this.#v.getInt32(i * 4, false); }
          catch {}
          const r = this.#foreign;
          if (typeof i === 'number' && i >>> 0 === i) { const e = i * 4 + 4; if (e <= r.u8.byteLength) return r.dv.getInt32(r.off + e - 4, false); }
          return this[getSlow](i);
        },
        set(i, v) {
          if (i32(v)) { if (typeof i === 'number' && i >>> 0 === i && i < this.#n) try { return void this.#v.setInt32(i * 4, v, false); } catch {} }
          const r = this.#foreign;
          if (typeof i === 'number' && i >>> 0 === i && i32(v)) { const e = i * 4 + 4; if (e <= r.u8.byteLength) return void r.dv.setInt32(r.off + e - 4, v, false); }
          this[setSlow](i, v);
        },
      },
      'I': {
        get(i) {
          if (typeof i === 'number' && i >>> 0 === i && i < this.#n) try { return this.#v.getUint32(i * 4, true); }
          catch {}
          const r = this.#foreign;
          if (typeof i === 'number' && i >>> 0 === i) { const e = i * 4 + 4; if (e <= r.u8.byteLength) return r.dv.getUint32(r.off + e - 4, true); }
          return this[getSlow](i);
        },
        set(i, v) {
          if (u32(v)) { if (typeof i === 'number' && i >>> 0 === i && i < this.#n) try { return void this.#v.setUint32(i * 4, v, true); } catch {} }
          const r = this.#foreign;
          if (typeof i === 'number' && i >>> 0 === i && u32(v)) { const e = i * 4 + 4; if (e <= r.u8.byteLength) return void r.dv.setUint32(r.off + e - 4, v, true); }
          this[setSlow](i, v);
        },
      },
      '>I': {
        get(i) {
          if (typeof i === 'number' && i >>> 0 === i && i < this.#n) try { return this.#v.getUint32(i * 4, false); }
          catch {}
          const r = this.#foreign;
          if (typeof i === 'number' && i >>> 0 === i) { const e = i * 4 + 4; if (e <= r.u8.byteLength) return r.dv.getUint32(r.off + e - 4, false); }
          return this[getSlow](i);
        },
        set(i, v) {
          if (u32(v)) { if (typeof i === 'number' && i >>> 0 === i && i < this.#n) try { return void this.#v.setUint32(i * 4, v, false); } catch {} }
          const r = this.#foreign;
          if (typeof i === 'number' && i >>> 0 === i && u32(v)) { const e = i * 4 + 4; if (e <= r.u8.byteLength) return void r.dv.setUint32(r.off + e - 4, v, false); }
          this[setSlow](i, v);
        },
      },
      'q': {
        get(i) {
          if (typeof i === 'number' && i >>> 0 === i && i < this.#n) try { return this.#v.getBigInt64(i * 8, true); }
          catch {}
          const r = this.#foreign;
          if (typeof i === 'number' && i >>> 0 === i) { const e = i * 8 + 8; if (e <= r.u8.byteLength) return r.dv.getBigInt64(r.off + e - 8, true); }
          return this[getSlow](i);
        },
        set(i, v) {
          if (i64(v)) { if (typeof i === 'number' && i >>> 0 === i && i < this.#n) try { return void this.#v.setBigInt64(i * 8, v, true); } catch {} }
          const r = this.#foreign;
          if (typeof i === 'number' && i >>> 0 === i && i64(v)) { const e = i * 8 + 8; if (e <= r.u8.byteLength) return void r.dv.setBigInt64(r.off + e - 8, v, true); }
          this[setSlow](i, v);
        },
      },
      '>q': {
        get(i) {
          if (typeof i === 'number' && i >>> 0 === i && i < this.#n) try { return this.#v.getBigInt64(i * 8, false); }
          catch {}
          const r = this.#foreign;
          if (typeof i === 'number' && i >>> 0 === i) { const e = i * 8 + 8; if (e <= r.u8.byteLength) return r.dv.getBigInt64(r.off + e - 8, false); }
          return this[getSlow](i);
        },
        set(i, v) {
          if (i64(v)) { if (typeof i === 'number' && i >>> 0 === i && i < this.#n) try { return void this.#v.setBigInt64(i * 8, v, false); } catch {} }
          const r = this.#foreign;
          if (typeof i === 'number' && i >>> 0 === i && i64(v)) { const e = i * 8 + 8; if (e <= r.u8.byteLength) return void r.dv.setBigInt64(r.off + e - 8, v, false); }
          this[setSlow](i, v);
        },
      },
      'Q': {
        get(i) {
          if (typeof i === 'number' && i >>> 0 === i && i < this.#n) try { return this.#v.getBigUint64(i * 8, true); }
          catch {}
          const r = this.#foreign;
          if (typeof i === 'number' && i >>> 0 === i) { const e = i * 8 + 8; if (e <= r.u8.byteLength) return r.dv.getBigUint64(r.off + e - 8, true); }
          return this[getSlow](i);
        },
        set(i, v) {
          if (u64(v)) { if (typeof i === 'number' && i >>> 0 === i && i < this.#n) try { return void this.#v.setBigUint64(i * 8, v, true); } catch {} }
          const r = this.#foreign;
          if (typeof i === 'number' && i >>> 0 === i && u64(v)) { const e = i * 8 + 8; if (e <= r.u8.byteLength) return void r.dv.setBigUint64(r.off + e - 8, v, true); }
          this[setSlow](i, v);
        },
      },
      '>Q': {
        get(i) {
          if (typeof i === 'number' && i >>> 0 === i && i < this.#n) try { return this.#v.getBigUint64(i * 8, false); }
          catch {}
          const r = this.#foreign;
          if (typeof i === 'number' && i >>> 0 === i) { const e = i * 8 + 8; if (e <= r.u8.byteLength) return r.dv.getBigUint64(r.off + e - 8, false); }
          return this[getSlow](i);
        },
        set(i, v) {
          if (u64(v)) { if (typeof i === 'number' && i >>> 0 === i && i < this.#n) try { return void this.#v.setBigUint64(i * 8, v, false); } catch {} }
          const r = this.#foreign;
          if (typeof i === 'number' && i >>> 0 === i && u64(v)) { const e = i * 8 + 8; if (e <= r.u8.byteLength) return void r.dv.setBigUint64(r.off + e - 8, v, false); }
          this[setSlow](i, v);
        },
      },
      'f': {
        get(i) {
          if (typeof i === 'number' && i >>> 0 === i && i < this.#n) try { return this.#v.getFloat32(i * 4, true); }
          catch {}
          const r = this.#foreign;
          if (typeof i === 'number' && i >>> 0 === i) { const e = i * 4 + 4; if (e <= r.u8.byteLength) return r.dv.getFloat32(r.off + e - 4, true); }
          return this[getSlow](i);
        },
        set(i, v) {
          if (f32(v)) { if (typeof i === 'number' && i >>> 0 === i && i < this.#n) try { return void this.#v.setFloat32(i * 4, v, true); } catch {} }
          const r = this.#foreign;
          if (typeof i === 'number' && i >>> 0 === i && f32(v)) { const e = i * 4 + 4; if (e <= r.u8.byteLength) return void r.dv.setFloat32(r.off + e - 4, v, true); }
          this[setSlow](i, v);
        },
      },
      '>f': {
        get(i) {
          if (typeof i === 'number' && i >>> 0 === i && i < this.#n) try { return this.#v.getFloat32(i * 4, false); }
          catch {}
          const r = this.#foreign;
          if (typeof i === 'number' && i >>> 0 === i) { const e = i * 4 + 4; if (e <= r.u8.byteLength) return r.dv.getFloat32(r.off + e - 4, false); }
          return this[getSlow](i);
        },
        set(i, v) {
          if (f32(v)) { if (typeof i === 'number' && i >>> 0 === i && i < this.#n) try { return void this.#v.setFloat32(i * 4, v, false); } catch {} }
          const r = this.#foreign;
          if (typeof i === 'number' && i >>> 0 === i && f32(v)) { const e = i * 4 + 4; if (e <= r.u8.byteLength) return void r.dv.setFloat32(r.off + e - 4, v, false); }
          this[setSlow](i, v);
        },
      },
      'd': {
        get(i) {
          if (typeof i === 'number' && i >>> 0 === i && i < this.#n) try { return this.#v.getFloat64(i * 8, true); }
          catch {}
          const r = this.#foreign;
          if (typeof i === 'number' && i >>> 0 === i) { const e = i * 8 + 8; if (e <= r.u8.byteLength) return r.dv.getFloat64(r.off + e - 8, true); }
          return this[getSlow](i);
        },
        set(i, v) {
          if (f64(v)) { if (typeof i === 'number' && i >>> 0 === i && i < this.#n) try { return void this.#v.setFloat64(i * 8, v, true); } catch {} }
          const r = this.#foreign;
          if (typeof i === 'number' && i >>> 0 === i && f64(v)) { const e = i * 8 + 8; if (e <= r.u8.byteLength) return void r.dv.setFloat64(r.off + e - 8, v, true); }
          this[setSlow](i, v);
        },
      },
      '>d': {
        get(i) {
          if (typeof i === 'number' && i >>> 0 === i && i < this.#n) try { return this.#v.getFloat64(i * 8, false); }
          catch {}
          const r = this.#foreign;
          if (typeof i === 'number' && i >>> 0 === i) { const e = i * 8 + 8; if (e <= r.u8.byteLength) return r.dv.getFloat64(r.off + e - 8, false); }
          return this[getSlow](i);
        },
        set(i, v) {
          if (f64(v)) { if (typeof i === 'number' && i >>> 0 === i && i < this.#n) try { return void this.#v.setFloat64(i * 8, v, false); } catch {} }
          const r = this.#foreign;
          if (typeof i === 'number' && i >>> 0 === i && f64(v)) { const e = i * 8 + 8; if (e <= r.u8.byteLength) return void r.dv.setFloat64(r.off + e - 8, v, false); }
          this[setSlow](i, v);
        },
      },
    };
    ON_FOREIGN_AT = {
      'b': {
        get(i) {
          if (typeof i === 'number' && i >>> 0 === i && i < this.#nAt) try { return this.#w.getInt8(i * this.#stride); }
          catch {}
          const r = this.#foreignAt;
          const g = this.#geo;
          if (typeof i === 'number' && i >>> 0 === i && i < g.limit) { const e = g.origin + i * g.stride + g.span; if (e <= r.u8.byteLength) return r.dv.getInt8(r.off + e - g.span + g.lead); }
          return this[getSlow](i);
        },
        set(i, v) {
          if (i8(v)) { if (typeof i === 'number' && i >>> 0 === i && i < this.#nAt) try { return void this.#w.setInt8(i * this.#stride, v); } catch {} }
          const r = this.#foreignAt;
          const g = this.#geo;
          if (typeof i === 'number' && i >>> 0 === i && i < g.limit && i8(v)) { const e = g.origin + i * g.stride + g.span; if (e <= r.u8.byteLength) return void r.dv.setInt8(r.off + e - g.span + g.lead, v); }
          this[setSlow](i, v);
        },
      },
      'B': {
        get(i) {
          if (typeof i === 'number' && i >>> 0 === i && i < this.#nAt) try { return this.#w.getUint8(i * this.#stride); }
          catch {}
          const r = this.#foreignAt;
          const g = this.#geo;
          if (typeof i === 'number' && i >>> 0 === i && i < g.limit) { const e = g.origin + i * g.stride + g.span; if (e <= r.u8.byteLength) return r.dv.getUint8(r.off + e - g.span + g.lead); }
          return this[getSlow](i);
        },
        set(i, v) {
          if (u8(v)) { if (typeof i === 'number' && i >>> 0 === i && i < this.#nAt) try { return void this.#w.setUint8(i * this.#stride, v); } catch {} }
          const r = this.#foreignAt;
          const g = this.#geo;
          if (typeof i === 'number' && i >>> 0 === i && i < g.limit && u8(v)) { const e = g.origin + i * g.stride + g.span; if (e <= r.u8.byteLength) return void r.dv.setUint8(r.off + e - g.span + g.lead, v); }
          this[setSlow](i, v);
        },
      },
      'h': {
        get(i) {
          if (typeof i === 'number' && i >>> 0 === i && i < this.#nAt) try { return this.#w.getInt16(i * this.#stride, true); }
          catch {}
          const r = this.#foreignAt;
          const g = this.#geo;
          if (typeof i === 'number' && i >>> 0 === i && i < g.limit) { const e = g.origin + i * g.stride + g.span; if (e <= r.u8.byteLength) return r.dv.getInt16(r.off + e - g.span + g.lead, true); }
          return this[getSlow](i);
        },
        set(i, v) {
          if (i16(v)) { if (typeof i === 'number' && i >>> 0 === i && i < this.#nAt) try { return void this.#w.setInt16(i * this.#stride, v, true); } catch {} }
          const r = this.#foreignAt;
          const g = this.#geo;
          if (typeof i === 'number' && i >>> 0 === i && i < g.limit && i16(v)) { const e = g.origin + i * g.stride + g.span; if (e <= r.u8.byteLength) return void r.dv.setInt16(r.off + e - g.span + g.lead, v, true); }
          this[setSlow](i, v);
        },
      },
      '>h': {
        get(i) {
          if (typeof i === 'number' && i >>> 0 === i && i < this.#nAt) try { return this.#w.getInt16(i * this.#stride, false); }
          catch {}
          const r = this.#foreignAt;
          const g = this.#geo;
          if (typeof i === 'number' && i >>> 0 === i && i < g.limit) { const e = g.origin + i * g.stride + g.span; if (e <= r.u8.byteLength) return r.dv.getInt16(r.off + e - g.span + g.lead, false); }
          return this[getSlow](i);
        },
        set(i, v) {
          if (i16(v)) { if (typeof i === 'number' && i >>> 0 === i && i < this.#nAt) try { return void this.#w.setInt16(i * this.#stride, v, false); } catch {} }
          const r = this.#foreignAt;
          const g = this.#geo;
          if (typeof i === 'number' && i >>> 0 === i && i < g.limit && i16(v)) { const e = g.origin + i * g.stride + g.span; if (e <= r.u8.byteLength) return void r.dv.setInt16(r.off + e - g.span + g.lead, v, false); }
          this[setSlow](i, v);
        },
      },
      'H': {
        get(i) {
          if (typeof i === 'number' && i >>> 0 === i && i < this.#nAt) try { return this.#w.getUint16(i * this.#stride, true); }
          catch {}
          const r = this.#foreignAt;
          const g = this.#geo;
          if (typeof i === 'number' && i >>> 0 === i && i < g.limit) { const e = g.origin + i * g.stride + g.span; if (e <= r.u8.byteLength) return r.dv.getUint16(r.off + e - g.span + g.lead, true); }
          return this[getSlow](i);
        },
        set(i, v) {
          if (u16(v)) { if (typeof i === 'number' && i >>> 0 === i && i < this.#nAt) try { return void this.#w.setUint16(i * this.#stride, v, true); } catch {} }
          const r = this.#foreignAt;
          const g = this.#geo;
          if (typeof i === 'number' && i >>> 0 === i && i < g.limit && u16(v)) { const e = g.origin + i * g.stride + g.span; if (e <= r.u8.byteLength) return void r.dv.setUint16(r.off + e - g.span + g.lead, v, true); }
          this[setSlow](i, v);
        },
      },
      '>H': {
        get(i) {
          if (typeof i === 'number' && i >>> 0 === i && i < this.#nAt) try { return this.#w.getUint16(i * this.#stride, false); }
          catch {}
          const r = this.#foreignAt;
          const g = this.#geo;
          if (typeof i === 'number' && i >>> 0 === i && i < g.limit) { const e = g.origin + i * g.stride + g.span; if (e <= r.u8.byteLength) return r.dv.getUint16(r.off + e - g.span + g.lead, false); }
          return this[getSlow](i);
        },
        set(i, v) {
          if (u16(v)) { if (typeof i === 'number' && i >>> 0 === i && i < this.#nAt) try { return void this.#w.setUint16(i * this.#stride, v, false); } catch {} }
          const r = this.#foreignAt;
          const g = this.#geo;
          if (typeof i === 'number' && i >>> 0 === i && i < g.limit && u16(v)) { const e = g.origin + i * g.stride + g.span; if (e <= r.u8.byteLength) return void r.dv.setUint16(r.off + e - g.span + g.lead, v, false); }
          this[setSlow](i, v);
        },
      },
      'i': {
        get(i) {
          if (typeof i === 'number' && i >>> 0 === i && i < this.#nAt) try { return this.#w.getInt32(i * this.#stride, true); }
          catch {}
          const r = this.#foreignAt;
          const g = this.#geo;
          if (typeof i === 'number' && i >>> 0 === i && i < g.limit) { const e = g.origin + i * g.stride + g.span; if (e <= r.u8.byteLength) return r.dv.getInt32(r.off + e - g.span + g.lead, true); }
          return this[getSlow](i);
        },
        set(i, v) {
          if (i32(v)) { if (typeof i === 'number' && i >>> 0 === i && i < this.#nAt) try { return void this.#w.setInt32(i * this.#stride, v, true); } catch {} }
          const r = this.#foreignAt;
          const g = this.#geo;
          if (typeof i === 'number' && i >>> 0 === i && i < g.limit && i32(v)) { const e = g.origin + i * g.stride + g.span; if (e <= r.u8.byteLength) return void r.dv.setInt32(r.off + e - g.span + g.lead, v, true); }
          this[setSlow](i, v);
        },
      },
      '>i': {
        get(i) {
          if (typeof i === 'number' && i >>> 0 === i && i < this.#nAt) try { return this.#w.getInt32(i * this.#stride, false); }
          catch {}
          const r = this.#foreignAt;
          const g = this.#geo;
          if (typeof i === 'number' && i >>> 0 === i && i < g.limit) { const e = g.origin + i * g.stride + g.span; if (e <= r.u8.byteLength) return r.dv.getInt32(r.off + e - g.span + g.lead, false); }
          return this[getSlow](i);
        },
        set(i, v) {
          if (i32(v)) { if (typeof i === 'number' && i >>> 0 === i && i < this.#nAt) try { return void this.#w.setInt32(i * this.#stride, v, false); } catch {} }
          const r = this.#foreignAt;
          const g = this.#geo;
          if (typeof i === 'number' && i >>> 0 === i && i < g.limit && i32(v)) { const e = g.origin + i * g.stride + g.span; if (e <= r.u8.byteLength) return void r.dv.setInt32(r.off + e - g.span + g.lead, v, false); }
          this[setSlow](i, v);
        },
      },
      'I': {
        get(i) {
          if (typeof i === 'number' && i >>> 0 === i && i < this.#nAt) try { return this.#w.getUint32(i * this.#stride, true); }
          catch {}
          const r = this.#foreignAt;
          const g = this.#geo;
          if (typeof i === 'number' && i >>> 0 === i && i < g.limit) { const e = g.origin + i * g.stride + g.span; if (e <= r.u8.byteLength) return r.dv.getUint32(r.off + e - g.span + g.lead, true); }
          return this[getSlow](i);
        },
        set(i, v) {
          if (u32(v)) { if (typeof i === 'number' && i >>> 0 === i && i < this.#nAt) try { return void this.#w.setUint32(i * this.#stride, v, true); } catch {} }
          const r = this.#foreignAt;
          const g = this.#geo;
          if (typeof i === 'number' && i >>> 0 === i && i < g.limit && u32(v)) { const e = g.origin + i * g.stride + g.span; if (e <= r.u8.byteLength) return void r.dv.setUint32(r.off + e - g.span + g.lead, v, true); }
          this[setSlow](i, v);
        },
      },
      '>I': {
        get(i) {
          if (typeof i === 'number' && i >>> 0 === i && i < this.#nAt) try { return this.#w.getUint32(i * this.#stride, false); }
          catch {}
          const r = this.#foreignAt;
          const g = this.#geo;
          if (typeof i === 'number' && i >>> 0 === i && i < g.limit) { const e = g.origin + i * g.stride + g.span; if (e <= r.u8.byteLength) return r.dv.getUint32(r.off + e - g.span + g.lead, false); }
          return this[getSlow](i);
        },
        set(i, v) {
          if (u32(v)) { if (typeof i === 'number' && i >>> 0 === i && i < this.#nAt) try { return void this.#w.setUint32(i * this.#stride, v, false); } catch {} }
          const r = this.#foreignAt;
          const g = this.#geo;
          if (typeof i === 'number' && i >>> 0 === i && i < g.limit && u32(v)) { const e = g.origin + i * g.stride + g.span; if (e <= r.u8.byteLength) return void r.dv.setUint32(r.off + e - g.span + g.lead, v, false); }
          this[setSlow](i, v);
        },
      },
      'q': {
        get(i) {
          if (typeof i === 'number' && i >>> 0 === i && i < this.#nAt) try { return this.#w.getBigInt64(i * this.#stride, true); }
          catch {}
          const r = this.#foreignAt;
          const g = this.#geo;
          if (typeof i === 'number' && i >>> 0 === i && i < g.limit) { const e = g.origin + i * g.stride + g.span; if (e <= r.u8.byteLength) return r.dv.getBigInt64(r.off + e - g.span + g.lead, true); }
          return this[getSlow](i);
        },
        set(i, v) {
          if (i64(v)) { if (typeof i === 'number' && i >>> 0 === i && i < this.#nAt) try { return void this.#w.setBigInt64(i * this.#stride, v, true); } catch {} }
          const r = this.#foreignAt;
          const g = this.#geo;
          if (typeof i === 'number' && i >>> 0 === i && i < g.limit && i64(v)) { const e = g.origin + i * g.stride + g.span; if (e <= r.u8.byteLength) return void r.dv.setBigInt64(r.off + e - g.span + g.lead, v, true); }
          this[setSlow](i, v);
        },
      },
      '>q': {
        get(i) {
          if (typeof i === 'number' && i >>> 0 === i && i < this.#nAt) try { return this.#w.getBigInt64(i * this.#stride, false); }
          catch {}
          const r = this.#foreignAt;
          const g = this.#geo;
          if (typeof i === 'number' && i >>> 0 === i && i < g.limit) { const e = g.origin + i * g.stride + g.span; if (e <= r.u8.byteLength) return r.dv.getBigInt64(r.off + e - g.span + g.lead, false); }
          return this[getSlow](i);
        },
        set(i, v) {
          if (i64(v)) { if (typeof i === 'number' && i >>> 0 === i && i < this.#nAt) try { return void this.#w.setBigInt64(i * this.#stride, v, false); } catch {} }
          const r = this.#foreignAt;
          const g = this.#geo;
          if (typeof i === 'number' && i >>> 0 === i && i < g.limit && i64(v)) { const e = g.origin + i * g.stride + g.span; if (e <= r.u8.byteLength) return void r.dv.setBigInt64(r.off + e - g.span + g.lead, v, false); }
          this[setSlow](i, v);
        },
      },
      'Q': {
        get(i) {
          if (typeof i === 'number' && i >>> 0 === i && i < this.#nAt) try { return this.#w.getBigUint64(i * this.#stride, true); }
          catch {}
          const r = this.#foreignAt;
          const g = this.#geo;
          if (typeof i === 'number' && i >>> 0 === i && i < g.limit) { const e = g.origin + i * g.stride + g.span; if (e <= r.u8.byteLength) return r.dv.getBigUint64(r.off + e - g.span + g.lead, true); }
          return this[getSlow](i);
        },
        set(i, v) {
          if (u64(v)) { if (typeof i === 'number' && i >>> 0 === i && i < this.#nAt) try { return void this.#w.setBigUint64(i * this.#stride, v, true); } catch {} }
          const r = this.#foreignAt;
          const g = this.#geo;
          if (typeof i === 'number' && i >>> 0 === i && i < g.limit && u64(v)) { const e = g.origin + i * g.stride + g.span; if (e <= r.u8.byteLength) return void r.dv.setBigUint64(r.off + e - g.span + g.lead, v, true); }
          this[setSlow](i, v);
        },
      },
      '>Q': {
        get(i) {
          if (typeof i === 'number' && i >>> 0 === i && i < this.#nAt) try { return this.#w.getBigUint64(i * this.#stride, false); }
          catch {}
          const r = this.#foreignAt;
          const g = this.#geo;
          if (typeof i === 'number' && i >>> 0 === i && i < g.limit) { const e = g.origin + i * g.stride + g.span; if (e <= r.u8.byteLength) return r.dv.getBigUint64(r.off + e - g.span + g.lead, false); }
          return this[getSlow](i);
        },
        set(i, v) {
          if (u64(v)) { if (typeof i === 'number' && i >>> 0 === i && i < this.#nAt) try { return void this.#w.setBigUint64(i * this.#stride, v, false); } catch {} }
          const r = this.#foreignAt;
          const g = this.#geo;
          if (typeof i === 'number' && i >>> 0 === i && i < g.limit && u64(v)) { const e = g.origin + i * g.stride + g.span; if (e <= r.u8.byteLength) return void r.dv.setBigUint64(r.off + e - g.span + g.lead, v, false); }
          this[setSlow](i, v);
        },
      },
      'f': {
        get(i) {
          if (typeof i === 'number' && i >>> 0 === i && i < this.#nAt) try { return this.#w.getFloat32(i * this.#stride, true); }
          catch {}
          const r = this.#foreignAt;
          const g = this.#geo;
          if (typeof i === 'number' && i >>> 0 === i && i < g.limit) { const e = g.origin + i * g.stride + g.span; if (e <= r.u8.byteLength) return r.dv.getFloat32(r.off + e - g.span + g.lead, true); }
          return this[getSlow](i);
        },
        set(i, v) {
          if (f32(v)) { if (typeof i === 'number' && i >>> 0 === i && i < this.#nAt) try { return void this.#w.setFloat32(i * this.#stride, v, true); } catch {} }
          const r = this.#foreignAt;
          const g = this.#geo;
          if (typeof i === 'number' && i >>> 0 === i && i < g.limit && f32(v)) { const e = g.origin + i * g.stride + g.span; if (e <= r.u8.byteLength) return void r.dv.setFloat32(r.off + e - g.span + g.lead, v, true); }
          this[setSlow](i, v);
        },
      },
      '>f': {
        get(i) {
          if (typeof i === 'number' && i >>> 0 === i && i < this.#nAt) try { return this.#w.getFloat32(i * this.#stride, false); }
          catch {}
          const r = this.#foreignAt;
          const g = this.#geo;
          if (typeof i === 'number' && i >>> 0 === i && i < g.limit) { const e = g.origin + i * g.stride + g.span; if (e <= r.u8.byteLength) return r.dv.getFloat32(r.off + e - g.span + g.lead, false); }
          return this[getSlow](i);
        },
        set(i, v) {
          if (f32(v)) { if (typeof i === 'number' && i >>> 0 === i && i < this.#nAt) try { return void this.#w.setFloat32(i * this.#stride, v, false); } catch {} }
          const r = this.#foreignAt;
          const g = this.#geo;
          if (typeof i === 'number' && i >>> 0 === i && i < g.limit && f32(v)) { const e = g.origin + i * g.stride + g.span; if (e <= r.u8.byteLength) return void r.dv.setFloat32(r.off + e - g.span + g.lead, v, false); }
          this[setSlow](i, v);
        },
      },
      'd': {
        get(i) {
          if (typeof i === 'number' && i >>> 0 === i && i < this.#nAt) try { return this.#w.getFloat64(i * this.#stride, true); }
          catch {}
          const r = this.#foreignAt;
          const g = this.#geo;
          if (typeof i === 'number' && i >>> 0 === i && i < g.limit) { const e = g.origin + i * g.stride + g.span; if (e <= r.u8.byteLength) return r.dv.getFloat64(r.off + e - g.span + g.lead, true); }
          return this[getSlow](i);
        },
        set(i, v) {
          if (f64(v)) { if (typeof i === 'number' && i >>> 0 === i && i < this.#nAt) try { return void this.#w.setFloat64(i * this.#stride, v, true); } catch {} }
          const r = this.#foreignAt;
          const g = this.#geo;
          if (typeof i === 'number' && i >>> 0 === i && i < g.limit && f64(v)) { const e = g.origin + i * g.stride + g.span; if (e <= r.u8.byteLength) return void r.dv.setFloat64(r.off + e - g.span + g.lead, v, true); }
          this[setSlow](i, v);
        },
      },
      '>d': {
        get(i) {
          if (typeof i === 'number' && i >>> 0 === i && i < this.#nAt) try { return this.#w.getFloat64(i * this.#stride, false); }
          catch {}
          const r = this.#foreignAt;
          const g = this.#geo;
          if (typeof i === 'number' && i >>> 0 === i && i < g.limit) { const e = g.origin + i * g.stride + g.span; if (e <= r.u8.byteLength) return r.dv.getFloat64(r.off + e - g.span + g.lead, false); }
          return this[getSlow](i);
        },
        set(i, v) {
          if (f64(v)) { if (typeof i === 'number' && i >>> 0 === i && i < this.#nAt) try { return void this.#w.setFloat64(i * this.#stride, v, false); } catch {} }
          const r = this.#foreignAt;
          const g = this.#geo;
          if (typeof i === 'number' && i >>> 0 === i && i < g.limit && f64(v)) { const e = g.origin + i * g.stride + g.span; if (e <= r.u8.byteLength) return void r.dv.setFloat64(r.off + e - g.span + g.lead, v, false); }
          this[setSlow](i, v);
        },
      },
    };
    ON_ITEM = {
      get(i) { const r = this.#itemRegion; const o = r.at(i, this.#item.size); return o < 0 ? this[getSlow](i) : this.#item.read(r.tdv(), o); },
    };
  }
}

/**
 * The typed array class an array over `region` reads its items with (ON_CHUNK
 * little-endian, ON_CHUNK_TYPED), else null: items of an integer or float code
 * (item.bulk: null for e c ? and records) stored little-endian, on a chunk, each
 * aligned to its size (a chunk's block is 8-aligned) and the stride a multiple of it.
 */
export function typedOn(region, item, geo) {
  if (region.kind !== CHUNK_REGION || item.converts || typeof item.bulk !== 'function' || !(item.little || item.size === 1)) return null;
  return (region.start + geo.origin + geo.lead) % item.size === 0 && geo.stride % item.size === 0 ? item.bulk : null;
}

/** Stamps the fast paths' fields on a new array: its constructor, once. */
export function stampFast(arr, region, item, geo) {
  new FastPaths(arr, region, item, geo);
}
