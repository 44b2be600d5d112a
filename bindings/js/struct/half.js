// IEEE 754 binary16 ('e' in struct formats) to and from JS numbers.

/** Rounds half to even, as IEEE 754 conversions do. */
function roundHalfEven(x) {
  const f = Math.floor(x);
  const d = x - f;
  return d > 0.5 || (d === 0.5 && f % 2 === 1) ? f + 1 : f;
}

/**
 * IEEE 754 binary16 bits of a number, rounded half to even straight from
 * the double (no detour through float32, which would round twice); -1 when
 * a finite value is too large (it would round to infinity), as struct.
 */
export function toHalf(v) {
  const sign = v < 0 || Object.is(v, -0) ? 0x8000 : 0;
  const a = Math.abs(v);
  if (Number.isNaN(v)) return 0x7e00;
  if (a === Infinity) return sign | 0x7c00;
  if (a < 2 ** -14) return sign | roundHalfEven(a * 2 ** 24); // subnormal; 1024 rounds up into the normals
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a)
    e--; // log2 may round up near a power of two
  else if (2 ** (e + 1) <= a) e++;
  let m = roundHalfEven((a / 2 ** e - 1) * 1024);
  if (m === 1024) {
    m = 0;
    e++;
  }
  if (e > 15) return -1;
  return sign | ((e + 15) << 10) | m;
}

/** The number a binary16 bit pattern holds. */
export function fromHalf(bits) {
  const sign = bits & 0x8000 ? -1 : 1;
  const e = (bits >> 10) & 0x1f;
  const m = bits & 0x3ff;
  if (e === 0) return sign * m * 2 ** -24;
  if (e === 31) return m ? NaN : sign * Infinity;
  return sign * (1 + m / 1024) * 2 ** (e - 15);
}
