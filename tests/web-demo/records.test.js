// The Typed tab's table logic in Node (web-demo/js/records.js): rows for a
// format, offset and names against StrArray and Struct.unpackFrom; chart
// columns against a DataView loop; text cells against the `mem array` CLI
// (the same \xNN rule); CSV quoting and formula escaping case by case, and
// whole tables read back by Python's csv module. Seeds are printed on failure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { calcsize, StrArray, unpackFrom } from 'wasm-mem';
import {
  cellText, columnValues, csvField, csvHeader, escapeBytes, MAX_COLUMNS, OFFSET_COLUMN, openTable, pageRows, parseNames, rowValues, toCsv, valueText,
} from '../../web-demo/js/records.js';
import { rng } from '../lib/random.js';

const MEM = fileURLToPath(new URL('../../bin/mem.js', import.meta.url));

test('parseNames: comma-separated, trimmed; empty means none', () => {
  assert.equal(parseNames(''), undefined);
  assert.equal(parseNames('   '), undefined);
  assert.deepEqual(parseNames('id'), ['id']);
  assert.deepEqual(parseNames(' id , tag,x ,y'), ['id', 'tag', 'x', 'y']);
  assert.deepEqual(parseNames('a,,b'), ['a', '', 'b']); // the package judges them
});

test('csvField: formula starters escaped with a quote mark and quoted; RFC 4180 quoting', () => {
  const cases = [
    ['plain', 'plain'],
    ['', ''],
    ['=1+2', `"'=1+2"`],
    ['+SUM(A1)', `"'+SUM(A1)"`],
    ['-2+3+cmd|\' /C calc\'!A0', `"'-2+3+cmd|' /C calc'!A0"`],
    ['@SUM(1)', `"'@SUM(1)"`],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['x=1', 'x=1'], // only the first character matters
    [' =1', ' =1'],
  ];
  for (const [text, want] of cases) assert.equal(csvField(text), want, JSON.stringify(text));
  // Numbers the decoder made stay numbers: a spreadsheet can add them up.
  assert.equal(csvField('-5', false), '-5');
  assert.equal(csvField('-1.5e-7', false), '-1.5e-7');
  assert.equal(csvField('-5', true), `"'-5"`);
});

