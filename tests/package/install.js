// The package as a user gets it: `npm pack` of the repository, installed
// offline from the tarball into a new empty project. Each test file that
// needs it installs its own copy (node --test runs files in parallel).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = new URL('../../', import.meta.url).pathname;

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** {work, installed, files}: a new project with the packed package installed, and the tarball's file list. */
export function installPacked(prefix) {
  const work = mkdtempSync(join(tmpdir(), prefix));
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], { cwd: root }));
  const files = packed[0].files.map((f) => f.path).sort();
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', join(work, packed[0].filename)], { cwd: work });
  return { work, installed: join(work, 'node_modules', 'wasm-mem'), files };
}
