#!/usr/bin/env python3
"""Writes bindings/js/access-table.js, the per-format element methods of
StrArray (see bindings/js/access.js for why there is one function literal per
format, byte order and storage kind). The output is committed; run this again
when the table changes. No code is generated at run time."""
import pathlib

CODES = [  # key, DataView suffix, size, fast value check
    ('b', 'Int8', 1, 'i8'), ('B', 'Uint8', 1, 'u8'), ('h', 'Int16', 2, 'i16'), ('H', 'Uint16', 2, 'u16'),
    ('i', 'Int32', 4, 'i32'), ('I', 'Uint32', 4, 'u32'), ('q', 'BigInt64', 8, 'i64'), ('Q', 'BigUint64', 8, 'u64'),
    ('f', 'Float32', 4, 'f32'), ('d', 'Float64', 8, 'f64'),
]

def entries(kind):
    out = []
    for code, dv, size, check in CODES:
        for little in ((True,) if size == 1 else (True, False)):
            key = code if little else '>' + code
            le = '' if size == 1 else (', true' if little else ', false')
            if kind == 'chunk':
                head = 'const c = this[CELL];'
                inside = f'const e = i * {size} + {size}; if (e <= c.len)'
                at = f'heapDV, c.ptr + e - {size}'
            else:
                head = 'const r = this[HOT];'
                inside = f'const e = i * {size} + {size}; if (e <= r.u8.byteLength)'
                at = f'r.dv, r.off + e - {size}'
            dvv, off = at.split(', ', 1)
            get = (f'get(i) {{ {head} if (typeof i === \'number\' && i >>> 0 === i) {{ {inside} '
                   f'return {dvv}.get{dv}({off}{le}); }} return this[getSlow](i); }}')
            set = (f'set(i, v) {{ {head} if (typeof i === \'number\' && i >>> 0 === i && {check}(v)) {{ {inside} '
                   f'return void {dvv}.set{dv}({off}, v{le}); }} this[setSlow](i, v); }}')
            methods = [get, set]
            if kind == 'chunk':
                methods.append(f'push(v) {{ if (arguments.length === 1 && {check}(v)) {{ const r = this[HOT], p = r.append({size}, \'StrArray.push\'); '
                               f'if (p >= 0) {{ heapDV.set{dv}(p, v{le}); return r.cell.len / {size}; }} }} return this[pushSlow](arguments); }}')
            out.append(f"  '{key}': {{\n" + ''.join(f'    {m},\n' for m in methods) + '  },')
    return out

lines = [
    '// Made by scripts/make_access.py (edit that, not this): the per-format element',
    '// methods of StrArray, one function literal per code, byte order and storage',
    '// kind, so each is monomorphic with its DataView call inlined (access.js says',
    '// why). Each tries the common case and leaves the rest to the generic methods.',
    "import { CELL, HOT, f32, f64, getSlow, i16, i32, i64, i8, pushSlow, setSlow, u16, u32, u64, u8 } from './access.js';",
    "import { heapDV } from './wasm.js';",
    '',
    '/** Arrays over a whole Chunk: the bytes are in wasm memory at cell.ptr, read through the current heap view. */',
    'export const ON_CHUNK = {', *entries('chunk'), '};',
    '',
    '/** Arrays over a whole foreign ArrayBuffer or Uint8Array: its DataView; u8.byteLength is 0 once detached. */',
    'export const ON_FOREIGN = {', *entries('foreign'), '};',
]
path = pathlib.Path(__file__).resolve().parent.parent / 'bindings' / 'js' / 'access-table.js'
path.write_text('\n'.join(lines) + '\n')
