"""Makes pack.json: Python struct's answers for every StrArray format with
wasm32 sizes, packing values (bytes or the error) and unpacking bytes.

Python's native l/L/n/N are 8 bytes on 64-bit hosts, so the wasm32 vectors for
those codes come from the 4-byte standard codes (<i <I and their big-endian
forms); native order is little-endian, as in wasm.
Values are tagged for JSON: ["int", "decimal"], ["float", repr], ["bool", b],
["bytes", hex], ["str", s], ["none"].
Run: python3 tests/vectors/make_pack_vectors.py > tests/vectors/pack.json
"""
import json
import math
import struct

INT = {"b": (-128, 127), "B": (0, 255), "h": (-2**15, 2**15 - 1), "H": (0, 2**16 - 1),
       "i": (-2**31, 2**31 - 1), "I": (0, 2**32 - 1), "l": (-2**31, 2**31 - 1), "L": (0, 2**32 - 1),
       "n": (-2**31, 2**31 - 1), "N": (0, 2**32 - 1), "q": (-2**63, 2**63 - 1), "Q": (0, 2**64 - 1)}
STANDARD = {"l": "i", "L": "I", "n": "i", "N": "I"}  # the 4-byte equivalents


def python_format(prefix, code):
    order = ">" if prefix in (">", "!") else "<"
    return order + STANDARD.get(code, code)


def tag(v):
    if isinstance(v, bool):
        return ["bool", v]
    if isinstance(v, int):
        return ["int", str(v)]
    if isinstance(v, float):
        return ["float", repr(v)]
    if isinstance(v, bytes):
        return ["bytes", v.hex()]
    if isinstance(v, str):
        return ["str", v]
    return ["none"]


def values_for(code):
    if code in INT:
        lo, hi = INT[code]
        return [lo, hi, lo - 1, hi + 1, 0, 1, (lo + hi) // 3, hi // 7]
    if code in "efd":
        return [0.0, -0.0, 1.5, -2.25, 65504.0, 65519.99, 65520.0, 1e-8, 2.0**-24, 2.0**-25,
                3 * 2.0**-26, 5 * 2.0**-26, 1 + 2.0**-11, 1 + 3 * 2.0**-11, 0.1, 1 / 3,
                3.4028234663852886e38, 3.4028235677973366e38, 3.5e38, 1e-45, 1.4e-45, 1e308,
                5e-324, math.inf, -math.inf, math.nan]
    if code == "?":
        return [True, False, 0, 1, 2, -1, 0.0, 0.5, "", "a", None]
    return [b"a", b"\xff", b"\x00"]  # c


def unpack_bytes(size):
    samples = {1: ["00", "01", "02", "7f", "80", "ff"],
               2: ["0000", "0100", "ff7f", "0080", "ffff", "007c", "00fc", "007e", "01fc", "0100", "ff03", "0004", "0080"],
               4: ["00000000", "01000000", "ffffff7f", "00000080", "ffffffff", "0000807f", "0000c07f", "0100c07f",
                   "01000000", "00008000", "ffff7f7f", "00000080"],
               8: ["0000000000000000", "0100000000000000", "ffffffffffffff7f", "0000000000000080", "ffffffffffffffff",
                   "000000000000f07f", "000000000000f87f", "010000000000f87f", "0000000000001000", "ffffffffffffef7f"]}
    return samples[size]


cases = []
for code in "cbB?hHiIlLqQnNefd":
    prefixes = ["", "@"] if code in "nN" else ["", "@", "=", "<", ">", "!"]
    for prefix in prefixes:
        fmt = prefix + code
        pf = python_format(prefix, code)
        pack = []
        for v in values_for(code):
            try:
                pack.append({"value": tag(v), "hex": struct.pack(pf, v).hex()})
            except (struct.error, OverflowError) as e:
                pack.append({"value": tag(v), "error": "RangeError", "python": str(e)})
        unpack = []
        for h in unpack_bytes(struct.calcsize(pf)):
            raw = bytes.fromhex(h)
            if prefix in (">", "!"):
                raw = raw[::-1]  # the same bit patterns, stored big-endian
            unpack.append({"hex": raw.hex(), "value": tag(struct.unpack(pf, raw)[0])})
        cases.append({"format": fmt, "size": struct.calcsize(pf), "pack": pack, "unpack": unpack})
print(json.dumps(cases, indent=0))
