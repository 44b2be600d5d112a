// Generated files are committed; each generator, asked to check, must find
// the committed file to be exactly what it makes now (a hand edit of the
// output, or a generator changed without regenerating, fails here).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

for (const [name, argv] of [
  ['array/access-table.js (scripts/make_access.py)', ['python3', 'scripts/make_access.py', '--check']],
  ['struct/readers.js and array/record-get.js (scripts/make_readers.py)', ['python3', 'scripts/make_readers.py', '--check']],
  ['search/magic.js and wasi/magic_table.c (scripts/make_magic.js)', [process.execPath, 'scripts/make_magic.js', '--check']],
]) {
  test(`${name} is what its generator makes`, () => {
    const r = spawnSync(argv[0], argv.slice(1), { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, `${argv.join(' ')} exited ${r.status}:\n${r.stdout}${r.stderr}`);
  });
}
