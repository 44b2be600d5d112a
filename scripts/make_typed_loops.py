#!/usr/bin/env python3
"""Writes bench/typed-loops.js: for every struct code with a DataView
counterpart, in both byte orders, four loops, each a function literal of its
own: StrArray get and set, and the same with a DataView. The engine keeps
type feedback per function literal, so one literal per format and side gives
each loop one call site, as in a real program with several formats live
(a shared loop would make both sides megamorphic). Run it again when the list
changes; the output is committed."""
import pathlib

CODES = [  # code, DataView method suffix, size, value to set
    ('b', 'Int8', 1, '-7'), ('B', 'Uint8', 1, '7'), ('h', 'Int16', 2, '-7'), ('H', 'Uint16', 2, '7'),
    ('i', 'Int32', 4, '-7'), ('I', 'Uint32', 4, '7'), ('l', 'Int32', 4, '-7'), ('L', 'Uint32', 4, '7'),
    ('q', 'BigInt64', 8, '-7n'), ('Q', 'BigUint64', 8, '7n'), ('f', 'Float32', 4, '1.5'), ('d', 'Float64', 8, '1.5'),
]

out = ['// Made by scripts/make_typed_loops.py: one function literal per format and side (see there why).',
       'export const LOOPS = [']
for order, little in (('<', 'true'), ('>', 'false')):
    for code, dv, size, value in CODES:
        one = size == 1
        le = '' if one else f', {little}'
        zero = '0n' if 'Big' in dv else '0'
        out.append(f"  {{ format: '{order}{code}', size: {size}, value: {value}, dv: '{dv}',")
        out.append(f"    get: (a, n) => {{ let t = {zero}; for (let i = 0; i < n; i++) t += a.get(i); return t; }},")
        out.append(f"    set: (a, n, v) => {{ for (let i = 0; i < n; i++) a.set(i, v); return 0; }},")
        out.append(f"    dvGet: (d, n) => {{ let t = {zero}; for (let i = 0; i < n; i++) t += d.get{dv}(i * {size}{le}); return t; }},")
        out.append(f"    dvSet: (d, n, v) => {{ for (let i = 0; i < n; i++) d.set{dv}(i * {size}, v{le}); return 0; }} }},")
out.append('];')
path = pathlib.Path(__file__).resolve().parent.parent / 'bench' / 'typed-loops.js'
path.write_text('\n'.join(out) + '\n')
