#!/usr/bin/env python3
"""Writes bindings/js/array/access-table.js, the per-format element methods of
StrArray (see bindings/js/array/access.js for why there is one function literal per
format, byte order and storage kind). The output is committed; run this again
when the table changes (`--check` exits 1 when the committed one is out of
date). No code is generated at run time."""
import pathlib
import re
import sys

CODES = [  # key, DataView suffix, size, fast value check, heap view of wasm.js (push on a chunk)
    ('b', 'Int8', 1, 'i8', 'heap8'), ('B', 'Uint8', 1, 'u8', 'heapU8'), ('h', 'Int16', 2, 'i16', 'heap16'),
    ('H', 'Uint16', 2, 'u16', 'heapU16'), ('i', 'Int32', 4, 'i32', 'heap32'), ('I', 'Uint32', 4, 'u32', 'heapU32'),
    ('q', 'BigInt64', 8, 'i64', 'heap64'), ('Q', 'BigUint64', 8, 'u64', 'heapU64'), ('f', 'Float32', 4, 'f32', 'heapF32'),
    ('d', 'Float64', 8, 'f64', 'heapF64'),
]
SHIFT = {1: 0, 2: 1, 4: 2, 8: 3}
INDEX = "typeof i === 'number' && i >>> 0 === i"
KEPT = 'this.#gen === MOVES.generation'  # the array's view is of its chunk's block as it is now
# fits.js's checks written out in the fast case of set (and push): a call to the imported
# function there measured 0.8 ns more a set than the same expression inline (3.5 -> 4.3 ns
# for '<i'). The long ones (f32, i64, u64) stay calls: bundle bytes, and q/Q are at 1x.
FITS = {
    'i8': "typeof v === 'number' && (v << 24) >> 24 === v", 'u8': "typeof v === 'number' && (v & 0xff) === v",
    'i16': "typeof v === 'number' && (v << 16) >> 16 === v", 'u16': "typeof v === 'number' && (v & 0xffff) === v",
    'i32': "typeof v === 'number' && (v | 0) === v", 'u32': "typeof v === 'number' && v >>> 0 === v",
    'f64': "typeof v === 'number'",
}


def fits(check):
    """The fast value check of `check` (a fits.js name), inline where FITS has it."""
    return FITS.get(check, f'{check}(v)')


def methods_of(kind, dv, size, check, heap, little):
    """get/set of one format for one kind of array: 'typed' (packed little-endian items on
    a chunk: None for big-endian ones) or 'view' (any other, through a DataView)."""
    le = '' if size == 1 else (', true' if little else ', false')
    if kind == 'typed':
        if not (little or size == 1):
            return None
        # The array's typed view of its chunk's block (8-aligned): item i is element i.
        view = f'{dv}Array'
        ok = f'{KEPT} && {INDEX} && i < this.#n'
        out = [
            f'get(i) {{ if ({ok}) return this.#v[i]; return this.#miss(i, {view}) ? this.#v[i] : this[getSlow](i); }}',
            # Index then value, then the rest (#setOk): 2.45 -> 3.0 ns a '<d' set with the value first.
            f'set(i, v) {{ if (({ok} && {fits(check)}) || this.#setOk(i, v, {view}, {check})) {{ this.#v[i] = v; return; }} this[setSlow](i, v); }}',
        ]
    else:
        # The array's DataView from item 0's value, item i `stride` bytes further. (A foreign
        # buffer's view throws once the buffer is detached: the checked path then says so.)
        ok = f'({KEPT} && {INDEX} && i < this.#n) || this.#miss(i, DataView)'
        hot = f'{KEPT} && {INDEX} && i < this.#n && {fits(check)}'
        out = [
            f'get(i) {{ if ({ok}) try {{ return this.#v.get{dv}(i * this.#stride{le}); }} catch {{}} return this[getSlow](i); }}',
            f'set(i, v) {{ if (({hot}) || this.#setOk(i, v, DataView, {check})) try {{ return void this.#v.set{dv}(i * this.#stride, v{le}); }} catch {{}} this[setSlow](i, v); }}',
        ]
    return out


