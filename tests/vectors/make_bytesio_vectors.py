"""Makes bytesio.json: random sequences of operations on io.BytesIO and, after
every step, what Python answered: the result, the position and the value, or
the error mapped to the JS error classes (SPEC §1: closed file -> Error,
ValueError -> RangeError, TypeError -> TypeError).

Seeks with whence 1 or 2 never go below 0 here: io.BytesIO clamps those to 0
where wasm-mem refuses them (SPEC §6), and that divergence is tested on its own.
Run: python3 tests/vectors/make_bytesio_vectors.py > tests/vectors/bytesio.json
"""
import io
import json
import random

rng = random.Random(20241125)


def blob(n):
    return bytes(rng.choice(b"ab\n") for _ in range(n))


def step(f, op):
    kind = op[0]
    if kind == "write":
        return f.write(bytes.fromhex(op[1]))
    if kind == "seek":
        return f.seek(op[1], op[2])
    if kind == "read":
        return f.read(op[1]).hex()
    if kind == "readline":
        return f.readline(op[1]).hex()
    if kind == "readlines":
        return [line.hex() for line in f.readlines()]
    if kind == "iter":
        return [line.hex() for line in f]
    if kind == "readinto":
        buf = bytearray(op[1])
        n = f.readinto(buf)
        return [n, bytes(buf).hex()]
    if kind == "truncate":
        return f.truncate(op[1])
    if kind == "tell":
        return f.tell()
    if kind == "getvalue":
        return f.getvalue().hex()
    if kind == "close":
        return f.close()
    raise AssertionError(kind)


def random_op(f):
    size = len(f.getvalue()) if not f.closed else 8
    pos = f.tell() if not f.closed else 0
    r = rng.random()
    if r < 0.22:
        return ["write", blob(rng.randrange(0, 6)).hex()]
    if r < 0.40:
        whence = rng.choice([0, 0, 1, 2])
        if whence == 0:
            off = rng.randrange(-2, size + 5)
        elif whence == 1:
            off = rng.randrange(-pos, 5)
        else:
            off = rng.randrange(-size, 5)
        return ["seek", off, whence]
    if r < 0.55:
        return ["read", rng.choice([-1, 0, 1, 2, 3, 10])]
    if r < 0.67:
        return ["readline", rng.choice([-1, 0, 1, 2, 5])]
    if r < 0.71:
        return ["readlines"]
    if r < 0.74:
        return ["iter"]
    if r < 0.79:
        return ["readinto", rng.randrange(0, 5)]
    if r < 0.87:
        return ["truncate", rng.choice([None, rng.randrange(-1, size + 3)])]
    if r < 0.92:
        return ["tell"]
    if r < 0.985:
        return ["getvalue"]
    return ["close"]


def error_class(e, f):
    if isinstance(e, ValueError) and f.closed:
        return "Error"
    if isinstance(e, ValueError):
        return "RangeError"
    return "TypeError"


sequences = []
for _ in range(400):
    initial = blob(rng.randrange(0, 12))
    f = io.BytesIO(initial)
    steps = []
    for _ in range(rng.randrange(5, 25)):
        op = random_op(f)
        entry = {"op": op}
        try:
            entry["result"] = step(f, op)
        except Exception as e:  # noqa: BLE001 - every error class is recorded
            entry["error"] = error_class(e, f)
        if not f.closed:
            entry["pos"] = f.tell()
            entry["value"] = f.getvalue().hex()
        steps.append(entry)
    sequences.append({"initial": initial.hex(), "steps": steps})
print(json.dumps(sequences, separators=(",", ":")))
