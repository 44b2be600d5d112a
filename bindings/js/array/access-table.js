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
import { CHUNK_REGION, FOREIGN_REGION, bufferResizability, chunkExtend, getSlow, pushSlow, setSlow, Stamp } from '../core/internal.js';
import { heap16, heap32, heap64, heap8, heapDV, heapF32, heapF64, heapU16, heapU32, heapU64, heapU8, moves, wasmBuffer } from '../core/wasm.js';
import { f32, f64, i16, i32, i64, i8, u16, u32, u64, u8 } from './fits.js';
import { itemCount } from './geometry.js';

/** Arrays over a whole Chunk, items packed from its start: their typed view (little-endian; else ON_AT's get and set), and push. */
export let ON_CHUNK;
/**
 * The other arrays on a chunk (with an offset, stride or length, columns, windows:
 * a MemSlice of one) and those over a whole foreign buffer (ArrayBuffer,
 * SharedArrayBuffer, Uint8Array, Buffer): their DataView from item 0.
 */
export let ON_AT;
/** Records, e c ?, and windows on a foreign object (a MemSlice buffer): the region says where the item is, the item codec reads it. */
export let ON_ITEM;

// Stand-ins no index passes: len -1 fails `(len & (k - 1)) === 0` and `len >= 0` (push), and a
// freed cell has no items.
const NO_CELL = Object.freeze({ ptr: 0, len: -1, freed: true });
const NO_ITEM = Object.freeze({ at: () => -1 });
const NO_VIEW = new Uint8Array(0);
/** wasm.js's `moves`, through a constant of this module: the engine then reads its field in one load. */
const MOVES = moves;

class FastPaths extends Stamp {
  // Each table reads only its own fields, stamped with the real state only for an
  // array that table serves (of its storage kind and geometry); any other array
  // gets a stand-in that no index passes, so a method called on it with `call`
  // takes the generic path.
  #cell; // ON_CHUNK: the whole chunk's storage cell (read-only here), else NO_CELL
  #chunk; // ON_CHUNK: the whole chunk, whose own append push uses, else null
  #home; // on a chunk: its storage cell (read-only here), else NO_CELL
  #region; // the array's Region (its window: start, stop)
  #geo; // the array's geometry (geometry.js)
  #gen = -1; // the generation #v and #n were made at (never -1: the first access makes them)
  // The view of the items (on a chunk: made at #gen, see above; on a foreign buffer of
  // fixed length: made with the array, for good) and the items it shows (on a chunk,
  // fewer than now after an in-place growth: those take #miss).
  #v = NO_VIEW;
  #n = 0;
  #View; // the class of #v: the format's typed array (packed little-endian items on a chunk), else DataView
  #stride; // bytes from one item to the next
  #itemRegion; // ON_ITEM: the Region of a plain array, else NO_ITEM
  #item; // the item codec (struct/records.js)

