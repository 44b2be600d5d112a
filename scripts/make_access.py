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


def methods_of(kind, dv, size, check, heap, little):
    """get/set (and push) of one format in one table: 'chunk' (a whole chunk, items
    packed), 'chunkAt' (any other window or geometry on a chunk), 'foreign' (a whole
    foreign buffer, items packed), 'foreignAt' (the same with an offset, stride or length)."""
    le = '' if size == 1 else (', true' if little else ', false')
    if kind == 'chunk' and (little or size == 1):
        # The array's typed view of its items (a chunk's block is 8-aligned): an index it
        # does not have (out of range, negative, fractional) reads undefined.
        view = f'{dv}Array'
        out = [
            f'get(i) {{ if ({KEPT} && typeof i === \'number\') {{ const x = this.#v[i]; if (x !== undefined) return x; }} '
            f'return this.#miss(i, {view}) ? this.#v[i] : this[getSlow](i); }}',
            f'set(i, v) {{ const w = this.#v; if ({KEPT} && typeof i === \'number\' && {check}(v) && i >>> 0 === i && i < w.length) {{ w[i] = v; return; }} '
            f'if ({check}(v) && this.#miss(i, {view})) {{ this.#v[i] = v; return; }} this[setSlow](i, v); }}',
        ]
    elif kind == 'chunkTyped':
        # Items at the same place in every record, aligned to their size: element i * #k of
        # the array's typed view, which ends at the last item's element.
        if not (little or size == 1):
            return None
        view = f'{dv}Array'
        out = [
            f'get(i) {{ if ({KEPT} && {INDEX}) {{ const x = this.#v[i * this.#k]; if (x !== undefined) return x; }} '
            f'return this.#miss(i, {view}) ? this.#v[i * this.#k] : this[getSlow](i); }}',
            f'set(i, v) {{ const w = this.#v; if ({KEPT} && {INDEX} && {check}(v) && i * this.#k < w.length) {{ w[i * this.#k] = v; return; }} '
            f'if ({check}(v) && this.#miss(i, {view})) {{ this.#v[i * this.#k] = v; return; }} this[setSlow](i, v); }}',
        ]
    elif kind in ('chunk', 'chunkAt'):
        # The array's DataView from item 0's value, item k `stride` bytes further.
        step = str(size) if kind == 'chunk' else 'this.#stride'
        ok = f'{KEPT} && {INDEX} && i < this.#n'
        read = f'this.#v.get{dv}(i * {step}{le})'
        out = [
            f'get(i) {{ if ({ok}) return {read}; return this.#miss(i, DataView) ? {read} : this[getSlow](i); }}',
            f'set(i, v) {{ if ({ok} && {check}(v)) return void this.#v.set{dv}(i * {step}, v{le}); '
            f'if ({check}(v) && this.#miss(i, DataView)) return void this.#v.set{dv}(i * {step}, v{le}); this[setSlow](i, v); }}',
        ]
    elif kind == 'foreign':
        kept = f'if ({INDEX} && i < this.#n) try {{ '
        head = 'const r = this.#foreign;'
        inside = f'const e = i * {size} + {size}; if (e <= r.u8.byteLength)'
        out = [
            f'get(i) {{ {kept}return this.#v.get{dv}(i * {size}{le}); }} catch {{}} {head} '
            f'if ({INDEX}) {{ {inside} return r.dv.get{dv}(r.off + e - {size}{le}); }} return this[getSlow](i); }}',
            f'set(i, v) {{ if ({check}(v)) {{ {kept}return void this.#v.set{dv}(i * {size}, v{le}); }} catch {{}} }} {head} '
            f'if ({INDEX} && {check}(v)) {{ {inside} return void r.dv.set{dv}(r.off + e - {size}, v{le}); }} this[setSlow](i, v); }}',
        ]
    else:
        kept = f'if ({INDEX} && i < this.#n) try {{ '
        head = 'const r = this.#foreignAt; const g = this.#geo;'
        inside = 'const e = g.origin + i * g.stride + g.span; if (e <= r.u8.byteLength)'
        at = 'r.off + e - g.span + g.lead'
        out = [
            f'get(i) {{ {kept}return this.#v.get{dv}(i * this.#stride{le}); }} catch {{}} {head} '
            f'if ({INDEX} && i < g.limit) {{ {inside} return r.dv.get{dv}({at}{le}); }} return this[getSlow](i); }}',
            f'set(i, v) {{ if ({check}(v)) {{ {kept}return void this.#v.set{dv}(i * this.#stride, v{le}); }} catch {{}} }} {head} '
            f'if ({INDEX} && i < g.limit && {check}(v)) {{ {inside} return void r.dv.set{dv}({at}, v{le}); }} this[setSlow](i, v); }}',
        ]
    # Arrays whose items are packed keep (#v, #n); the others (#w, #nAt): a method of one
    # table called on another's array (with `call`) never reads a view made for other methods.
    packed = kind in ('chunk', 'foreign')
    out = [re.sub(r'this\.#miss\(i, (\w+)\)', rf'this.#miss(i, \1, {"true" if packed else "false"})', m) for m in out]
    if not packed:
        out = [re.sub(r'this\.#n\b', 'this.#nAt', re.sub(r'this\.#v\b', 'this.#w', m)) for m in out]
    if kind == 'chunk':
        # The chunk's own verb makes the room (only chunk.js changes its length; a growth
        # within capacity leaves the array's view valid, too short: new items take #miss).
        # (p first: making room may grow memory, which replaces the heap views.)
        store = f'{heap}[p >>> {SHIFT[size]}] = v' if little or size == 1 else f'heapDV.set{dv}(p, v{le})'
        # (len & (size - 1), not len % size: the cell's len may be held as a double, and a
        # double's % is a call in V8 (measured 4.5 -> 17 ns a push once any chunk's len was.)
        whole = ' && c.len >= 0' if size == 1 else f' && (c.len & {size - 1}) === 0'
        out.append(f'push(v) {{ const c = this.#cell; if (arguments.length === 1 && {check}(v){whole}) {{ '
                   f'const p = chunkExtend(this.#chunk, {size}, \'StrArray.push\'); {store}; return c.len / {size}; }} '
                   'return this[pushSlow](arguments); }')
    return out


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
            methods = methods_of(kind, dv, size, check, heap, little)
            if methods is None:
                continue
            body = ''.join(line + '\n' for m in methods for line in layout(m))
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
    "import { CHUNK_REGION, FOREIGN_REGION, bufferResizability, chunkExtend, getSlow, pushSlow, setSlow } from '../core/internal.js';",
    "import { heap16, heap32, heap64, heap8, heapDV, heapF32, heapF64, heapU16, heapU32, heapU64, heapU8, moves, wasmBuffer } from '../core/wasm.js';",
    "import { f32, f64, i16, i32, i64, i8, u16, u32, u64, u8 } from './fits.js';",
    "import { itemCount } from './geometry.js';",
    '',
    '/** Arrays over a whole Chunk, items packed from its start: their typed view (little-endian) or DataView. */',
    'export let ON_CHUNK;',
    '/** Arrays on a Chunk with an offset, stride or length, columns, and windows (a MemSlice of a chunk): their DataView. */',
    'export let ON_CHUNK_AT;',
    '/** As ON_CHUNK_AT for little-endian items aligned to their size in every record (typedOn): their typed view. */',
    'export let ON_CHUNK_TYPED;',
    '/** Arrays over a whole foreign ArrayBuffer or Uint8Array: its DataView; u8.byteLength is 0 once detached. */',
    'export let ON_FOREIGN;',
    '/** As ON_FOREIGN with an offset, stride or length, and columns. */',
    'export let ON_FOREIGN_AT;',
    '/** Records, e c ?, and windows on a foreign object (a MemSlice buffer): the region says where the item is, the item codec reads it. */',
    'export let ON_ITEM;',
    '',
    '// Stand-ins no index passes: len -1 fails `(len & (k - 1)) === 0` and `len >= 0` (push), a freed cell',
    '// has no items, and byteLength -1 fails `e <= byteLength`.',
    'const NO_CELL = Object.freeze({ ptr: 0, len: -1, freed: true });',
    'const NO_FOREIGN = Object.freeze({ u8: Object.freeze({ byteLength: -1 }) });',
    'const NO_ITEM = Object.freeze({ at: () => -1 });',
    'const NO_VIEW = new Uint8Array(0);',
    '/** wasm.js\'s `moves`, through a constant of this module: the engine then reads its field in one load. */',
    'const MOVES = moves;',
    '',
    '/** Returns its argument: a class extending it adds its private fields to an object that exists. */',
    'class Stamp {',
    '  constructor(target) {',
    '    // biome-ignore lint/correctness/noConstructorReturn: returning the target is the point (private fields on an object that exists)',
    '    return target;',
    '  }',
    '}',
    '',
    'class FastPaths extends Stamp {',
    '  // Each table reads only its own fields, stamped with the real state only for an',
    '  // array that table serves (of its storage kind and geometry); any other array',
    '  // gets a stand-in that no index passes, so a method called on it with `call`',
    '  // takes the generic path.',
    "  #cell; // ON_CHUNK: the whole chunk's storage cell (read-only here), else NO_CELL",
    '  #chunk; // ON_CHUNK: the whole chunk, whose own append push uses, else null',
    "  #atCell; // ON_CHUNK_AT: the chunk's storage cell, else NO_CELL",
    "  #region; // the array's Region (its window: start, stop)",
    "  #geo; // the array's geometry (geometry.js)",
    '  #gen = -1; // the generation #v and #n were made at (never -1: the first access makes them)',
    '  // The view of the items (chunk kinds: made at #gen, see above; a fixed-length foreign',
    '  // buffer: made with the array) and the items it shows (on a chunk, fewer than now after',
    '  // an in-place growth: those take #miss): #v and #n for packed items, #w and #nAt else.',
    '  #v = NO_VIEW;',
    '  #n = 0;',
    '  #w = NO_VIEW;',
    '  #nAt = 0;',
    "  #View; // chunk kinds: the class of #v, the format's typed array for a packed little-endian array, else DataView; else null",
    '  #stride; // bytes from one item to the next',
    '  #k; // ON_CHUNK_TYPED: elements of #v from one item to the next',
    "  #foreign; // ON_FOREIGN: the whole foreign buffer's Region, else NO_FOREIGN",
    "  #foreignAt; // ON_FOREIGN_AT: the whole foreign buffer's Region, else NO_FOREIGN",
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
    '    this.#atCell = onChunk && !packed ? region.cell : NO_CELL;',
    '    this.#region = region;',
    '    this.#geo = geo;',
    '    this.#stride = geo.stride;',
    '    // Small integers (| 0) keep these fields untagged ints in V8: a count or step held as a',
    '    // double makes every access convert it (measured 1.66 -> 1.92 ns a column get).',
    '    this.#k = (geo.stride / item.size) | 0;',
    '    this.#View = onChunk ? (typedOn(region, item, geo) ?? DataView) : null;',
    '    const foreign = region.kind === FOREIGN_REGION && region.whole && !item.converts;',
    '    this.#foreign = foreign && packed ? region : NO_FOREIGN;',
    '    this.#foreignAt = foreign && !geo.plain ? region : NO_FOREIGN;',
    '    // A buffer of fixed length keeps it unless detached, when its view throws (the',
    '    // methods then take the checked path): it gets a view now, so no access reads',
    '    // u8.byteLength, which once any buffer was detached (memory.grow detaches) is a',
    '    // call in V8 (measured 2 -> 11 ns a get). Resizable ones read it per access.',
    '    const buffer = foreign ? region.dv.buffer : null;',
    '    if (foreign && bufferResizability(buffer) === null) {',
    '      const len = region.u8.byteLength;',
    '      const from = geo.origin + geo.lead;',
    '      const n = Math.min(itemCount(geo, len), 0x7fffffff) | 0; // (beyond: the checked path)',
    '      const view = n > 0 ? new DataView(buffer, region.off + from, len - from) : NO_VIEW;',
    '      if (packed) [this.#v, this.#n] = [view, n];',
    '      else [this.#w, this.#nAt] = [view, n];',
    '    }',
    '    this.#itemRegion = fast ? region : NO_ITEM;',
    '    this.#item = item;',
    '  }',
    '',
    '  /**',
    '   * Makes the view of the items now, at the current generation (`View`: the',
    "   * format's typed array (typedOn), else DataView; `packed`: the table's arrays' items",
    '   * are packed), and says whether it has item `i`. A freed chunk: no items.',
    '   */',
    '  #miss(i, View, packed) {',
    '    // Another table\'s method, called on this array: the generic path.',
    '    if (View !== this.#View || packed !== (this.#cell !== NO_CELL)) return false;',
    '    const c = packed ? this.#cell : this.#atCell;',
    '    const r = this.#region;',
    '    const g = this.#geo;',
    '    this.#gen = MOVES.generation;',
    '    const len = c.freed ? 0 : Math.max(0, Math.min(r.stop, c.len) - r.start);',
    '    const from = g.origin + g.lead;',
    '    const n = Math.min(itemCount(g, len), 0x7fffffff) | 0;',
    '    let view = NO_VIEW;',
    '    if (n > 0 && View === DataView) view = new DataView(wasmBuffer(), c.ptr + r.start + from, len - from);',
    '    else if (n > 0) view = new View(wasmBuffer(), c.ptr + r.start + from, (n - 1) * this.#k + 1); // (typedOn: aligned)',
    '    const count = View === DataView ? n : 0; // (typed views bound themselves)',
    '    if (packed) [this.#v, this.#n] = [view, count];',
    '    else [this.#w, this.#nAt] = [view, count];',
    "    return typeof i === 'number' && i >>> 0 === i && i < n;",
    '  }',
    '',
    '  static {',
    "    ON_CHUNK = {", *entries('chunk'), '    };',
    "    ON_CHUNK_AT = {", *entries('chunkAt'), '    };',
    "    ON_CHUNK_TYPED = {", *entries('chunkTyped'), '    };',
    "    ON_FOREIGN = {", *entries('foreign'), '    };',
    "    ON_FOREIGN_AT = {", *entries('foreignAt'), '    };',
    '    ON_ITEM = {',
    '      get(i) { const r = this.#itemRegion; const o = r.at(i, this.#item.size); return o < 0 ? this[getSlow](i) : this.#item.read(r.tdv(), o); },',
    '    };',
    '  }',
    '}',
    '',
    '/**',
    ' * The typed array class an array over `region` reads its items with (ON_CHUNK',
    ' * little-endian, ON_CHUNK_TYPED), else null: items of an integer or float code',
    " * (item.bulk: null for e c ? and records) stored little-endian, on a chunk, each",
    ' * aligned to its size (a chunk\'s block is 8-aligned) and the stride a multiple of it.',
    ' */',
    'export function typedOn(region, item, geo) {',
    "  if (region.kind !== CHUNK_REGION || item.converts || typeof item.bulk !== 'function' || !(item.little || item.size === 1)) return null;",
    '  return (region.start + geo.origin + geo.lead) % item.size === 0 && geo.stride % item.size === 0 ? item.bulk : null;',
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
