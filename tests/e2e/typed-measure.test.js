// The Typed tab on a big document, measured in Chromium and printed (never
// failed on: a shared machine's timings are noise): a 192 MiB file held in
// memory, the Typed tab switched to with '<IHhd' records (a million of
// them), a fast burst of page requests to the far end of the table, and the
// chart's draw. Printed: each step's time, the chart's draw time and the
// longest main-thread task (the Long Tasks API). The answers are asserted:
// the last page's rows equal StrArray's in Node on the same bytes, and the
// burst sent the Worker two page requests (the rest were superseded, dropped).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { StrArray } from 'wasm-mem';
import { cellText, openTable, rowValues } from '../../web-demo/js/records.js';
import { openPage, start } from './browser.js';
import { makeBigFile, makeFixtures } from './fixtures.js';
import { median, openToFirstRows, takeLongTasks, watchLongTasks } from './measure.js';

const MiB = 1 << 20;
const FORMAT = '<IHhd';
const COUNT = 1_000_000; // the tab's most items at once
const BURST = 60; // Rows ▶ clicks in one go: a fast scroll

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

const print = (t, line) => {
  t.diagnostic(line);
  console.log(`# typed tab: ${line}`);
};

describe('the Typed tab on a 192 MiB document in memory (measured, printed)', { timeout: 600_000 }, () => {
  test(`'${FORMAT}' records: switch to the tab, page to the end, draw the chart`, async (t) => {
    const path = makeBigFile(fx.dir, 192 * MiB, 'TYPED', [5 * MiB], 'typed192.bin');
    const buf = readFileSync(path);
    const page = await openPage(env);
    await openToFirstRows(page, path, 'typed192.bin', buf.subarray(0, 16).toString('hex'));
    assert.equal(await page.getAttribute('#file-info', 'data-kind'), 'memory');
    // The overview strip's entropy pass has the Worker for a moment after opening: let it finish,
    // so the figures are the Typed tab's own.
    await page.waitForTimeout(3000);
    await watchLongTasks(page);
    await takeLongTasks(page);
    // Switch to the tab and show the records, timed in the page: click to the table of that format.
    const show = await page.evaluate(
      ([format, count]) =>
        new Promise((resolve) => {
          const t0 = performance.now();
          document.getElementById('tab-button-typed').click();
          document.getElementById('typed-format-in').value = format;
          document.getElementById('typed-count').value = String(count);
          document.getElementById('typed-show').click();
          const done = () => {
            const table = document.getElementById('typed-table');
            if (table.dataset.format !== format || !table.querySelector('tbody tr')) return false;
            observer.disconnect();
            resolve(performance.now() - t0);
            return true;
          };
          const observer = new MutationObserver(done);
          observer.observe(document.body, { subtree: true, childList: true, attributes: true });
        }),
      [FORMAT, COUNT],
    );
    const showing = await takeLongTasks(page);
    // A burst of page requests, then to the bottom of the last page asked for (all its rows shown).
    await page.waitForFunction(() => document.querySelectorAll('#typed-table tbody tr').length === 1000);
    const rows = 1000;
    // Count the page requests that reach the Worker.
    await page.evaluate(() => {
      const post = Worker.prototype.postMessage;
      window.typedRowsSent = 0;
      Worker.prototype.postMessage = function (message, ...rest) {
        if (message?.op === 'typedRows') window.typedRowsSent++;
        return post.call(this, message, ...rest);
      };
    });
    const last = BURST * rows;
    const burst = await page.evaluate(
      ([n, last, rows]) =>
        new Promise((resolve) => {
          const t0 = performance.now();
          for (let k = 0; k < n; k++) document.getElementById('typed-next').click();
          const done = () => {
            const trs = document.querySelectorAll('#typed-table tbody tr');
            if (trs[0]?.dataset.index !== String(last) || trs.length !== rows) return;
            observer.disconnect();
            const scroll = document.querySelector('#typed-table').closest('.table-scroll');
            scroll.scrollTop = scroll.scrollHeight;
            resolve(performance.now() - t0);
          };
          const observer = new MutationObserver(done);
          observer.observe(document.getElementById('typed-table'), { subtree: true, childList: true });
          done();
        }),
      [BURST, last, rows],
    );
    const paging = await takeLongTasks(page);
    // The burst asked the Worker for two pages: the first, and the one it landed on; the rest were dropped.
    const sent = await page.evaluate(() => window.typedRowsSent);
    assert.equal(sent, 2, `${sent} page requests sent for ${BURST} clicks`);
    // The rows shown are StrArray's over the same bytes.
    const table = openTable(FORMAT, buf.subarray(0, COUNT * new StrArray(FORMAT).itemsize));
    const want = Array.from({ length: rows }, (_, i) => rowValues(table, last + i).map(cellText));
    const got = await page.$$eval('#typed-table tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td.value')].map((td) => td.textContent)));
    assert.deepEqual(got, want);
    // The chart's draw, alone (it is redrawn on resize and theme changes too).
    const draws = await page.evaluate(() => {
      const chart = window.__app.typed.chart;
      const ms = [];
      for (let k = 0; k < 5; k++) {
        const t0 = performance.now();
        chart.draw();
        ms.push(Math.round((performance.now() - t0) * 10) / 10);
      }
      return ms;
    });
    print(t, `switch to the tab and show ${COUNT} records: ${Math.round(show)} ms; longest task ${Math.max(0, ...showing)} ms (${showing.join(', ')})`);
    print(t, `${BURST} Rows ▶ clicks to row ${last}: ${Math.round(burst)} ms; longest task ${Math.max(0, ...paging)} ms (${paging.join(', ')})`);
    print(t, `chart draw: median ${median(draws)} ms (${draws.join(', ')})`);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
});