  constructor(arr, region, item, geo) {
    super(arr);
    const fast = geo.plain && !item.converts;
    const packed = fast && region.whole;
    const onChunk = region.kind === CHUNK_REGION && !item.converts;
    this.#cell = packed && onChunk ? region.cell : NO_CELL;
    this.#chunk = packed && onChunk ? region.obj : null;
    this.#home = onChunk ? region.cell : NO_CELL;
    this.#region = region;
    this.#geo = geo;
    this.#stride = geo.stride;
    // (item.bulk: the typed array of an integer or float code of its width; null for e c ? and records.)
    const typed = packed && onChunk && typeof item.bulk === 'function' && (item.little || item.size === 1);
    this.#View = typed ? item.bulk : DataView;
    // A foreign buffer of fixed length keeps it unless detached, when its view throws
    // (the methods then take the checked path): its view is made now, so no access
    // reads u8.byteLength, which once any buffer was detached (memory.grow detaches)
    // is a call in V8 (measured 2 -> 11 ns a get). Resizable ones: the checked path.
    if (region.kind === FOREIGN_REGION && region.whole && !item.converts && bufferResizability(region.dv.buffer) === null) {
      const len = region.u8.byteLength;
      const from = geo.origin + geo.lead;
      // (| 0: small integers keep the field an untagged int in V8; beyond, the checked path.)
      this.#n = Math.min(itemCount(geo, len), 0x7fffffff) | 0;
      if (this.#n > 0) this.#v = new DataView(region.dv.buffer, region.off + from, len - from);
    }
    this.#itemRegion = fast ? region : NO_ITEM;
    this.#item = item;
  }

  /**
   * Counts the items on a chunk now, with a view of them for the current generation
   * (a freed chunk: no items), and says whether it has item `i`. `View` is the calling method's
   * (the format's typed array, or DataView): another table's method called on this
   * array (with `call`) gets false, the generic path. A foreign buffer's view stays.
   */
  #miss(i, View) {
    if (View !== this.#View) return false;
    const c = this.#home;
    if (c !== NO_CELL) {
      const r = this.#region;
      const g = this.#geo;
      const len = c.freed ? 0 : Math.max(0, Math.min(r.stop, c.len) - r.start);
      const from = g.origin + g.lead;
      this.#n = Math.min(itemCount(g, len), 0x7fffffff) | 0;
      // The view spans the block to its capacity, so a growth in place (a push) keeps
      // it: a new one only in a new generation (the block moved, shrank or was freed,
      // or memory grew) or after none (a chunk given its first block keeps generation).
      if (this.#gen !== MOVES.generation || this.#v === NO_VIEW) {
        const room = c.freed ? 0 : Math.min(r.stop, c.cap) - r.start - from;
        const at = c.ptr + r.start + from;
        if (room <= 0) this.#v = NO_VIEW;
        else this.#v = View === DataView ? new DataView(wasmBuffer(), at, room) : new View(wasmBuffer(), at, Math.floor(room / View.BYTES_PER_ELEMENT));
      }
    }
    // No view (an empty or freed chunk) is never kept: a push that gives the chunk its
    // first block bumps no generation, and the next access must make the view.
    this.#gen = this.#v === NO_VIEW ? -1 : MOVES.generation;
    return typeof i === 'number' && i >>> 0 === i && i < this.#n;
  }

  /** A set's way past its fast case: whether value `v` fits (`fits`, fits.js) and item `i` is there (#miss). */
  #setOk(i, v, View, fits) {
    return fits(v) && this.#miss(i, View);
  }

