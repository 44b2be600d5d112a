// End-to-end tests of the web demo in Debian's Chromium: files go in through
// the page's file inputs, and what the page reports (highlighted match,
// differences, typed values, downloaded bytes) is checked against the
// package's own functions run here in Node on the same bytes.
// Screenshots of each screen land in web-demo/screenshots/ (git-ignored).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cmp, diff, find, findAll, match, rdiff, rfind, StrArray } from 'wasm-mem';
import { loadFile, openPage, shot, start } from './browser.js';
import { makeBigFile, makeFixtures, NEEDLE, SEED } from './fixtures.js';

let env;
let fx;
before(async () => {
  fx = makeFixtures();
  env = await start();
});
after(async () => {
  await env?.close();
  fx?.cleanup();
});

const status = (page, attr) => page.getAttribute('#search-status', `data-${attr}`);
const noErrors = (page) => assert.deepEqual(page.errors, [], 'errors in the page');

async function search(page, { pattern, mode = 'text', start = '', end = '', step = '1' }) {
  await page.fill('#search-pattern', pattern);
  await page.selectOption('#search-mode', mode);
  await page.fill('#search-start', start);
  await page.fill('#search-end', end);
  await page.fill('#search-step', step);
}

/** Waits for a search to finish (the status carries a result) and returns its offset. */
async function clickAndWait(page, selector, timeout = 30_000) {
  await page.evaluate(() => document.getElementById('search-status').removeAttribute('data-offset'));
  await page.click(selector);
  await page.waitForSelector('#search-status[data-offset]', { timeout });
  return Number(await status(page, 'offset'));
}

