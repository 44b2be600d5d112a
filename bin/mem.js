#!/usr/bin/env node
// `mem` under Node: runs the WASI command module dist/mem.wasm.
//
// Preopens `/` alone and tells the module the current directory through
// MEM_CWD, so relative and absolute paths both work: wasi-libc treats the
// preopens `.` and `/` as one prefix, so preopening both breaks relative
// paths; instead the module chdir()s to MEM_CWD (wasi-libc emulates a
// working directory).
//
// `slice` and `join`, the commands that may write a temporary output file
// (`-o OUT`), run the module in a worker thread (this same file).
// `wasi.start` is synchronous, so on the thread that runs it no signal
// handler could run until the command ended; the main thread stays free to
// remove the command's temporary output file on SIGINT, SIGTERM and SIGHUP
// (SPEC §8). The worker learns which file that is by watching the module's
// own file system calls, and publishes its name in shared memory, readable at
// once whatever the worker is doing. The same watch keeps a replaced file's
// owner and permission bits, which WASI cannot express (another runtime cannot: see
// docs/cli.md).
//
// Every other command creates no file, so a signal has nothing to clean up
// and may end the process as it would any program: those run the module on
// the main thread. A worker costs a second Node environment (about 25 ms of
// a 100 ms start on a 2-core machine), a large part of a command that reads a
// 1 GB file from the page cache in 0.1 s.
import { isMainThread, parentPort, workerData, Worker } from 'node:worker_threads';
import { accessSync, chmodSync, chownSync, constants, readFileSync, statSync, unlinkSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

// The shared record of the temporary file: [0] the UTF-8 length of its
// host path (0: none), then the path's bytes.
const RECORD_BYTES = 1 << 16;

function currentTemp(shared) {
  const n = Atomics.load(new Int32Array(shared, 0, 1), 0);
  return n > 0 ? Buffer.from(new Uint8Array(shared, 4, n)).toString() : null;
}

// The commands that may write through a temporary file (wasi/writer.c): the
// module's own command words, matched exactly as wasi/main.c matches them.
const WRITERS = new Set(['slice', 'join']);

function main() {
  const args = ['mem', ...process.argv.slice(2)];
  const env = { ...process.env, MEM_CWD: process.cwd() };
  if (!WRITERS.has(args[1])) {
    // No file to clean up: run here, with signals left to their defaults.
    return runModule({ args, env, shared: null }).then(
      (status) => {
        process.exitCode = status;
      },
      (err) => {
        // As the worker's 'error' below: the module is over, so stderr may be opened now.
        process.stderr.write(`mem: ${err?.message ?? err}\n`);
        process.exitCode = 2;
      },
    );
  }
  const shared = new SharedArrayBuffer(4 + RECORD_BYTES);
  const worker = new Worker(new URL(import.meta.url), {
    workerData: { args, env, shared },
    // The module reads and writes the process's descriptors itself. Left to
    // its defaults, Node would pipe the worker's console into this thread's
    // process.stdout and process.stderr, and creating those streams makes a
    // pipe non-blocking for every writer: the module's writes would then
    // fail with EAGAIN. So the worker's console stays its own, unread.
    stdout: true,
    stderr: true,
  });
  worker.on('message', (status) => {
    process.exitCode = status;
  });
  worker.on('error', (err) => {
    process.stderr.write(`mem: ${err?.message ?? err}\n`);
    process.exitCode = 2;
  });
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const onSignal = (signal) => {
    const path = currentTemp(shared);
    if (path !== null) {
      try {
        unlinkSync(path);
      } catch {
        // Renamed into place or removed a moment ago: nothing is left behind.
      }
    }
    // End as the signal would have ended us (the shell sees 128 + n); the
    // worker ends with the process, even inside a blocking read.
    for (const s of signals) process.removeListener(s, onSignal);
    process.kill(process.pid, signal);
  };
  for (const s of signals) process.on(s, onSignal);
}

// WASI preview1 values used below.
const OFLAGS_CREAT = 1;
const OFLAGS_EXCL = 4;
const ERRNO_ACCES = 2;
// The one preopen, '/', is the module's descriptor 3: paths it passes with
// that descriptor are host paths relative to '/'.
const ROOT_FD = 3;

// Runs the module and returns its exit status. With `shared` (in the worker),
// it also watches the module's file system calls: the temporary output file
// is published there, and a replaced file keeps its permission bits. Neither
// thread touches process.stdout or process.stderr before the module ends:
// creating those streams makes a pipe non-blocking for every writer, and the
// module's own writes would then fail with EAGAIN.
async function runModule({ args, env, shared }) {
  // node:wasi prints an ExperimentalWarning when loaded; it is noise for a CLI.
  const emitWarning = process.emitWarning;
  process.emitWarning = (warning, ...rest) => {
    const type = typeof rest[0] === 'object' ? rest[0]?.type : rest[0];
    if (type !== 'ExperimentalWarning') emitWarning.call(process, warning, ...rest);
  };
  const { WASI } = await import('node:wasi');
  process.emitWarning = emitWarning;

  // No V8 "fast API calls" in this process (nodejs/node#46777, open in Node
  // 20 to 22 at least). node:wasi's functions reach wasm as fast API calls,
  // during which V8 must not collect garbage, yet each allocation uvwasi makes
  // (a path, an iovec array) is reported to V8, and once the module's memory
  // has grown past V8's external-memory limit (about 50 MB) that report starts
  // a collection there: it misses the frames on the stack, frees or moves
  // live objects, and the process dies without a word (SIGSEGV, SIGTRAP, or
  // an assertion in the WASI object's destructor). Without fast calls the
  // same functions are ordinary API callbacks, where a collection is safe; the
  // extra cost per call is small beside the window of bytes a call moves.
  // V8 makes a wasm import a fast call only under this flag (its import-kind
  // check, in every V8 from Node 20's on), and fixes import kinds when the
  // module is instantiated, below; the flag also keeps TurboFan from making
  // fast calls out of the JS wrappers here.
  setFlagsFromString('--no-turbo-fast-api-calls');
  const wasi = new WASI({ version: 'preview1', args, env, preopens: { '/': '/' }, returnOnExit: true });
  const imports = wasi.getImportObject();
  const module = new WebAssembly.Module(readFileSync(new URL('../dist/mem.wasm', import.meta.url)));
  if (shared === null) return wasi.start(new WebAssembly.Instance(module, imports));

  const sys = imports.wasi_snapshot_preview1;
  let memory = null;
  const lengthCell = new Int32Array(shared, 0, 1);
  const record = new Uint8Array(shared, 4);
  let temp = null; // the host path of the temporary file the module made, or null

  const hostPath = (fd, ptr, len) =>
    fd === ROOT_FD ? '/' + Buffer.from(new Uint8Array(memory.buffer, ptr, len)).toString() : null;
  const publish = (path) => {
    temp = path;
    const bytes = path === null ? new Uint8Array(0) : Buffer.from(path);
    if (bytes.length > record.length) return; // too long to record: left to the module's own cleanup
    if (path !== null) record.set(bytes);
    Atomics.store(lengthCell, 0, bytes.length);
  };

  // A file the module creates with O_CREAT | O_EXCL is its temporary output
  // (writer.c), the only file it creates that way.
  const pathOpen = sys.path_open;
  sys.path_open = (fd, dirflags, ptr, len, oflags, ...rest) => {
    const errno = pathOpen(fd, dirflags, ptr, len, oflags, ...rest);
    if (errno === 0 && (oflags & (OFLAGS_CREAT | OFLAGS_EXCL)) === (OFLAGS_CREAT | OFLAGS_EXCL)) {
      const path = hostPath(fd, ptr, len);
      if (path !== null) publish(path);
    }
    return errno;
  };
  // Renaming it into place: keep the replaced file's owner and permission
  // bits, and refuse to replace a file the user could not write (as the
  // native build's access(2) check does).
  const pathRename = sys.path_rename;
  sys.path_rename = (fd, oldPtr, oldLen, newFd, newPtr, newLen) => {
    const from = hostPath(fd, oldPtr, oldLen);
    const to = hostPath(newFd, newPtr, newLen);
    if (from !== null && from === temp && to !== null) {
      let old = null;
      try {
        old = statSync(to);
      } catch {
        // No file there yet: the new file keeps the module's default mode.
      }
      if (old !== null) {
        try {
          accessSync(to, constants.W_OK);
        } catch {
          return ERRNO_ACCES;
        }
        try {
          // Root replacing another user's file would hand it to root. Owner
          // first: chown may clear the set-id bits, which chmod restores.
          chownSync(from, old.uid, old.gid);
        } catch {
          // Only root may give a file away: the new file stays the user's own, as with any editor.
        }
        try {
          chmodSync(from, old.mode & 0o7777);
        } catch {
          // Our own new file: chmod cannot fail short of the file vanishing, which rename reports.
        }
      }
    }
    const errno = pathRename(fd, oldPtr, oldLen, newFd, newPtr, newLen);
    if (errno === 0 && from === temp) publish(null);
    return errno;
  };
  const pathUnlink = sys.path_unlink_file;
  sys.path_unlink_file = (fd, ptr, len) => {
    const path = hostPath(fd, ptr, len);
    const errno = pathUnlink(fd, ptr, len);
    if (path !== null && path === temp) publish(null);
    return errno;
  };

  const instance = new WebAssembly.Instance(module, imports);
  memory = instance.exports.memory;
  return wasi.start(instance);
}

if (isMainThread) await main();
else parentPort.postMessage(await runModule(workerData));
