#!/usr/bin/env python3
"""Makes tests/vectors/records.json: Python's struct module on the whole format
language of SPEC §5 (records: several codes, repeat counts 0-5, whitespace
between items, s/p cut and padded, native alignment with wasm32 sizes), and
every error class. Read by the `mem array` CLI tests (tests/cli/records.test.js)
and by the JS tests of the struct functions and record arrays.

Run from anywhere: python3 tests/vectors/make_records_vectors.py
The output is deterministic (fixed seed): re-running it changes nothing unless
this script changes.

wasm32 sizes: Python on a 64-bit host has 8-byte l/L/n/N/P in native mode
('' or '@'). There, those letters are generated as the 4-byte i/I (same size,
same alignment as wasm32's long, size_t and pointers) and the letter is put
back in the format string we test; `python` keeps what Python was given.
Native byte order is little-endian, as in wasm (and on the generating host).

THE JSON SHAPE

Every value is tagged, [kind, text], so that JSON loses nothing:
  ["int", "decimal"]     a JS number (every code but q/Q reads as this)
  ["bigint", "decimal"]  a JS BigInt (q/Q read as this; written, a BigInt)
  ["float", "text"]      a JS number: Number(text); the text is Python's repr
                         except NaN, Infinity, -Infinity ("-0.0" gives -0)
  ["bool", true|false]   a boolean
  ["bytes", "hex"]       a Uint8Array (s/p read as this; c written as a
                         one-byte bytes-like)
  ["str", "text"]        a JS string (written to s/p: its UTF-8 bytes)
  ["char", "x"]          a one-character string, char code 0..255 (c reads as
                         this; Latin-1, not UTF-8)

Top level:
  about, python (version), seed
  calcsize      [{format, size}]: valid formats, sizes 0 included ('' and
                '0i' are valid for calcsize/pack/unpack, but a TypeError for
                StrArray, readStruct, iterUnpack and `mem array`)
  formatErrors  [{format, why}]: invalid formats, a TypeError for every
                function and class, and exit 2 for `mem array`; `why` is
                Python's message, or our rule where Python differs ('0p':
                Python packs it but cannot unpack it; a record over 2^31 - 1
                bytes, more than a buffer holds)
  records       [{format, python, size, fields, pack, unpack}]:
                  fields  one per value: {code, offset, size} (s/p: one value
                          of `size` bytes; a count on another code: that many
                          values; x: none)
                  pack    [{values, hex}]: pack(format, ...values) == hex (s/p
                          values cut or zero-padded; '?' values any truthy or
                          falsy value)
                  unpack  [{hex, values, repr}]: unpack(format, hex) ==
                          values; `repr` is the line `mem array` prints for the
                          record (values joined by tabs: integers in decimal,
                          floats as Python's repr, '?' as true/false, c/s/p
                          bytes as text with the backslash and bytes outside
                          0x20..0x7e as \\xNN).
                          Every pack hex is also here, then records made of
                          random bytes (pad bytes random too: they are ignored)
  offsets       [{op, format, buffer, offset, values, hex}]: op "packInto"
                (buffer before, hex after) or "unpackFrom" (values read at
                offset); negative offsets count from the end
  errors        [{op, format, values?, hex?, offset?, error, kind, python}]:
                op is pack, unpack, iterUnpack, packInto or unpackFrom (for
                packInto, `hex` is the destination, which must not change);
                error is "TypeError" or "RangeError"; kind says which rule:
                  format  a format that cannot be used (size 0 for iterUnpack)
                  value   a value of the right type out of range  -> RangeError
                  type    a value of the wrong type               -> TypeError
                  count   the wrong number of values              -> TypeError
                          (a wrong shape, as StrArray.set's)
                  length  bytes of the wrong length, an offset out of the
                          buffer or a format that does not fit    -> RangeError
                `python` is Python's message for the same call, or why the
                SPEC differs from Python there.
  pascal        [{format, size, pack, unpack}]: long Pascal strings, for N in
                PASCAL_SIZES, alone ('300p') and inside a record: pack
                [{values, hex}] with data at, around and past 255 bytes and
                past N - 1 (Python writes the length byte min(len, N - 1,
                255) but copies min(len, N - 1) bytes of data); unpack [{hex,
                values}] with length bytes up to 255 and past N - 1 (Python
                reads min(length byte, N - 1) bytes). Made without the seeded
                generator, so the sections above do not change with it.
  strings       [{hex, latin1, utf8}]: Python's bytes.decode of every s/p
                value the record vectors read (their "bytes" values) and of
                the edges of UTF-8 (a BOM, every sequence length, truncated
                and overlong sequences, surrogates, past U+10FFFF, F5..FF):
                `latin1` the text decoded as Latin-1, `utf8` as UTF-8 (strict)
                or null where Python raises UnicodeDecodeError, which
                StrArray's options.strings 'utf-8' makes a RangeError. Made
                without the seeded generator.
  int64         [{format, hex, value, number}]: q/Q values at the edges of
                the safe integers (0, ±(2^53 - 1), ±2^53, ±(2^53 + 1), the
                ends of q and Q) packed by Python; `number` is the value when
                it is within ±(2^53 - 1) (options.int64 'number' reads it),
                else null (a RangeError).
"""
import json
import math
import os
import random
import struct
import sys

