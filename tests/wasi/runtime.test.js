// mem.wasm under a second WASI runtime, the one a WASI user's shell runs
// (WAMR's iwasm: ../shared/tools/README.md), given the path in
// MEM_WASI_RUNTIME; skipped, saying so, when it is not set. Under
// `iwasm --dir=.` wasi-libc maps an absolute path onto the "." preopen too,
// so /etc/hostname is looked up as ./etc/hostname: the runtime says "No such
// file or directory", and only the path and the preopen list tell that the
// file lies outside what was granted.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const runtime = process.env.MEM_WASI_RUNTIME;
const skip = runtime ? false : 'MEM_WASI_RUNTIME is not set (e.g. MEM_WASI_RUNTIME=../shared/tools/iwasm)';
const wasm = fileURLToPath(new URL('../../dist/mem.wasm', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'mem-runtime-'));
after(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'a.txt'), 'hello');
mkdirSync(join(dir, 'etc'));

/** Runs mem under the runtime with the given --dir options, in dir; returns [exit code, stdout, stderr]. */
function mem(dirs, ...args) {
  const r = spawnSync(runtime, [...dirs.map((d) => `--dir=${d}`), wasm, ...args], { cwd: dir, encoding: 'latin1' });
  if (r.error) throw r.error;
  return [r.status, r.stdout, r.stderr];
}

const outside = (path, grant) =>
  `mem: ${path}: outside the directories the WASI runtime was given access to; grant one with --dir (e.g. wasmtime run --dir=${grant} or iwasm --dir=${grant})\n`;

test('--dir=.: relative paths inside are read; an absolute or escaping path is outside', { skip }, () => {
  assert.deepEqual(mem(['.'], 'len', 'a.txt'), [0, '5\n', '']);
  assert.deepEqual(mem(['.'], 'len', './etc/../a.txt'), [0, '5\n', '']);
  assert.deepEqual(mem(['.'], 'len', '/etc/hostname'), [2, '', outside('/etc/hostname', '/etc')]);
  assert.deepEqual(mem(['.'], 'len', `${dir}/a.txt`), [2, '', outside(`${dir}/a.txt`, dir)]);
  assert.deepEqual(mem(['.'], 'len', '../a.txt'), [2, '', outside('../a.txt', '..')]);
  assert.deepEqual(mem(['.'], 'slice', 'a.txt', '0', '-o', '/etc/out.bin'), [2, '', outside('/etc/out.bin', '/etc')]);
  assert.deepEqual(mem(['.'], 'copy', 'a.txt', '/etc/a.txt'), [2, '', outside('/etc/a.txt', '/etc')]);
  assert.deepEqual(mem(['.'], 'scan', 'a.txt', '-f', '/etc/list.txt'), [2, '', outside('/etc/list.txt', '/etc')]);
  assert.deepEqual(readdirSync(join(dir, 'etc')), []); // nothing written where wasi-libc mapped it
  assert.deepEqual(mem(['.'], 'len', 'missing.bin'), [2, '', 'mem: missing.bin: No such file or directory\n']);
});

test('--dir=DIR (absolute): paths under it are read, others are outside', { skip }, () => {
  assert.deepEqual(mem([dir], 'len', `${dir}/a.txt`), [0, '5\n', '']);
  assert.deepEqual(mem([dir], 'len', `${dir}/etc/../a.txt`), [0, '5\n', '']);
  assert.deepEqual(mem([dir], 'len', `${dir}/../x`), [2, '', outside(`${dir}/../x`, tmpdir())]);
  assert.deepEqual(mem([dir], 'len', `${dir}/missing.bin`), [2, '', `mem: ${dir}/missing.bin: No such file or directory\n`]);
});
