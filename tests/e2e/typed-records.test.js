// The Typed tab's records in Chromium: a record format with names at an
// offset, the table's cells against StrArray run here in Node on the same
// bytes, a column picked for the chart, the exported CSV (a real download)
// against records.js's toCsv with its formula escaping, a bad format shown as
// the package's TypeError message. Real files too: a WAV header and the ELF
// section header table of a binary of this system; their screenshots land in
// web-demo/screenshots/ (copied to docs/ by hand when the page changes).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StrArray } from 'wasm-mem';
import { cellText, columnValues, openTable, rowValues, toCsv } from '../../web-demo/js/records.js';
import { loadFile, openPage, shot, start } from './browser.js';

let env;
let dir;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wasm-mem-typed-'));
  env = await start();
});
after(async () => {
  await env?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const noErrors = (page) => assert.deepEqual(page.errors, [], 'errors in the page');

/** Fills the form and waits for the table of that format, offset and names. */
async function showTable(page, { format, names = '', offset, typed = String(offset), count }) {
  await page.fill('#typed-format-in', format);
  await page.fill('#typed-names', names);
  await page.fill('#typed-offset', typed);
  await page.fill('#typed-count', String(count));
  await page.click('#typed-show');
  const n = names.split(',').map((s) => s.trim()).join(',');
  await page.waitForSelector(`#typed-table[data-format="${format}"][data-offset="${offset}"][data-names="${names ? n : ''}"]`);
}

/** The table's value cells, row by row. */
const tableCells = (page) =>
  page.$$eval('#typed-table tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td.value')].map((td) => td.textContent)));

/** What the table should show for those bytes: StrArray's items through records.js's cell text. */
function expectedCells(bytes, format, names, offset, count) {
  const size = new StrArray(format).itemsize;
  const table = openTable(format, bytes.subarray(offset, offset + count * size), names);
  return Array.from({ length: table.array.length }, (_, i) => rowValues(table, i).map(cellText));
}

// A log of records '<I8shd' (id, tag, delta, level) after a 16-byte header,
// with hostile tags: a spreadsheet would run '=1+2' and '@SUM(1)' as formulas.
const LOG_FORMAT = '<I8shd';
const LOG_NAMES = ['id', 'tag', 'delta', 'level'];
const TAGS = ['=1+2', 'plain', '@SUM(1)', '-neg', '+plus', 'a,b', 'q"uote', 'bin\x01\xff'];
function makeLog(records) {
  const out = Buffer.alloc(16 + 22 * records);
  out.write('LOGFILE1', 0, 'latin1');
  for (let i = 0; i < records; i++) {
    const at = 16 + 22 * i;
    out.writeUInt32LE(1000 + i, at);
    out.write(TAGS[i % TAGS.length], at + 4, 8, 'latin1');
    out.writeInt16LE(((i * 37) % 200) - 100, at + 12);
    out.writeDoubleLE(Math.sin(i / 9) * 50 + i / 4, at + 14);
  }
  return out;
}

// A 44-byte RIFF/WAVE header (PCM, 2 channels, 16 bits, 8000 Hz), then a stereo sine.
const WAV_FORMAT = '<4sI4s4sIHHIIHH4sI';
const WAV_NAMES = 'riff, size, wave, fmt, fmt_size, audio_format, channels, rate, byte_rate, block_align, bits, data, data_size';
function makeWav(frames) {
  const out = Buffer.alloc(44 + frames * 4);
  out.write('RIFF', 0, 'latin1');
  out.writeUInt32LE(36 + frames * 4, 4);
  out.write('WAVEfmt ', 8, 'latin1');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20);
  out.writeUInt16LE(2, 22);
  out.writeUInt32LE(8000, 24);
  out.writeUInt32LE(8000 * 4, 28);
  out.writeUInt16LE(4, 32);
  out.writeUInt16LE(16, 34);
  out.write('data', 36, 'latin1');
  out.writeUInt32LE(frames * 4, 40);
  for (let i = 0; i < frames; i++) {
    out.writeInt16LE(Math.round(Math.sin(i / 12) * 12000), 44 + 4 * i);
    out.writeInt16LE(Math.round(Math.cos(i / 30) * 8000), 46 + 4 * i);
  }
  return out;
}

