// Inputs shared by the search benches, made the same way in every run.

/** Random lowercase letters from xorshift32 with a fixed seed: "random text". */
export function letterSoup(size, seed = 0x9e3779b9) {
  const text = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    text[i] = 97 + ((x >>> 0) % 26);
  }
  return text;
}

/** Bytes the text never contains ('Z'): Buffer.indexOf skips them with glibc memchr. */
export function absent(plen) {
  return Buffer.from('Z'.repeat(plen));
}

/**
 * A slice of `text` with its middle byte changed to one the text lacks: found
 * nowhere, but its first and last bytes occur everywhere, so no search can
 * skip on them. A backward search starts from the last byte, so for 2 bytes
 * the absent one goes first there.
 */
export function nearMiss(text, plen, backward = false) {
  const p = Buffer.from(text.subarray(1000, 1000 + plen));
  p[backward ? (plen - 1) >> 1 : plen >> 1] = 90; // 'Z'
  return p;
}
