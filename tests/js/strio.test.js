// StrIO and ChunkIO (SPEC §6): Python io.BytesIO vectors over every kind of
// data, the negative-seek divergence, struct records, streams with
// back-pressure, and a getbuffer() slice that follows a moving chunk.
import assert from 'node:assert/strict';
import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import { Chunk, ChunkIO, MemSlice, StrIO, memoryStats } from 'wasm-mem';
import { chunkCell } from '../../dist/js/core/internal.js';

const sequences = JSON.parse(readFileSync(new URL('../vectors/bytesio.json', import.meta.url)));
const hex = (u) => Buffer.from(u).toString('hex');
const fromHex = (h) => Uint8Array.from(Buffer.from(h, 'hex'));

function run(f, op) {
  switch (op[0]) {
    case 'write': return f.write(fromHex(op[1]));
    case 'seek': return f.seek(op[1], op[2]);
    case 'read': return hex(f.read(op[1]));
    case 'readline': return hex(f.readline(op[1]));
    case 'readlines': return f.readlines().map(hex);
    case 'iter': return [...f].map(hex);
    case 'readinto': {
      const buf = new Uint8Array(op[1]);
      return [f.readinto(buf), hex(buf)];
    }
    case 'truncate': return f.truncate(op[1] ?? undefined);
    case 'tell': return f.tell();
    case 'getvalue': return hex(f.getvalue());
    case 'close': return f.close() ?? null;
    default: throw new Error(op[0]);
  }
}

/**
 * Data kinds: [label, make(initial bytes), growable]. Fixed kinds stop a
 * sequence at the first step that would change the size (checking that our
 * refusal changed nothing), since Python's file would go on from there.
 */
const kinds = [
  ['ChunkIO', (b) => new ChunkIO(b), true],
  ['StrIO over a Chunk', (b) => new StrIO(new Chunk(b)), true],
  ['StrIO over a resizable ArrayBuffer', (b) => {
    const ab = new ArrayBuffer(b.length, { maxByteLength: 1 << 16 });
    new Uint8Array(ab).set(b);
    return new StrIO(ab);
  }, true],
  ['StrIO over a MemSlice on a Chunk', (b) => new StrIO(new Chunk(Uint8Array.of(7, ...b, 7)).subarray(1, 1 + b.length)), false],
  ['StrIO over a Uint8Array', (b) => new StrIO(Uint8Array.from(b)), false],
];

describe('io.BytesIO vectors', () => {
  for (const [label, make, growable] of kinds) {
    test(`${sequences.length} sequences, ${label}`, () => {
      let steps = 0;
      let stopped = 0;
      sequences.forEach((seq, s) => {
        const f = make(fromHex(seq.initial));
        for (const [k, st] of seq.steps.entries()) {
          const where = `${label} sequence ${s} step ${k} ${JSON.stringify(st.op)}`;
          const before = f.closed ? null : [f.tell(), hex(f.getvalue())];
          let result;
          let error;
          try {
            result = run(f, st.op);
          } catch (e) {
            error = e;
          }
          if (!growable && before && !st.error && st.value !== undefined && st.value.length !== before[1].length) {
            // Python changed the size; a fixed buffer must refuse and change nothing.
            assert.ok(error instanceof RangeError || error instanceof TypeError, `${where}: expected a refusal, got ${error ?? JSON.stringify(result)}`);
            assert.deepEqual([f.tell(), hex(f.getvalue())], before, `${where}: changed despite the refusal`);
            stopped++;
            break;
          }
          if (st.error) {
            assert.ok(error, `${where}: expected ${st.error}, got ${JSON.stringify(result)}`);
            assert.equal(error.constructor.name, st.error, `${where}: ${error.message}`);
            if (st.error === 'Error') assert.match(error.message, /closed file/, where);
          } else {
            assert.equal(error, undefined, `${where}: ${error?.stack}`);
            assert.deepEqual(result, st.result, where);
          }
          if (st.pos !== undefined) {
            assert.equal(f.tell(), st.pos, `${where}: position`);
            assert.equal(hex(f.getvalue()), st.value, `${where}: value`);
          } else {
            assert.throws(() => f.tell(), /closed file/, where);
          }
          steps++;
        }
      });
      assert.ok(steps > (growable ? 5000 : 800), `${steps} steps checked`);
      if (!growable) assert.ok(stopped > 50, `${stopped} refusals checked`);
    });
  }
  test('a string is read-only data: reads follow Python, writes are TypeErrors', () => {
    const f = new StrIO('héllo\nworld');
    assert.equal(f.writable(), false);
    assert.equal(f.size, 12);
    assert.equal(hex(f.readline()), hex(Buffer.from('héllo\n')));
    assert.throws(() => f.write('x'), TypeError);
    assert.throws(() => f.truncate(0), TypeError);
    assert.throws(() => f.writeStruct('b', 1), TypeError);
    assert.equal(Buffer.from(f.read()).toString(), 'world');
  });
});

