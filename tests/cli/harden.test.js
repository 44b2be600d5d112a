// Issue 18 (SPEC §8), for both builds: no integer reserved as "not given";
// every kind of -o target (regular, links to regular files and FIFOs, FIFOs,
// devices, the command's own descriptors, files with odd modes); inputs named
// /dev/stdin and the like; procfs files whose stat size is 0; a closed or
// full standard output stopping the command at once; option messages; and,
// under the Node launcher, the temporary file removed on SIGINT, SIGTERM and
// SIGHUP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import {
  accessSync, chmodSync, chownSync, closeSync, constants, existsSync, lstatSync, openSync, readdirSync, readFileSync,
  readlinkSync, statSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { builds, run, tempDir } from './helpers.js';

const MIN = '-9223372036854775808'; // INT64_MIN: once "not given"
const MIN1 = '-9223372036854775807';
const text = 'hello world, hello wasm';

function temps(dir) {
  return readdirSync(dir).filter((n) => n.includes('.mem-'));
}

/** Runs a build without waiting: the child process and a promise of its end. */
function start(build, args, { cwd, stdio = ['ignore', 'pipe', 'pipe'] } = {}) {
  const [cmd, ...pre] = build.argv;
  const child = spawn(cmd, [...pre, ...args], { cwd, stdio });
  let err = '';
  child.stderr?.on('data', (d) => (err += d));
  const done = new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, err })));
  return { child, done };
}

