#!/usr/bin/env python3
"""Makes tests/vectors/access.json: Python's struct module on the values the
element-access tests of StrArray write and read (tests/js/array-views.test.js):
per scalar format two lists of values and their packed bytes, and record
formats with their records' bytes and each field's values (what a column, a
strided view or an offset view reads).

Run from anywhere: python3 tests/vectors/make_access_vectors.py
Deterministic: re-running it changes nothing unless this script changes.

Values are tagged as in records.json: ["int", "decimal"], ["bigint", "decimal"],
["float", "repr"] (Python's repr: Number(text) in JS is the same double).
"""
import json
import pathlib
import random
import struct

rng = random.Random(27)
RANGES = {'b': (-128, 127), 'B': (0, 255), 'h': (-2**15, 2**15 - 1), 'H': (0, 2**16 - 1), 'i': (-2**31, 2**31 - 1),
          'I': (0, 2**32 - 1), 'q': (-2**63, 2**63 - 1), 'Q': (0, 2**64 - 1)}
COUNT = 24


def value(code):
    if code in RANGES:
        lo, hi = RANGES[code]
        v = rng.choice([lo, hi, 0, rng.randint(lo, hi), rng.randint(lo, hi)])
        return v, ['bigint' if code in 'qQ' else 'int', str(v)]
    v = rng.choice([0.0, -0.0, 1.5, rng.uniform(-1e6, 1e6), rng.uniform(-1, 1)])
    if code == 'f':
        v = struct.unpack('<f', struct.pack('<f', v))[0]  # a value a float32 holds exactly
    return v, ['float', repr(v)]


def values(code, n):
    pairs = [value(code) for _ in range(n)]
    return [p[0] for p in pairs], [p[1] for p in pairs]


scalars = []
for code in 'bBhHiIqQfd':
    for order in ('<', '>') if code not in 'bB' else ('<',):
        fmt = order + code
        a, ta = values(code, COUNT)
        b, tb = values(code, COUNT)
        scalars.append({'format': fmt, 'a': ta, 'aHex': struct.pack(f'{order}{COUNT}{code}', *a).hex(),
                        'b': tb, 'bHex': struct.pack(f'{order}{COUNT}{code}', *b).hex()})

records = []
for fmt in ('<Qd', '<IHd', '>hId', '<BiQf'):
    order, codes = fmt[0], fmt[1:]
    rows = [[value(c) for c in codes] for _ in range(COUNT)]
    data = b''.join(struct.pack(fmt, *(v for v, _ in row)) for row in rows)
    fields = []
    for k, c in enumerate(codes):
        offset = struct.calcsize(order + codes[:k])
        fields.append({'format': order + c, 'offset': offset, 'values': [row[k][1] for row in rows]})
    records.append({'format': fmt, 'size': struct.calcsize(fmt), 'hex': data.hex(), 'fields': fields})

out = pathlib.Path(__file__).resolve().parent / 'access.json'
out.write_text(json.dumps({'count': COUNT, 'scalars': scalars, 'records': records}, indent=1) + '\n')
