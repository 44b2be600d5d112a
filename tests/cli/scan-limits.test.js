// Issue 25, both builds: `mem scan --hex -f LIST` with 262,144 patterns of
// `?? 0? xx yy` (12 wildcard bits in each fingerprint). Their tables once
// needed 4.3 GB: wasm32's size_t wrapped and the blob was written past its
// end; the native build allocated and cleared it all. Now the fingerprint's
// expansion is bounded: the scan prints every match, in order, and its
// memory stays far below that (measured with /usr/bin/time where there is
// one). The run is capped at a generous 300 s so that a regression fails
// instead of hanging the suite; it takes a few seconds.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { builds, rng, run, tempDir } from './helpers.js';

const COUNT = 262144;
const dir = tempDir();
const hex = (b) => b.toString(16).padStart(2, '0');
const lines = [];
for (let i = 0; i < COUNT; i++) lines.push(`?? 0? ${hex(i & 255)} ${hex((i >> 8) & 255)}`);
const list = join(dir, 'list');
writeFileSync(list, `${lines.join('\n')}\n`); // 3 MiB

// Bytes from a small alphabet so that most positions match: byte 1 of a
// match below 0x10, bytes 2 and 3 any; each (byte 2, byte 3) is in the list
// four times (i >> 8 runs to 1023, written mod 256).
const random = rng(25);
const data = Buffer.alloc(3000);
for (let i = 0; i < data.length; i++) data[i] = random() < 0.6 ? Math.floor(random() * 16) : Math.floor(random() * 256);
const file = join(dir, 'data');
writeFileSync(file, data);

function expected() {
  const out = [];
  for (let i = 0; i + 4 <= data.length; i++) {
    if (data[i + 1] >= 0x10) continue;
    for (let j = 0; j < 4; j++) {
      const k = data[i + 2] + 256 * data[i + 3] + 65536 * j;
      out.push(`${i}\t${k + 1}\t${lines[k]}\n`);
    }
  }
  return out.join('');
}

const time = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

for (const b of builds) {
  describe(`mem (${b.name})`, () => {
    test('scan --hex -f LIST: 262,144 patterns with 12 wildcard bits each find every match, in bounded memory', () => {
      const rss = join(dir, `rss-${b.name}`);
      const wrapped = {
        argv: [...(time ? [time, '-f', '%M', '-o', rss] : []), 'timeout', '-s', 'KILL', '300', ...b.argv],
      };
      // A small window too, so matches straddle windows.
      for (const window of [undefined, 1000]) {
        const r = run(wrapped, ['scan', file, '--hex', '-f', list], { window });
        assert.equal(r.err, '');
        assert.equal(r.code, 0);
        assert.equal(r.out, expected());
        if (time) {
          // The set and its tables take ~15 MB (the blob 7 MB); the took 4.3 GB.
          const kib = Number(readFileSync(rss, 'latin1').trim().split('\n').at(-1));
          assert.ok(kib < 512 * 1024, `max RSS ${kib} KiB`);
        }
      }
    });
  });
}