for (const build of builds) {
  test(`${build.name}: INT64_MIN is a value like any other (clamped), never "not given"`, () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'f'), text);
    writeFileSync(join(dir, 's'), 'XY');
    // copy --at: refused exactly like INT64_MIN + 1, nothing written.
    const outcomes = [MIN, MIN1].map((at) => {
      writeFileSync(join(dir, 'd'), '0123456789');
      const r = run(build, ['copy', 's', 'd', `--at=${at}`], { cwd: dir });
      return [r.code, r.out, readFileSync(join(dir, 'd'), 'latin1'), r.err.replace(at, 'AT')];
    });
    assert.deepEqual(outcomes[0], outcomes[1]);
    assert.equal(outcomes[0][0], 2);
    assert.equal(outcomes[0][2], '0123456789');
    // Positions: INT64_MIN counts from the end and clamps to 0, as INT64_MIN + 1 does.
    for (const args of [
      ['slice', 'f', '0', '--', 'N'],
      ['slice', 'f', '--', 'N'],
      ['hexdump', 'f', '0', '--', 'N'],
      ['index', 'f', 'o', '--end=N'],
      ['index', 'f', 'o', '--start=N'],
      ['rindex', 'f', 'o', '--end=N', '--all'],
      ['array', 'B', 'f', '--stop=N'],
      ['array', 'B', 'f', '--start=N', '--stop=3'],
    ]) {
      const [a, b] = [MIN, MIN1].map((n) => run(build, args.map((x) => x.replace('N', n)), { cwd: dir }));
      assert.deepEqual([a.code, a.out, a.err], [b.code, b.out, b.err], `mem ${args.join(' ')}`);
    }
    // The examples of the issue, with the oracle's answers.
    assert.deepEqual(pick(run(build, ['slice', 'f', '0', '--', MIN], { cwd: dir })), [0, '']);
    assert.deepEqual(pick(run(build, ['index', 'f', 'o', `--end=${MIN}`], { cwd: dir })), [1, '-1\n']);
    assert.deepEqual(pick(run(build, ['index', 'f', 'o', `--start=${MIN}`], { cwd: dir })), [0, `${text.indexOf('o')}\n`]);
    assert.deepEqual(pick(run(build, ['array', 'B', 'f', `--stop=${MIN}`], { cwd: dir })), [0, '']);
  });

  test(`${build.name}: every kind of -o target`, { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const path = (n) => join(dir, n);
    writeFileSync(path('a.txt'), text);
    const slice = (out, opts) => run(build, ['slice', 'a.txt', '0', '5', '-o', out], { cwd: dir, ...opts });

    // Regular: new, and replacing an old file.
    assert.deepEqual(pick(slice('new.bin')), [0, '']);
    assert.equal(readFileSync(path('new.bin'), 'latin1'), 'hello');
    writeFileSync(path('old.bin'), 'OLD CONTENT');
    assert.equal(slice('old.bin').code, 0);
    assert.equal(readFileSync(path('old.bin'), 'latin1'), 'hello');

    // A link to a regular file, a chain of links, a dangling link: the target
    // is written, the links stay links.
    writeFileSync(path('target.txt'), 'old');
    symlinkSync('target.txt', path('link'));
    symlinkSync(path('link'), path('link2'));
    symlinkSync('made-by-mem.txt', path('dangling'));
    for (const out of ['link', 'link2']) {
      writeFileSync(path('target.txt'), 'old');
      assert.equal(slice(out).code, 0, out);
      assert.ok(lstatSync(path(out)).isSymbolicLink(), `${out} is still a link`);
      assert.equal(readFileSync(path('target.txt'), 'latin1'), 'hello', out);
    }
    assert.equal(slice('dangling').code, 0);
    assert.equal(readlinkSync(path('dangling')), 'made-by-mem.txt');
    assert.equal(readFileSync(path('made-by-mem.txt'), 'latin1'), 'hello');
    // A loop of links is an error, not a hang.
    symlinkSync('loop-b', path('loop-a'));
    symlinkSync('loop-a', path('loop-b'));
    const loop = slice('loop-a');
    assert.equal(loop.code, 2);
    assert.match(loop.err, /^mem: loop-a: .*(link|loop)/i);

    // A FIFO, directly and through a link: written directly, nothing renamed.
    assert.equal(spawnSync('mkfifo', [path('fifo')]).status, 0);
    symlinkSync('fifo', path('fifo-link'));
    for (const out of ['fifo', 'fifo-link']) {
      const { done } = start(build, ['slice', 'a.txt', '0', '5', '-o', out], { cwd: dir });
      const [got, r] = await Promise.all([readFile(path('fifo'), 'latin1'), done]);
      assert.equal(got, 'hello', out);
      assert.equal(r.code, 0, `${out}: ${r.err}`);
      assert.ok(statSync(path('fifo')).isFIFO() && lstatSync(path('fifo-link')).isSymbolicLink(), out);
    }

    // A device that fails every write: exit 2 with the cause, nothing left behind.
    const full = slice('/dev/full');
    assert.equal(full.code, 2);
    assert.match(full.err, /^mem: \/dev\/full: No space left on device\n$/);

    // The command's own descriptors: /dev/stdout, /dev/fd/1, /proc/self/fd/1,
    // and a private link to /proc/self/fd/1 (how /dev/stdout is made), with
    // standard output a pipe and a regular file.
    symlinkSync('/proc/self/fd/1', path('my-stdout'));
    symlinkSync('/proc/self/fd/2', path('my-stderr'));
    for (const out of ['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1', 'my-stdout']) {
      const r = slice(out);
      assert.deepEqual([r.code, r.out, r.err], [0, 'hello', ''], `-o ${out} to a pipe`);
      const fd = openSync(path('captured'), 'w+');
      try {
        const f = slice(out, { stdout: fd });
        assert.equal(f.code, 0, `-o ${out} to a file: ${f.err}`);
      } finally {
        closeSync(fd);
      }
      assert.equal(readFileSync(path('captured'), 'latin1'), 'hello', `-o ${out} to a file`);
      assert.ok(lstatSync(path('my-stdout')).isSymbolicLink());
    }
    for (const out of ['/dev/stderr', 'my-stderr']) {
      const r = slice(out);
      assert.deepEqual([r.code, r.out, r.err], [0, '', 'hello'], `-o ${out}`);
    }

    // Existing files with odd modes keep them; a file the user may not write is refused.
    for (const mode of [0o600, 0o640, 0o444, 0o604]) {
      writeFileSync(path('mode.bin'), 'OLD');
      chmodSync(path('mode.bin'), mode);
      let writable = true;
      try {
        accessSync(path('mode.bin'), constants.W_OK);
      } catch {
        writable = false;
      }
      const r = slice('mode.bin');
      assert.equal(r.code, writable ? 0 : 2, `mode ${mode.toString(8)}: ${r.err}`);
      assert.equal(readFileSync(path('mode.bin'), 'latin1'), writable ? 'hello' : 'OLD');
      assert.equal(statSync(path('mode.bin')).mode & 0o7777, mode, `mode ${mode.toString(8)} kept`);
    }
    assert.deepEqual(temps(dir), []);
  });

  // Root replacing another user's file hands it to that user again, mode
  // and set-id bits included (owner first: chown may clear the set-id bits).
  const asRoot = process.getuid?.() === 0 ? false : 'needs root, to make files owned by another uid';
  test(`${build.name}: -o onto another user's file keeps its owner, group and mode`, { skip: asRoot }, () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), text);
    for (const [uid, gid, mode] of [[12345, 12346, 0o600], [12345, 0, 0o640], [0, 12346, 0o4755], [12345, 12345, 0o2640]]) {
      const out = join(dir, 'theirs.bin');
      writeFileSync(out, 'OLD');
      chownSync(out, uid, gid);
      chmodSync(out, mode);
      const r = run(build, ['slice', 'a.txt', '0', '5', '-o', 'theirs.bin'], { cwd: dir });
      const what = `${uid}:${gid} ${mode.toString(8)}`;
      assert.equal(r.code, 0, `${what}: ${r.err}`);
      assert.equal(readFileSync(out, 'latin1'), 'hello');
      const st = statSync(out);
      assert.deepEqual([st.uid, st.gid, (st.mode & 0o7777).toString(8)], [uid, gid, mode.toString(8)], what);
    }
    assert.deepEqual(temps(dir), []);
  });

  test(`${build.name}: inputs named /dev/stdin, /dev/fd/0, /proc/self/fd/0 or a link to them`, () => {
    const dir = tempDir();
    symlinkSync('/proc/self/fd/0', join(dir, 'my-stdin'));
    for (const name of ['/dev/stdin', '/dev/fd/0', '/proc/self/fd/0', 'my-stdin']) {
      assert.deepEqual(pick(run(build, ['len', name], { cwd: dir, input: 'hi\n' })), [0, '3\n'], name);
      assert.deepEqual(pick(run(build, ['slice', name, '--', '-2'], { cwd: dir, input: text })), [0, 'sm'], name);
      assert.deepEqual(pick(run(build, ['index', name, 'wasm'], { cwd: dir, input: text })), [0, '19\n'], name);
    }
  });

  test(`${build.name}: files whose stat size is 0 (procfs) are read to the end`, () => {
    const r = run(build, ['len', '/proc/self/status']);
    assert.equal(r.code, 0, r.err);
    assert.ok(Number(r.out) > 100, `len /proc/self/status = ${r.out}`);
    assert.equal(run(build, ['slice', '/proc/self/status', '0', '5']).out, 'Name:');
    assert.match(run(build, ['slice', '/proc/self/status', '--', '-1']).out, /^\n$/);
    assert.equal(run(build, ['index', '/proc/self/status', 'Pid:']).code, 0);
    // An empty regular file is still empty.
    const dir = tempDir();
    writeFileSync(join(dir, 'empty'), '');
    assert.deepEqual(pick(run(build, ['len', 'empty'], { cwd: dir })), [0, '0\n']);
  });

  test(`${build.name}: option messages name the option; negative positions say where they go`, () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'f'), text);
    for (const [args, want] of [
      [['join', 'f', '-o'], /^mem: join: option '-o' needs a value\n$/],
      [['slice', 'f', '0', '--output'], /^mem: slice: option '--output' needs a value\n$/],
      [['index', 'f', 'o', '--start'], /^mem: index: option '--start' needs a value\n$/],
      [['slice', 'f', '0', '-5'], /^mem: slice: '-5' .*negative positions go after '--' \(mem slice \.\.\. -- -5\)\n$/],
      [['index', 'f', 'o', '-12'], /^mem: index: '-12' .*after '--' .* or as --start=-N\n$/],
      [['hexdump', 'f', '-0x10'], /^mem: hexdump: '-0x10' .*negative positions go after '--'/],
      [['slice', 'f', '0', '-z'], /^mem: slice: unknown option '-z'/],
      [['slice', 'f', '0', '--zap'], /^mem: slice: unknown option '--zap'/],
    ]) {
      const r = run(build, args, { cwd: dir });
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.out, '');
      assert.match(r.err, want, args.join(' '));
      assert.doesNotMatch(r.err, /\(null\)/);
    }
  });

  test(`${build.name}: a closed standard output stops the command at once, silently, exit 2`, { timeout: 120_000 }, async () => {
    // Endless inputs: without the stop, these commands would never end.
    for (const args of [
      ['hexdump', '/dev/urandom'],
      ['array', '<I', '/dev/urandom'],
      ['index', '/dev/zero', '--hex', '00', '--all'],
      ['slice', '/dev/zero', '0'],
      ['join', '/dev/zero'],
    ]) {
      const { child, done } = start(build, args);
      child.stdout.once('data', () => child.stdout.destroy());
      const r = await done;
      assert.deepEqual([r.code, r.signal, r.err], [2, null, ''], `mem ${args.join(' ')} | head -c1`);
    }
  });

  test(`${build.name}: a full standard output stops the command with the cause, exit 2`, { timeout: 120_000 }, async () => {
    const full = openSync('/dev/full', 'w');
    try {
      for (const args of [['hexdump', '/dev/urandom'], ['index', '/dev/zero', '--hex', '00', '--all'], ['slice', '/dev/zero', '0'], ['len', '/dev/null']]) {
        const r = await start(build, args, { stdio: ['ignore', full, 'pipe'] }).done;
        assert.equal(r.code, 2, `mem ${args.join(' ')} > /dev/full`);
        assert.match(r.err, /^mem: standard output: No space left on device\n$/, args.join(' '));
      }
    } finally {
      closeSync(full);
    }
  });
}

