// The overview strip's numbers (web-demo/js/overview-worker.js), run here in
// Node with the package's histogram: per-block entropy against -sum(p log2 p)
// computed by Python over the same bytes and by a plain loop, byte classes
// against counts by a plain loop, blocks read in batches of any size equal to
// one pass, and the blocks holding matches against Buffer.indexOf with the
// search's start, end and step.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { findAll, histogram } from 'wasm-mem';
import { blockSize, blockStats, CLASS, entropyBlocks, matchBlocks } from '../../web-demo/js/overview-worker.js';
import { rng } from '../lib/random.js';

/** A file of regions a strip should tell apart: zeros, text, random bytes, high bytes, a repeated byte pair. */
function sampleFile(seed, size) {
  const r = rng(seed);
  const out = Buffer.alloc(size);
  const text = Buffer.from('the quick brown fox jumps over the lazy dog\n', 'latin1');
  for (let i = 0; i < size; ) {
    const kind = Math.floor(r() * 5);
    const len = 1 + Math.floor(r() * 3000);
    for (let k = 0; k < len && i < size; k++, i++) {
      if (kind === 0) out[i] = 0;
      else if (kind === 1) out[i] = text[i % text.length];
      else if (kind === 2) out[i] = Math.floor(r() * 256);
      else if (kind === 3) out[i] = 0x80 + Math.floor(r() * 128);
      else out[i] = i & 1 ? 0x12 : 0x34;
    }
  }
  return out;
}

/** The reference: a plain loop's counts, entropy as -sum(p log2 p), the class by the rules written out. */
function reference(bytes) {
  const c = new Array(256).fill(0);
  for (const b of bytes) c[b]++;
  const n = bytes.length;
  let e = 0;
  for (const k of c) if (k) e -= (k / n) * Math.log2(k / n);
  const isText = (v) => (v >= 0x20 && v < 0x7f) || v === 9 || v === 10 || v === 13;
  const text = c.reduce((s, k, v) => s + (isText(v) ? k : 0), 0);
  const high = c.reduce((s, k, v) => s + (v >= 0x80 ? k : 0), 0);
  const cls = c[0] >= 0.9 * n ? CLASS.zeros : text >= 0.9 * n ? CLASS.text : high >= 0.75 * n ? CLASS.high : CLASS.binary;
  return { entropy: e, cls };
}

test('blockStats: the entropy Python computes for the same bytes, and the byte class', () => {
  const file = sampleFile(0x0e1, 1 << 16);
  const blocks = [];
  for (let a = 0; a < file.length; a += 4096) blocks.push(file.subarray(a, a + 4096));
  blocks.push(Buffer.alloc(300), Buffer.from('x'), Buffer.alloc(1000, 0xff), Buffer.from([0, 1, 2, 3]));
  const py = JSON.parse(
    execFileSync(
      'python3',
      [
        '-c',
        'import sys, json, math, collections\n' +
          'out = []\n' +
          'for h in json.load(sys.stdin):\n' +
          '    b = bytes.fromhex(h); n = len(b)\n' +
          '    out.append(-sum(k / n * math.log2(k / n) for k in collections.Counter(b).values()))\n' +
          'print(json.dumps(out))',
      ],
      { input: JSON.stringify(blocks.map((b) => b.toString('hex'))), encoding: 'utf8' },
    ),
  );
  for (const [k, b] of blocks.entries()) {
    const got = blockStats(histogram(b), b.length);
    assert.ok(Math.abs(got.entropy - py[k]) < 1e-9, `block ${k}: ${got.entropy} vs Python ${py[k]}`);
    assert.equal(got.cls, reference(b).cls, `block ${k}`);
  }
  assert.deepEqual(blockStats(new Uint32Array(256), 0), { entropy: 0, cls: CLASS.zeros });
  assert.equal(blockStats(histogram(Buffer.alloc(300)), 300).cls, CLASS.zeros);
  assert.equal(blockStats(histogram(Buffer.from('hello, world\n')), 13).cls, CLASS.text);
  assert.equal(blockStats(histogram(Buffer.alloc(64, 0xc3)), 64).cls, CLASS.high);
  assert.equal(blockStats(histogram(Uint8Array.from({ length: 256 }, (_, i) => i)), 256).entropy, 8);
});

