// Type-level checks of the struct functions (checked by struct-types.test.js
// with tsc, never run): a format literal gives a tuple of value types, and
// each `@ts-expect-error` line must stay an error.
import { Struct, calcsize, iterUnpack, pack, packInto, unpack, unpackFrom, type StructValue, type StructValues, type Uint8ArrayCopy } from 'wasm-mem';

const u8 = new Uint8Array(16);
export const tuples = () => {
  const a: [number, number, number] = unpack('<IHd', u8);
  const b: [number, Uint8ArrayCopy] = unpack('>I4s', pack('>I4s', 13, 'IHDR'));
  const c: [number, number, number, bigint] = unpack('@ 3H q', u8); // whitespace and counts
  const d: [string, boolean] = unpackFrom('cx?', u8, 2); // a pad byte has no value
  const e: [] = unpack('4x', u8);
  const f: [Uint8ArrayCopy, number] = unpack('<10pH', u8);
  for (const [x, y, z] of iterUnpack('<IHh', u8)) console.log(x + y + z);
  const s = new Struct('<I4sHh');
  const g: [number, Uint8ArrayCopy, number, number] = s.unpack(u8);
  const fmt: '<I4sHh' = s.format;
  s.packInto(u8, 0, 1, 'abcd', 2, 3);
  s.packInto(u8, 0, 1, new Uint8Array(4), 2, 3);
  packInto('<q?c', u8, 0, 5n, [], 'x'); // q takes a bigint or a number, ? anything, c a character
  packInto('<q?c', u8, 0, 5, 0, new Uint8Array(1));
  const ten: StructValues<'<10b'>['length'] = 10;
  const n: number = calcsize('<I') + s.size;
  return [a, b, c, d, e, f, g, fmt, ten, n];
};

export const fallbacks = (runtime: string) => {
  const dyn: StructValue[] = unpack(runtime, u8); // a format known only at run time
  const many: StructValue[] = unpack('100H', u8); // a count over 64
  const wrong: StructValue[] = unpack('<z', u8); // not a format: the runtime throws
  pack(runtime, 1, 'a', 2n, true);
  return [dyn, many, wrong];
};

export const errors = () => {
  // @ts-expect-error a number is not a string
  const e1: [string] = unpack('<I', u8);
  // @ts-expect-error two values for a three-value format
  pack('<IHd', 1, 2);
  // @ts-expect-error four values for a three-value format
  pack('<IHd', 1, 2, 3, 4);
  // @ts-expect-error a string for an integer code
  pack('<I', 'x');
  // @ts-expect-error q reads a bigint
  const e2: [number] = unpack('<q', u8);
  // @ts-expect-error three values, not two
  const e3: [number, number] = unpack('3H', u8);
  // @ts-expect-error s reads bytes, not text
  const e4: [string] = new Struct('4s').unpack(u8);
  return [e1, e2, e3, e4];
};
