#!/usr/bin/env python3
"""Prints the byte-rarity table of src/mem_search.c: each byte value's rank
(0 = rarest, 255 = most common) in a corpus that mixes four kinds of data in
equal weight, as a search haystack might: English prose (the licences and
docs under /usr/share), C source (/usr/include), JavaScript (node_modules of
this repository) and machine code (/usr/bin). The exact counts matter little:
the table only decides which two bytes of a pattern the SIMD filter tests."""
import collections, glob, gzip, os, sys

def read(paths, limit=8 << 20):
    data = bytearray()
    for p in sorted(paths):
        if len(data) >= limit: break
        try:
            raw = open(p, 'rb').read()
            if p.endswith('.gz'): raw = gzip.decompress(raw)
            data += raw[:1 << 20]
        except (OSError, EOFError, gzip.BadGzipFile): pass
    return data[:limit]

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
kinds = [
    glob.glob('/usr/share/common-licenses/*') + glob.glob('/usr/share/doc/*/copyright'),
    glob.glob('/usr/include/*.h') + glob.glob('/usr/include/*/*.h'),
    glob.glob(os.path.join(root, 'node_modules/**/*.js'), recursive=True),
    [p for p in glob.glob('/usr/bin/*') if os.path.isfile(p)],
]
score = collections.Counter()
for paths in kinds:
    data = read(paths)
    counts = collections.Counter(data)
    for b in range(256): score[b] += counts[b] / max(len(data), 1)
order = sorted(range(256), key=lambda b: (score[b], b))
rank = [0] * 256
for r, b in enumerate(order): rank[b] = r
for row in range(0, 256, 16):
    print('    ' + ', '.join('%3d' % r for r in rank[row:row + 16]) + ',')