test('blockSize: a power of two of at least 256 bytes, one block per pixel row at most', () => {
  for (const [size, rows] of [[0, 600], [1, 600], [96 * 1024, 600], [1 << 30, 700], [(1 << 30) + 5, 700], [12345, 1]]) {
    const b = blockSize(size, rows);
    assert.ok(b >= 256 && (b & (b - 1)) === 0, `${size}/${rows}: ${b}`);
    assert.ok(Math.ceil(size / b) <= rows, `${size}/${rows}: ${b}`);
    assert.ok(b === 256 || Math.ceil(size / (b / 2)) > rows, `${size}/${rows}: ${b} is the smallest`);
  }
});

test('entropyBlocks: any batches, read a window at a time, give the blocks of one pass', async () => {
  const file = sampleFile(0x0e2, 200_003);
  for (const block of [256, 1024, 65536]) {
    const n = Math.ceil(file.length / block);
    const reads = [];
    const read = async (a, b) => {
      reads.push([a, b]);
      return file.subarray(a, b);
    };
    // Batches of a random number of blocks, as the page may ask.
    const r = rng(block);
    const entropy = new Float32Array(n);
    const cls = new Uint8Array(n);
    for (let k = 0; k < n; ) {
      const m = 1 + Math.floor(r() * 40);
      const got = await entropyBlocks(read, file.length, { from: k * block, to: (k + m) * block, block }, { histogram });
      assert.equal(got.from, k * block);
      entropy.set(got.entropy, k);
      cls.set(got.cls, k);
      k += got.entropy.length;
    }
    for (let k = 0; k < n; k++) {
      const want = reference(file.subarray(k * block, (k + 1) * block));
      assert.ok(Math.abs(entropy[k] - want.entropy) < 1e-5, `block ${k} of ${block}: ${entropy[k]} vs ${want.entropy}`);
      assert.equal(cls[k], want.cls, `block ${k} of ${block}`);
    }
    for (const [a, b] of reads) assert.ok(a < b && b <= file.length && b - a <= 8 << 20, `read ${a}-${b}`);
  }
});

test('entropyBlocks stops when its signal aborts', async () => {
  const c = new AbortController();
  c.abort(new Error('stop'));
  await assert.rejects(entropyBlocks(async (a, b) => new Uint8Array(b - a), 1 << 20, { from: 0, to: 1 << 20, block: 4096 }, { histogram, signal: c.signal }), /stop/);
});

test('matchBlocks: the blocks where a match starts, with the search start, end and step, against Buffer.indexOf', async () => {
  const r = rng(0x0e3);
  const file = Buffer.alloc(50_000);
  for (let i = 0; i < file.length; i++) file[i] = 0x61 + Math.floor(r() * 3);
  for (const at of [0, 255, 256, 4095, 9999, 20000, 49_995]) file.write('ZZZZZ', at, 'latin1');
  for (const [needle, start, end, step, block] of [
    ['ZZZZZ', 0, file.length, 1, 256],
    ['ZZZZZ', 300, 45_000, 1, 1024],
    ['ZZ', 1, file.length, 3, 512],
    ['abc', 0, file.length, 7, 4096],
    ['aaaa', 17, 30_000, 2, 256],
  ]) {
    const pattern = Buffer.from(needle, 'latin1');
    // The search's own find: the package's, aligned on start, bounded by end.
    const find = async (a, b) => {
      const from = a <= start ? start : start + Math.ceil((a - start) / step) * step;
      for (const i of findAll(file, pattern, from, Math.min(b, end), step)) return i;
      return -1;
    };
    const n = Math.ceil(file.length / block);
    const want = new Uint8Array(n);
    for (let i = start; i + pattern.length <= end; i += step) {
      if (file.indexOf(pattern, i) === i) want[Math.floor(i / block)] = 1;
    }
    const marks = new Uint8Array(n);
    for (let from = 0; from < file.length; from += 5 * block) {
      const got = await matchBlocks(find, file.length, { from, to: from + 5 * block, block, length: pattern.length });
      marks.set(got.marks, from / block);
    }
    assert.deepEqual(marks, want, `${needle} start ${start} end ${end} step ${step}`);
    assert.ok(want.includes(1), 'the case has matches');
  }
});