def push_of(dv, size, check, heap, little):
    """push of one format on a whole chunk. The chunk's own verb makes the room (only
    chunk.js changes its length); p first: making room may grow memory, which replaces
    the heap views. A growth within capacity keeps the generation, and the array's view
    spans the capacity, so its count goes up by one (measured: a push then a get of
    the new item 5.9 ns, 29 ns when that get made a new view); beyond capacity the block
    moves, the generation changes, and the count is not read again before #miss.
    len & (size - 1), not len % size: once a double, a len's % is a call in V8
    (measured 4.5 -> 17 ns a push)."""
    le = '' if size == 1 else (', true' if little else ', false')
    store = f'{heap}[p >>> {SHIFT[size]}] = v' if little or size == 1 else f'heapDV.set{dv}(p, v{le})'
    whole = ' && c.len >= 0' if size == 1 else f' && (c.len & {size - 1}) === 0'
    return (f'push(v) {{ const c = this.#cell; if (arguments.length === 1 && {fits(check)}{whole}) {{ '
            f'const p = chunkExtend(this.#chunk, {size}, \'StrArray.push\'); {store}; this.#n++; return c.len / {size}; }} '
            'return this[pushSlow](arguments); }')


def layout(method):
    """`name(args) { a; b; }` on one line when short, else the head, one statement a
    line (at the body's top level) and the closing brace: no long lines (stack traces show them)."""
    if len(method) <= 290:
        return [f'        {method},']
    head, body = method.split(' { ', 1)
    body = body[:-2]  # ' }'
    parts, depth, start = [], 0, 0
    for k, ch in enumerate(body):
        depth += ch in '({[' and 1 or ch in ')}]' and -1 or 0
        if depth == 0 and body.startswith('; ', k):
            parts.append(body[start:k + 1])
            start = k + 2
        elif depth == 0 and ch == '}' and body.startswith(' ', k + 1):
            parts.append(body[start:k + 1])
            start = k + 2
    parts.append(body[start:])
    return [f'        {head} {{', *(f'          {p}' for p in parts if p), '        },']


def entries(kind):
    out = []
    for code, dv, size, check, heap in CODES:
        for little in ((True,) if size == 1 else (True, False)):
            key = code if little else '>' + code
            if kind == 'chunk':
                # Little-endian: typed; big-endian: ON_AT's DataView methods (the same literals).
                typed = methods_of('typed', dv, size, check, heap, little)
                lines = [line for m in typed for line in layout(m)] if typed else [
                    f"        get: ON_AT['{key}'].get,", f"        set: ON_AT['{key}'].set,"]
                lines += layout(push_of(dv, size, check, heap, little))
            else:
                lines = [line for m in methods_of(kind, dv, size, check, heap, little) for line in layout(m)]
            body = ''.join(line + '\n' for line in lines)
            out.append(f"      '{key}': {{\n{body}      }},")
    return out


