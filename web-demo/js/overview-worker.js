// The overview strip's numbers, computed in the Worker (issue 26 §4): per
// block of the document, the entropy of its bytes (0 to 8 bits per byte,
// from the package's byte histogram, the C kernel mem_histogram) and a byte
// class (mostly zeros, text, high bytes, or other binary), and which blocks
// hold a match of a search. The page (overview.js) asks for the blocks a
// batch at a time, so a 1 GB windowed file fills the strip in progressively
// and a new file or search cancels what is left.
//
// Pure functions of a source: `read(a, b)` resolves to the bytes [a, b) of
// the document, `find(from, to)` to the first match in [from, to) (or -1),
// so the Worker wires them to however it holds the document and
// tests/web-demo runs them in Node against plain loops.

/** Byte classes (what a block mostly holds); the strip colours them. */
export const CLASS = { binary: 0, zeros: 1, text: 2, high: 3 };

/** Bytes read at once: a windowed file's Blob slice, a bounded copy. */
const READ = 8 << 20;

/** Text: printable ASCII, tab, line feed, carriage return. */
const TEXT = Uint8Array.from({ length: 256 }, (_, b) => (b >= 0x20 && b < 0x7f) || b === 9 || b === 10 || b === 13);

/**
 * The entropy (bits per byte) and class of a block from its byte histogram
 * `h` (256 counts of `n` bytes): zeros when 90 % of the bytes are 0, text
 * when 90 % are text, high bytes when 75 % are 0x80 or more.
 */
export function blockStats(h, n) {
  if (n === 0) return { entropy: 0, cls: CLASS.zeros };
  let sum = 0;
  let text = 0;
  let high = 0;
  for (let v = 0; v < 256; v++) {
    const c = h[v];
    if (c === 0) continue;
    sum += c * Math.log2(c);
    if (TEXT[v]) text += c;
    if (v >= 0x80) high += c;
  }
  // H = -sum(p log2 p) with p = c / n, as log2 n - sum(c log2 c) / n.
  const entropy = Math.max(0, Math.log2(n) - sum / n);
  let cls = CLASS.binary;
  if (h[0] >= 0.9 * n) cls = CLASS.zeros;
  else if (text >= 0.9 * n) cls = CLASS.text;
  else if (high >= 0.75 * n) cls = CLASS.high;
  return { entropy, cls };
}

/**
 * The block size for a document of `size` bytes in a strip of `rows` pixel
 * rows: one row per block, a power of two of at least 256 bytes (so blocks
 * fall on the same offsets whatever the batch).
 */
export function blockSize(size, rows) {
  const want = Math.ceil(size / Math.max(1, rows));
  let block = 256;
  while (block < want) block *= 2;
  return block;
}

/**
 * Entropy and class of the blocks of `block` bytes in [from, to) of a
 * document of `size` bytes (from a multiple of block; the last block may be
 * short), read through `read` at most READ bytes at a time and counted with
 * `histogram` (the package's). Throws the signal's reason when it aborts.
 * @returns {Promise<{from: number, block: number, entropy: Float32Array, cls: Uint8Array}>}
 */
export async function entropyBlocks(read, size, { from, to, block }, { histogram, signal } = {}) {
  const end = Math.min(to, size);
  const count = Math.max(0, Math.ceil((end - from) / block));
  const entropy = new Float32Array(count);
  const cls = new Uint8Array(count);
  const span = Math.max(block, READ - (READ % block));
  for (let a = from; a < end; a += span) {
    signal?.throwIfAborted();
    const b = Math.min(end, a + span);
    const bytes = await read(a, b);
    for (let x = 0; x < bytes.length; x += block) {
      const y = Math.min(bytes.length, x + block);
      const s = blockStats(histogram(bytes, x, y), y - x);
      const k = (a - from + x) / block;
      entropy[k] = s.entropy;
      cls[k] = s.cls;
    }
  }
  return { from, block, entropy, cls };
}

/**
 * Which blocks of [from, to) hold the start of a match: 1 per block that
 * does. One bounded `find` per block (a match starting in it may run up to
 * `length - 1` bytes past its end), so a pattern found everywhere costs one
 * pass over the bytes, not one call per match. `find(a, b)` is the search's
 * own (its start, end and step already applied).
 * @returns {Promise<{from: number, block: number, marks: Uint8Array}>}
 */
export async function matchBlocks(find, size, { from, to, block, length }, { signal } = {}) {
  const end = Math.min(to, size);
  const marks = new Uint8Array(Math.max(0, Math.ceil((end - from) / block)));
  for (let k = 0; k < marks.length; k++) {
    signal?.throwIfAborted();
    const a = from + k * block;
    const i = await find(a, Math.min(size, a + block + Math.max(0, length - 1)));
    if (i >= 0 && i < a + block) marks[k] = 1;
  }
  return { from, block, marks };
}
