// Bulk paths over columns and strided views (issue 27): a column of 1 M
// 16-byte records read as a typed array (the C gather kernel, src/mem_gather.c)
// against the DataView loop a user writes into a Float64Array made ready
// before the clock starts, both summed (goal >= 0.5x, a Chunk no slower than
// a Buffer); big-endian and 4-byte columns; toArray and fill over a column.
// Every numeric code in both byte orders is live in the process (liveFormats),
// each side a function of its own.
import { Chunk, StrArray } from 'wasm-mem';
import { compare, quick } from './harness.js';

const N = quick ? 1 << 18 : 1_000_000;
const SIZE = 16;

/** Records of random bytes, with finite doubles at byte 8 in the given order. */
function records(little) {
  const bytes = new Uint8Array(N * SIZE);
  const dv = new DataView(bytes.buffer);
  for (let i = 0, x = 7; i < N; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    dv.setUint32(i * SIZE, x, little);
    dv.setFloat64(i * SIZE + 8, x / 1024 - 1e6, little);
  }
  return bytes;
}

function sum(a) {
  let t = 0;
  for (let i = 0; i < a.length; i++) t += a[i];
  return t;
}

/** The peer: a DataView loop into a ready typed array, then the same sum. */
function dvGatherF64(dv, out, off, little) {
  for (let i = 0, p = off; i < out.length; i++, p += SIZE) out[i] = dv.getFloat64(p, little);
  return sum(out);
}

function dvGatherU32(dv, out, off, little) {
  for (let i = 0, p = off; i < out.length; i++, p += SIZE) out[i] = dv.getUint32(p, little);
  return sum(out);
}

/**
 * Several formats live, as in a program that reads more than one column: the
 * bulk methods of strided views of every numeric code in both byte orders
 * run once before the rows are timed.
 */
function liveFormats() {
  const bytes = new Uint8Array(64 * 24);
  for (const code of 'bBhHiIqQfd')
    for (const order of '<>')
      for (const buf of [new Chunk(bytes), Buffer.from(bytes)]) {
        const v = new StrArray(`${order}${code}`, buf, { offset: 3, stride: 24 });
        v.toTypedArray();
        v.toArray();
        v.fill(1);
      }
}

function columnRows() {
  liveFormats();
  const le = records(true);
  const be = records(false);
  const chunk = new Chunk(le);
  const buffer = Buffer.from(le);
  const beChunk = new Chunk(be);
  const dvLe = new DataView(le.buffer);
  const dvBe = new DataView(be.buffer);
  const ready = new Float64Array(N);
  const readyU32 = new Uint32Array(N);
  const names = { names: ['id', 'v'] };
  const onBuffer = new StrArray('<I4xd', buffer, names);
  const onChunk = new StrArray('<I4xd', chunk, names);
  const onBe = new StrArray('>I4xd', beChunk, names);
  const peerName = 'DataView gather into a ready typed array';
  const buf = compare({
    name: `column('v').toTypedArray() + sum, ${N} records of '<I4xd' in a Buffer`, bytes: N * SIZE, goal: { ratio: 0.5 },
    ours: () => sum(onBuffer.column('v').toTypedArray()), peer: () => dvGatherF64(dvLe, ready, 8, true), peerName,
  });
  compare({
    name: `column('v').toTypedArray() + sum, ${N} records of '<I4xd' in a Chunk`, bytes: N * SIZE,
    goal: { ratio: 0.5, within: 0, of: buf, label: 'the Buffer' },
    ours: () => sum(onChunk.column('v').toTypedArray()), peer: () => dvGatherF64(dvLe, ready, 8, true), peerName,
  });
  compare({
    name: `column('v').toTypedArray() + sum, ${N} records of '>I4xd' (big-endian) in a Chunk`, bytes: N * SIZE, goal: { ratio: 0.5 },
    ours: () => sum(onBe.column('v').toTypedArray()), peer: () => dvGatherF64(dvBe, ready, 8, false), peerName,
  });
  compare({
    name: `column('id').toTypedArray() + sum, ${N} records of '>I4xd' (big-endian) in a Chunk`, bytes: N * SIZE, goal: { ratio: 0.5 },
    ours: () => sum(onBe.column('id').toTypedArray()), peer: () => dvGatherU32(dvBe, readyU32, 0, false), peerName,
  });
  compare({
    name: `column('v').toArray() + sum, ${N} records of '<I4xd' in a Chunk`, bytes: N * SIZE, goal: { ratio: 0.5 },
    ours: () => sum(onChunk.column('v').toArray()),
    peer: () => {
      const out = [];
      for (let i = 0, p = 8; i < N; i++, p += SIZE) out.push(dvLe.getFloat64(p, true));
      return sum(out);
    },
    peerName: 'DataView loop into an array',
  });
  const fillChunk = new StrArray('<I4xd', new Chunk(le), names).column('v');
  const fillDv = new DataView(new Uint8Array(le).buffer);
  compare({
    name: `column('v').fill(x), ${N} records of '<I4xd' in a Chunk`, bytes: N * SIZE, goal: { ratio: 0.5 },
    ours: () => {
      fillChunk.fill(2.5);
      return 1;
    },
    peer: () => {
      for (let i = 0, p = 8; i < N; i++, p += SIZE) fillDv.setFloat64(p, 2.5, true);
      return 1;
    },
    peerName: 'DataView.setFloat64 loop',
  });
}

export function run() {
  columnRows();
}
