// Whether a value fits an element of a width, for the element fast paths
// (access-table.js): exactly the in-range integers of that width, any number
// for a float. A non-number, a fraction, NaN or an out-of-range value fails
// and goes the slow way, whose message says why.
// (typeof first: the bit operators throw on a BigInt.)
export const i8 = (v) => typeof v === 'number' && (v << 24) >> 24 === v;
export const u8 = (v) => typeof v === 'number' && (v & 0xff) === v;
export const i16 = (v) => typeof v === 'number' && (v << 16) >> 16 === v;
export const u16 = (v) => typeof v === 'number' && (v & 0xffff) === v;
export const i32 = (v) => typeof v === 'number' && (v | 0) === v;
export const u32 = (v) => typeof v === 'number' && v >>> 0 === v;
export const i64 = (v) => typeof v === 'bigint' && BigInt.asIntN(64, v) === v;
export const u64 = (v) => typeof v === 'bigint' && BigInt.asUintN(64, v) === v;
export const f32 = (v) => typeof v === 'number' && !(Math.abs(v) > 3.4028234663852886e38 && Math.abs(v) < Infinity);
export const f64 = (v) => typeof v === 'number';
