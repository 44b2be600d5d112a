// A MemoryDoc's blob() (the piece table the search Worker reads) holds
// exactly the document's bytes after any edits and undos: random edit
// sequences against the Chunk the editor changes in place. Seeds printed on failure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryDoc } from '../../web-demo/js/doc.js';
import { rng } from '../lib/random.js';

test('blob() equals the edited bytes after random overwrites, inserts, deletes and undos', async () => {
  for (let seed = 1; seed <= 200; seed++) {
    const r = rng(seed);
    const origin = r.bytes(r.int(40), 4);
    const doc = new MemoryDoc('e.bin', MemoryDoc.fromBytes('x', origin).chunk, new File([origin], 'e.bin'));
    const steps = [];
    for (let k = 0; k < 12; k++) {
      const size = doc.size;
      const op = r.int(4);
      if (op === 0 && size > 0) {
        const off = r.int(size);
        const bytes = r.bytes(1 + r.int(Math.min(5, size - off)), 4);
        doc.overwrite(off, bytes, { merge: r.int(2) === 0 });
        steps.push(`overwrite ${off} ${bytes.length}`);
      } else if (op === 1) {
        const off = r.int(size + 1);
        doc.insert(off, r.bytes(r.int(6), 4));
        steps.push(`insert ${off}`);
      } else if (op === 2 && size > 0) {
        const off = r.int(size);
        doc.remove(off, r.int(size - off + 1));
        steps.push(`remove ${off}`);
      } else {
        doc.undo();
        steps.push('undo');
      }
      const got = new Uint8Array(await doc.blob().arrayBuffer());
      assert.deepEqual(got, doc.chunk.bytes.slice(), `seed ${seed}: after ${steps.join(', ')}`);
    }
    doc.close();
  }
});
