// Shared by the CLI tests: the two builds of `mem` that every table runs
// against, a temp directory per test file, and small reference functions.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after } from 'node:test';
export { rng } from '../lib/random.js';

export const root = fileURLToPath(new URL('../..', import.meta.url));

// The same source, twice: mem.wasm under Node (the package's bin) and the
// native build under ASan + UBSan.
export const builds = [
  { name: 'wasm', argv: [process.execPath, join(root, 'bin/mem.js')] },
  { name: 'asan', argv: [join(root, 'build/asan/wasi/mem-native')] },
];
for (const b of builds) {
  const file = b.argv[b.argv.length - 1];
  if (!existsSync(file)) throw new Error(`${file} is missing: run scripts/build first`);
}

// Runs one build with args; options: cwd, input (bytes or string: a pipe),
// stdin (a file descriptor: a seekable standard input), stdout (a file
// descriptor instead of a pipe), window (MEM_WINDOW).
export function run(build, args, { cwd, input, stdin, stdout, window, env } = {}) {
  const [cmd, ...pre] = build.argv;
  const r = spawnSync(cmd, [...pre, ...args], {
    cwd,
    input,
    stdio: [stdin ?? 'pipe', stdout ?? 'pipe', 'pipe'],
    env: { ...process.env, ...(window ? { MEM_WINDOW: String(window) } : {}), ...env },
    maxBuffer: 1 << 28,
  });
  if (r.error) throw r.error;
  const out = r.stdout ?? Buffer.alloc(0);
  return { code: r.status, signal: r.signal, stdout: out, out: out.toString('latin1'), err: r.stderr.toString() };
}

// A fresh directory removed after the test file.
export function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'mem-cli-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function writeFiles(dir, files) {
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
}


// Python's slice rule for a search start (not pulled back past the end) and an end.
export function normStart(v, n) {
  if (v === undefined) return 0;
  return v < 0 ? Math.max(0, v + n) : v;
}
export function normEnd(v, n) {
  if (v === undefined) return n;
  return v < 0 ? Math.max(0, v + n) : Math.min(v, n);
}

// The reference: every match of pat in hay (SPEC §2's index rule), ascending.
export function allMatches(hay, pat, start, end, step = 1) {
  const s = normStart(start, hay.length), e = normEnd(end, hay.length), out = [];
  for (let i = s; i + pat.length <= e; i += step) {
    if (hay.subarray(i, i + pat.length).equals(pat)) out.push(i);
  }
  return out;
}
