// One byte in foreign memory takes the platform's memchr when it registered
// one (platform-node.js: Buffer's indexOf), else the wasm windows (the
// browser entry). Both against Buffer's own indexOf/lastIndexOf as the
// oracle, over Buffers and plain Uint8Arrays around the small-input cut-over
// and the window sizes, with slices.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

const script = (entry) => `
import { readFileSync } from 'node:fs';
const m = await import(${JSON.stringify(entry)});
await m.init(readFileSync(new URL('../../dist/wasm-mem.wasm', ${JSON.stringify(entry)})));
let seed = 7;
const rand = (n) => ((seed = (seed * 1103515245 + 12345) >>> 0) % n);
let cases = 0;
for (const size of [0, 1, 63, 64, 65, 4095, 4096, 4097, 70000, 300000]) {
  const buf = Buffer.alloc(size);
  for (let k = 0; k < size; k++) buf[k] = 97 + rand(3);
  for (let k = 0; k < 3 && size; k++) buf[rand(size)] = 0x7a;
  for (const hay of [buf, new Uint8Array(buf)]) {
    for (let round = 0; round < 12; round++) {
      const byte = [0x61, 0x7a, 0x00][round % 3];
      const start = round < 3 ? undefined : rand(size + 1);
      const end = round < 6 ? undefined : start + rand(size + 1 - start);
      const s = start ?? 0, e = end ?? size;
      const window = buf.subarray(s, e);
      const i = window.indexOf(byte), j = window.lastIndexOf(byte);
      const want = [i < 0 ? -1 : s + i, j < 0 ? -1 : s + j];
      const got = [m.find(hay, byte, start, end), m.rfind(hay, byte, start, end)];
      if (got[0] !== want[0] || got[1] !== want[1]) throw new Error(\`size \${size} byte \${byte} [\${start}, \${end}): got \${got}, want \${want}\`);
      cases++;
    }
  }
}
console.log(cases);
`;

for (const [label, entry] of [['Node entry (Buffer memchr)', '../../dist/js/index-node.js'], ['browser entry (wasm windows)', '../../dist/js/index.js']]) {
  test(`one byte in foreign memory, ${label}: find and rfind as Buffer's indexOf`, () => {
    const url = new URL(entry, import.meta.url).href;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script(url)], { encoding: 'utf8', cwd: new URL('.', import.meta.url).pathname });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), String(10 * 2 * 12));
  });
}
