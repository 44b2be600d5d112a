// The WASI command module: --version and --help under node:wasi (in process
// and through bin/mem.js), and the native build of the same source.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root)));
const run = (cmd, args) => spawnSync(cmd, args, { encoding: 'utf8' });

test('mem.wasm --version under node:wasi prints the package version', async () => {
  const { WASI } = await import('node:wasi');
  const { mkdtempSync, openSync, closeSync } = await import('node:fs');
  const dir = mkdtempSync('/tmp/mem-wasi-');
  const out = openSync(`${dir}/out`, 'w+');
  const wasi = new WASI({ version: 'preview1', args: ['mem', '--version'], stdout: out, returnOnExit: true });
  const module = new WebAssembly.Module(readFileSync(new URL('dist/mem.wasm', root)));
  const code = wasi.start(new WebAssembly.Instance(module, wasi.getImportObject()));
  closeSync(out);
  assert.equal(code, 0);
  assert.equal(readFileSync(`${dir}/out`, 'utf8'), `mem ${pkg.version}\n`);
});

for (const [label, cmd, pre] of [
  ['bin/mem.js', process.execPath, [new URL('bin/mem.js', root).pathname]],
  ['the native build', new URL('build/native/wasi/mem-native', root).pathname, []],
]) {
  test(`${label}: --version, --help, exit codes, no warnings`, () => {
    const v = run(cmd, [...pre, '--version']);
    assert.equal(v.status, 0);
    assert.equal(v.stdout, `mem ${pkg.version}\n`);
    assert.equal(v.stderr, ''); // node:wasi's ExperimentalWarning is not shown
    const h = run(cmd, [...pre, '--help']);
    assert.equal(h.status, 0);
    assert.match(h.stdout, /^usage: mem COMMAND/);
    const bad = run(cmd, [...pre, '--no-such-option']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /^mem: /);
  });
}
