// StrArray's types (bindings/js/index.d.ts): item types from the format
// literal and the names, checked by tsc (tests/types/struct-types.test.js).
import { ChunkArray, StrArray } from 'wasm-mem';

const buf = new Uint8Array(64);
const q: bigint = new StrArray('<q', buf).get(0);
const d: number = new StrArray('>d', buf).get(0);
const one: number = new StrArray('1H', buf).get(0);
const rec: [number, Uint8Array, number, number] = new StrArray('<I4sHh', buf).get(0);
const named = new StrArray('<I4sHh', buf, { names: ['id', 'tag', 'x', 'y'] });
const id: number = named.get(0).id;
const tag: Uint8Array = named.get(0).tag;
named.set(0, { id: 1, tag: 'IHDR', x: 2, y: -3 });
named.set(0, [1, 'IHDR', 2, -3]);
const col: StrArray<string> = named.column('x');
const stride: number = col.stride;
const pushed: number = new ChunkArray('<IH', [[1, 2]]).push([3, 4]);
const list: { a: number; b: number }[] = new ChunkArray('<HH', [], { names: ['a', 'b'] }).toArray();
// @ts-expect-error a record is not a number
const wrong: number = new StrArray('<IH', buf).get(0);
// @ts-expect-error no such name
named.get(0).z;
// @ts-expect-error a bigint format does not take a string
new StrArray('<q', buf).set(0, 'x');
export { q, d, one, rec, id, tag, col, stride, pushed, list, wrong };
