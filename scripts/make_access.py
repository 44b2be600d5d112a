#!/usr/bin/env python3
"""Writes bindings/js/array/access-table.js, the per-format element methods of
StrArray (see bindings/js/array/access.js for why there is one function literal per
format, byte order and storage kind). The output is committed; run this again
when the table changes (`--check` exits 1 when the committed one is out of
date). No code is generated at run time."""
import pathlib
import sys

CODES = [  # key, DataView suffix, size, fast value check, typed view of wasm.js (little-endian on a chunk)
    ('b', 'Int8', 1, 'i8', 'heap8'), ('B', 'Uint8', 1, 'u8', 'heapU8'), ('h', 'Int16', 2, 'i16', 'heap16'),
    ('H', 'Uint16', 2, 'u16', 'heapU16'), ('i', 'Int32', 4, 'i32', 'heap32'), ('I', 'Uint32', 4, 'u32', 'heapU32'),
    ('q', 'BigInt64', 8, 'i64', 'heap64'), ('Q', 'BigUint64', 8, 'u64', 'heapU64'), ('f', 'Float32', 4, 'f32', 'heapF32'),
    ('d', 'Float64', 8, 'f64', 'heapF64'),
]
SHIFT = {1: 0, 2: 1, 4: 2, 8: 3}

def entries(kind):
    out = []
    for code, dv, size, check, view in CODES:
        for little in ((True,) if size == 1 else (True, False)):
            key = code if little else '>' + code
            le = '' if size == 1 else (', true' if little else ', false')
            if kind == 'chunk':
                head = 'const c = this.#cell;'
                inside = f'const e = i * {size} + {size}; if (e <= c.len)'
                at = f'heapDV, c.ptr + e - {size}'
            else:
                head = 'const r = this.#foreign;'
                inside = f'const e = i * {size} + {size}; if (e <= r.u8.byteLength)'
                at = f'r.dv, r.off + e - {size}'
            dvv, off = at.split(', ', 1)
            if kind == 'chunk' and (little or size == 1):
                # A chunk's block is 8-aligned, so element i is element (ptr >> shift) + i of the typed view.
                idx = f'(c.ptr >>> {SHIFT[size]}) + i' if size > 1 else 'c.ptr + i'
                methods = [
                    f'get(i) {{ {head} if (typeof i === \'number\' && i >>> 0 === i && i * {size} + {size} <= c.len) return {view}[{idx}]; return this[getSlow](i); }}',
                    f'set(i, v) {{ {head} if (typeof i === \'number\' && i >>> 0 === i && {check}(v) && i * {size} + {size} <= c.len) {{ {view}[{idx}] = v; return; }} this[setSlow](i, v); }}',
                    f'push(v) {{ const c = this.#cell; if (arguments.length === 1 && {check}(v) && c.len % {size} === 0) {{ '
                    f'const p = chunkExtend(this.#chunk, {size}, \'StrArray.push\'); {view}[p >>> {SHIFT[size]}] = v; return c.len / {size}; }} return this[pushSlow](arguments); }}',
                ]
                out.append(f"      '{key}': {{\n" + ''.join(f'        {m},\n' for m in methods) + '      },')
                continue
            get = (f'get(i) {{ {head} if (typeof i === \'number\' && i >>> 0 === i) {{ {inside} '
                   f'return {dvv}.get{dv}({off}{le}); }} return this[getSlow](i); }}')
            set = (f'set(i, v) {{ {head} if (typeof i === \'number\' && i >>> 0 === i && {check}(v)) {{ {inside} '
                   f'return void {dvv}.set{dv}({off}, v{le}); }} this[setSlow](i, v); }}')
            methods = [get, set]
            if kind == 'chunk':
                # The chunk's own verb makes the room (only chunk.js changes its length).
                # (p first: making room may grow memory, which replaces heapDV.)
                methods.append(f'push(v) {{ const c = this.#cell; if (arguments.length === 1 && {check}(v) && c.len % {size} === 0) {{ '
                               f'const p = chunkExtend(this.#chunk, {size}, \'StrArray.push\'); heapDV.set{dv}(p, v{le}); return c.len / {size}; }} return this[pushSlow](arguments); }}')
            out.append(f"      '{key}': {{\n" + ''.join(f'        {m},\n' for m in methods) + '      },')
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
    "import { CHUNK_REGION, FOREIGN_REGION, chunkExtend, getSlow, pushSlow, setSlow } from '../core/internal.js';",
    "import { heap16, heap32, heap64, heap8, heapDV, heapF32, heapF64, heapU16, heapU32, heapU64, heapU8 } from '../core/wasm.js';",
    "import { f32, f64, i16, i32, i64, i8, u16, u32, u64, u8 } from './fits.js';",
    '',
    '/** Arrays over a whole Chunk: the bytes are in wasm memory at cell.ptr, read through the current heap view. */',
    'export let ON_CHUNK;',
    '/** Arrays over a whole foreign ArrayBuffer or Uint8Array: its DataView; u8.byteLength is 0 once detached. */',
    'export let ON_FOREIGN;',
    '/** Records, e c ?, and windows (a MemSlice buffer): the region says where the item is, the item codec reads it. */',
    'export let ON_ITEM;',
    '',
    '// Stand-ins no index passes: len -0.5 fails both `i * k + k <= len` and `len % k === 0`.',
    'const NO_CELL = Object.freeze({ ptr: 0, len: -0.5 });',
    'const NO_FOREIGN = Object.freeze({ u8: Object.freeze({ byteLength: -1 }) });',
    'const NO_ITEM = Object.freeze({ at: () => -1 });',
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
    '  // Each table reads only its own field, stamped with the real state only for an',
    '  // array that table serves (whole, plain, of its storage kind); any other array',
    '  // (a window, an offset, stride or length, converted values) gets a stand-in',
    '  // that no index passes, so a method called on it with `call` takes the generic path.',
    '  #cell; // ON_CHUNK: the whole chunk\'s storage cell (read-only here), else NO_CELL',
    '  #chunk; // ON_CHUNK: the whole chunk, whose own append push uses, else null',
    '  #foreign; // ON_FOREIGN: the whole foreign buffer\'s Region, else NO_FOREIGN',
    '  #itemRegion; // ON_ITEM: the Region of a plain array, else NO_ITEM',
    '  #item; // the item codec (struct/records.js)',
    '',
    '  constructor(arr, region, item, fast) {',
    '    super(arr);',
    '    const whole = fast && region.whole;',
    '    this.#cell = whole && region.kind === CHUNK_REGION ? region.cell : NO_CELL;',
    '    this.#chunk = whole && region.kind === CHUNK_REGION ? region.obj : null;',
    '    this.#foreign = whole && region.kind === FOREIGN_REGION ? region : NO_FOREIGN;',
    '    this.#itemRegion = fast ? region : NO_ITEM;',
    '    this.#item = item;',
    '  }',
    '',
    '  static {',
    '    ON_CHUNK = {', *entries('chunk'), '    };',
    '    ON_FOREIGN = {', *entries('foreign'), '    };',
    '    ON_ITEM = {',
    '      get(i) { const r = this.#itemRegion; const o = r.at(i, this.#item.size); return o < 0 ? this[getSlow](i) : this.#item.read(r.tdv(), o); },',
    '    };',
    '  }',
    '}',
    '',
    '/** Stamps the fast paths\' fields on a new array: its constructor, once. `fast`: plain items read as stored (no offset, stride, length or conversion). */',
    'export function stampFast(arr, region, item, fast) {',
    '  new FastPaths(arr, region, item, fast);',
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