describe('Typed tab: records in Chromium', { timeout: 180_000 }, () => {
  test('a record format with names at an offset: cells, chart column, CSV download with escaped formulas', async () => {
    const log = makeLog(300);
    const path = join(dir, 'log.bin');
    writeFileSync(path, log);
    const page = await openPage(env);
    await loadFile(page, path, 'log.bin');
    await page.click('#tab-button-typed');
    // A bad format is the package's own TypeError message, and the page goes on.
    await page.fill('#typed-format-in', '<I8z');
    await page.click('#typed-show');
    await page.waitForSelector('#message[data-kind="error"]');
    let want;
    try {
      new StrArray('<I8z');
    } catch (e) {
      want = e;
    }
    assert.ok(want instanceof TypeError);
    assert.equal(await page.textContent('#message-text'), want.message);
    // Names that do not fit the format: the package's message too.
    await page.fill('#typed-format-in', LOG_FORMAT);
    await page.fill('#typed-names', 'id,tag');
    await page.click('#typed-show');
    await page.waitForFunction(() => /options\.names has 2 names/.test(document.getElementById('message-text').textContent));
    // The records from offset 16 (typed in hex), 300 of them: the first page of rows.
    await showTable(page, { format: LOG_FORMAT, names: LOG_NAMES.join(', '), offset: 16, typed: '0x10', count: 300 });
    assert.deepEqual(await page.$$eval('#typed-table thead th', (ths) => ths.map((th) => th.textContent)), ['item', 'file offset', ...LOG_NAMES]);
    assert.deepEqual(await tableCells(page), expectedCells(log, LOG_FORMAT, LOG_NAMES, 16, 300));
    assert.equal(await page.textContent('#typed-table tbody tr:first-child td.value[data-col="1"]'), '=1+2\\x00\\x00\\x00\\x00');
    // Pick the level column: the chart shows exactly that column's values.
    await page.selectOption('#typed-column', '3');
    await page.waitForSelector('#typed-table[data-column="level"]');
    const plotted = await page.evaluate(() => Array.from(window.__app.typed.values));
    const table = openTable(LOG_FORMAT, log.subarray(16), LOG_NAMES);
    assert.deepEqual(plotted, [...columnValues(table, 3)]);
    assert.equal(plotted.length, 300);
    // The tag column (s) cannot be charted.
    assert.equal(await page.$eval('#typed-column option[value="1"]', (o) => o.disabled), true);
    // Export: every row of the range (not only the page), as toCsv writes it; '=1+2' escaped.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#typed-csv')]);
    assert.equal(download.suggestedFilename(), 'log.bin.10.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    assert.equal(csv, toCsv(table, 0, 300, 16));
    const lines = csv.split('\r\n');
    assert.equal(lines[0], 'file offset,id,tag,delta,level');
    assert.ok(lines[1].startsWith(`16,1000,"'=1+2\\x00\\x00\\x00\\x00",-100,`), lines[1]);
    assert.ok(lines[3].startsWith(`60,1002,"'@SUM(1)\\x00",`), lines[3]);
    assert.ok(lines[4].includes(`"'-neg\\x00`), lines[4]);
    assert.ok(lines[8].includes('bin\\x01\\xff'), lines[8]);
    // A zoomed chart narrows the table and the export to that range.
    const box = await page.locator('#typed-chart').boundingBox();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(() => document.querySelector('#typed-table tbody tr')?.dataset.index !== '0');
    const first = Number(await page.locator('#typed-table tbody tr').first().getAttribute('data-index'));
    const rows = await page.locator('#typed-table tbody tr').count();
    const [zoomed] = await Promise.all([page.waitForEvent('download'), page.click('#typed-csv')]);
    assert.equal(readFileSync(await zoomed.path(), 'utf8'), toCsv(table, first, first + rows, 16));
    noErrors(page);
    await page.close();
  });

  test('pages of rows: a long table decodes one page at a time', async () => {
    const log = makeLog(2500);
    const path = join(dir, 'long.bin');
    writeFileSync(path, log);
    const page = await openPage(env);
    await loadFile(page, path, 'long.bin');
    await page.click('#tab-button-typed');
    await showTable(page, { format: LOG_FORMAT, names: '', offset: 16, count: 2500 });
    assert.equal(await page.locator('#typed-table tbody tr').count(), 1000);
    const all = expectedCells(log, LOG_FORMAT, undefined, 16, 2500);
    await page.click('#typed-next');
    await page.click('#typed-next');
    await page.waitForSelector('#typed-table tbody tr[data-index="2000"]');
    assert.equal(await page.locator('#typed-table tbody tr').count(), 500);
    assert.deepEqual(await tableCells(page), all.slice(2000));
    assert.equal(await page.$eval('#typed-next', (b) => b.disabled), true);
    await page.click('#typed-prev');
    await page.waitForSelector('#typed-table tbody tr[data-index="1000"]');
    assert.deepEqual(await tableCells(page), all.slice(1000, 2000));
    noErrors(page);
    await page.close();
    // The same file opened read-only in windows; the offset taken from the hex view's cursor.
    const win = await openPage(env, '?memoryLimit=4096');
    await loadFile(win, path, 'long.bin');
    assert.equal(await win.getAttribute('#file-info', 'data-kind'), 'windowed');
    await win.fill('#goto', '0x26');
    await win.press('#goto', 'Enter');
    await win.waitForSelector('#selection-info[data-offset="38"]');
    await win.click('#tab-button-typed');
    await win.fill('#typed-format-in', LOG_FORMAT);
    await win.fill('#typed-names', LOG_NAMES.join(','));
    await win.fill('#typed-count', '40');
    await win.click('#typed-at-cursor');
    await win.waitForSelector('#typed-table[data-format="<I8shd"][data-offset="38"]');
    assert.deepEqual(await tableCells(win), expectedCells(log, LOG_FORMAT, LOG_NAMES, 38, 40));
    noErrors(win);
    await win.close();
  });

  test('real files: a WAV header and an ELF section header table', async () => {
    const wav = makeWav(2000);
    const wavPath = join(dir, 'tone.wav');
    writeFileSync(wavPath, wav);
    const page = await openPage(env);
    await loadFile(page, wavPath, 'tone.wav');
    await page.click('#tab-button-typed');
    await showTable(page, { format: WAV_FORMAT, names: WAV_NAMES, offset: 0, count: 1 });
    const wavNames = WAV_NAMES.split(',').map((s) => s.trim());
    assert.deepEqual(await tableCells(page), expectedCells(wav, WAV_FORMAT, wavNames, 0, 1));
    assert.deepEqual((await tableCells(page))[0].slice(0, 8), ['RIFF', String(36 + 8000), 'WAVE', 'fmt ', '16', '1', '2', '8000']);
    await shot(page, 'typed-wav');

    // /bin/ls (or this Node binary): e_shoff, e_shentsize, e_shnum from the ELF header.
    let elfPath = '/bin/ls';
    let elf;
    try {
      elf = readFileSync(elfPath);
    } catch {
      elfPath = process.execPath;
      elf = readFileSync(elfPath);
    }
    assert.equal(elf.toString('latin1', 0, 4), '\x7fELF');
    const shoff = Number(elf.readBigUInt64LE(0x28));
    const shentsize = elf.readUInt16LE(0x3a);
    const shnum = elf.readUInt16LE(0x3c);
    assert.equal(shentsize, 64);
    const copy = join(dir, 'ls.elf');
    writeFileSync(copy, elf);
    await loadFile(page, copy, 'ls.elf');
    const elfFormat = '<IIQQQQIIQQ';
    const elfNames = 'name, type, flags, addr, offset, size, link, info, addralign, entsize';
    await showTable(page, { format: elfFormat, names: elfNames, offset: shoff, count: shnum });
    assert.deepEqual(await tableCells(page), expectedCells(elf, elfFormat, elfNames.split(',').map((s) => s.trim()), shoff, shnum));
    // Section 0 is the null section; every other one has a type.
    const cells = await tableCells(page);
    assert.deepEqual(cells[0], Array(10).fill('0'));
    await page.selectOption('#typed-column', '5');
    await page.waitForSelector('#typed-table[data-column="size"]');
    await shot(page, 'typed-elf');
    noErrors(page);
    await page.close();
  });
});
