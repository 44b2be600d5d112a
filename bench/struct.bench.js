// The struct functions: iterUnpack('<IHh') over 1 MiB against a hand-written
// DataView loop that produces the same arrays (goal: >= 0.33x, i.e. at most
// 3x its time, with no code generated at run time), and python-struct's
// unpack per record (reported: it re-parses the format on every call).
import pythonStruct from 'python-struct';
import { iterUnpack } from 'wasm-mem';
import { compare } from './harness.js';

const SIZE = 1 << 20;
const RECORD = 8; // '<IHh': 4 + 2 + 2
const N = SIZE / RECORD;

function data() {
  const u8 = new Uint8Array(SIZE);
  let x = 0x12345678;
  for (let i = 0; i < SIZE; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5; // xorshift32: fixed, so every run reads the same records
    u8[i] = x & 0xff;
  }
  return u8;
}

/** Every value of every record, summed: the same number from every reader. */
function total(records) {
  let t = 0;
  for (const r of records) t += r[0] + r[1] + r[2];
  return t;
}

export function run() {
  const bytes = data();
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  // Each reader produces the list of all records, one array of values each
  // (kept, so that no engine can skip making them), then the same total.
  const ours = () => total(Array.from(iterUnpack('<IHh', bytes)));
  const dataView = () => {
    const out = new Array(N);
    for (let k = 0, p = 0; k < N; k++, p += RECORD) out[k] = [dv.getUint32(p, true), dv.getUint16(p + 4, true), dv.getInt16(p + 6, true)];
    return total(out);
  };
  const pyStruct = () => {
    const out = new Array(N);
    for (let k = 0, p = 0; k < N; k++, p += RECORD) out[k] = pythonStruct.unpack('<IHh', buf.subarray(p, p + RECORD));
    return total(out);
  };
  const name = "iterUnpack('<IHh'), 1 MiB (131072 records), per record";
  compare({ name, ops: N, ours, peer: dataView, peerName: 'DataView loop (the same arrays)', goal: { ratio: 0.33 } });
  compare({ name, ops: N, ours, peer: pyStruct, peerName: 'python-struct unpack' });
}
