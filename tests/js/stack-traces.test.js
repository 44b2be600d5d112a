// What a user sees when a call fails and nobody catches it: Node prints the
// source line of the throw site, the message and the stack. The shipped JS
// is the source itself (scripts/build copies it), so that is a line a person
// can read, never a minified module of several kilobytes on one line.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url);
const dist = new URL('dist/js/', root);

test('the shipped JS is the source, line for line (no minified module)', () => {
  const files = readdirSync(dist, { recursive: true }).filter((f) => f.endsWith('.js'));
  assert.ok(files.length > 5);
  for (const f of files) {
    const text = readFileSync(new URL(f, dist), 'utf8');
    assert.equal(text, readFileSync(new URL(`bindings/js/${f}`, root), 'utf8'), `dist/js/${f} differs from bindings/js/${f}: run scripts/build`);
    text.split('\n').forEach((line, i) => assert.ok(line.length <= 300, `dist/js/${f}:${i + 1} is ${line.length} characters long`));
  }
});

// 60 fields, each named with 400 characters (and a number, so they differ).
const longNames = "import { ChunkArray } from 'wasm-mem'; const names = Array.from({ length: 60 }, (_, i) => 'f'.repeat(400) + i); const fmt = '<' + 'B'.repeat(60);";

// One uncaught error from each kind of public entry point.
const calls = [
  ['constructor', "import { Chunk } from 'wasm-mem'; new Chunk(5);"],
  ['function', "import { find } from 'wasm-mem'; find(1, 'a');"],
  ['NotFoundError', "import { index } from 'wasm-mem'; index('abc', 'z');"],
  ['all-or-nothing copy', "import { copy } from 'wasm-mem'; copy(new Uint8Array(1), 'abc');"],
  ['static method', "import { Chunk } from 'wasm-mem'; Chunk.fromHex('abc');"],
  ['method with a Buffer habit', "import { Chunk } from 'wasm-mem'; new Chunk('hello').indexOf('l', 0, 'latin1');"],
  ['format', "import { StrArray } from 'wasm-mem'; new StrArray('z');"],
  ['file', "import { StrIO } from 'wasm-mem'; new StrIO('abc').write('x');"],
  ['loads', "import { loads } from 'wasm-mem'; loads(new Uint8Array([1, 2, 3]));"],
  ['a long format', "import { StrArray } from 'wasm-mem'; new StrArray('<' + 'z'.repeat(500));"],
  ['a long format in a file', "import { ChunkIO } from 'wasm-mem'; new ChunkIO().readStruct('<' + 'i'.repeat(400));"],
  ['a long encoding', "import { Chunk } from 'wasm-mem'; new Chunk('x').toString('y'.repeat(400));"],
  ['require', "require('wasm-mem').cmp(null, 'a');"],
  // Text a caller chose, as long as it can be: field names, a format, a class's tag.
  ['a column not among many long names', `${longNames} new ChunkArray(fmt, [], { names }).column('q'.repeat(400));`],
  ['a record that is neither array nor object, many long names', `${longNames} new ChunkArray(fmt, [], { names }).push(5);`],
  ['a record missing a long-named field', `${longNames} new ChunkArray(fmt, [], { names }).push({});`],
  ['a bad value in a long-named field', `${longNames} new ChunkArray(fmt, [], { names }).push({ ...Object.fromEntries(names.map((n) => [n, 1])), [names[59]]: 's' });`],
  ['an object with a long Symbol.toStringTag', "import { find } from 'wasm-mem'; find({ [Symbol.toStringTag]: 'T'.repeat(1000) }, 'a');"],
  ['a huge BigInt where a position belongs', "import { Chunk } from 'wasm-mem'; new Chunk('x').indexOf('x', 10n ** 1000n);"],
  ['a huge BigInt out of range', "import { pack } from 'wasm-mem'; pack('q', -(10n ** 1000n));"],
  ['a repeat count of 1000 digits', "import { calcsize } from 'wasm-mem'; calcsize('9'.repeat(1000));"],
  ['a repeat count too large', "import { StrArray } from 'wasm-mem'; new StrArray('9'.repeat(1000) + 'b');"],
  // Escapes: a control character prints as six characters, and \v is space a format may hold.
  ['a format of control characters', "import { calcsize } from 'wasm-mem'; calcsize('\\x01'.repeat(61));"],
  ['a valid format of vertical tabs', "import { pack } from 'wasm-mem'; pack('i' + '\\v'.repeat(59));"],
  ['names of control characters, with such a format', "import { ChunkArray } from 'wasm-mem'; new ChunkArray('bb' + '\\v'.repeat(58), [], { names: ['\\x01'.repeat(40), 'b'] }).push({});"],
  ['a string of control characters in a field so named', "import { ChunkArray } from 'wasm-mem'; new ChunkArray('bb' + '\\v'.repeat(58), [], { names: ['\\x01'.repeat(40), 'b'] }).push({ ['\\x01'.repeat(40)]: '\\x01'.repeat(20), b: 1 });"],
  ['a column named in control characters', "import { ChunkArray } from 'wasm-mem'; new ChunkArray('bb', [], { names: ['\\x01'.repeat(40), 'b'] }).column('\\x01'.repeat(20));"],
];

test('an uncaught error prints the throw site as readable source and no line over 300 characters', () => {
  for (const [label, code] of calls) {
    const args = code.startsWith('require') ? ['-e', code] : ['--input-type=module', '-e', code];
    const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    assert.notEqual(r.status, 0, `${label}: did not throw`);
    const lines = r.stderr.split('\n');
    for (const line of lines) assert.ok(line.length <= 300, `${label}: a line of ${line.length} characters:\n${line.slice(0, 400)}`);
    // The stack names the package's module and the function that threw, and the error line leads.
    assert.match(r.stderr, /^(TypeError|RangeError|NotFoundError|Error)\b.*\(\): /m, `${label}:\n${r.stderr}`);
    assert.match(r.stderr, /at .*dist\/js\/([a-z]+\/)?[a-z-]+\.js:\d+:\d+/, `${label}:\n${r.stderr}`);
  }
});
