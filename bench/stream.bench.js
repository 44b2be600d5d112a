// The async functions of SPEC §9 against the in-memory ones over the same
// bytes, in the same run: findAllAsync over a ReadableStream of 1 MiB and of
// 64 KiB pieces vs findAll over one Chunk; countAsync vs counting findAll;
// findAsync over a file through a FileHandle vs the `mem index` command on
// the same file (a child process: its start-up, ~0.1 s, is in its time).
// Big pieces are searched where they are (the platform's memchr on the
// pattern's rarest byte), so one memchr pass over the same bytes is that
// row's ceiling: a row against it, without a goal, says how near we run.
// Big inputs (256 MiB streams, a 1 GiB file) shrink in --quick mode.
import { execFile } from 'node:child_process';
import { open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Chunk, countAsync, findAll, findAllAsync, findAsync } from 'wasm-mem';
import { compareAsync, quick } from './harness.js';
import { letterSoup } from './data.js';

const MiB = 1 << 20;
const exec = promisify(execFile);
const memJs = new URL('../bin/mem.js', import.meta.url).pathname;

/** A ReadableStream of `text` in pieces of `piece` bytes (views, no copies: the source's cost is the stream's). */
function streamOf(text, piece) {
  let at = 0;
  return new ReadableStream({
    pull(c) {
      if (at >= text.length) return c.close();
      c.enqueue(text.subarray(at, at + piece));
      at += piece;
    },
  });
}

function countSync(chunk, pattern) {
  let n = 0;
  for (const _ of findAll(chunk, pattern)) n++;
  return n;
}

async function countAll(iterable) {
  let n = 0;
  for await (const _ of iterable) n++;
  return n;
}

export async function run() {
  const [size, label] = quick ? [32 * MiB, '32 MiB (quick)'] : [256 * MiB, '256 MiB'];
  const text = letterSoup(size);
  const pattern = Buffer.from('ZQXJZQXJ'); // absent from the letters but where planted: one match per MiB
  for (let at = 12345; at + pattern.length <= size; at += MiB) text.set(pattern, at);
  const chunk = new Chunk(text);
  const expect = Math.ceil((size - 12345) / MiB);
  for (const [piece, pieceLabel, goal] of [[MiB, '1 MiB', 0.8], [64 << 10, '64 KiB', 0.5]]) {
    await compareAsync({
      name: `findAllAsync, ${label} ReadableStream of ${pieceLabel} pieces`,
      bytes: size,
      ours: () => countAll(findAllAsync(streamOf(text, piece), pattern)),
      peer: () => countSync(chunk, pattern),
      peerName: 'findAll over one Chunk',
      expect,
      goal: { ratio: goal },
    });
  }
  const memchr = Buffer.prototype.indexOf;
  await compareAsync({
    name: `findAllAsync, ${label} ReadableStream of 1 MiB pieces, vs one memchr pass`,
    bytes: size,
    ours: () => countAll(findAllAsync(streamOf(text, MiB), pattern)),
    peer: () => memchr.call(text, 0x59), // 'Y': in no piece, so memchr reads every byte
    peerName: 'Buffer.indexOf of an absent byte (memchr over the same bytes)',
    check: false,
    expect,
  });
  chunk.free();

  // A match every 64 bytes: countAsync counts in wasm per batch, findAll yields each.
  const [dense, denseLabel] = quick ? [16 * MiB, '16 MiB (quick)'] : [64 * MiB, '64 MiB'];
  const d = letterSoup(dense, 7);
  for (let at = 0; at + 4 <= dense; at += 64) d.set(pattern.subarray(0, 4), at);
  const dc = new Chunk(d);
  await compareAsync({
    name: `countAsync, a match every 64 bytes, ${denseLabel} stream of 1 MiB pieces`,
    bytes: dense,
    ours: () => countAsync(streamOf(d, MiB), pattern.subarray(0, 4)),
    peer: () => countSync(dc, pattern.subarray(0, 4)),
    peerName: 'findAll counted, one Chunk',
    expect: dense / 64,
    goal: { ratio: 0.5 },
  });
  dc.free();

  // A file from the page cache: the pattern at its end, so both read it all.
  const [fileSize, fileLabel] = quick ? [64 * MiB, '64 MiB (quick)'] : [1024 * MiB, '1 GiB'];
  const path = join(tmpdir(), `wasm-mem-bench-${process.pid}.bin`);
  const block = letterSoup(64 * MiB, 11);
  const fh0 = await open(path, 'w');
  for (let at = 0; at < fileSize; at += block.length) await fh0.write(block, 0, block.length, at);
  await fh0.write(pattern, 0, pattern.length, fileSize - pattern.length);
  await fh0.close();
  const fh = await open(path);
  try {
    await compareAsync({
      name: `findAsync, ${fileLabel} file through a FileHandle`,
      bytes: fileSize,
      ours: () => findAsync(fh, pattern),
      peer: async () => Number((await exec(process.execPath, [memJs, 'index', path, pattern.toString()])).stdout.trim()),
      peerName: '`mem index` (node bin/mem.js)',
      expect: fileSize - pattern.length,
      goal: { ratio: 0.8 },
    });
  } finally {
    await fh.close();
    await rm(path);
  }
}
