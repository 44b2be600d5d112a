// The API reference is generated from the types: it must be current.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url).pathname;

test('docs/api/README.md matches what TypeDoc makes from index.d.ts (run `npm run docs`)', () => {
  const out = mkdtempSync(join(tmpdir(), 'wasm-mem-docs-'));
  const r = spawnSync(join(root, 'node_modules/.bin/typedoc'), ['--out', out, '--logLevel', 'Error'], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr + r.stdout);
  assert.equal(readFileSync(join(out, 'README.md'), 'utf8'), readFileSync(join(root, 'docs/api/README.md'), 'utf8'));
});