// Under the Node launcher only: other WASI runtimes cannot catch signals (docs/cli.md).
const wasm = builds.find((b) => b.name === 'wasm');
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  test(`wasm: ${signal} during mem join -o removes the temporary file`, { timeout: 60_000 }, async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'out'), 'OLD');
    const { child, done } = start(wasm, ['join', '/dev/zero', '-o', 'out'], { cwd: dir });
    // Wait until the temporary file exists and is growing.
    for (let i = 0; i < 600 && !(temps(dir).length && statSync(join(dir, temps(dir)[0])).size > 0); i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(temps(dir).length, 1, 'the temporary file appeared');
    child.kill(signal);
    const r = await done;
    assert.equal(r.signal, signal, `ended by ${signal}: ${r.err}`);
    assert.deepEqual(temps(dir), [], 'temporary file left behind');
    assert.equal(readFileSync(join(dir, 'out'), 'latin1'), 'OLD');
    assert.ok(existsSync(join(dir, 'out')));
  });
}

function pick(r) {
  return [r.code, r.out];
}

// The launcher starts a worker thread only for the commands that may write a
// temporary file (slice, join: their signals must remove it); every other
// command runs the module on the main thread, which saves a second Node
// environment at each start. Seen from /proc: the thread blocked reading the
// module's standard input (a pipe left open) is the main thread (tid = pid),
// or another one.
const READ_SYSCALLS = { x64: ['0', '19'], arm64: ['63', '65'] }[process.arch]; // read, readv
test('wasm: only slice and join run the module in a worker thread', { skip: !READ_SYSCALLS || !existsSync('/proc/self/task') }, async () => {
  const readingStdin = (pid) => {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        const [nr, fd] = readFileSync(`/proc/${pid}/task/${tid}/syscall`, 'latin1').split(' ');
        if (READ_SYSCALLS.includes(nr) && fd === '0x0') return Number(tid);
      } catch {
        // The thread ended meanwhile.
      }
    }
    return null;
  };
  for (const [args, onMain] of [[['len', '-'], true], [['index', '-', 'b', '--count'], true], [['hexdump', '-'], true], [['array', 'B', '-'], true], [['join', '-'], false], [['slice', '-', '0'], false]]) {
    const { child, done } = start(wasm, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let tid = null;
    for (let i = 0; i < 600 && tid === null; i++) {
      await new Promise((r) => setTimeout(r, 25));
      tid = readingStdin(child.pid);
    }
    child.stdin.end('abc');
    const r = await done;
    assert.equal(r.code, 0, `mem ${args.join(' ')}: ${r.err}`);
    assert.ok(tid !== null, `mem ${args.join(' ')}: no thread was seen reading standard input`);
    assert.equal(tid === child.pid, onMain, `mem ${args.join(' ')} reads on the ${tid === child.pid ? 'main thread' : 'worker'}`);
  }
});