  static {
    ON_AT = {
      'b': {
        get(i) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n) || this.#miss(i, DataView)) try { return this.#v.getInt8(i * this.#stride); } catch {} return this[getSlow](i); },
        set(i, v) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n && typeof v === 'number' && (v << 24) >> 24 === v) || this.#setOk(i, v, DataView, i8)) try { return void this.#v.setInt8(i * this.#stride, v); } catch {} this[setSlow](i, v); },
      },
      'B': {
        get(i) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n) || this.#miss(i, DataView)) try { return this.#v.getUint8(i * this.#stride); } catch {} return this[getSlow](i); },
        set(i, v) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n && typeof v === 'number' && (v & 0xff) === v) || this.#setOk(i, v, DataView, u8)) try { return void this.#v.setUint8(i * this.#stride, v); } catch {} this[setSlow](i, v); },
      },
      'h': {
        get(i) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n) || this.#miss(i, DataView)) try { return this.#v.getInt16(i * this.#stride, true); } catch {} return this[getSlow](i); },
        set(i, v) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n && typeof v === 'number' && (v << 16) >> 16 === v) || this.#setOk(i, v, DataView, i16)) try { return void this.#v.setInt16(i * this.#stride, v, true); } catch {} this[setSlow](i, v); },
      },
      '>h': {
        get(i) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n) || this.#miss(i, DataView)) try { return this.#v.getInt16(i * this.#stride, false); } catch {} return this[getSlow](i); },
        set(i, v) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n && typeof v === 'number' && (v << 16) >> 16 === v) || this.#setOk(i, v, DataView, i16)) try { return void this.#v.setInt16(i * this.#stride, v, false); } catch {} this[setSlow](i, v); },
      },
      'H': {
        get(i) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n) || this.#miss(i, DataView)) try { return this.#v.getUint16(i * this.#stride, true); } catch {} return this[getSlow](i); },
        set(i, v) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n && typeof v === 'number' && (v & 0xffff) === v) || this.#setOk(i, v, DataView, u16)) try { return void this.#v.setUint16(i * this.#stride, v, true); } catch {} this[setSlow](i, v); },
      },
      '>H': {
        get(i) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n) || this.#miss(i, DataView)) try { return this.#v.getUint16(i * this.#stride, false); } catch {} return this[getSlow](i); },
        set(i, v) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n && typeof v === 'number' && (v & 0xffff) === v) || this.#setOk(i, v, DataView, u16)) try { return void this.#v.setUint16(i * this.#stride, v, false); } catch {} this[setSlow](i, v); },
      },
      'i': {
        get(i) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n) || this.#miss(i, DataView)) try { return this.#v.getInt32(i * this.#stride, true); } catch {} return this[getSlow](i); },
        set(i, v) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n && typeof v === 'number' && (v | 0) === v) || this.#setOk(i, v, DataView, i32)) try { return void this.#v.setInt32(i * this.#stride, v, true); } catch {} this[setSlow](i, v); },
      },
      '>i': {
        get(i) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n) || this.#miss(i, DataView)) try { return this.#v.getInt32(i * this.#stride, false); } catch {} return this[getSlow](i); },
        set(i, v) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n && typeof v === 'number' && (v | 0) === v) || this.#setOk(i, v, DataView, i32)) try { return void this.#v.setInt32(i * this.#stride, v, false); } catch {} this[setSlow](i, v); },
      },
      'I': {
        get(i) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n) || this.#miss(i, DataView)) try { return this.#v.getUint32(i * this.#stride, true); } catch {} return this[getSlow](i); },
        set(i, v) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n && typeof v === 'number' && v >>> 0 === v) || this.#setOk(i, v, DataView, u32)) try { return void this.#v.setUint32(i * this.#stride, v, true); } catch {} this[setSlow](i, v); },
      },
      '>I': {
        get(i) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n) || this.#miss(i, DataView)) try { return this.#v.getUint32(i * this.#stride, false); } catch {} return this[getSlow](i); },
        set(i, v) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n && typeof v === 'number' && v >>> 0 === v) || this.#setOk(i, v, DataView, u32)) try { return void this.#v.setUint32(i * this.#stride, v, false); } catch {} this[setSlow](i, v); },
      },
      'q': {
        get(i) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n) || this.#miss(i, DataView)) try { return this.#v.getBigInt64(i * this.#stride, true); } catch {} return this[getSlow](i); },
        set(i, v) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n && i64(v)) || this.#setOk(i, v, DataView, i64)) try { return void this.#v.setBigInt64(i * this.#stride, v, true); } catch {} this[setSlow](i, v); },
      },
      '>q': {
        get(i) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n) || this.#miss(i, DataView)) try { return this.#v.getBigInt64(i * this.#stride, false); } catch {} return this[getSlow](i); },
        set(i, v) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n && i64(v)) || this.#setOk(i, v, DataView, i64)) try { return void this.#v.setBigInt64(i * this.#stride, v, false); } catch {} this[setSlow](i, v); },
      },
      'Q': {
        get(i) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n) || this.#miss(i, DataView)) try { return this.#v.getBigUint64(i * this.#stride, true); } catch {} return this[getSlow](i); },
        set(i, v) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n && u64(v)) || this.#setOk(i, v, DataView, u64)) try { return void this.#v.setBigUint64(i * this.#stride, v, true); } catch {} this[setSlow](i, v); },
      },
      '>Q': {
        get(i) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n) || this.#miss(i, DataView)) try { return this.#v.getBigUint64(i * this.#stride, false); } catch {} return this[getSlow](i); },
        set(i, v) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n && u64(v)) || this.#setOk(i, v, DataView, u64)) try { return void this.#v.setBigUint64(i * this.#stride, v, false); } catch {} this[setSlow](i, v); },
      },
      'f': {
        get(i) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n) || this.#miss(i, DataView)) try { return this.#v.getFloat32(i * this.#stride, true); } catch {} return this[getSlow](i); },
        set(i, v) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n && f32(v)) || this.#setOk(i, v, DataView, f32)) try { return void this.#v.setFloat32(i * this.#stride, v, true); } catch {} this[setSlow](i, v); },
      },
      '>f': {
        get(i) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n) || this.#miss(i, DataView)) try { return this.#v.getFloat32(i * this.#stride, false); } catch {} return this[getSlow](i); },
        set(i, v) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n && f32(v)) || this.#setOk(i, v, DataView, f32)) try { return void this.#v.setFloat32(i * this.#stride, v, false); } catch {} this[setSlow](i, v); },
      },
      'd': {
        get(i) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n) || this.#miss(i, DataView)) try { return this.#v.getFloat64(i * this.#stride, true); } catch {} return this[getSlow](i); },
        set(i, v) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n && typeof v === 'number') || this.#setOk(i, v, DataView, f64)) try { return void this.#v.setFloat64(i * this.#stride, v, true); } catch {} this[setSlow](i, v); },
      },
      '>d': {
        get(i) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n) || this.#miss(i, DataView)) try { return this.#v.getFloat64(i * this.#stride, false); } catch {} return this[getSlow](i); },
        set(i, v) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n && typeof v === 'number') || this.#setOk(i, v, DataView, f64)) try { return void this.#v.setFloat64(i * this.#stride, v, false); } catch {} this[setSlow](i, v); },
      },
    };
    ON_CHUNK = {
      'b': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n) return this.#v[i]; return this.#miss(i, Int8Array) ? this.#v[i] : this[getSlow](i); },
        set(i, v) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n && typeof v === 'number' && (v << 24) >> 24 === v) || this.#setOk(i, v, Int8Array, i8)) { this.#v[i] = v; return; } this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && typeof v === 'number' && (v << 24) >> 24 === v && c.len >= 0) { const p = chunkExtend(this.#chunk, 1, 'StrArray.push'); heap8[p >>> 0] = v; this.#n++; return c.len / 1; } return this[pushSlow](arguments); },
      },
      'B': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n) return this.#v[i]; return this.#miss(i, Uint8Array) ? this.#v[i] : this[getSlow](i); },
        set(i, v) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n && typeof v === 'number' && (v & 0xff) === v) || this.#setOk(i, v, Uint8Array, u8)) { this.#v[i] = v; return; } this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && typeof v === 'number' && (v & 0xff) === v && c.len >= 0) { const p = chunkExtend(this.#chunk, 1, 'StrArray.push'); heapU8[p >>> 0] = v; this.#n++; return c.len / 1; } return this[pushSlow](arguments); },
      },
      'h': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n) return this.#v[i]; return this.#miss(i, Int16Array) ? this.#v[i] : this[getSlow](i); },
        set(i, v) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n && typeof v === 'number' && (v << 16) >> 16 === v) || this.#setOk(i, v, Int16Array, i16)) { this.#v[i] = v; return; } this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && typeof v === 'number' && (v << 16) >> 16 === v && (c.len & 1) === 0) { const p = chunkExtend(this.#chunk, 2, 'StrArray.push'); heap16[p >>> 1] = v; this.#n++; return c.len / 2; } return this[pushSlow](arguments); },
      },
      '>h': {
        get: ON_AT['>h'].get,
        set: ON_AT['>h'].set,
        push(v) { const c = this.#cell; if (arguments.length === 1 && typeof v === 'number' && (v << 16) >> 16 === v && (c.len & 1) === 0) { const p = chunkExtend(this.#chunk, 2, 'StrArray.push'); heapDV.setInt16(p, v, false); this.#n++; return c.len / 2; } return this[pushSlow](arguments); },
      },
      'H': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n) return this.#v[i]; return this.#miss(i, Uint16Array) ? this.#v[i] : this[getSlow](i); },
        set(i, v) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n && typeof v === 'number' && (v & 0xffff) === v) || this.#setOk(i, v, Uint16Array, u16)) { this.#v[i] = v; return; } this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && typeof v === 'number' && (v & 0xffff) === v && (c.len & 1) === 0) { const p = chunkExtend(this.#chunk, 2, 'StrArray.push'); heapU16[p >>> 1] = v; this.#n++; return c.len / 2; } return this[pushSlow](arguments); },
      },
      '>H': {
        get: ON_AT['>H'].get,
        set: ON_AT['>H'].set,
        push(v) { const c = this.#cell; if (arguments.length === 1 && typeof v === 'number' && (v & 0xffff) === v && (c.len & 1) === 0) { const p = chunkExtend(this.#chunk, 2, 'StrArray.push'); heapDV.setUint16(p, v, false); this.#n++; return c.len / 2; } return this[pushSlow](arguments); },
      },
      'i': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n) return this.#v[i]; return this.#miss(i, Int32Array) ? this.#v[i] : this[getSlow](i); },
        set(i, v) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n && typeof v === 'number' && (v | 0) === v) || this.#setOk(i, v, Int32Array, i32)) { this.#v[i] = v; return; } this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && typeof v === 'number' && (v | 0) === v && (c.len & 3) === 0) { const p = chunkExtend(this.#chunk, 4, 'StrArray.push'); heap32[p >>> 2] = v; this.#n++; return c.len / 4; } return this[pushSlow](arguments); },
      },
      '>i': {
        get: ON_AT['>i'].get,
        set: ON_AT['>i'].set,
        push(v) { const c = this.#cell; if (arguments.length === 1 && typeof v === 'number' && (v | 0) === v && (c.len & 3) === 0) { const p = chunkExtend(this.#chunk, 4, 'StrArray.push'); heapDV.setInt32(p, v, false); this.#n++; return c.len / 4; } return this[pushSlow](arguments); },
      },
      'I': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n) return this.#v[i]; return this.#miss(i, Uint32Array) ? this.#v[i] : this[getSlow](i); },
        set(i, v) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n && typeof v === 'number' && v >>> 0 === v) || this.#setOk(i, v, Uint32Array, u32)) { this.#v[i] = v; return; } this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && typeof v === 'number' && v >>> 0 === v && (c.len & 3) === 0) { const p = chunkExtend(this.#chunk, 4, 'StrArray.push'); heapU32[p >>> 2] = v; this.#n++; return c.len / 4; } return this[pushSlow](arguments); },
      },
      '>I': {
        get: ON_AT['>I'].get,
        set: ON_AT['>I'].set,
        push(v) { const c = this.#cell; if (arguments.length === 1 && typeof v === 'number' && v >>> 0 === v && (c.len & 3) === 0) { const p = chunkExtend(this.#chunk, 4, 'StrArray.push'); heapDV.setUint32(p, v, false); this.#n++; return c.len / 4; } return this[pushSlow](arguments); },
      },
      'q': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n) return this.#v[i]; return this.#miss(i, BigInt64Array) ? this.#v[i] : this[getSlow](i); },
        set(i, v) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n && i64(v)) || this.#setOk(i, v, BigInt64Array, i64)) { this.#v[i] = v; return; } this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && i64(v) && (c.len & 7) === 0) { const p = chunkExtend(this.#chunk, 8, 'StrArray.push'); heap64[p >>> 3] = v; this.#n++; return c.len / 8; } return this[pushSlow](arguments); },
      },
      '>q': {
        get: ON_AT['>q'].get,
        set: ON_AT['>q'].set,
        push(v) { const c = this.#cell; if (arguments.length === 1 && i64(v) && (c.len & 7) === 0) { const p = chunkExtend(this.#chunk, 8, 'StrArray.push'); heapDV.setBigInt64(p, v, false); this.#n++; return c.len / 8; } return this[pushSlow](arguments); },
      },
      'Q': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n) return this.#v[i]; return this.#miss(i, BigUint64Array) ? this.#v[i] : this[getSlow](i); },
        set(i, v) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n && u64(v)) || this.#setOk(i, v, BigUint64Array, u64)) { this.#v[i] = v; return; } this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && u64(v) && (c.len & 7) === 0) { const p = chunkExtend(this.#chunk, 8, 'StrArray.push'); heapU64[p >>> 3] = v; this.#n++; return c.len / 8; } return this[pushSlow](arguments); },
      },
      '>Q': {
        get: ON_AT['>Q'].get,
        set: ON_AT['>Q'].set,
        push(v) { const c = this.#cell; if (arguments.length === 1 && u64(v) && (c.len & 7) === 0) { const p = chunkExtend(this.#chunk, 8, 'StrArray.push'); heapDV.setBigUint64(p, v, false); this.#n++; return c.len / 8; } return this[pushSlow](arguments); },
      },
      'f': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n) return this.#v[i]; return this.#miss(i, Float32Array) ? this.#v[i] : this[getSlow](i); },
        set(i, v) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n && f32(v)) || this.#setOk(i, v, Float32Array, f32)) { this.#v[i] = v; return; } this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && f32(v) && (c.len & 3) === 0) { const p = chunkExtend(this.#chunk, 4, 'StrArray.push'); heapF32[p >>> 2] = v; this.#n++; return c.len / 4; } return this[pushSlow](arguments); },
      },
      '>f': {
        get: ON_AT['>f'].get,
        set: ON_AT['>f'].set,
        push(v) { const c = this.#cell; if (arguments.length === 1 && f32(v) && (c.len & 3) === 0) { const p = chunkExtend(this.#chunk, 4, 'StrArray.push'); heapDV.setFloat32(p, v, false); this.#n++; return c.len / 4; } return this[pushSlow](arguments); },
      },
      'd': {
        get(i) { if (this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n) return this.#v[i]; return this.#miss(i, Float64Array) ? this.#v[i] : this[getSlow](i); },
        set(i, v) { if ((this.#gen === MOVES.generation && typeof i === 'number' && i >>> 0 === i && i < this.#n && typeof v === 'number') || this.#setOk(i, v, Float64Array, f64)) { this.#v[i] = v; return; } this[setSlow](i, v); },
        push(v) { const c = this.#cell; if (arguments.length === 1 && typeof v === 'number' && (c.len & 7) === 0) { const p = chunkExtend(this.#chunk, 8, 'StrArray.push'); heapF64[p >>> 3] = v; this.#n++; return c.len / 8; } return this[pushSlow](arguments); },
      },
      '>d': {
        get: ON_AT['>d'].get,
        set: ON_AT['>d'].set,
        push(v) { const c = this.#cell; if (arguments.length === 1 && typeof v === 'number' && (c.len & 7) === 0) { const p = chunkExtend(this.#chunk, 8, 'StrArray.push'); heapDV.setFloat64(p, v, false); this.#n++; return c.len / 8; } return this[pushSlow](arguments); },
      },
    };
    ON_ITEM = {
      get(i) { const r = this.#itemRegion; const o = r.at(i, this.#item.size); return o < 0 ? this[getSlow](i) : this.#item.read(r.tdv(), o); },
    };
  }
}

/** Stamps the fast paths' fields on a new array: its constructor, once. */
export function stampFast(arr, region, item, geo) {
  new FastPaths(arr, region, item, geo);
}