describe('the one divergence: negative seeks', () => {
  test('whence 1 and 2 below zero are RangeErrors (io.BytesIO would clamp to 0); nothing moves', () => {
    const f = new ChunkIO('abcdef');
    f.seek(2);
    assert.throws(() => f.seek(-3, 1), /negative position/);
    assert.throws(() => f.seek(-7, 2), RangeError);
    assert.throws(() => f.seek(-1), RangeError);
    assert.equal(f.tell(), 2);
    assert.equal(f.seek(-2, 1), 0);
    assert.equal(f.seek(-6, 2), 0);
    assert.throws(() => f.seek(0, 3), /whence/);
  });
});

describe('struct records', () => {
  test('writeStruct/readStruct round trips in every kind of data, advancing the position', () => {
    for (const make of [() => new ChunkIO(), () => new StrIO(new ArrayBuffer(0, { maxByteLength: 100 })), () => new StrIO(new Uint8Array(32))]) {
      const f = make();
      const records = [['<i', -5], ['>H', 258], ['d', 1.5], ['q', -(2n ** 40n)], ['?', true], ['c', 'z'], ['<e', 0.5]];
      let at = 0;
      for (const [fmt, v] of records) at += f.writeStruct(fmt, v);
      assert.equal(f.tell(), at);
      f.seek(0);
      for (const [fmt, v] of records) assert.equal(f.readStruct(fmt), v, fmt);
      assert.equal(f.tell(), at);
    }
  });
  test('errors: a value that does not fit writes nothing; reading past the end is a RangeError', () => {
    const f = new ChunkIO('ab');
    assert.throws(() => f.writeStruct('B', 256), RangeError);
    assert.throws(() => f.writeStruct('i', 1.5), TypeError);
    assert.throws(() => f.writeStruct('3i', 1), TypeError);
    assert.equal(hex(f.getvalue()), '6162');
    assert.equal(f.tell(), 0);
    f.seek(1);
    assert.throws(() => f.readStruct('<H'), /needs 2 bytes at position 1, 1 left/);
    assert.equal(f.tell(), 1);
    assert.throws(() => new StrIO(new Uint8Array(2)).writeStruct('i', 1), RangeError);
  });
  test('the issue example', () => {
    const f = new ChunkIO('abc');
    f.seek(5);
    f.write('Z');
    assert.equal(hex(f.getvalue()), '61626300005a');
    f.truncate(2);
    assert.equal(f.tell(), 6);
    f.write('!');
    assert.equal(hex(f.getvalue()), '61620000000021');
    f.seek(0);
    assert.equal(f.readStruct('>H'), 24930);
    const fixed = new Uint8Array(2);
    assert.throws(() => new StrIO(fixed).write('abc'), RangeError);
    assert.deepEqual([...fixed], [0, 0]);
    assert.deepEqual(new ChunkIO('a\nbc\n\nd').readlines().map((l) => l.length), [2, 3, 1, 1]);
  });
});