SEED = 20261129
PREFIXES = ["", "@", "=", "<", ">", "!"]
NATIVE_CODES = "xcbB?hHiIlLqQnNPefdsp"
STANDARD_CODES = "xcbB?hHiIlLqQefdsp"
INT_RANGE = {"b": 8, "h": 16, "i": 32, "l": 32, "q": 64, "n": 32}
UINT_RANGE = {"B": 8, "H": 16, "I": 32, "L": 32, "Q": 64, "N": 32, "P": 32}
# wasm32 native letters that Python (64-bit host) sizes differently: the
# 4-byte code Python is given instead.
WASM32_NATIVE = {"l": "i", "L": "I", "n": "i", "N": "I", "P": "I"}
SPACES = ["", "", "", " ", "  ", "\t", "\n", " \r\n"]


def is_native(prefix):
    return prefix in ("", "@")


class Item:
    """One item of a format: an optional count (None: no digits) and a code."""

    def __init__(self, count, code):
        self.count, self.code = count, code

    def text(self, code=None):
        return ("" if self.count is None else str(self.count)) + (code or self.code)

    def n(self):
        return 1 if self.count is None else self.count


def python_text(prefix, items, spaces):
    """(our format, Python's format): the same items and whitespace, with the
    wasm32 native letters replaced for Python."""
    ours, py = prefix + spaces[0], prefix + spaces[0]
    for item, space in zip(items, spaces[1:]):
        ours += item.text() + space
        sub = WASM32_NATIVE.get(item.code) if is_native(prefix) else None
        py += item.text(sub) + space
    return ours, py


def py_code(prefix, code):
    return WASM32_NATIVE.get(code, code) if is_native(prefix) else code


def layout(prefix, items):
    """Fields {code, offset, size}, each offset found by Python itself: the
    size of the items before it plus a zero-count item of its code, which
    aligns in native mode."""
    fields, before = [], prefix
    for item in items:
        pc = py_code(prefix, item.code)
        if item.code in "sp":
            offset = struct.calcsize(before + "0" + pc)
            fields.append({"code": item.code, "offset": offset, "size": item.n()})
        elif item.code != "x":
            for k in range(item.n()):
                offset = struct.calcsize(before + ("%d%s" % (k, pc) if k else "") + "0" + pc)
                fields.append({"code": item.code, "offset": offset, "size": struct.calcsize("<" + pc)})
        before += item.text(pc)
    return fields


# ---- values -------------------------------------------------------------


def float_text(v):
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return repr(v)


def tag_read(code, v):
    """A value as unpack gives it, tagged for JS."""
    if code == "c":
        return ["char", chr(v[0])]
    if code in "sp":
        return ["bytes", v.hex()]
    if code == "?":
        return ["bool", bool(v)]
    if code in "qQ":
        return ["bigint", str(v)]
    if code in "efd":
        return ["float", float_text(v)]
    return ["int", str(v)]


