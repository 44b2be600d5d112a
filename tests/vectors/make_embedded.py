#!/usr/bin/env python3
"""Random bytes with real files embedded: the input of the signature-scan
tests and bench row (issue 28). Every file is made here with the Python
standard library (zlib, gzip, zipfile, bz2, lzma, tarfile, sqlite3, wave,
struct), the same bytes on every run.

    python3 make_embedded.py OUT SIZE SEED [COUNT]
    python3 make_embedded.py --samples OUT.json

writes SIZE bytes to OUT: random bytes (random.Random(SEED)) with COUNT files
(default 12, one of each kind below, cycling) at random places, one per
SIZE / COUNT slot, and prints JSON to stdout: [{"id", "offset", "size"}], the
id being the one of the signature that marks it (src/magic.txt).

--samples writes tests/vectors/magic_samples.json: {id: base64} of a file
of each kind above, and of a header (the first bytes a check reads) of the
other checked kinds, written here by hand from their specifications."""
import base64
import bz2
import gzip
import io
import json
import lzma
import os
import random
import sqlite3
import struct
import sys
import tarfile
import tempfile
import wave
import zipfile
import zlib

TEXT = b"wasm-mem signature scan test data\n" * 40


def png():
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    w, h = 16, 16
    rows = b"".join(b"\0" + bytes((x * 16 + y) & 255 for x in range(w * 3)) for y in range(h))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def jpeg():
    seg = lambda m, data: bytes([0xFF, m]) + struct.pack(">H", len(data) + 2) + data
    out = b"\xff\xd8"
    out += seg(0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0")
    out += seg(0xDB, b"\0" + bytes([1] * 64))
    out += seg(0xC0, b"\x08\0\x08\0\x08\x01\x01\x11\0")
    out += seg(0xC4, b"\x00" + bytes([1] + [0] * 15) + b"\0")
    out += seg(0xC4, b"\x10" + bytes([1] + [0] * 15) + b"\0")
    out += seg(0xDA, b"\x01\x01\0\0\x3f\0")
    return out + b"\0" * 16 + b"\xff\xd9"


def gzip_file():
    return gzip.compress(TEXT, mtime=0)


def zip_file():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("a.txt", (2020, 1, 1, 0, 0, 0)), TEXT)
    return buf.getvalue()


def tar_file():
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.USTAR_FORMAT) as t:
        info = tarfile.TarInfo("a.txt")
        info.size, info.mtime = len(TEXT), 0
        t.addfile(info, io.BytesIO(TEXT))
    return buf.getvalue()


def elf():
    code = b"\x48\x31\xff\xb8\x3c\x00\x00\x00\x0f\x05"  # exit(0)
    ehdr = (b"\x7fELF\x02\x01\x01\0" + b"\0" * 8
            + struct.pack("<HHIQQQIHHHHHH", 2, 0x3E, 1, 0x400078, 64, 0, 0, 64, 56, 1, 0, 0, 0))
    phdr = struct.pack("<IIQQQQQQ", 1, 5, 0, 0x400000, 0x400000, 120 + len(code), 120 + len(code), 0x1000)
    return ehdr + phdr + code


def pe():
    dos = bytearray(0x80)
    dos[0:2] = b"MZ"
    struct.pack_into("<HHHHHHHH", dos, 2, 0x90, 3, 0, 4, 0, 0xFFFF, 0, 0xB8)
    struct.pack_into("<I", dos, 0x3C, 0x80)
    dos[0x40:0x40 + 39] = b"This program cannot be run in DOS mode."
    coff = b"PE\0\0" + struct.pack("<HHIIIHH", 0x14C, 1, 0, 0, 0, 0xE0, 0x0102)
    opt = bytearray(0xE0)
    struct.pack_into("<HBBIIIIII", opt, 0, 0x10B, 14, 0, 0x200, 0, 0, 0x1000, 0x1000, 0x2000)
    struct.pack_into("<III", opt, 28, 0x400000, 0x1000, 0x200)
    struct.pack_into("<HHHHHH", opt, 40, 6, 0, 0, 0, 6, 0)
    struct.pack_into("<II", opt, 56, 0x2000, 0x200)
    struct.pack_into("<HH", opt, 68, 3, 0x8140)
    struct.pack_into("<I", opt, 92, 16)
    section = b".text\0\0\0" + struct.pack("<IIIIIIHHI", 0x10, 0x1000, 0x200, 0x200, 0, 0, 0, 0, 0x60000020)
    head = bytes(dos) + coff + bytes(opt) + section
    return head + b"\0" * (0x200 - len(head)) + b"\xc3" + b"\0" * 0x1FF