lines = [
    '// Made by scripts/make_access.py (edit that, not this): the per-format element',
    '// methods of StrArray, one function literal per code, byte order and storage',
    '// kind, so each is monomorphic with its DataView call inlined (access.js says',
    '// why). Each tries the common case and leaves the rest to the generic methods.',
    '//',
    '// What they read of an array are private fields that its constructor stamps',
    '// on it (stampFast): only these methods can read them, so a Proxy of an array',
    '// or any other object as `this` is refused by the engine with a TypeError,',
    '// never believed, and no user code can change them.',
    '//',
    '// An array on a chunk keeps a view of its items (a typed array of its format',
    '// when packed and little-endian, else a DataView from item 0) and their count,',
    '// made at a generation of the loader (core/wasm.js) and used while that is',
    '// unchanged: it changes when memory grows and when any chunk moves, shrinks or',
    '// is freed (chunk.js), so a kept view never outlives the block it shows. One',
    "// compare per access instead of reading the chunk's cell and the heap view.",
    "import { CHUNK_REGION, FOREIGN_REGION, bufferResizability, chunkExtend, getSlow, pushSlow, setSlow, Stamp } from '../core/internal.js';",
    "import { heap16, heap32, heap64, heap8, heapDV, heapF32, heapF64, heapU16, heapU32, heapU64, heapU8, moves, wasmBuffer } from '../core/wasm.js';",
    "import { f32, f64, i16, i32, i64, i8, u16, u32, u64, u8 } from './fits.js';",
    "import { itemCount } from './geometry.js';",
    '',
    '/** Arrays over a whole Chunk, items packed from its start: their typed view (little-endian; else ON_AT\'s get and set), and push. */',
    'export let ON_CHUNK;',
    '/**',
    ' * The other arrays on a chunk (with an offset, stride or length, columns, windows:',
    ' * a MemSlice of one) and those over a whole foreign buffer (ArrayBuffer,',
    ' * SharedArrayBuffer, Uint8Array, Buffer): their DataView from item 0.',
    ' */',
    'export let ON_AT;',
    '/** Records, e c ?, and windows on a foreign object (a MemSlice buffer): the region says where the item is, the item codec reads it. */',
    'export let ON_ITEM;',
    '',
    '// Stand-ins no index passes: len -1 fails `(len & (k - 1)) === 0` and `len >= 0` (push), and a',
    '// freed cell has no items.',
    'const NO_CELL = Object.freeze({ ptr: 0, len: -1, freed: true });',
    'const NO_ITEM = Object.freeze({ at: () => -1 });',
    'const NO_VIEW = new Uint8Array(0);',
    '/** wasm.js\'s `moves`, through a constant of this module: the engine then reads its field in one load. */',
    'const MOVES = moves;',
    '',
    'class FastPaths extends Stamp {',
    '  // Each table reads only its own fields, stamped with the real state only for an',
    '  // array that table serves (of its storage kind and geometry); any other array',
    '  // gets a stand-in that no index passes, so a method called on it with `call`',
    '  // takes the generic path.',
    "  #cell; // ON_CHUNK: the whole chunk's storage cell (read-only here), else NO_CELL",
    '  #chunk; // ON_CHUNK: the whole chunk, whose own append push uses, else null',
    "  #home; // on a chunk: its storage cell (read-only here), else NO_CELL",
    "  #region; // the array's Region (its window: start, stop)",
    "  #geo; // the array's geometry (geometry.js)",
    '  #gen = -1; // the generation #v and #n were made at (never -1: the first access makes them)',
    '  // The view of the items (on a chunk: made at #gen, see above; on a foreign buffer of',
    '  // fixed length: made with the array, for good) and the items it shows (on a chunk,',
    '  // fewer than now after an in-place growth: those take #miss).',
    '  #v = NO_VIEW;',
    '  #n = 0;',
    "  #View; // the class of #v: the format's typed array (packed little-endian items on a chunk), else DataView",
    '  #stride; // bytes from one item to the next',
    '  #itemRegion; // ON_ITEM: the Region of a plain array, else NO_ITEM',
    '  #item; // the item codec (struct/records.js)',
    '',
    '  constructor(arr, region, item, geo) {',
    '    super(arr);',
    '    const fast = geo.plain && !item.converts;',
    '    const packed = fast && region.whole;',
    '    const onChunk = region.kind === CHUNK_REGION && !item.converts;',
    '    this.#cell = packed && onChunk ? region.cell : NO_CELL;',
    '    this.#chunk = packed && onChunk ? region.obj : null;',
    '    this.#home = onChunk ? region.cell : NO_CELL;',
    '    this.#region = region;',
    '    this.#geo = geo;',
    '    this.#stride = geo.stride;',
    "    // (item.bulk: the typed array of an integer or float code of its width; null for e c ? and records.)",
    "    const typed = packed && onChunk && typeof item.bulk === 'function' && (item.little || item.size === 1);",
    '    this.#View = typed ? item.bulk : DataView;',
    '    // A foreign buffer of fixed length keeps it unless detached, when its view throws',
    '    // (the methods then take the checked path): its view is made now, so no access',
    '    // reads u8.byteLength, which once any buffer was detached (memory.grow detaches)',
    '    // is a call in V8 (measured 2 -> 11 ns a get). Resizable ones: the checked path.',
    '    if (region.kind === FOREIGN_REGION && region.whole && !item.converts && bufferResizability(region.dv.buffer) === null) {',
    '      const len = region.u8.byteLength;',
    '      const from = geo.origin + geo.lead;',
    '      // (| 0: small integers keep the field an untagged int in V8; beyond, the checked path.)',
    '      this.#n = Math.min(itemCount(geo, len), 0x7fffffff) | 0;',
    '      if (this.#n > 0) this.#v = new DataView(region.dv.buffer, region.off + from, len - from);',
    '    }',
    '    this.#itemRegion = fast ? region : NO_ITEM;',
    '    this.#item = item;',
    '  }',
    '',
    '  /**',
    '   * Counts the items on a chunk now, with a view of them for the current generation',
    "   * (a freed chunk: no items), and says whether it has item `i`. `View` is the calling method's",
    "   * (the format's typed array, or DataView): another table's method called on this",
    "   * array (with `call`) gets false, the generic path. A foreign buffer's view stays.",
    '   */',
    '  #miss(i, View) {',
    '    if (View !== this.#View) return false;',
    '    const c = this.#home;',
    '    if (c !== NO_CELL) {',
    '      const r = this.#region;',
    '      const g = this.#geo;',
    '      const len = c.freed ? 0 : Math.max(0, Math.min(r.stop, c.len) - r.start);',
    '      const from = g.origin + g.lead;',
    '      this.#n = Math.min(itemCount(g, len), 0x7fffffff) | 0;',
    '      // The view spans the block to its capacity, so a growth in place (a push) keeps',
    '      // it: a new one only in a new generation (the block moved, shrank or was freed,',
    '      // or memory grew) or after none (a chunk given its first block keeps generation).',
    '      if (this.#gen !== MOVES.generation || this.#v === NO_VIEW) {',
    '        const room = c.freed ? 0 : Math.min(r.stop, c.cap) - r.start - from;',
    '        const at = c.ptr + r.start + from;',
    '        if (room <= 0) this.#v = NO_VIEW;',
    '        else this.#v = View === DataView ? new DataView(wasmBuffer(), at, room) : new View(wasmBuffer(), at, Math.floor(room / View.BYTES_PER_ELEMENT));',
    '      }',
    '    }',
    '    // No view (an empty or freed chunk) is never kept: a push that gives the chunk its',
    '    // first block bumps no generation, and the next access must make the view.',
    '    this.#gen = this.#v === NO_VIEW ? -1 : MOVES.generation;',
    "    return typeof i === 'number' && i >>> 0 === i && i < this.#n;",
    '  }',
    '',
    "  /** A set's way past its fast case: whether value `v` fits (`fits`, fits.js) and item `i` is there (#miss). */",
    '  #setOk(i, v, View, fits) {',
    '    return fits(v) && this.#miss(i, View);',
    '  }',
    '',
    '  static {',
    "    ON_AT = {", *entries('view'), '    };',
    "    ON_CHUNK = {", *entries('chunk'), '    };',
    '    ON_ITEM = {',
    '      get(i) { const r = this.#itemRegion; const o = r.at(i, this.#item.size); return o < 0 ? this[getSlow](i) : this.#item.read(r.tdv(), o); },',
    '    };',
    '  }',
    '}',
    '',
    "/** Stamps the fast paths' fields on a new array: its constructor, once. */",
    'export function stampFast(arr, region, item, geo) {',
    '  new FastPaths(arr, region, item, geo);',
    '}',
]
path = pathlib.Path(__file__).resolve().parent.parent / 'bindings' / 'js' / 'array' / 'access-table.js'
text = '\n'.join(lines) + '\n'
if '--check' in sys.argv:
    # The committed table must be what this script makes (scripts/test runs this).
    if path.read_text() != text:
        sys.exit(f'{path} is out of date: run scripts/make_access.py')
else:
    path.write_text(text)