test('text cells: printable ASCII but the backslash as is, every other byte as \\xNN; c quoted in the table only', () => {
  const all = Uint8Array.from({ length: 256 }, (_, b) => b);
  const want = [...all].map((b) => (b >= 0x20 && b <= 0x7e && b !== 0x5c ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`)).join('');
  assert.equal(escapeBytes(all), want);
  assert.equal(valueText('\x07'), '\\x07');
  assert.equal(valueText('\xff'), '\\xff');
  assert.equal(cellText('a'), "'a'");
  assert.equal(valueText('a'), 'a');
  assert.equal(valueText(-0), '-0');
  assert.equal(valueText(12n), '12');
  assert.equal(valueText(true), 'true');
  assert.equal(cellText(new Uint8Array([0x52, 0x00, 0x5c])), 'R\\x00\\x5c');
});

test('text and integer cells read as `mem array` prints them (same bytes, same format)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wasm-mem-records-'));
  try {
    const r = rng(0x7ab1e);
    for (const format of ['<I4sHh', '>c3pB?', '=bH2sq', '<Q5pc']) {
      const size = calcsize(format);
      // Backslashes one byte in four: their escape must agree too.
      const bytes = Uint8Array.from({ length: size * 9 + 3 }, () => (r() < 0.25 ? 0x5c : Math.floor(r() * 256)));
      const path = join(dir, 'r.bin');
      writeFileSync(path, bytes);
      const lines = execFileSync(process.execPath, [MEM, 'array', format, path], { encoding: 'latin1' }).trimEnd().split('\n');
      const table = openTable(format, bytes);
      assert.equal(lines.length, table.array.length, format);
      for (let i = 0; i < lines.length; i++) {
        assert.equal(rowValues(table, i).map(valueText).join('\t'), lines[i], `${format} record ${i}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// Random record formats: every code but n/N/P (native only), counts 0–3, any byte order.
function randomFormat(r) {
  const codes = 'xcbB?hHiIlLqQefd';
  const order = '<>!='[Math.floor(r() * 4)];
  let f = order;
  const items = 1 + Math.floor(r() * 4);
  for (let k = 0; k < items; k++) {
    const kind = r();
    if (kind < 0.2) f += `${1 + Math.floor(r() * 5)}s`;
    else if (kind < 0.3) f += `${1 + Math.floor(r() * 5)}p`;
    else f += `${r() < 0.3 ? Math.floor(r() * 3) : ''}${codes[Math.floor(r() * codes.length)]}`;
  }
  return f;
}

test('rows and columns of random record formats at random offsets, with and without names', () => {
  for (let seed = 1; seed <= 150; seed++) {
    const r = rng(seed);
    const format = randomFormat(r);
    let probe;
    try {
      probe = new StrArray(format);
    } catch {
      continue; // size 0, e.g. '<0i'
    }
    const at = `seed ${seed}: ${format}`;
    const nvalues = probe.fields.length;
    const size = probe.itemsize;
    const file = Uint8Array.from({ length: size * Math.floor(r() * 12) + Math.floor(r() * 40) }, () => Math.floor(r() * 256));
    const offset = Math.floor(r() * Math.min(file.length + 1, 30));
    const names = r() < 0.5 ? Array.from({ length: nvalues }, (_, k) => `f${k}`) : undefined;
    let table;
    try {
      table = openTable(format, file.subarray(offset), names);
    } catch (e) {
      // Names on a scalar format: the package's TypeError, passed through.
      assert.ok(names && e instanceof TypeError && /names/.test(e.message), `${at}: ${e}`);
      continue;
    }
    assert.equal(table.array.length, Math.floor((file.length - offset) / size), at);
    assert.equal(table.columns.length, nvalues, at);
    for (let i = 0; i < table.array.length; i++) {
      const want = unpackFrom(format, file, offset + i * size);
      assert.deepEqual(rowValues(table, i), want, `${at} item ${i}`);
      if (names) {
        const item = table.array.get(i); // the named array's own object, key by key
        assert.deepEqual(rowValues(table, i), names.map((n) => item[n]), `${at} item ${i} by name`);
      }
    }
    // Each plottable column: a DataView-free oracle, the values unpacked record by record.
    table.columns.forEach((c, k) => {
      if (!c.plottable) return;
      const got = columnValues(table, k);
      const want = Array.from({ length: table.array.length }, (_, i) => {
        const v = unpackFrom(format, file, offset + i * size)[k];
        return typeof v === 'boolean' ? Number(v) : typeof v === 'string' ? v.charCodeAt(0) : Number(v);
      });
      assert.deepEqual([...got], want, `${at} column ${k}`);
    });
  }
});

test('columnValues of numeric fields equal a hand-written DataView loop (WAV-like records)', () => {
  const records = 300;
  const format = '<hhIdq'; // left, right, tick, level, stamp: 24 bytes
  const dv = new DataView(new ArrayBuffer(24 * records + 5));
  const r = rng(42);
  for (let i = 0; i < records; i++) {
    dv.setInt16(24 * i, Math.floor(r() * 65536) - 32768, true);
    dv.setInt16(24 * i + 2, Math.floor(r() * 65536) - 32768, true);
    dv.setUint32(24 * i + 4, Math.floor(r() * 2 ** 32), true);
    dv.setFloat64(24 * i + 8, (r() - 0.5) * 1e6, true);
    dv.setBigInt64(24 * i + 16, BigInt(Math.floor(r() * 2 ** 40)) - 2n ** 39n, true);
  }
  const table = openTable(format, new Uint8Array(dv.buffer), ['left', 'right', 'tick', 'level', 'stamp']);
  const read = [
    (i) => dv.getInt16(24 * i, true),
    (i) => dv.getInt16(24 * i + 2, true),
    (i) => dv.getUint32(24 * i + 4, true),
    (i) => dv.getFloat64(24 * i + 8, true),
    (i) => Number(dv.getBigInt64(24 * i + 16, true)),
  ];
  assert.deepEqual(table.columns.map((c) => c.label), ['left', 'right', 'tick', 'level', 'stamp']);
  read.forEach((get, k) => {
    assert.deepEqual([...columnValues(table, k)], Array.from({ length: records }, (_, i) => get(i)), `column ${k}`);
  });
});

test('scalar formats are a one-column table; s/p columns are not plottable; bad formats are the package TypeError', () => {
  const t = openTable('>h', new Uint8Array([0xff, 0xfe, 0, 5]));
  assert.equal(t.record, false);
  assert.deepEqual(t.columns.map((c) => c.label), ['value']);
  assert.deepEqual([rowValues(t, 0), rowValues(t, 1)], [[-2], [5]]);
  const one = openTable('4s', new TextEncoder().encode('RIFFWAVE'));
  assert.equal(one.record, true);
  assert.deepEqual(one.columns.map((c) => [c.label, c.plottable]), [['#0 4s', false]]);
  for (const bad of ['<n', '3', 'z', '', '0p', '<I?k']) {
    let want;
    try {
      new StrArray(bad);
    } catch (e) {
      want = e;
    }
    assert.throws(() => openTable(bad, new Uint8Array(16)), (e) => e instanceof TypeError && e.message === want.message, bad);
  }
  assert.throws(() => openTable('<HH', new Uint8Array(4), ['a']), TypeError);
});

test('toCsv: Python csv reads back every cell; text cells that start a formula carry the quote mark', () => {
  const enc = new TextEncoder();
  // Records '<4sh2pc': hostile text in s/p/c fields, negative numbers in h.
  const texts = ['=cmd', '+1', '-x', '@a', '\t=', '\r=', 'a,b', 'q"q', 'ok', 'R\x00\xff!'];
  const bytes = [];
  for (let i = 0; i < texts.length; i++) {
    const s = new Uint8Array(4);
    s.set(enc.encode(texts[i]).subarray(0, 4));
    const h = new Uint8Array(new Int16Array([-7 * i]).buffer);
    const p = [1, texts[(i + 3) % texts.length].charCodeAt(0)];
    bytes.push(...s, ...h, ...p, texts[(i + 5) % texts.length].charCodeAt(0) & 0xff);
  }
  const file = Uint8Array.from([9, 9, 9, ...bytes]);
  const table = openTable('<4sh2pc', file.subarray(3), ['tag', 'n', 'p', 'ch']);
  const csv = toCsv(table, 0, table.array.length, 3);
  assert.equal(csvHeader(table), 'file offset,tag,n,p,ch');
  const py = execFileSync('python3', ['-c', 'import csv, io, json, sys\nprint(json.dumps(list(csv.reader(io.StringIO(sys.stdin.read(), newline="")))))'], {
    input: csv,
    encoding: 'utf8',
  });
  const rows = JSON.parse(py);
  assert.deepEqual(rows[0], ['file offset', 'tag', 'n', 'p', 'ch']);
  const formula = (t) => (/^[=+\-@\t\r]/.test(t) ? `'${t}` : t);
  for (let i = 0; i < table.array.length; i++) {
    const values = rowValues(table, i);
    const want = [String(3 + 9 * i), formula(valueText(values[0])), valueText(values[1]), formula(valueText(values[2])), formula(valueText(values[3]))];
    assert.deepEqual(rows[i + 1], want, `row ${i}`);
  }
  assert.equal(rows.length, table.array.length + 1);
  // The record with '=cmd' in its tag: escaped, and its negative number left alone.
  assert.match(csv, /\r\n3,"'=cmd",0,/);
  assert.match(csv, /\r\n12,"'\+1\\x00\\x00",-7,/);
});

test('names that a plain object cannot hold as keys still show their values', () => {
  const table = openTable('<HHH', new Uint8Array([1, 0, 2, 0, 3, 0]), ['__proto__', 'constructor', '=x']);
  assert.deepEqual(rowValues(table, 0), [1, 2, 3]);
  assert.equal(csvHeader(table), `file offset,__proto__,constructor,"'=x"`);
  assert.equal(toCsv(table, 0, 1), `file offset,__proto__,constructor,"'=x"\r\n0,1,2,3\r\n`);
});

test("the file-offset column's name is one no field can take: a field named offset keeps its own column (issue 26)", () => {
  // The docs' ELF example: section headers with a field named offset.
  const names = ['name', 'type', 'flags', 'addr', 'offset', 'size', 'link', 'info', 'addralign', 'entsize'];
  const table = openTable('<IIQQQQIIQQ', new Uint8Array(64), names);
  const header = csvHeader(table).split(',');
  assert.deepEqual(header, [OFFSET_COLUMN, ...names]);
  assert.equal(new Set(header).size, header.length, 'no two columns share a name');
  assert.throws(() => openTable('<HH', new Uint8Array(4), ['a', OFFSET_COLUMN]), /Names: 'file offset' is the name of the table's own column/);
});

test('wide records: at most MAX_COLUMNS values per item, and fewer rows per page as records widen', () => {
  assert.equal(openTable(`<${MAX_COLUMNS}B`, new Uint8Array(MAX_COLUMNS)).columns.length, MAX_COLUMNS);
  assert.throws(() => openTable(`<${MAX_COLUMNS + 1}B`, new Uint8Array(0)), /Format: 257 values per item; the table shows at most 256/);
  assert.equal(openTable('<100000s', new Uint8Array(0)).columns.length, 1); // one value, however long
  assert.equal(openTable('<2000000000s', new Uint8Array(0)).record, true); // asked without a 2 GB item
  assert.equal(openTable('<H0x', new Uint8Array(0)).record, true); // two items: a record, as StrArray says
  assert.equal(openTable('1H', new Uint8Array(0)).record, false);
  assert.equal(pageRows(1), 1000);
  assert.equal(pageRows(4), 1000);
  assert.ok(pageRows(MAX_COLUMNS) * (MAX_COLUMNS + 2) <= 60_000 && pageRows(MAX_COLUMNS) >= 20);
  for (let c = 1; c <= MAX_COLUMNS; c++) assert.ok(pageRows(c) <= pageRows(c - 1 || 1), `monotone at ${c}`);
});
