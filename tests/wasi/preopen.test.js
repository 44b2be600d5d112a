// mem.wasm under a WASI runtime that was given one directory (as `wasmtime
// run --dir=DIR` or `iwasm --dir=DIR` give it): a path outside it gets a
// message that says so and which --dir grants it, where wasi-libc alone says
// "No such file or directory"; a file really missing inside it keeps that.
// node:wasi is the runtime here, in process.
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { WASI } from 'node:wasi';

const module = new WebAssembly.Module(readFileSync(new URL('../../dist/mem.wasm', import.meta.url)));
const dir = mkdtempSync(join(tmpdir(), 'mem-preopen-'));
writeFileSync(join(dir, 'a.txt'), 'hello');

/** Runs mem with only `dir` preopened, as /data; returns [exit code, stdout, stderr]. */
function mem(...args) {
  const io = mkdtempSync(join(tmpdir(), 'mem-preopen-io-'));
  const [out, err] = [openSync(join(io, 'out'), 'w+'), openSync(join(io, 'err'), 'w+')];
  const wasi = new WASI({ version: 'preview1', args: ['mem', ...args], preopens: { '/data': dir }, stdout: out, stderr: err, returnOnExit: true });
  const code = wasi.start(new WebAssembly.Instance(module, wasi.getImportObject()));
  closeSync(out);
  closeSync(err);
  return [code, readFileSync(join(io, 'out'), 'utf8'), readFileSync(join(io, 'err'), 'utf8')];
}

const outside = (path, grant) =>
  `mem: ${path}: outside the directories the WASI runtime was given access to; grant one with --dir (e.g. wasmtime run --dir=${grant} or iwasm --dir=${grant})\n`;

test('a file inside the preopened directory is read', () => {
  assert.deepEqual(mem('len', '/data/a.txt'), [0, '5\n', '']);
});

test('an input outside every preopen: the message says so and names the --dir to give', () => {
  assert.deepEqual(mem('len', '/bin/ls'), [2, '', outside('/bin/ls', '/bin')]);
  assert.deepEqual(mem('index', '/etc/hostname', 'x'), [2, '', outside('/etc/hostname', '/etc')]);
  assert.deepEqual(mem('len', '/top'), [2, '', outside('/top', '/')]);
  assert.deepEqual(mem('cmp', '/data/a.txt', 'b.txt'), [2, '', outside('b.txt', '.')]); // no '.' was given
});

test('a path that leaves the preopen through "..": outside, whatever the runtime says (uvwasi: ENOTCAPABLE)', () => {
  assert.deepEqual(mem('len', '/data/../x'), [2, '', outside('/data/../x', '/')]);
  assert.deepEqual(mem('len', '/data/../etc/hostname'), [2, '', outside('/data/../etc/hostname', '/etc')]);
  assert.deepEqual(mem('len', '/data/sub/../a.txt'), [0, '5\n', '']); // ".." that stays inside is fine
  assert.deepEqual(mem('slice', '/data/a.txt', '0', '-o', '/data/../y.bin'), [2, '', outside('/data/../y.bin', '/')]);
});

test('an output outside every preopen: the same message, nothing written', () => {
  assert.deepEqual(mem('slice', '/data/a.txt', '0', '2', '-o', '/elsewhere/out.bin'), [2, '', outside('/elsewhere/out.bin', '/elsewhere')]);
});

test('a file missing inside a preopened directory is still "No such file or directory"', () => {
  assert.deepEqual(mem('len', '/data/missing.bin'), [2, '', 'mem: /data/missing.bin: No such file or directory\n']);
});