def python_value(tagged, code):
    """What Python packs for a tagged value written to a field of `code`."""
    kind, v = tagged
    if kind in ("int", "bigint"):
        return int(v)
    if kind == "float":
        return float(v.replace("Infinity", "inf"))
    if kind == "bool":
        return v
    if kind == "bytes":
        return bytes.fromhex(v)
    if kind == "char":
        return v.encode("latin-1") if code == "c" and ord(v) < 256 else v
    if kind == "str":
        return v.encode("utf-8") if code in "sp" else v
    raise ValueError(kind)


def repr_text(code, v):
    if code in "csp":
        return "".join(chr(b) if 0x20 <= b <= 0x7E and b != 0x5C else "\\x%02x" % b for b in v)
    if code == "?":
        return "true" if v else "false"
    return repr(v)


def fits(fmt, v):
    try:
        struct.pack(fmt, v)
        return True
    except (struct.error, OverflowError):
        return False


HALF = [0.0, -0.0, 1.5, -2.25, 65504.0, -65504.0, 65519.99, 1 + 2.0**-11, 1 + 3 * 2.0**-11, 2.0**-24,
        2.0**-25, 3 * 2.0**-26, 6.103515625e-05, 0.1, 1 / 3, math.inf, -math.inf, math.nan]
SINGLE = [0.0, -0.0, 0.1, 1 / 3, 3.4028234663852886e38, 3.4028235677973366e38, 1.401298464324817e-45,
          1e-46, 16777217.0, 12345.678, math.inf, -math.inf, math.nan]
DOUBLE = [0.0, -0.0, 0.1, 1e100, -1e-300, 5e-324, 1.7976931348623157e308, 1e22, 9007199254740993.0,
          math.inf, -math.inf, math.nan]


def random_float(rng, code):
    pool = {"e": HALF, "f": SINGLE, "d": DOUBLE}[code]
    while True:
        r = rng.random()
        if r < 0.4:
            v = rng.choice(pool)
        elif r < 0.7:
            v = rng.uniform(-1000, 1000)
        else:
            v = math.ldexp(rng.uniform(-1, 1), rng.randrange(-150, 130) if code != "d" else rng.randrange(-1070, 1024))
        if fits("<" + code, v):
            return ["float", float_text(v)]


def random_int(rng, lo, hi):
    r = rng.random()
    if r < 0.3:
        return rng.choice([lo, hi, 0, 1, -1 if lo < 0 else 2, lo + 1, hi - 1])
    if r < 0.5:
        return rng.randrange(max(lo, -300), min(hi, 300) + 1)
    return rng.randrange(lo, hi + 1)


def random_bytes(rng, n):
    return bytes(rng.randrange(256) if rng.random() < 0.5 else rng.randrange(0x20, 0x7F) for _ in range(n))


TEXTS = ["", "a", "IHDR", "héllo", "日本", "tab\there", "€uro"]


def random_value(rng, code, size):
    """A valid value for one field, tagged as a JS caller would write it."""
    if code in INT_RANGE:
        bits = INT_RANGE[code]
        v = random_int(rng, -(1 << (bits - 1)), (1 << (bits - 1)) - 1)
        if code == "q" and (abs(v) >= 2**53 or rng.random() < 0.5):
            return ["bigint", str(v)]
        return ["int", str(v)]
    if code in UINT_RANGE:
        v = random_int(rng, 0, (1 << UINT_RANGE[code]) - 1)
        if code == "Q" and (v >= 2**53 or rng.random() < 0.5):
            return ["bigint", str(v)]
        return ["int", str(v)]
    if code in "efd":
        if rng.random() < 0.1:
            return ["int", str(rng.randrange(-100, 100))]  # any number, integers included
        return random_float(rng, code)
    if code == "?":
        return rng.choice([["bool", True], ["bool", False], ["bool", True], ["bool", False],
                           ["int", "0"], ["int", "2"], ["str", ""], ["str", "x"], ["float", "0.0"], ["float", "0.5"]])
    if code == "c":
        b = rng.randrange(256)
        return ["char", chr(b)] if rng.random() < 0.6 else ["bytes", "%02x" % b]
    # s and p: shorter than, as long as, and longer than the field
    if rng.random() < 0.25:
        return ["str", rng.choice(TEXTS)]
    return ["bytes", random_bytes(rng, rng.randrange(0, size + 3)).hex()]


