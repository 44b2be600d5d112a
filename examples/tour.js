// A short tour of wasm-mem on a sample file it makes: run with `npm run demo`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Chunk,
  ChunkIO,
  NotFoundError,
  StrArray,
  cmp,
  copy,
  diff,
  dumps,
  find,
  findAll,
  index,
  len,
  loads,
  memoryStats,
  rdiff,
  rfind,
  version,
} from 'wasm-mem';

const dir = mkdtempSync(join(tmpdir(), 'wasm-mem-tour-'));
const show = (label, value) => console.log(`  ${label.padEnd(50)} ${value}`);

try {
  // A sample "binary file": a magic header, then 8-byte records of
  // (4-byte tag, 4-byte little-endian value).
  const sample = Buffer.alloc(8 + 8 * 64);
  sample.write('MEMTOUR1', 0, 'latin1');
  for (let i = 0; i < 64; i++) {
    sample.write(i % 5 === 0 ? 'PEAK' : 'tick', 8 + 8 * i, 'latin1');
    sample.writeUInt32LE(i * i, 12 + 8 * i);
  }
  const path = join(dir, 'sample.bin');
  writeFileSync(path, sample);
  const data = readFileSync(path);

  console.log(`wasm-mem ${version}: a tour on ${path} (${len(data)} bytes)\n`);
  console.log('Search (any Buffer, TypedArray, ArrayBuffer or string):');
  show("find(data, 'PEAK')", find(data, 'PEAK'));
  show("rfind(data, 'PEAK')", rfind(data, 'PEAK'));
  show("find(data, 'PEAK', 9)", find(data, 'PEAK', 9));
  // Only record starts count: positions 8 + 8k, i.e. start 8 and step 8.
  const peaks = [...findAll(data, 'PEAK', 8, undefined, 8)];
  show("findAll(data, 'PEAK', 8, undefined, 8)", `${peaks.length} records: ${peaks.slice(0, 5).join(', ')}, ...`);
  show("find(data, 'tick', 9, undefined, 8) (misaligned)", find(data, 'tick', 9, undefined, 8));
  try {
    index(data, 'nothing');
  } catch (e) {
    show("index(data, 'nothing')", `throws ${e.name} (${e instanceof NotFoundError})`);
  }

  console.log('\nCompare a patched copy:');
  const patched = Uint8Array.from(data);
  copy(patched, new Uint8Array([0xff, 0xff]), 8 * 20 + 12); // overwrite one value
  copy(patched, 'peak', -8 * 3); // and a tag near the end
  show('cmp(data, patched)', cmp(data, patched));
  show('diff(data, patched) (first difference)', diff(data, patched));
  show('rdiff(data, patched) (last difference)', rdiff(data, patched));
  show('cmp(data, data.subarray(0, 8)) (prefix)', cmp(data, data.subarray(0, 8)));
  try {
    copy(new Uint8Array(4), 'too long');
  } catch (e) {
    show("copy(new Uint8Array(4), 'too long')", `throws ${e.name}: nothing written`);
  }

  console.log('\nA Chunk grows in wasm memory while a MemSlice on it keeps working:');
  const chunk = new Chunk(data.subarray(0, 8)); // "MEMTOUR1"
  const tag = chunk.subarray(3, 7); // a live window: "TOUR"
  show('chunk.toString(), tag', `${chunk.toString()}, ${Buffer.from(tag.toUint8Array())}`);
  chunk.resize(1 << 20, '-='); // 1 MiB; the bytes move to a bigger block
  tag.set(0, 0x74); // write through the window: "tOUR"
  show('after resize(1 MiB, "-=") and tag.set(0, "t")', `${chunk.slice(0, 12).toString()}... (${chunk.length} bytes)`);
  show("chunk.indexOf('-=', 8, undefined, 2) (aligned)", chunk.indexOf('-=', 8, undefined, 2));
  const copyBack = loads(dumps([chunk, tag])); // the slice comes back on the same chunk
  show('loads(dumps([chunk, tag])): slice on its chunk', copyBack[1].base === copyBack[0]);
  show('memoryStats().bytesInUse', memoryStats().bytesInUse);
  for (const c of [chunk, copyBack[0]]) c.free();
  show('after free()', memoryStats().bytesInUse);

  console.log('\nTyped values over the same bytes (StrArray, struct formats):');
  // Record k's value is the '<I' at byte 12 + 8k: item 3 + 2k of a '<I' array.
  const values = new StrArray('<I', new Chunk(data));
  show("new StrArray('<I', chunk).length", values.length);
  show('items 3, 5, 7, 9 (records 0..3: k * k)', [3, 5, 7, 9].map((i) => values.get(i)).join(', '));
  show('values.indexOf(49): item 17, record 7', values.indexOf(49));
  const be = new StrArray('>H', data.subarray(0, 8));
  show(
    "new StrArray('>H', header).toArray()",
    be
      .toArray()
      .map((v) => `0x${v.toString(16)}`)
      .join(' '),
  );

  console.log('\nA file over a chunk (ChunkIO), records written with writeStruct:');
  const io = new ChunkIO();
  for (const [id, temp, ok] of [
    [1, 21.5, true],
    [2, -3.25, false],
    [3, 37, true],
  ]) {
    io.writeStruct('<H', id);
    io.writeStruct('<f', temp);
    io.writeStruct('?', ok);
  }
  show('io.tell() after 3 records of 7 bytes', io.tell());
  io.seek(0);
  const records = [];
  while (io.tell() < io.size) records.push(`${io.readStruct('<H')}:${io.readStruct('<f')}:${io.readStruct('?')}`);
  show('read back with readStruct', records.join('  '));
  io.free();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
