#!/usr/bin/env python3
"""Makes tests/vectors/struct.json: raw bytes and the values Python's struct
module reads from them, for every one-scalar format of SPEC §5.

Run from anywhere: python3 tests/vectors/make_struct_vectors.py
The output is deterministic (fixed seed), so re-running it changes nothing
unless this script changes. Used by the `mem array` tests (C) and meant for
the StrArray tests (JS) too.

Sizes follow wasm32, not the host: in native mode ('' or '@') Python on a
64-bit host reads l/L/n/N as 8 bytes, so those are computed with the
little-endian 4-byte codes '<i'/'<I' (wasm32 native order is little-endian).

Each format entry holds:
  format    the format string ('' prefix, '@', '=', '<', '>', '!')
  itemsize  bytes per item
  hex       the raw bytes of all items, concatenated, as hex
  repr      each value as `mem array` prints it: Python's repr for numbers,
            'true'/'false' for '?', the character for printable ASCII 'c'
            other than the backslash, else '\\xNN'
  json      each value in a JSON-friendly form for JS: integers as numbers,
            except q/Q as decimal strings (BigInt(s)); floats as numbers, with
            non-finite ones as the strings 'NaN', 'Infinity', '-Infinity'
            (Number(s) reads them; -0.0 stays -0.0); '?' as booleans; 'c' as a
            one-character string of char code 0..255 (Latin-1)
"""
import json
import math
import os
import random
import struct

CODES = "cbB?hHiIlLqQnNefd"
PREFIXES = ["", "@", "=", "<", ">", "!"]
NATIVE_ONLY = "nN"
WASM32_NATIVE = {"l": "<i", "L": "<I", "n": "<i", "N": "<I"}
SEED = 20240607


def python_format(fmt):
    """The struct format that reads fmt's bytes as wasm32 would."""
    prefix, code = fmt[:-1], fmt[-1]
    if prefix in ("", "@"):
        return WASM32_NATIVE.get(code, "<" + code)
    return fmt


def interesting_values(code, size):
    """Boundary values for each kind of code, packed later with its format."""
    if code == "c":
        return [b"a", b" ", b"~", b"\\", b"\x00", b"\x1f", b"\x7f", b"\x80", b"\xff", b"'", b'"']
    if code == "?":
        return [False, True]
    if code in "bhilqn":
        bits = 8 * size
        lo, hi = -(1 << (bits - 1)), (1 << (bits - 1)) - 1
        return [0, 1, -1, lo, hi, lo + 1, hi - 1, 100, -100]
    if code in "BHILQN":
        hi = (1 << (8 * size)) - 1
        return [0, 1, hi, hi - 1, 255, 256, hi // 2, hi // 2 + 1]
    common = [0.0, -0.0, 1.0, -1.0, 1.5, 0.1, 0.5, 2.0, 3.0, 100.0, 1e-05, 0.0001, 0.001, 1 / 3,
              65504.0, 6.103515625e-05, 5.960464477539063e-08, math.inf, -math.inf, math.nan]
    if code == "e":
        return common
    wide = [1e15, 1e16, 123456789.0, 1e-7, 3.4028234663852886e38, 1.401298464324817e-45,
            1.1754943508222875e-38, 16777216.0, 16777217.0, 12345.678]
    if code == "f":
        return common + wide
    return common + wide + [1e100, -1e100, 1e-300, 5e-324, 2.2250738585072014e-308,
                            1.7976931348623157e308, 0.30000000000000004, 1e22, 1e23, 9007199254740993.0,
                            123456789012345680.0, 1234567890123456.7]


def repr_value(code, v):
    if code == "c":
        b = v[0]
        return chr(b) if 0x20 <= b <= 0x7E and b != 0x5C else "\\x%02x" % b
    if code == "?":
        return "true" if v else "false"
    return repr(v)


def json_value(code, v):
    if code == "c":
        return chr(v[0])
    if code == "?":
        return bool(v)
    if code in "qQ":
        return str(v)
    if code in "efd":
        if math.isnan(v):
            return "NaN"
        if math.isinf(v):
            return "Infinity" if v > 0 else "-Infinity"
        return v
    return v


def raw_items(fmt, rng):
    """Bytes of the interesting values (those the format can hold) plus random items."""
    pyfmt = python_format(fmt)
    size = struct.calcsize(pyfmt)
    items = []
    for v in interesting_values(fmt[-1], size):
        try:
            items.append(struct.pack(pyfmt, v))
        except (struct.error, OverflowError):
            pass  # e.g. 1e100 does not fit 'f': not an error of reading
    # Random bit patterns reach the odd corners: NaN payloads, subnormals, signed NaN.
    items += [bytes(rng.randrange(256) for _ in range(size)) for _ in range(24)]
    if fmt[-1] in "efd":  # NaN with the sign bit set, in either byte order
        items.append(struct.pack(pyfmt, -math.nan) if math.copysign(1, -math.nan) < 0 else b"\xff" * size)
    return pyfmt, size, items


def entry(fmt, rng):
    pyfmt, size, items = raw_items(fmt, rng)
    values = [struct.unpack(pyfmt, raw)[0] for raw in items]
    code = fmt[-1]
    return {
        "format": fmt,
        "itemsize": size,
        "hex": b"".join(items).hex(),
        "repr": [repr_value(code, v) for v in values],
        "json": [json_value(code, v) for v in values],
    }


def main():
    rng = random.Random(SEED)
    formats = [p + c for c in CODES for p in PREFIXES if c not in NATIVE_ONLY or p in ("", "@")]
    doc = {
        "about": "Made by make_struct_vectors.py from Python's struct; see its docstring for the fields.",
        "python": "%d.%d" % __import__("sys").version_info[:2],
        "seed": SEED,
        "formats": [entry(f, rng) for f in formats],
    }
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "struct.json")
    with open(out, "w") as f:
        json.dump(doc, f, indent=1, allow_nan=False)
        f.write("\n")
    print("wrote %s: %d formats, %d values" % (out, len(formats), sum(len(e["repr"]) for e in doc["formats"])))


if __name__ == "__main__":
    main()
