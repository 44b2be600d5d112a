// Commands whose wasm memory grows past ~50 MB: under Node 20's node:wasi
// these died without a word (exit 139 or 133) once V8 collected garbage
// inside a WASI call (nodejs/node#46777; bin/mem.js turns fast API calls
// off). Each output is checked against a reference computed here, and no
// temporary file may be left behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builds, rng, run, tempDir } from './helpers.js';

const dir = tempDir();
const seed = 25;
const size = 80_000_000;

// 80 MB of seeded random bytes with NEEDLE! planted twice, far apart.
const next = rng(seed);
const data = Buffer.alloc(size);
const words = new Uint32Array(data.buffer, data.byteOffset, size / 4);
for (let k = 0; k < words.length; k++) words[k] = next() * 2 ** 32;
data.write('NEEDLE!', 1234);
data.write('NEEDLE!', 41_000_000);
writeFileSync(join(dir, 'r.bin'), data);

// 3,000 patterns of four bytes with only the low nibble given: compiling
// them takes ~50 MB of the module's memory.
const small = data.subarray(0, 100_000);
const patterns = Array.from({ length: 3000 }, () => Array.from({ length: 4 }, () => next.int(16)));
writeFileSync(join(dir, 'small.bin'), small);
writeFileSync(join(dir, 'list.txt'), patterns.map((p) => p.map((d) => `?${d.toString(16)}`).join(' ')).join('\n') + '\n');

// The reference for that scan: the patterns by the 16-bit key of their nibbles.
function scanReference() {
  const byKey = new Map();
  patterns.forEach((p, n) => {
    const key = p[0] | (p[1] << 4) | (p[2] << 8) | (p[3] << 12);
    if (!byKey.has(key)) byKey.set(key, []);
    byKey.get(key).push(n);
  });
  let out = '';
  for (let i = 0; i + 4 <= small.length; i++) {
    const key = (small[i] & 15) | ((small[i + 1] & 15) << 4) | ((small[i + 2] & 15) << 8) | ((small[i + 3] & 15) << 12);
    for (const n of byKey.get(key) ?? []) out += `${i}\t${n + 1}\t${patterns[n].map((d) => `?${d.toString(16)}`).join(' ')}\n`;
  }
  return out;
}

const ok = (r, what) => `${what}: exit ${r.code} signal ${r.signal} (seed ${seed})\n${r.err}`;

for (const build of builds) {
  test(`${build.name}: rindex and a negative slice of an 80 MB pipe`, { timeout: 120_000 }, () => {
    const rindex = run(build, ['rindex', '-', 'NEEDLE!'], { cwd: dir, input: data });
    assert.equal(rindex.out, `${data.lastIndexOf('NEEDLE!')}\n`, ok(rindex, 'rindex'));
    assert.equal(rindex.code, 0);
    const slice = run(build, ['slice', '-', '--', '-1000'], { cwd: dir, input: data });
    assert.ok(slice.stdout.equals(data.subarray(size - 1000)), ok(slice, 'slice'));
    assert.equal(slice.code, 0);
    assert.equal(slice.err, '');
  });

  test(`${build.name}: slice -o with a 64 MB window writes the whole file and leaves no temporary file`, { timeout: 120_000 }, () => {
    const out = join(dir, `out-${build.name}`);
    mkdirSync(out);
    const r = run(build, ['slice', '../r.bin', '0', '-o', 'out.bin'], { cwd: out, window: 64_000_000 });
    assert.equal(r.code, 0, ok(r, 'slice -o'));
    assert.equal(r.err, '');
    assert.deepEqual(readdirSync(out), ['out.bin']);
    assert.ok(readFileSync(join(out, 'out.bin')).equals(data));
  });

  test(`${build.name}: scan with 3,000 wildcard patterns`, { timeout: 120_000 }, () => {
    const r = run(build, ['scan', 'small.bin', '--hex', '-f', 'list.txt'], { cwd: dir });
    const want = scanReference();
    assert.ok(want.length > 0);
    assert.equal(r.out, want, ok(r, 'scan'));
    assert.equal(r.code, 0);
  });
}
