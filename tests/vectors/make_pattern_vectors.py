#!/usr/bin/env python3
"""Vectors for masked patterns and pattern sets (SPEC §10), made by Python's re.

Each hex pattern ('4d ?? 5?') becomes a bytes regex: a fixed byte is itself,
'??' is '.' (DOTALL), a nibble wildcard is the class of the 16 bytes it
allows. Overlapping matches come from a lookahead, (?=(...)), searched
between start and end (pos/endpos, so a match never runs past end); the step
filter (i - start) % step == 0 is applied to re's positions. A pattern set's
pairs are every pattern's positions, ordered by position then pattern.

Writes tests/vectors/patterns.json (run from the repository root):
    python3 tests/vectors/make_pattern_vectors.py
"""
import json
import random
import re

rng = random.Random(20261129)


def byte_regex(token):
    hi, lo = token[0], token[1]
    if hi == '?' and lo == '?':
        return b'.'
    if hi == '?':
        return b'[' + b''.join(re.escape(bytes([n << 4 | int(lo, 16)])) for n in range(16)) + b']'
    if lo == '?':
        return b'[' + b''.join(re.escape(bytes([int(hi, 16) << 4 | n])) for n in range(16)) + b']'
    return re.escape(bytes([int(token, 16)]))


def regex_of(hex_text):
    tokens = hex_text.split()
    return re.compile(b'(?=(' + b''.join(byte_regex(t) for t in tokens) + b'))', re.DOTALL)


def positions(hay, hex_text, start, end, step):
    n = len(hay)
    s = start if start >= 0 else max(0, start + n)
    e = n if end is None else (min(end, n) if end >= 0 else max(0, end + n))
    if s > e:
        return []
    return [m.start() for m in regex_of(hex_text).finditer(hay, s, e) if (m.start() - s) % step == 0]


def random_hex_pattern(hay, alphabet):
    """A piece of the haystack (so it matches somewhere) or random bytes, with wildcards."""
    length = rng.randint(1, 12)
    if hay and rng.random() < 0.7 and len(hay) >= length:
        at = rng.randrange(len(hay) - length + 1)
        data = hay[at:at + length]
    else:
        data = bytes(rng.choice(alphabet) for _ in range(length))
    tokens = []
    for b in data:
        r = rng.random()
        if r < 0.15:
            tokens.append('??')
        elif r < 0.25:
            tokens.append('?%x' % (b & 15))
        elif r < 0.35:
            tokens.append('%x?' % (b >> 4))
        else:
            tokens.append('%02x' % b)
    if all(t == '??' for t in tokens) and rng.random() < 0.5:
        tokens[0] = '%02x' % data[0]
    return ' '.join(tokens)


def random_hay(alphabet, n):
    return bytes(rng.choice(alphabet) for _ in range(n))


def main():
    alphabets = [b'ab', b'abcd', bytes(range(0x40, 0x60)), bytes(range(256)), b'\x00\x10\x01\xff']
    masked = []
    for k in range(120):
        alphabet = alphabets[k % len(alphabets)]
        hay = random_hay(alphabet, rng.choice([0, 1, 5, 17, 40, 100, 300, 1000]))
        pattern = random_hex_pattern(hay, alphabet)
        start = rng.choice([None, 0, 1, 3, -5, -40, 7, 500])
        end = rng.choice([None, None, 10, 50, -1, -3, 200, 2000])
        step = rng.choice([1, 1, 1, 2, 3, 5, 16, 17, 40])
        found = positions(hay, pattern, 0 if start is None else start, end, step)
        masked.append({'hay': hay.hex(), 'pattern': pattern, 'start': start, 'end': end, 'step': step,
                       'found': found})

    sets = []
    for k in range(60):
        alphabet = alphabets[k % len(alphabets)]
        hay = random_hay(alphabet, rng.choice([0, 3, 20, 64, 200, 1000, 3000]))
        count = rng.choice([1, 2, 3, 5, 16, 33, 64])
        patterns = [random_hex_pattern(hay, alphabet) for _ in range(count)]
        start = rng.choice([None, 0, 2, -30])
        end = rng.choice([None, None, 100, -2])
        step = rng.choice([1, 1, 1, 2, 7, 20])
        s = 0 if start is None else start
        pairs = sorted((i, p) for p, text in enumerate(patterns) for i in positions(hay, text, s, end, step))
        sets.append({'hay': hay.hex(), 'patterns': patterns, 'start': start, 'end': end, 'step': step,
                     'pairs': [list(x) for x in pairs]})

    with open('tests/vectors/patterns.json', 'w') as f:
        json.dump({'masked': masked, 'sets': sets}, f, separators=(',', ':'))
        f.write('\n')


if __name__ == '__main__':
    main()