# ---- formats ------------------------------------------------------------


def random_format(rng, prefix):
    codes = NATIVE_CODES if is_native(prefix) else STANDARD_CODES
    while True:
        items = []
        for _ in range(rng.randrange(1, 6)):
            code = rng.choice(codes)
            r = rng.random()
            if r < 0.35:
                count = None
            elif r < 0.45:
                count = 1
            else:
                count = rng.randrange(1 if code == "p" else 0, 6)  # 0p is a TypeError here
            items.append(Item(count, code))
        # Leading whitespace only without a prefix: Python reads a prefix only
        # as the very first character.
        spaces = [rng.choice(SPACES) if prefix else ""] + [rng.choice(SPACES) for _ in items]
        ours, py = python_text(prefix, items, spaces)
        if struct.calcsize(py) > 0:
            return ours, py, items


def parse_fixed(text):
    """Items of a hand-written format (no whitespace inside counts)."""
    prefix = text[0] if text and text[0] in "@=<>!" else ""
    items, count = [], ""
    for ch in text[len(prefix):]:
        if ch.isdigit():
            count += ch
        elif not ch.isspace():
            items.append(Item(int(count) if count else None, ch))
            count = ""
    return prefix, items


def values_of(fields, rng):
    return [random_value(rng, f["code"], f["size"]) for f in fields]


def record_case(ours, py, prefix, items, rng):
    size = struct.calcsize(py)
    fields = layout(prefix, items)
    codes = [f["code"] for f in fields]
    pack, raws = [], []
    for _ in range(4):
        values = values_of(fields, rng)
        raw = struct.pack(py, *[python_value(v, c) for v, c in zip(values, codes)])
        pack.append({"values": values, "hex": raw.hex()})
        raws.append(raw)
    raws += [bytes(rng.randrange(256) for _ in range(size)) for _ in range(3)]
    unpack = []
    for raw in raws:
        got = struct.unpack(py, raw)
        unpack.append({"hex": raw.hex(), "values": [tag_read(c, v) for c, v in zip(codes, got)],
                       "repr": "\t".join(repr_text(c, v) for c, v in zip(codes, got))})
    assert sum(f["size"] for f in fields) <= size and len(fields) == len(unpack[0]["values"])
    return {"format": ours, "python": py, "size": size, "fields": fields, "pack": pack, "unpack": unpack}


FIXED = ["<I4sHh", ">I4s", "<HH", "@ci", "@ic", "<5s3x2H", "@c0q", "@c4s", "<Id", ">HHI", "<4sf", "<IHh",
         "260p", "<3s", "1p", "3f", "4s", "<Hx", "@?xPl", "@bq", "@ceNd", "!2e3?", " i", "< 2h\tI\n",
         "=qQ", "@lLnN"]
CALCSIZE_ONLY = ["", "0i", " ", "<", "\t\n", "0s", "<0q", "@i0s", "3x", "@c0e", "2147483647x", "<2147483639x2i"]
FORMAT_ERRORS = [
    ("0p", "SPEC §5: a 0p cannot be read back (Python packs it, then fails to unpack)"),
    ("@0p", "SPEC §5: as 0p"), ("<i0p", "SPEC §5: as 0p"),
    ("<3", None), ("3", None), ("i3", None), ("<n", None), (">N", None), ("=P", None), ("!n", None),
    ("1 2i", None), (" <i", None), ("i<", None), ("<>i", None), ("z", None), ("<iZ", None),
    ("i-", None), ("-1i", None), ("2.5i", None), ("<é", None), ("<I4sHh ,", None),
    ("99999999999999999999x", None), ("<99999999999999999999I", None), ("\x00", None), ("i\x00", None),
    ("2147483648x", "more than 2^31 - 1 bytes, more than a buffer holds (Python allows it)"),
    ("@2147483647xq", "as 2147483648x: 2^31 - 1 pad bytes, aligned to 8, then 8 more"),
    ("<1073741824i", "as 2147483648x: 2^32 bytes"),
]


