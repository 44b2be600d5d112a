// The types in every kind of project, against the installed package: a
// browser-only project (lib es2022 + dom, no Node types), a Node project
// (Node's types, no dom), and `using` with the esnext.disposable lib; each
// with the oldest TypeScript the README promises (5.0, installed as the dev
// dependency `typescript-5.0`) and the current one. The fixtures hold exact
// type assertions and a @ts-expect-error, so a wrong type fails the check.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { installPacked, root } from './install.js';

const fixtures = join(root, 'tests/package/fixtures/types');
const compilers = {
  '5.0': join(root, 'node_modules/typescript-5.0/bin/tsc'),
  current: join(root, 'node_modules/typescript/bin/tsc'),
};
const projects = [
  // [name, files, the oldest TypeScript it needs]
  ['browser-only', ['browser.ts'], '5.0'],
  ['Node', ['node.ts'], '5.0'],
  ['using', ['using.ts'], '5.2'],
];

describe('TypeScript', () => {
  let work;
  before(() => {
    ({ work } = installPacked('wasm-mem-types-'));
  });

  test('the compilers are the versions the README names', () => {
    const v = (tsc) => spawnSync(process.execPath, [tsc, '-v'], { encoding: 'utf8' }).stdout.trim();
    assert.equal(v(compilers['5.0']), 'Version 5.0.4');
    assert.match(v(compilers.current), /^Version 5\.\d+\.\d+$/);
  });

  for (const [name, files, oldest] of projects) {
    for (const [version, tsc] of Object.entries(compilers)) {
      if (version === '5.0' && oldest !== '5.0') continue;
      test(`a ${name} project type-checks with TypeScript ${version}`, () => {
        const dir = join(work, `${name}-${version}`);
        mkdirSync(dir);
        for (const f of files) cpSync(join(fixtures, f), join(dir, f));
        const config = files[0].replace(/\.ts$/, '.tsconfig.json');
        cpSync(join(fixtures, config), join(dir, 'tsconfig.json'));
        if (name === 'Node') {
          // Node's types for this project alone: the browser-only one must not see them.
          mkdirSync(join(dir, 'node_modules/@types'), { recursive: true });
          symlinkSync(join(root, 'node_modules/@types/node'), join(dir, 'node_modules/@types/node'));
        }
        const r = spawnSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8' });
        assert.equal(r.status, 0, `tsc ${version}, ${name}:\n${r.stdout}${r.stderr}\n${readFileSync(join(dir, 'tsconfig.json'), 'utf8')}`);
      });
    }
  }
});