def sqlite():
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "t.db")
        db = sqlite3.connect(path)
        db.execute("create table t (a text)")
        db.execute("insert into t values ('wasm-mem')")
        db.commit()
        db.close()
        with open(path, "rb") as f:
            return f.read()


def wav():
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"".join(struct.pack("<h", (k * 37) % 2000 - 1000) for k in range(800)))
    return buf.getvalue()


def mp3():
    frame = b"\xff\xfb\x90\x64" + b"\0" * 413  # MPEG-1 layer III, 128 kbit/s, 44.1 kHz
    title = b"\x03wasm-mem"
    frames = b"TIT2" + struct.pack(">I", len(title)) + b"\0\0" + title
    size = len(frames)
    synchsafe = bytes([(size >> 21) & 127, (size >> 14) & 127, (size >> 7) & 127, size & 127])
    return b"ID3\x04\0\0" + synchsafe + frames + frame * 4


KINDS = [
    ("png", png), ("gzip", gzip_file), ("zip", zip_file), ("elf", elf), ("pe", pe), ("jpeg", jpeg),
    ("tar", tar_file), ("bzip2", lambda: bz2.compress(TEXT)), ("xz", lambda: lzma.compress(TEXT)),
    ("sqlite", sqlite), ("wav", wav), ("id3", mp3),
]


# Headers of the other kinds whose signature has a check: what their checks read.
HEADERS = {
    "gif": b"GIF89a\x01\0\x01\0\0\0\0;",
    "pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n",
    "zstd": b"\x28\xb5\x2f\xfd\x24\x05\x29\0\0hello",
    "7z": b"7z\xbc\xaf\x27\x1c\0\x04" + b"\0" * 24,
    "rar": b"Rar!\x1a\x07\x01\0" + b"\0" * 8,
    "macho": b"\xce\xfa\xed\xfe" + struct.pack("<IIIII", 7, 3, 2, 0, 0),
    "macho64": b"\xcf\xfa\xed\xfe" + struct.pack("<IIIII", 0x01000007, 3, 2, 0, 0),
    "macho-be": b"\xfe\xed\xfa\xce" + struct.pack(">IIIII", 18, 0, 2, 0, 0),
    "macho64-be": b"\xfe\xed\xfa\xcf" + struct.pack(">IIIII", 0x01000012, 0, 2, 0, 0),
    "class": b"\xca\xfe\xba\xbe\0\0\0\x3d\0\x10",
    "ogg": b"OggS\0\x02" + b"\0" * 22,
    "mp4": b"\0\0\0\x18ftypisom\0\0\x02\0isomiso2",
    "tiff": b"II*\0\x08\0\0\0\0\0",
    "tiff-be": b"MM\0*\0\0\0\x08\0\0",
    "flac": b"fLaC\x80\0\0\x22" + b"\x10\0" * 17,
    "mkv": b"\x1a\x45\xdf\xa3\xa3\x42\x86\x81\x01",
    "lz4": b"\x04\x22\x4d\x18\x64\x40\xa7",
    "cab": b"MSCF\0\0\0\0" + struct.pack("<I", 100) + b"\0" * 24,
}


def samples(out):
    files = {kind: make() for kind, make in KINDS}
    files.update(HEADERS)
    with open(out, "w") as f:
        json.dump({k: base64.b64encode(v).decode() for k, v in sorted(files.items())}, f, indent=1)
        f.write("\n")


def main():
    if sys.argv[1] == "--samples":
        return samples(sys.argv[2])
    out, size, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    count = int(sys.argv[4]) if len(sys.argv) > 4 else 12
    r = random.Random(seed)
    files = [(KINDS[k % len(KINDS)][0], KINDS[k % len(KINDS)][1]()) for k in range(count)]
    slot = size // count
    if any(len(data) > slot for _, data in files):
        sys.exit("make_embedded.py: SIZE too small for the files")
    placed = []
    with open(out, "wb") as f:
        pos = 0
        for k, (kind, data) in enumerate(files):
            at = k * slot + r.randrange(slot - len(data) + 1)
            f.write(r.randbytes(at - pos) + data)
            pos = at + len(data)
            placed.append({"id": kind, "offset": at, "size": len(data)})
        f.write(r.randbytes(size - pos))
    json.dump(placed, sys.stdout)
    print()


if __name__ == "__main__":
    main()
