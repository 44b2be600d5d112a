// The bytes of an edited document as a Blob, without copying the document:
// a piece table over the file it was opened from. Each edit splits the
// pieces around it and adds its own bytes (a copy, as small as the edit), so
// `blob()` is a list of File slices and edit bytes that the search Worker
// reads by position, while the document itself stays in the page's Chunk.

export class PieceTable {
  #pieces; // [{src: Blob | Uint8Array, off, len}], in document order

  /** @param {Blob} origin the bytes before any edit */
  constructor(origin) {
    this.#pieces = origin.size ? [{ src: origin, off: 0, len: origin.size }] : [];
    this.size = origin.size;
  }

  /** Index of the piece that starts at `pos` (0..size), splitting the piece `pos` falls in. */
  #split(pos) {
    let at = 0;
    for (let i = 0; i < this.#pieces.length; i++) {
      const p = this.#pieces[i];
      if (at === pos) return i;
      if (pos < at + p.len) {
        const head = pos - at;
        this.#pieces.splice(i, 1, { src: p.src, off: p.off, len: head }, { src: p.src, off: p.off + head, len: p.len - head });
        return i + 1;
      }
      at += p.len;
    }
    return this.#pieces.length;
  }

  insert(pos, bytes) {
    if (bytes.length === 0) return;
    this.#pieces.splice(this.#split(pos), 0, { src: Uint8Array.from(bytes), off: 0, len: bytes.length });
    this.size += bytes.length;
  }

  remove(pos, n) {
    if (n === 0) return;
    const i = this.#split(pos);
    const j = this.#split(pos + n);
    this.#pieces.splice(i, j - i);
    this.size -= n;
  }

  overwrite(pos, bytes) {
    this.remove(pos, bytes.length);
    this.insert(pos, bytes);
  }

  /** The current bytes as a Blob (slices and small copies: cheap to make and to send to a Worker). */
  blob() {
    return new Blob(
      this.#pieces.map((p) => (p.src instanceof Blob ? p.src.slice(p.off, p.off + p.len) : p.src.subarray(p.off, p.off + p.len))),
    );
  }
}