def python_error(call):
    try:
        call()
    except (struct.error, OverflowError, TypeError, ValueError) as e:
        return "%s: %s" % (type(e).__name__, e)
    return None


# ---- errors -------------------------------------------------------------


def bad_values(code, size):
    """[(tagged value, error, kind, python note or None)] for one field."""
    out = []
    if code in INT_RANGE or code in UINT_RANGE:
        bits = INT_RANGE.get(code) or UINT_RANGE[code]
        lo, hi = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if code in INT_RANGE else (0, (1 << bits) - 1)
        tag = "bigint" if code in "qQ" else "int"
        out += [([tag, str(hi + 1)], "RangeError", "value", None), ([tag, str(lo - 1)], "RangeError", "value", None)]
        out += [(["float", "1.5"], "TypeError", "type", None), (["str", "1"], "TypeError", "type", None)]
        if code in "qQ":  # a number past 2^53 has lost its digits: refused, not rounded
            out.append((["float", "1e+20"], "TypeError", "type", None))
    elif code in "ef":
        big = ["65520.0", "1e+10"] if code == "e" else ["3.5e+38", "1e+300"]
        out += [(["float", big[0]], "RangeError", "value", None), (["float", "-" + big[1]], "RangeError", "value", None)]
        out.append((["str", "1.0"], "TypeError", "type", None))
    elif code == "d":
        out.append((["str", "1.0"], "TypeError", "type", None))
    elif code in "sp":
        out += [(["int", "1"], "TypeError", "type", None), (["bool", True], "TypeError", "type", None)]
    elif code == "c":
        out += [(["str", "ab"], "TypeError", "type", None), (["bytes", "6162"], "TypeError", "type", None),
                (["bytes", ""], "TypeError", "type", None), (["int", "97"], "TypeError", "type", None),
                (["char", "\u0100"], "RangeError", "value",
                 "SPEC §5: a one-character string with char code > 255 is a RangeError (Python refuses every str)")]
    return out


def error_cases(case, rng):
    fmt, py, size, fields = case["format"], case["python"], case["size"], case["fields"]
    prefix = fmt[0] if fmt and fmt[0] in "@=<>!" else ""
    codes = [f["code"] for f in fields]
    good = case["pack"][0]["values"]
    out = []
    for k, f in enumerate(fields):
        for bad, error, kind, note in bad_values(f["code"], f["size"]):
            values = list(good)
            values[k] = bad
            if note is None:
                # Python's answer for the same value, in standard mode (native
                # 'f' in Python casts without a range check; SPEC §5 checks).
                single = "<" + ("%d" % f["size"] if f["code"] in "sp" else "") + py_code(prefix, f["code"])
                note = python_error(lambda: struct.pack(single, python_value(bad, f["code"])))
                assert note is not None, (fmt, bad)
            out.append({"op": "pack", "format": fmt, "values": values, "error": error, "kind": kind, "python": note})
    pyvals = [python_value(v, c) for v, c in zip(good, codes)]
    wrong = [good + [good[-1] if good else ["int", "0"]]] + ([good[:-1]] if good else [])
    for values in wrong:
        out.append({"op": "pack", "format": fmt, "values": values, "error": "TypeError", "kind": "count",
                    "python": python_error(lambda: struct.pack(py, *[python_value(v, (codes + codes[-1:] or ["i"])[k])
                                                                     for k, v in enumerate(values)]))})
    raw = bytes.fromhex(case["pack"][0]["hex"])
    for bad in (raw[:-1], raw + b"\x00", raw + raw):
        out.append({"op": "unpack", "format": fmt, "hex": bad.hex(), "error": "RangeError", "kind": "length",
                    "python": python_error(lambda: struct.unpack(py, bad))})
    bad = raw + raw[:1] if size > 1 else None
    if bad is not None:
        note = python_error(lambda: list(struct.iter_unpack(py, bad)))
        out.append({"op": "iterUnpack", "format": fmt, "hex": bad.hex(), "error": "RangeError", "kind": "length",
                    "python": note})
    for offset in (1, -size - 1, size + 1):
        dest = bytes(rng.randrange(256) for _ in range(size))
        note = python_error(lambda: struct.pack_into(py, bytearray(dest), offset, *pyvals))
        out.append({"op": "packInto", "format": fmt, "hex": dest.hex(), "offset": offset, "values": good,
                    "error": "RangeError", "kind": "length", "python": note})
        note = python_error(lambda: struct.unpack_from(py, dest, offset))
        out.append({"op": "unpackFrom", "format": fmt, "hex": dest.hex(), "offset": offset,
                    "error": "RangeError", "kind": "length", "python": note})
    for e in out:
        assert e["python"] is not None, e
    return out


