// The package's own types (bindings/js/index.d.ts): tsc checks struct.ts,
// strarray.ts and async.ts (tsconfig.json), whose types must hold and whose
// @ts-expect-error lines must stay errors (tsc reports an unused one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const tsc = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));

test('format literals type as tuples; wrong values and wrong counts do not type-check', () => {
  const r = spawnSync(tsc, ['-p', here], { encoding: 'utf8' });
  assert.equal(r.status, 0, `tsc:\n${r.stdout}${r.stderr}`);
});