describe('streams', () => {
  const big = Uint8Array.from({ length: 3 << 20 }, (_, i) => (i * 7) & 255);
  test('readableStream: the bytes from the position on, in pieces; the position follows', async () => {
    const f = new ChunkIO(big);
    f.seek(100);
    const got = new Uint8Array(await new Response(f.readableStream()).arrayBuffer());
    assert.equal(got.length, big.length - 100);
    assert.equal(hex(got.subarray(0, 16)), hex(big.subarray(100, 116)));
    assert.equal(Buffer.compare(got, big.subarray(100)), 0);
    assert.equal(f.tell(), big.length);
    assert.equal(await new Response(new ChunkIO('xyz').readableStream()).text(), 'xyz');
  });
  test('writableStream: small and large pieces, piped', async () => {
    for (const piece of [1000, 1 << 20]) {
      const f = new ChunkIO();
      const source = new ReadableStream({
        start(c) {
          for (let i = 0; i < big.length; i += piece) c.enqueue(big.slice(i, i + piece));
          c.close();
        },
      });
      await source.pipeTo(f.writableStream());
      assert.equal(f.tell(), big.length);
      assert.equal(Buffer.compare(f.getvalue(), big), 0);
    }
  });
  test('back-pressure: a slow sink pulls the file piece by piece, not all at once', async () => {
    const f = new ChunkIO(big);
    const reader = f.readableStream().getReader();
    await reader.read();
    await new Promise((r) => setTimeout(r, 20));
    assert.ok(f.tell() <= 3 * 64 * 1024, `read ahead to ${f.tell()}`);
    reader.cancel();
  });
  test('a Node file stream piped into a ChunkIO', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wasm-mem-io-'));
    const path = join(dir, 'data.bin');
    writeFileSync(path, big);
    const f = new ChunkIO();
    await Readable.toWeb(createReadStream(path)).pipeTo(f.writableStream());
    assert.equal(Buffer.compare(f.getvalue(), big), 0);
  });
  test('errors propagate: a closed file errors the stream; a bad piece errors the write', async () => {
    const f = new ChunkIO('abc');
    const rs = f.readableStream();
    f.close();
    await assert.rejects(new Response(rs).arrayBuffer(), /closed file/);
    const g = new ChunkIO();
    const writer = g.writableStream().getWriter();
    await assert.rejects(writer.write(42), TypeError);
    const fixed = new StrIO(new Uint8Array(2));
    await assert.rejects(new Response('abc').body.pipeTo(fixed.writableStream()), RangeError);
  });
});

describe('data that moves', () => {
  test('a getbuffer() slice stays right after writes that move the chunk', () => {
    const f = new ChunkIO('hello');
    const view = f.getbuffer();
    assert.ok(view instanceof MemSlice);
    const before = chunkCell(f.data).ptr;
    const blocker = new Chunk('x');
    f.seek(0, 2);
    f.write(new Uint8Array(100000).fill(46));
    assert.notEqual(chunkCell(f.data).ptr, before);
    assert.equal(Buffer.from(view.toUint8Array().subarray(0, 7)).toString(), 'hello..');
    view.set(0, 72);
    f.seek(0);
    assert.equal(Buffer.from(f.read(5)).toString(), 'Hello');
    blocker.free();
  });
  test('writing a slice of the file into itself, past the end', () => {
    const f = new ChunkIO('abc');
    f.seek(0, 2);
    f.write(f.getbuffer());
    f.write(f.getbuffer().slice(0, 2));
    assert.equal(Buffer.from(f.getvalue()).toString(), 'abcabcab');
  });
  test('ChunkIO.free returns the memory and closes', () => {
    const base = memoryStats().bytesInUse;
    const f = new ChunkIO(new Uint8Array(50000));
    f.free();
    assert.equal(memoryStats().bytesInUse, base);
    assert.throws(() => f.read(), /closed file/);
    const g = new StrIO();
    g.write('x');
    g[Symbol.dispose]();
    assert.equal(g.closed, true);
  });
});