def offset_cases(case, rng):
    fmt, py, size = case["format"], case["python"], case["size"]
    codes = [f["code"] for f in case["fields"]]
    values = case["pack"][1]["values"]
    out = []
    for extra, offset in ((3, 0), (3, 2), (3, -size), (5, -size - 2), (0, 0)):
        dest = bytes(rng.randrange(256) for _ in range(size + extra))
        buf = bytearray(dest)
        struct.pack_into(py, buf, offset, *[python_value(v, c) for v, c in zip(values, codes)])
        out.append({"op": "packInto", "format": fmt, "buffer": dest.hex(), "offset": offset, "values": values,
                    "hex": buf.hex()})
        got = struct.unpack_from(py, buf, offset)
        out.append({"op": "unpackFrom", "format": fmt, "buffer": buf.hex(), "offset": offset,
                    "values": [tag_read(c, v) for c, v in zip(codes, got)]})
    return out


PASCAL_SIZES = [1, 2, 255, 256, 257, 300, 1000]


def pascal_data(n):
    """n bytes that show where a copy stops: no zeros, no repeat within 255."""
    return bytes(1 + (k * 7) % 255 for k in range(n))


def pascal_case(fmt, n, before, after):
    """Pack and unpack vectors of one format: `before` and `after` are the
    tagged values of the fields around the Np field (a record), or empty."""
    codes = [f["code"] for f in layout(*parse_fixed(fmt))]
    lengths = sorted({0, 1, 254, 255, 256, 280, n - 2, n - 1, n, n + 1, 1000, 1001} - {-1})
    pack = []
    for tagged in [["bytes", pascal_data(length).hex()] for length in lengths] + [["str", "y" * 280]]:
        values = before + [tagged] + after
        raw = struct.pack(fmt, *[python_value(v, c) for v, c in zip(values, codes)])
        pack.append({"values": values, "hex": raw.hex()})
    unpack = []
    offset = struct.calcsize(fmt[:fmt.index("%dp" % n)] or "<")
    for length_byte in sorted({0, 1, 254, 255} | {x for x in (n - 2, n - 1, n) if 0 <= x <= 255}):
        raw = bytearray(struct.pack(fmt, *[python_value(v, c) for v, c in zip(before + [["bytes", ""]] + after, codes)]))
        raw[offset:offset + n] = bytes([length_byte]) + pascal_data(n - 1)
        got = struct.unpack(fmt, bytes(raw))
        unpack.append({"hex": raw.hex(), "values": [tag_read(c, v) for c, v in zip(codes, got)]})
    return {"format": fmt, "size": struct.calcsize(fmt), "pack": pack, "unpack": unpack}


def pascal_cases():
    cases = [pascal_case("%dp" % n, n, [], []) for n in PASCAL_SIZES]
    cases += [pascal_case("<I%dpH" % n, n, [["int", "7"]], [["int", "65535"]]) for n in (256, 1000)]
    cases.append(pascal_case(">b300p?", 300, [["int", "-1"]], [["bool", True]]))
    return cases


