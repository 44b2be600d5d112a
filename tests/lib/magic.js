// Shared by the signature tests (SPEC §10 checks): the sample files and
// headers of tests/vectors/magic_samples.json (made by
// tests/vectors/make_embedded.py), their mutations, and the JS answer of
// `mem scan --magic` over bytes in memory: findAllAny plus each entry's check.
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findAllAny, magic } from 'wasm-mem';

const vectors = new URL('../vectors/', import.meta.url);

/** id -> the bytes of a file (or header) that entry marks. */
export const samples = new Map(
  Object.entries(JSON.parse(readFileSync(new URL('magic_samples.json', vectors), 'utf8'))).map(([id, b64]) => [id, new Uint8Array(Buffer.from(b64, 'base64'))]),
);

/**
 * A copy of sample `s` with 0-2 bytes of its first `span` changed (where checks read most) and, half of
 * the time, cut short: headers that pass their check, and ones that fail it.
 */
export function mutate(r, s, span = 16) {
  const out = s.slice(0, r() < 0.5 ? s.length : r.int(Math.min(s.length, span) + 1));
  for (let k = r.int(3); k > 0 && out.length; k--) out[r.int(Math.min(out.length, span))] = r() < 0.5 ? r.int(256) : out[r.int(out.length)];
  return out;
}

/**
 * The lines `mem scan FILE --magic[=ids] [--end end]` prints for data: every
 * match of a chosen entry's pattern before end that passes its check (which
 * reads the whole data, past end too), at match - offset when that is >= 0,
 * numbered from 1 among the chosen entries, by offset then number.
 */
export function scanLines(data, { ids, end } = {}) {
  const chosen = magic.filter((m) => !ids || ids.includes(m.id));
  const hits = [];
  for (const [i, k] of findAllAny(data, chosen.map((m) => m.pattern), 0, end)) {
    const m = chosen[k];
    if (i < m.offset || !(m.check?.(data, i) ?? true)) continue;
    hits.push([i - m.offset, k]);
  }
  hits.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return hits.map(([at, k]) => `${at}\t${k + 1}\t${chosen[k].name}\n`).join('');
}

/** tests/vectors/make_embedded.py: random bytes with files of the table's kinds at the places it returns. */
export function makeEmbedded(out, size, seed, count = 12) {
  const script = fileURLToPath(new URL('make_embedded.py', vectors));
  const r = spawnSync('python3', [script, out, String(size), String(seed), String(count)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`make_embedded.py: ${r.stderr || r.error}`);
  return JSON.parse(r.stdout);
}

/**
 * Scan lines against the files placed in the data: found (placed files with a
 * line at their offset), false positives (lines in the random bytes between
 * them; lines inside a file, such as a PNG's zlib stream, are neither).
 */
export function score(placed, offsets) {
  const found = placed.filter((f) => offsets.includes(f.offset)).length;
  const falsePositives = offsets.filter((o) => !placed.some((f) => o >= f.offset && o < f.offset + f.size)).length;
  return { found, falsePositives };
}
