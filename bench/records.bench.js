// Record arrays (SPEC §5): a record's get against a hand-written DataView
// decode of the same record into an array (goal >= 0.5x, three formats live
// in one process, each loop a function of its own); named records summed
// against binary-parser (a parser compiled with new Function) parsing the
// same records (goal >= 5x, in a Chunk and in a Buffer); and a search in one
// column of 1 M records against a DataView loop over that field (goal >= 1x:
// it is a byte search with step = the record size).
import { Parser } from 'binary-parser';
import { Chunk, StrArray } from 'wasm-mem';
import { compare, quick } from './harness.js';

const N = 4096;

function fill(bytes) {
  for (let i = 0, x = 7; i < bytes.length; i++) bytes[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  return bytes;
}

/** The same total from both sides: numbers summed, byte strings by length. */
const sum = (rec) => (typeof rec[0] === 'number' ? rec[0] : rec[0].length) + rec[1] + (rec.length > 2 ? rec[2] : 0);

function recordGetRows() {
  const id = new StrArray('<Id', Chunk.alloc(N * 12));
  const hhi = new StrArray('>HHI', Chunk.alloc(N * 8));
  const sf = new StrArray('<4sf', Chunk.alloc(N * 8));
  const dId = new DataView(new ArrayBuffer(N * 12));
  const dHhi = new DataView(new ArrayBuffer(N * 8));
  const dSf = new DataView(new ArrayBuffer(N * 8));
  const bytesSf = new Uint8Array(dSf.buffer);
  const rows = [
    ["'<Id'", () => { let t = 0; for (let i = 0; i < N; i++) t += sum(id.get(i)); return t; },
      () => { let t = 0; for (let i = 0, p = 0; i < N; i++, p += 12) t += sum([dId.getUint32(p, true), dId.getFloat64(p + 4, true)]); return t; }],
    ["'>HHI'", () => { let t = 0; for (let i = 0; i < N; i++) t += sum(hhi.get(i)); return t; },
      () => { let t = 0; for (let i = 0, p = 0; i < N; i++, p += 8) t += sum([dHhi.getUint16(p), dHhi.getUint16(p + 2), dHhi.getUint32(p + 4)]); return t; }],
    ["'<4sf'", () => { let t = 0; for (let i = 0; i < N; i++) t += sum(sf.get(i)); return t; },
      () => { let t = 0; for (let i = 0, p = 0; i < N; i++, p += 8) t += sum([bytesSf.slice(p, p + 4), dSf.getFloat32(p + 4, true)]); return t; }],
  ];
  for (const [format, ours, peer] of rows) {
    compare({ name: `StrArray(${format}).get, a record`, ops: N, goal: { ratio: 0.5 }, ours, peer, peerName: 'DataView decode into an array' });
  }
}

/** 1 M '<IHhd' records with names, get(i).v summed, against binary-parser's parse of them and the same sum. */
function namedRows() {
  const count = quick ? 1 << 16 : 1_000_000;
  const bytes = fill(new Uint8Array(count * 16));
  const dv = new DataView(bytes.buffer);
  for (let i = 0; i < count; i++) dv.setFloat64(i * 16 + 8, i / 8, true); // finite values: the sums agree
  const names = { names: ['id', 'x', 'y', 'v'] };
  const record = new Parser().endianness('little').uint32('id').uint16('x').int16('y').doublele('v');
  const parser = new Parser().array('records', { type: record, readUntil: 'eof' });
  const peerBytes = Buffer.from(bytes); // binary-parser reads a Buffer: for both rows, the same bytes
  const onChunk = new StrArray('<IHhd', new Chunk(bytes), names);
  const onBuffer = new StrArray('<IHhd', Buffer.from(bytes), names);
  // Each side a function literal of its own (one call site each): a loop over the two kinds would share one.
  const rows = [
    ['Chunk', () => { let t = 0; for (let i = 0; i < count; i++) t += onChunk.get(i).v; return t; },
      () => { const recs = parser.parse(peerBytes).records; let t = 0; for (let i = 0; i < recs.length; i++) t += recs[i].v; return t; }],
    ['Buffer', () => { let t = 0; for (let i = 0; i < count; i++) t += onBuffer.get(i).v; return t; },
      () => { const recs = parser.parse(peerBytes).records; let t = 0; for (let i = 0; i < recs.length; i++) t += recs[i].v; return t; }],
  ];
  for (const [kind, ours, peer] of rows) {
    compare({
      name: `named records get(i).v summed, ${count} records of '<IHhd' in a ${kind}`, ops: count, goal: { ratio: 5 },
      ours, peer, peerName: 'binary-parser parse + sum',
    });
  }
}

function columnRows() {
  const count = quick ? 1 << 18 : 1 << 20;
  const recs = new StrArray('<IHh', new Chunk(fill(new Uint8Array(count * 8))), { names: ['id', 'x', 'y'] });
  const dv = new DataView(new Chunk(recs).toUint8Array().buffer);
  const x = recs.column('x');
  // A value no record holds in x (found by a scan first, so "absent" is true).
  const seen = new Uint8Array(65536);
  for (let i = 0; i < count; i++) seen[dv.getUint16(i * 8 + 4, true)] = 1;
  const absent = seen.indexOf(0);
  compare({
    name: `column('x').indexOf(absent value), ${count} records of '<IHh'`, bytes: count * 8, goal: { ratio: 1 },
    ours: () => x.indexOf(absent),
    peer: () => { for (let i = 0; i < count; i++) if (dv.getUint16(i * 8 + 4, true) === absent) return i; return -1; },
    peerName: 'DataView loop over the field',
  });
}

export function run() {
  recordGetRows();
  namedRows();
  columnRows();
}