UTF8_EDGES = [
    "", "41", "efbbbf41", "c3a9", "e282ac", "f09f9880", "f48fbfbf", "efbfbf", "00000000", "52494646",
    "c3", "e282", "f09f98", "80", "bf41", "c080", "c1bf", "e08080", "f0808080", "eda080", "edbfbf",
    "f4908080", "f5808080", "ff", "fe", "41ff42", "e9", "c3a9ff",
]


def string_cases(records):
    """Python's Latin-1 and strict UTF-8 decodes of every bytes value read in
    the record vectors, and of the edges above, each once, in order."""
    seen, cases = set(), []
    read = [v[1] for case in records for u in case["unpack"] for v in u["values"] if v[0] == "bytes"]
    for h in UTF8_EDGES + read:
        if h in seen:
            continue
        seen.add(h)
        raw = bytes.fromhex(h)
        try:
            utf8 = raw.decode("utf-8")
        except UnicodeDecodeError:
            utf8 = None
        cases.append({"hex": h, "latin1": raw.decode("latin-1"), "utf8": utf8})
    return cases


def int64_cases():
    safe = 2 ** 53 - 1
    cases = []
    for fmt, values in (("<q", [0, safe, -safe, safe + 1, -safe - 1, safe + 2, -safe - 2, 2 ** 63 - 1, -2 ** 63]),
                        (">Q", [0, safe, safe + 1, 2 ** 64 - 1])):
        for v in values:
            cases.append({"format": fmt, "hex": struct.pack(fmt, v).hex(), "value": str(v),
                          "number": str(v) if -safe <= v <= safe else None})
    return cases


def main():
    rng = random.Random(SEED)
    records = []
    for text in FIXED:
        prefix, items = parse_fixed(text)
        ours = text
        py = prefix + "".join(i.text(py_code(prefix, i.code)) for i in items) if any(
            i.code in WASM32_NATIVE for i in items) and is_native(prefix) else text
        records.append(record_case(ours, py, prefix, items, rng))
    for prefix in PREFIXES:
        for _ in range(16):
            ours, py, items = random_format(rng, prefix)
            records.append(record_case(ours, py, prefix, items, rng))
    calcsize = [{"format": c["format"], "size": c["size"]} for c in records]
    calcsize += [{"format": f, "size": struct.calcsize(f)} for f in CALCSIZE_ONLY]
    format_errors = []
    for text, why in FORMAT_ERRORS:
        python = python_error(lambda: struct.calcsize(text))
        assert (python is None) == (why is not None), text
        format_errors.append({"format": text, "why": why or python})
    errors, offsets = [], []
    for case in records:
        errors += error_cases(case, rng)
        offsets += offset_cases(case, rng)
    for text in ("", "0i", "<0s", " "):
        errors.append({"op": "iterUnpack", "format": text, "hex": "", "error": "TypeError", "kind": "format",
                       "python": python_error(lambda: list(struct.iter_unpack(text, b"")))})
    doc = {
        "about": "Made by make_records_vectors.py from Python's struct; its docstring describes the fields.",
        "python": "%d.%d" % sys.version_info[:2],
        "seed": SEED,
        "calcsize": calcsize,
        "formatErrors": format_errors,
        "records": records,
        "offsets": offsets,
        "errors": errors,
        "pascal": pascal_cases(),
        "strings": string_cases(records),
        "int64": int64_cases(),
    }
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "records.json")
    with open(out, "w") as f:
        json.dump(doc, f, indent=None, separators=(",", ":"), allow_nan=False, ensure_ascii=True)
        f.write("\n")
    print("wrote %s: %d record formats, %d calcsize, %d format errors, %d offset cases, %d error cases, %d Pascal formats,"
          " %d strings, %d int64 values"
          % (out, len(records), len(calcsize), len(format_errors), len(offsets), len(errors), len(doc["pascal"]),
             len(doc["strings"]), len(doc["int64"])))


if __name__ == "__main__":
    main()