describe(`web demo in Chromium (fixture seed ${SEED})`, { timeout: 240_000 }, () => {
  test('opens a file through the picker and shows it in the hex view', async () => {
    const page = await openPage(env);
    await shot(page, '00-welcome');
    await page.keyboard.press('?');
    await page.waitForSelector('#help[open]');
    await shot(page, '00-help');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#help:not([open])', { state: 'attached' });
    await loadFile(page, fx.a, 'a.bin');
    assert.equal(await page.getAttribute('#file-info', 'data-size'), String(fx.aBytes.length));
    assert.equal(await page.getAttribute('#file-info', 'data-kind'), 'memory');
    // Virtualised: only the rows on screen exist, however long the file.
    const rows = await page.locator('#hexview .hv-rows .hv-row').count();
    assert.ok(rows > 10 && rows < 100, `${rows} rows in the DOM`);
    const firstRow = await page.locator('#hexview .hv-rows .hv-row').first().locator('.hv-hex span').allTextContents();
    assert.deepEqual(firstRow, [...fx.aBytes.subarray(0, 16)].map((b) => b.toString(16).padStart(2, '0')));
    // Go to an offset, then keyboard navigation moves the cursor.
    await page.fill('#goto', '0x1000');
    await page.press('#goto', 'Enter');
    await page.waitForSelector('#selection-info[data-offset="4096"]');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('#selection-info[data-offset="4113"]');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.waitForSelector('#selection-info[data-length="3"]');
    // The inspector shows the selection's values as StrArray reads them.
    const le = await page.textContent('#inspector td[data-format="<h"]');
    assert.equal(le, String(new StrArray('<h', fx.aBytes.subarray(4113, 4115)).get(0)));
    const be = await page.textContent('#inspector td[data-format=">B"]');
    assert.equal(be, String(fx.aBytes[4113]));
    // Ctrl+C copies the selection as hex.
    await env.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(env.url).origin });
    await page.keyboard.press('Control+c');
    await page.waitForSelector('#message-text:text("Copied 3 bytes as hex.")');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), fx.aBytes.subarray(4113, 4116).toString('hex').replace(/(..)(?!$)/g, '$1 '));
    await page.keyboard.press('Control+End');
    await page.waitForSelector(`#selection-info[data-offset="${fx.aBytes.length - 1}"]`);
    await shot(page, '01-hex');
    // Drag-and-drop: a file dropped on the page opens like a picked one.
    const dropped = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['dropped bytes'], 'drop.txt'));
      return dt;
    });
    await page.dispatchEvent('body', 'drop', { dataTransfer: dropped });
    await page.waitForSelector('body[data-state="ready"][data-doc="drop.txt"]:not([data-busy])');
    assert.equal(await page.getAttribute('#file-info', 'data-size'), String('dropped bytes'.length));
    // An empty file opens too, and says so.
    const empty = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File([], 'empty.bin'));
      return dt;
    });
    await page.dispatchEvent('body', 'drop', { dataTransfer: empty });
    await page.waitForSelector('body[data-state="ready"][data-doc="empty.bin"]:not([data-busy])');
    assert.equal(await page.textContent('#selection-info'), 'The file is empty.');
    await search(page, { pattern: 'x' });
    assert.equal(await clickAndWait(page, '#search-find'), -1);
    noErrors(page);
    await page.close();
  });

  test('search with a step: the highlighted match is find(), next/prev are find/rfind, count is findAll', async () => {
    const page = await openPage(env);
    await loadFile(page, fx.a, 'a.bin');
    const buf = fx.aBytes;
    const step = 8;
    const start = 3;
    await search(page, { pattern: NEEDLE, start: String(start), step: String(step) });
    const first = find(buf, NEEDLE, start, undefined, step);
    assert.ok(first >= 0);
    assert.equal(await clickAndWait(page, '#search-find'), first);
    // The cursor selects the match, and its cells are the highlighted ones.
    await page.waitForSelector(`#selection-info[data-offset="${first}"][data-length="${NEEDLE.length}"]`);
    const lit = await page.locator('#hexview .hv-hex .match-cur').allTextContents();
    assert.equal(lit.join(''), Buffer.from(NEEDLE).toString('hex'));
    const second = find(buf, NEEDLE, first + step, undefined, step);
    assert.ok(second > first);
    assert.equal(await clickAndWait(page, '#search-next'), second);
    assert.equal(await clickAndWait(page, '#search-next'), find(buf, NEEDLE, second + step, undefined, step));
    assert.equal(await clickAndWait(page, '#search-prev'), rfind(buf, NEEDLE, start, second - 1 + NEEDLE.length, step));
    await page.click('#search-count');
    await page.waitForSelector('#search-status[data-count]');
    assert.equal(Number(await status(page, 'count')), [...findAll(buf, NEEDLE, start, undefined, step)].length);
    await shot(page, '02-search-step');
    // A hex pattern with an end: the same answers as find() with those arguments.
    await search(page, { pattern: '4e 45 45 44', mode: 'hex', start: '2000', end: '0x10000' });
    assert.equal(await clickAndWait(page, '#search-find'), find(buf, Buffer.from('NEED'), 2000, 0x10000));
    // A one-byte pattern from the end with Previous.
    await search(page, { pattern: 'A', end: '-5' });
    await page.fill('#goto', String(buf.length - 1));
    await page.press('#goto', 'Enter');
    assert.equal(await clickAndWait(page, '#search-prev'), rfind(buf, 'A', 0, buf.length - 5));
    // A bad hex pattern is a clear message, not a stack trace.
    await search(page, { pattern: 'de ad b', mode: 'hex' });
    await page.click('#search-find');
    await page.waitForSelector('#message[data-kind="error"]');
    assert.match(await page.textContent('#message-text'), /bad hex: an odd number of hex digits/);
    // ...and the previous search's result and highlights are gone with it.
    assert.equal(await page.textContent('#search-status'), '');
    assert.equal(await page.locator('#hexview .match, #hexview .match-cur').count(), 0);
    await shot(page, '02-search-error');
    noErrors(page);
    await page.close();
  });

  test('compare: cmp, diff and rdiff as the package computes them; jumps go from run to run', async () => {
    const page = await openPage(env);
    await loadFile(page, fx.a, 'a.bin');
    await page.click('#tab-button-compare');
    await page.setInputFiles('#compare-input', fx.b);
    await page.waitForSelector('#runs-result[data-value]');
    const a = fx.aBytes;
    const b = fx.bBytes;
    assert.equal(Number(await page.getAttribute('#cmp-result', 'data-value')), cmp(a, b));
    assert.equal(Number(await page.getAttribute('#diff-result', 'data-value')), diff(a, b));
    assert.equal(Number(await page.getAttribute('#rdiff-result', 'data-value')), rdiff(a, b));
    // The runs of differences at equal offsets, found here with diff and match.
    const runs = [];
    for (let pos = 0, n = Math.min(a.length, b.length); pos < n; ) {
      const d = diff(a.subarray(pos, n), b.subarray(pos, n));
      if (d < 0) break;
      const m = match(a.subarray(pos + d, n), b.subarray(pos + d, n));
      runs.push(pos + d);
      pos = m < 0 ? n : pos + d + m;
    }
    assert.equal(Number(await page.getAttribute('#runs-result', 'data-value')), runs.length);
    const current = () => page.getAttribute('#diff-current', 'data-offset');
    await page.waitForFunction((o) => document.getElementById('diff-current').dataset.offset === o, String(runs[0]));
    for (const k of [1, 2, 3]) {
      await page.click('#diff-next');
      await page.waitForFunction((o) => document.getElementById('diff-current').dataset.offset === o, String(runs[k]));
    }
    await page.click('#diff-prev');
    await page.waitForFunction((o) => document.getElementById('diff-current').dataset.offset === o, String(runs[2]));
    assert.equal(await current(), String(runs[2]));
    // The differing bytes are marked in both panes, and the panes show the same rows.
    assert.ok((await page.locator('#compare-a .diff').count()) > 0);
    assert.ok((await page.locator('#compare-b .diff').count()) > 0);
    const offA = await page.locator('#compare-a .hv-rows .hv-off').first().textContent();
    const offB = await page.locator('#compare-b .hv-rows .hv-off').first().textContent();
    assert.equal(offA, offB);
    await page.click('#diff-last');
    await page.waitForFunction((o) => document.getElementById('diff-current').dataset.offset === o, String(runs.at(-1)));
    await shot(page, '03-compare');
    noErrors(page);
    await page.close();
  });

  test('typed view: table values are StrArray values; the chart zooms to a range', async () => {
    const page = await openPage(env);
    await loadFile(page, fx.a, 'a.bin');
    await page.click('#tab-button-typed');
    const show = (v) => (typeof v === 'string' ? `'${v}'` : Object.is(v, -0) ? '-0' : String(v));
    const cases = [
      ['h', '>', 3, 100],
      ['H', '<', 0, 64],
      ['i', '>', 1, 50],
      ['d', '<', 0x10, 40],
      ['Q', '>', 5, 30],
      ['q', '<', 2, 30],
      ['e', '>', 7, 60],
      ['f', '<', 9, 60],
      ['?', '@', 0, 40],
      ['N', '@', 3, 20],
    ];
    for (const [code, order, offset, count] of cases) {
      const format = order === '@' && (code === 'n' || code === 'N') ? code : order + code;
      await page.selectOption('#typed-code', code);
      await page.selectOption('#typed-order', order);
      await page.fill('#typed-offset', '0x' + offset.toString(16));
      await page.fill('#typed-count', String(count));
      await page.click('#typed-show');
      await page.waitForSelector(`#typed-table[data-format="${format}"][data-offset="${offset}"]`);
      await page.waitForFunction((n) => document.querySelectorAll('#typed-table tbody tr').length === n, count);
      const got = await page.locator('#typed-table td.value').allTextContents();
      const size = new StrArray(format).itemsize;
      const want = new StrArray(format, fx.aBytes.subarray(offset, offset + count * size)).toArray().map(show);
      assert.deepEqual(got, want, `format ${format} at ${offset}`);
    }
    // Drag across the middle of the chart: the table follows the zoomed range.
    const box = await page.locator('#typed-chart').boundingBox();
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(() => document.querySelector('#typed-table tbody tr')?.dataset.index !== '0');
    const firstIndex = Number(await page.locator('#typed-table tbody tr').first().getAttribute('data-index'));
    assert.ok(firstIndex > 0);
    await page.click('#typed-reset');
    await page.waitForFunction(() => document.querySelector('#typed-table tbody tr')?.dataset.index === '0');
    // The sample file's float32 series makes a readable chart for the screenshot.
    await page.click('#tab-button-hex');
    await page.evaluate(() => window.__app.setDoc(null));
    await page.click('#sample-button');
    await page.click('#tab-button-typed');
    await page.selectOption('#typed-code', 'f');
    await page.selectOption('#typed-order', '<');
    await page.fill('#typed-offset', '0x400');
    await page.fill('#typed-count', '1024');
    await page.click('#typed-show');
    await page.waitForSelector('#typed-table[data-format="<f"][data-offset="1024"]');
    await shot(page, '04-typed');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, '04-typed-dark');
    await page.click('#tab-button-hex');
    await shot(page, '04-hex-dark');
    await page.click('#tab-button-typed');
    await page.emulateMedia({ colorScheme: 'light' });
    const chart = await page.locator('#typed-chart').boundingBox();
    await page.mouse.move(chart.x + chart.width * 0.3, chart.y + chart.height / 2);
    await page.mouse.down();
    await page.mouse.move(chart.x + chart.width * 0.45, chart.y + chart.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(() => document.querySelector('#typed-table tbody tr')?.dataset.index !== '0');
    await shot(page, '04-typed-zoomed');
    noErrors(page);
    await page.close();
  });

  test('patch: overwrite, insert, delete, undo, then the download holds exactly the edited bytes', async () => {
    const page = await openPage(env);
    await loadFile(page, fx.a, 'a.bin');
    const model = Buffer.from(fx.aBytes);
    // Overwrite by typing: two hex digits make one byte, then the cursor moves on.
    await page.fill('#goto', '0x10');
    await page.press('#goto', 'Enter');
    await page.keyboard.type('ab');
    model[0x10] = 0xab;
    await page.waitForSelector('#selection-info[data-offset="17"]');
    // Tab: the ASCII column, where characters overwrite.
    await page.keyboard.press('Tab');
    await page.keyboard.type('Z!');
    model[17] = 0x5a;
    model[18] = 0x21;
    // Insert 4 bytes at 32, delete 10 at 100.
    await page.fill('#insert-offset', '32');
    await page.fill('#insert-bytes', 'de ad be ef');
    await page.click('#insert-button');
    let edited = Buffer.concat([model.subarray(0, 32), Buffer.from([0xde, 0xad, 0xbe, 0xef]), model.subarray(32)]);
    await page.fill('#delete-offset', '100');
    await page.fill('#delete-length', '10');
    await page.click('#delete-button');
    edited = Buffer.concat([edited.subarray(0, 100), edited.subarray(110)]);
    // Delete the selection with the Delete key, then undo it.
    await page.fill('#goto', '0x200');
    await page.press('#goto', 'Enter');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Delete');
    await page.waitForSelector(`#file-info[data-size="${edited.length - 3}"]`);
    await page.keyboard.press('Control+z');
    await page.waitForSelector(`#file-info[data-size="${edited.length}"]`);
    assert.match(await page.textContent('#message-text'), /Undid the delete of 3 bytes/);
    // Insert text at the very end, past the last byte.
    await page.fill('#insert-offset', String(edited.length));
    await page.selectOption('#insert-mode', 'text');
    await page.fill('#insert-bytes', 'END');
    await page.click('#insert-button');
    edited = Buffer.concat([edited, Buffer.from('END')]);
    await page.waitForSelector(`#file-info[data-size="${edited.length}"]`);
    await page.fill('#goto', '0');
    await page.press('#goto', 'Enter');
    await shot(page, '05-patch');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-button')]);
    assert.equal(download.suggestedFilename(), 'a.bin');
    const got = readFileSync(await download.path());
    assert.equal(got.length, edited.length);
    assert.ok(got.equals(edited), `downloaded bytes differ at ${diff(got, edited)}`);
    // Editing a windowed (read-only) file says why it cannot.
    const ro = await openPage(env, '?memoryLimit=65536');
    await loadFile(ro, fx.a, 'a.bin');
    assert.equal(await ro.getAttribute('#file-info', 'data-kind'), 'windowed');
    await ro.click('#hexview .hv-rows .hv-hex span >> nth=0');
    await ro.keyboard.type('f');
    await ro.waitForSelector('#message[data-kind="error"]');
    assert.match(await ro.textContent('#message-text'), /read-only, in windows.*Editing needs the whole file in memory/);
    noErrors(page);
    noErrors(ro);
    await ro.close();
    await page.close();
  });

  test('a 256 MiB file: opened into a Chunk and searched; windowed, searched and cancelled', async (t) => {
    const size = 256 << 20;
    const needle = 'WASM-MEM NEEDLE 256';
    const at = size - 12_345;
    const path = makeBigFile(fx.dir, size, needle, at);
    const page = await openPage(env);
    const t0 = Date.now();
    await page.setInputFiles('#file-input', path);
    await page.waitForSelector('body[data-state="ready"][data-doc="big.bin"]:not([data-busy])', { timeout: 60_000 });
    t.diagnostic(`256 MiB file read into a Chunk in ${Date.now() - t0} ms`);
    assert.equal(await page.getAttribute('#file-info', 'data-kind'), 'memory');
    await search(page, { pattern: needle });
    assert.equal(await clickAndWait(page, '#search-find', 60_000), at);
    const ms = Number(await status(page, 'ms'));
    t.diagnostic(`search of 256 MiB in the page (in memory): ${ms} ms`);
    console.log(`# web demo: searching 256 MiB in the page took ${ms} ms (in memory)`);
    await shot(page, '06-big-search');
    noErrors(page);
    await page.close();

    // The same file windowed (as if larger than memory): File.slice windows through the same find().
    const win = await openPage(env, '?memoryLimit=1048576');
    await loadFile(win, path, 'big.bin');
    assert.equal(await win.getAttribute('#file-info', 'data-kind'), 'windowed');
    await search(win, { pattern: needle });
    assert.equal(await clickAndWait(win, '#search-find', 60_000), at);
    const wms = Number(await status(win, 'ms'));
    // 16 Mi rows: the scrollbar still reaches the last one, with the rows in the DOM few.
    await win.evaluate(() => {
      const s = document.querySelector('#hexview .hv-scroll');
      s.scrollTop = s.scrollHeight;
    });
    const lastRow = (size - 16).toString(16).padStart(8, '0');
    await win.waitForFunction((o) => [...document.querySelectorAll('#hexview .hv-rows .hv-row:not([hidden]) .hv-off')].at(-1)?.textContent === o, lastRow);
    await win.waitForFunction(() => !document.querySelector('#hexview .loading'));
    assert.ok((await win.locator('#hexview .hv-rows .hv-row').count()) < 100);
    await shot(win, '06-big-windowed-end');
    t.diagnostic(`search of 256 MiB in the page (windowed, File.slice): ${wms} ms`);
    console.log(`# web demo: searching 256 MiB in the page took ${wms} ms (windowed)`);
    // A long count shows progress and stops on Escape.
    await search(win, { pattern: 'o' });
    await win.click('#search-count');
    await win.waitForSelector('#progress:not([hidden])');
    await shot(win, '07-progress');
    await win.keyboard.press('Escape');
    await win.waitForSelector('#message-text:text("Cancelled.")');
    assert.equal(await win.getAttribute('#search-status', 'data-count'), null);
    await win.waitForSelector('#progress', { state: 'hidden' });
    noErrors(win);
    await win.close();
  });
});
