// Shared by every test folder: a seeded generator, so a failure replays from
// its printed seed, and the dump format's varint encoder for hand-made input.

/**
 * mulberry32: small, fast, reproducible. `next()` is a float in [0, 1);
 * `next.int(n)` an integer below n; `next.bytes(n, alphabet)` n bytes,
 * letters from 'a' for small alphabets (readable failures), any byte for 256.
 */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int = (n) => Math.floor(next() * n);
  next.bytes = (n, alphabet = 256) => {
    const base = alphabet === 256 ? 0 : 97;
    return Uint8Array.from({ length: n }, () => base + next.int(alphabet));
  };
  return next;
}

/** Unsigned LEB128, as dumps writes counts and lengths (any safe integer, and beyond for hostile input). */
export function varint(n) {
  const out = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}
