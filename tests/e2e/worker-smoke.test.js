// A short smoke of the Worker that owns the web tool's documents, for
// `npm test` (the long measurements are tests/e2e/goals.test.js): the same
// small files held in the Worker's memory and windowed (?memoryLimit=64 KiB),
// and in both the page's matches, counts, compares, typed rows and hex rows
// equal the package's in Node on the same bytes, and paging down never shows
// a row still loading. The click-to-status times are printed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cmp, diff, find, findAll, match, rdiff, StrArray } from 'wasm-mem';
import { loadFile, openPage, start } from './browser.js';
import { makeBigFile, makeFixtures, NEEDLE } from './fixtures.js';
import { clickToStatus } from './measure.js';

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

/** The runs of differing bytes at equal offsets, found with diff and match. */
function runsOf(a, b) {
  const runs = [];
  for (let pos = 0, n = Math.min(a.length, b.length); pos < n; ) {
    const d = diff(a.subarray(pos, n), b.subarray(pos, n));
    if (d < 0) break;
    const m = match(a.subarray(pos + d, n), b.subarray(pos + d, n));
    runs.push(pos + d);
    pos = m < 0 ? n : pos + d + m;
  }
  return runs;
}

describe('the Worker holds the documents: answers in memory and windowed', { timeout: 180_000 }, () => {
  for (const [kind, query] of [
    ['memory', ''],
    ['windowed', '?memoryLimit=65536'],
  ]) {
    test(`${kind}: find, next, count, compare and typed rows equal the package's`, async (t) => {
      const page = await openPage(env, query);
      await loadFile(page, fx.a, 'a.bin');
      assert.equal(await page.getAttribute('#file-info', 'data-kind'), kind);
      const a = fx.aBytes;
      await page.fill('#search-pattern', NEEDLE);
      await page.fill('#search-start', '3');
      await page.fill('#search-step', '8');
      const first = await clickToStatus(page, 'search-find', 'offset');
      assert.equal(first.value, find(a, NEEDLE, 3, undefined, 8));
      assert.equal((await clickToStatus(page, 'search-next', 'offset')).value, find(a, NEEDLE, first.value + 8, undefined, 8));
      const count = await clickToStatus(page, 'search-count', 'count');
      assert.equal(count.value, [...findAll(a, NEEDLE, 3, undefined, 8)].length);
      t.diagnostic(`${kind}, 96 KiB: find ${first.ms.toFixed(1)} ms, count all ${count.ms.toFixed(1)} ms, click to status line`);
      // The hex view shows the file's bytes, asked of the Worker.
      await page.fill('#goto', '0x1000');
      await page.press('#goto', 'Enter');
      await page.waitForFunction(() => !document.querySelector('#hexview .loading'));
      const row = await page.locator('#hexview .hv-rows .hv-row:not([hidden])').first();
      const off = parseInt(await row.locator('.hv-off').textContent(), 16);
      const cells = await row.locator('.hv-hex span').allTextContents();
      assert.deepEqual(cells, [...a.subarray(off, off + 16)].map((b) => b.toString(16).padStart(2, '0')));
      // Typed rows: StrArray's values over the same bytes.
      await page.click('#tab-button-typed');
      await page.fill('#typed-format-in', '>h');
      await page.fill('#typed-offset', '3');
      await page.fill('#typed-count', '40');
      await page.click('#typed-show');
      await page.waitForSelector('#typed-table[data-format=">h"][data-offset="3"]');
      await page.waitForFunction(() => document.querySelectorAll('#typed-table tbody tr').length === 40);
      const values = await page.locator('#typed-table td.value').allTextContents();
      assert.deepEqual(values, new StrArray('>h', a.subarray(3, 3 + 80)).toArray().map(String));
      // Compare: both documents in the Worker.
      await page.click('#tab-button-compare');
      await page.setInputFiles('#compare-input', fx.b);
      await page.waitForSelector('#runs-result[data-value]');
      const b = fx.bBytes;
      assert.equal(Number(await page.getAttribute('#cmp-result', 'data-value')), cmp(a, b));
      assert.equal(Number(await page.getAttribute('#diff-result', 'data-value')), diff(a, b));
      assert.equal(Number(await page.getAttribute('#rdiff-result', 'data-value')), rdiff(a, b));
      assert.equal(Number(await page.getAttribute('#runs-result', 'data-value')), runsOf(a, b).length);
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    test(`${kind}: paging down through 156 KiB of a 1 MiB file shows no row still loading`, async () => {
      const path = makeBigFile(fx.dir, 1 << 20, NEEDLE, 5000, 'scroll.bin');
      const page = await openPage(env, query.replace('65536', '524288'));
      await loadFile(page, path, 'scroll.bin');
      assert.equal(await page.getAttribute('#file-info', 'data-kind'), kind);
      await page.waitForFunction(() => !document.querySelector('#hexview .loading'));
      // The pages around the view are asked for ahead: give them a moment to land, then page down
      // 250 times in one go (each renders at once, from the cache, or shows a loading cell).
      await page.waitForTimeout(1000);
      const loading = await page.evaluate(() => {
        const host = document.getElementById('hexview');
        let seen = 0;
        for (let k = 0; k < 250; k++) {
          host.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageDown', bubbles: true }));
          seen += host.querySelectorAll('.loading').length;
        }
        return seen;
      });
      assert.equal(loading, 0, 'cells shown loading while paging down');
      const off = await page.getAttribute('#selection-info', 'data-offset');
      assert.ok(Number(off) > 128 << 10, `the cursor went down to ${off}`);
      assert.deepEqual(page.errors, []);
      await page.close();
    });
  }
});
