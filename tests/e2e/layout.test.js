// The web tool as a new user meets it at 900x700 and 1280x800 (issue 26 §3,
// §4), in Debian's Chromium: the overview strip beside the hex view (its
// blocks against overview-worker.js run here in Node on the same bytes, the
// visible rows framed, the search's matches ticked, a click jumps), compare
// panes that show every column of a row (nothing past a pane's visible
// edge), the Typed chart inside its box, the messages after Scan
// signatures, a 2-byte match, a rejected format and a tab switch, and the
// CSV header of a record with a field named `offset`.
//
// Screenshots of each tab at both sizes land in web-demo/screenshots/ as
// tab-{hex,compare,typed}-WxH.png, and the hex view with its strip alone as
// overview-strip.png; docs/ holds copies (docs/web-demo-*.png, copied by hand
// when the page changes) that the README and docs/web-demo.md show.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { find, histogram } from 'wasm-mem';
import { entropyBlocks } from '../../web-demo/js/overview-worker.js';
import { samples } from '../lib/magic.js';
import { rng } from '../lib/random.js';
import { loadFile, openPage, shot, shotsDir, start } from './browser.js';
import { makeFixtures } from './fixtures.js';

const SIZES = [
  [900, 700],
  [1280, 800],
];
const NEEDLE = 'NEEDLE';
const NEEDLES = [5000, 70_000, 140_001, 200_000];

let env;
let fx;
let dir;
let file; // {path, bytes}
before(async () => {
  fx = makeFixtures();
  dir = mkdtempSync(join(tmpdir(), 'wasm-mem-layout-'));
  file = { path: join(dir, 'regions.bin'), bytes: regions() };
  writeFileSync(file.path, file.bytes);
  env = await start();
});
after(async () => {
  await env?.close();
  fx?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * 256 KiB a strip tells apart: text, zeros, random bytes, high bytes, text
 * again; a PNG and a ZIP header for the signature scan, needles to tick.
 */
function regions() {
  const r = rng(0x1a7);
  const out = Buffer.alloc(256 * 1024);
  const text = Buffer.from('Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n', 'latin1');
  for (let i = 0; i < out.length; i++) {
    const q = Math.floor(i / 32768);
    if (q === 0 || q === 6 || q === 7) out[i] = text[i % text.length];
    else if (q === 1 || q === 2) out[i] = 0;
    else if (q === 3 || q === 4) out[i] = Math.floor(r() * 256);
    else out[i] = 0x80 + Math.floor(r() * 128);
  }
  out.set(samples.get('png').subarray(0, 40), 40_000);
  out.set(samples.get('zip').subarray(0, 40), 180_000);
  for (const at of NEEDLES) out.write(NEEDLE, at, 'latin1');
  return out;
}

/** Opens the page at a window size with `path` loaded. */
async function pageAt(width, height, path = file.path, name = 'regions.bin') {
  const page = await openPage(env);
  await page.setViewportSize({ width, height });
  await loadFile(page, path, name);
  return page;
}

/** Whether each of `selectors`' boxes lies inside `outer`'s box (within half a pixel); the failures as text. */
function boxesInside(page, outer, selectors) {
  return page.evaluate(
    ([o, sels]) => {
      const ob = document.querySelector(o).getBoundingClientRect();
      const bad = [];
      for (const s of sels) {
        for (const el of document.querySelectorAll(s)) {
          const b = el.getBoundingClientRect();
          const inside = b.left >= ob.left - 0.5 && b.right <= ob.right + 0.5 && b.top >= ob.top - 0.5 && b.bottom <= ob.bottom + 0.5;
          if (!inside) bad.push(`${s} ${JSON.stringify(b)} outside ${o} ${JSON.stringify(ob)}`);
        }
      }
      return bad;
    },
    [outer, selectors],
  );
}

describe('the web tool at 900x700 and 1280x800 (issue 26)', { timeout: 180_000 }, () => {
  for (const [width, height] of SIZES) {
    const size = `${width}x${height}`;

    test(`${size}: the overview strip shows the blocks Node computes, frames the rows on screen, ticks matches, jumps on click`, async () => {
      const page = await pageAt(width, height);
      try {
        await page.waitForSelector('#overview[data-state="done"]');
        const got = await page.evaluate(() => {
          const s = window.__app.overview.state;
          return { block: s.block, entropy: Array.from(s.entropy), cls: Array.from(s.cls) };
        });
        const want = await entropyBlocks(
          async (a, b) => file.bytes.subarray(a, b),
          file.bytes.length,
          { from: 0, to: file.bytes.length, block: got.block },
          { histogram },
        );
        assert.deepEqual(got.cls, Array.from(want.cls));
        assert.deepEqual(got.entropy, Array.from(want.entropy)); // both Float32, from the same histogram
        assert.ok(new Set(got.cls).size === 4, `every byte class in the file: ${[...new Set(got.cls)]}`);
        // Beside the hex view, inside the window, as tall as the view.
        const [hex, strip] = await Promise.all(['#hexview', '#overview'].map((s) => page.locator(s).boundingBox()));
        assert.ok(strip.x >= hex.x + hex.width && strip.x + strip.width <= width, JSON.stringify({ hex, strip }));
        assert.ok(Math.abs(strip.y - hex.y) <= 1 && Math.abs(strip.height - hex.height) <= 1, JSON.stringify({ hex, strip }));
        assert.deepEqual(await boxesInside(page, '#overview', ['#overview-canvas']), []);
        // The strip takes no column from the hex view: its header and rows are whole.
        assert.deepEqual(await boxesInside(page, '#hexview .hv-head', ['#hexview .hv-head .hv-asc span']), []);
        assert.deepEqual(await boxesInside(page, '#hexview .hv-scroll', ['#hexview .hv-rows .hv-row:first-child .hv-asc span']), []);
        const rows = await page.locator('#hexview .hv-rows .hv-row').count();
        assert.equal(await page.getAttribute('#overview', 'data-view'), `0-${rows * 16}`);

        // Count all: the blocks holding a match are ticked.
        await page.fill('#search-pattern', NEEDLE);
        await page.click('#search-count');
        await page.waitForSelector('#overview[data-matches]');
        const blocks = new Set(NEEDLES.map((at) => Math.floor(at / got.block)));
        assert.equal(await page.getAttribute('#overview', 'data-matches'), String(blocks.size));

        // A click at three quarters of the strip's height jumps to that block.
        await page.mouse.click(strip.x + strip.width / 2, strip.y + strip.height * 0.75);
        const n = got.cls.length;
        const k = Math.floor(0.75 * n);
        const cursor = await page.evaluate(() => window.__app.hex.cursor);
        assert.ok(Math.abs(cursor - k * got.block) <= got.block, `cursor ${cursor}, block ${k} of ${got.block} bytes`);
        const [a, b] = (await page.getAttribute('#overview', 'data-view')).split('-').map(Number);
        assert.ok(a <= cursor && cursor < b, `the frame follows: ${a}-${b} holds ${cursor}`);
        // For the picture: the PNG header among the zeros, framed on the strip.
        await page.evaluate(() => window.__app.hex.goTo(40_000));
        await shot(page, `tab-hex-${size}`);
        // The README's picture: the hex view and its strip alone.
        if (width === SIZES[0][0]) await page.locator('.hex-main').screenshot({ path: join(shotsDir, 'overview-strip.png') });
        assert.deepEqual(page.errors, []);
      } finally {
        await page.close();
      }
    });

    test(`${size}: Compare shows every column of both panes, nothing past a pane's visible edge`, async () => {
      const page = await pageAt(width, height, fx.a, 'a.bin');
      try {
        await page.click('#tab-button-compare');
        await page.setInputFiles('#compare-input', fx.b);
        await page.waitForSelector('#cmp-result');
        await page.waitForSelector('body:not([data-busy])');
        for (const pane of ['#compare-a', '#compare-b']) {
          const fit = await page.$eval(pane, (v) => {
            const head = v.querySelector('.hv-head');
            const scroll = v.querySelector('.hv-scroll');
            return { head: [head.scrollWidth, head.clientWidth], rows: [scroll.scrollWidth, scroll.clientWidth] };
          });
          assert.ok(fit.head[0] <= fit.head[1], `${pane}: the column header runs past the pane: ${fit.head}`);
          assert.ok(fit.rows[0] <= fit.rows[1], `${pane}: the rows run past the pane: ${fit.rows}`);
          // Every cell of the header and of the rows on screen, the 16 ASCII characters included, lies inside the pane.
          const cells = [`${pane} .hv-head .hv-row > span`, `${pane} .hv-head .hv-asc span`, `${pane} .hv-rows .hv-row:not([hidden]) .hv-asc span`];
          assert.deepEqual(await boxesInside(page, `${pane} .hv-scroll`, cells.slice(2)), []);
          assert.deepEqual(await boxesInside(page, `${pane} .hv-head`, cells.slice(0, 2)), []);
          assert.equal(await page.locator(`${pane} .hv-rows .hv-row:first-child .hv-asc span`).count(), 16);
          assert.equal(await page.locator(`${pane} .hv-head .hv-asc span`).last().textContent(), 'f');
        }
        // The panes are level (side by side) or A above B, and scroll together.
        const [a, b] = await Promise.all(['#compare-a', '#compare-b'].map((s) => page.locator(s).boundingBox()));
        assert.ok(Math.abs(a.y - b.y) <= 1 || b.y >= a.y + a.height, JSON.stringify({ a, b }));
        await page.click('#diff-last');
        await page.waitForSelector('#diff-current[data-offset="98000"]');
        assert.equal(await page.evaluate(() => window.__app.compare.viewA.top), await page.evaluate(() => window.__app.compare.viewB.top));
        await page.click('#diff-first');
        await shot(page, `tab-compare-${size}`);
        assert.deepEqual(page.errors, []);
      } finally {
        await page.close();
      }
    });

    test(`${size}: the Typed chart lies inside its box; a rejected format leaves the label, its error leaves with the tab`, async () => {
      const page = await pageAt(width, height);
      try {
        await page.click('#tab-button-typed');
        await page.waitForSelector('#typed-table[data-format="<h"]');
        assert.deepEqual(await boxesInside(page, '.chart-box', ['#typed-chart']), []);
        assert.ok((await page.locator('#typed-chart').boundingBox()).height >= 100, 'the chart has room');
        await page.fill('#typed-format-in', '<4sHh');
        await page.fill('#typed-names', 'tag, n, level');
        await page.click('#typed-show');
        await page.waitForSelector('#typed-table[data-format="<4sHh"]');
        assert.deepEqual(await boxesInside(page, '.chart-box', ['#typed-chart']), []);
        assert.equal(await page.textContent('#typed-format'), '"<4sHh"');
        await shot(page, `tab-typed-${size}`);
        // A format the package rejects: the message says why; the label keeps naming the table's format.
        await page.fill('#typed-format-in', '<I8z');
        await page.click('#typed-show');
        await page.waitForSelector('#message.error:not([hidden])');
        assert.match(await page.textContent('#message-text'), /TypeError|format|'z'/i);
        assert.equal(await page.textContent('#typed-format'), '"<4sHh"');
        assert.equal(await page.getAttribute('#typed-table', 'data-format'), '<4sHh');
        await page.click('#tab-button-hex');
        assert.equal(await page.isVisible('#message'), false, 'the error left with its tab');
        assert.deepEqual(page.errors, []);
      } finally {
        await page.close();
      }
    });
  }

  test('the strip of a windowed file fills in batch by batch, and its blocks are what Node computes', async () => {
    // 80 MiB opened windowed (?memoryLimit=1 MiB): five Worker batches of 16 MiB.
    const path = join(dir, 'big-windowed.bin');
    const big = Buffer.alloc(80 << 20);
    const r = rng(0xb16);
    for (let i = 0; i < big.length; i += 4096) big[i] = Math.floor(r() * 256); // sparse: mostly zeros
    big.fill(0x41, 20 << 20, 30 << 20);
    for (let i = 50 << 20; i < 60 << 20; i++) big[i] = Math.floor(r() * 256);
    writeFileSync(path, big);
    const page = await openPage(env, `?memoryLimit=${1 << 20}`);
    try {
      await page.setViewportSize({ width: SIZES[1][0], height: SIZES[1][1] });
      // Every value the strip's progress takes, recorded in the page as it changes.
      await page.evaluate(() => {
        window.__known = [];
        new MutationObserver(() => window.__known.push(document.getElementById('overview')?.dataset.known)).observe(document.body, {
          subtree: true,
          attributes: true,
          attributeFilter: ['data-known'],
        });
      });
      await loadFile(page, path, 'big-windowed.bin');
      assert.equal(await page.getAttribute('#file-info', 'data-kind'), 'windowed');
      await page.waitForSelector('#overview[data-state="done"]', { timeout: 60_000 });
      const got = await page.evaluate(() => {
        const s = window.__app.overview.state;
        return { block: s.block, n: s.n, entropy: Array.from(s.entropy), cls: Array.from(s.cls), known: window.__known.map(Number) };
      });
      const steps = [...new Set(got.known)].filter((k) => k > 0);
      assert.ok(steps.length >= 3 && steps.at(-1) === got.n, `filled in steps: ${steps} of ${got.n}`);
      const want = await entropyBlocks(async (a, b) => big.subarray(a, b), big.length, { from: 0, to: big.length, block: got.block }, { histogram });
      assert.deepEqual(got.cls, Array.from(want.cls));
      assert.deepEqual(got.entropy, Array.from(want.entropy));
      assert.deepEqual(page.errors, []);
    } finally {
      await page.close();
    }
  });

  test('Scan signatures: the status says how many and how long, the list shows its count', async () => {
    const page = await pageAt(...SIZES[0]);
    try {
      await page.fill('#search-pattern', NEEDLE);
      await page.click('#search-find');
      await page.waitForSelector(`#search-status[data-offset="${NEEDLES[0]}"]`);
      await page.click('#signature-scan');
      await page.waitForSelector('#search-status[data-signatures]');
      const n = Number(await page.getAttribute('#search-status', 'data-signatures'));
      assert.equal(await page.locator('#signature-list li').count(), n);
      assert.ok(n >= 2, `PNG and ZIP found: ${n}`);
      const ms = await page.getAttribute('#search-status', 'data-ms');
      assert.equal(await page.textContent('#search-status'), `${n} signatures found · ${ms} ms`);
      assert.equal(await page.textContent('#signature-total'), `${n} signatures:`);
      const offsets = await page.$$eval('#signature-list button', (bs) => bs.map((b) => Number(b.dataset.offset)));
      assert.ok(offsets.includes(40_000) && offsets.includes(180_000), String(offsets));
      assert.deepEqual(page.errors, []);
    } finally {
      await page.close();
    }
  });

  test("after a 2-byte match the inspector shows the file's values at its start (i, q, f, d included)", async () => {
    const page = await pageAt(...SIZES[1]);
    try {
      const at = 3 * 32768 + 1234; // in the random bytes
      const pattern = file.bytes.subarray(at, at + 2);
      const i = find(file.bytes, pattern);
      await page.selectOption('#search-mode', 'hex');
      await page.fill('#search-pattern', pattern.toString('hex'));
      await page.click('#search-find');
      await page.waitForSelector(`#selection-info[data-offset="${i}"][data-length="2"]`);
      const cell = (f) => page.textContent(`#inspector td[data-format="${f}"]`);
      const b = file.bytes;
      assert.equal(await cell('<h'), String(b.readInt16LE(i)));
      assert.equal(await cell('<i'), String(b.readInt32LE(i)));
      assert.equal(await cell('>I'), String(b.readUInt32BE(i)));
      assert.equal(await cell('<q'), String(b.readBigInt64LE(i)));
      assert.equal(await cell('<f'), String(b.readFloatLE(i)));
      assert.equal(await cell('>d'), String(b.readDoubleBE(i)));
      assert.deepEqual(page.errors, []);
    } finally {
      await page.close();
    }
  });

  test('a record field named offset keeps its name: the CSV header names the file offset apart', async () => {
    const page = await pageAt(...SIZES[0]);
    try {
      await page.click('#tab-button-typed');
      // The section header table of docs/web-demo.md's ELF example, over these bytes.
      const names = 'name, type, flags, addr, offset, size, link, info, addralign, entsize';
      await page.fill('#typed-format-in', '<IIQQQQIIQQ');
      await page.fill('#typed-names', names);
      await page.fill('#typed-count', '3');
      await page.click('#typed-show');
      await page.waitForSelector('#typed-table[data-format="<IIQQQQIIQQ"]');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#typed-csv')]);
      const header = readFileSync(await download.path(), 'utf8').split('\r\n')[0].split(',');
      assert.deepEqual(header, ['file offset', ...names.split(', ')]);
      assert.equal(new Set(header).size, header.length, 'no two columns share a name');
      const th = await page.$$eval('#typed-table thead th', (ths) => ths.map((t) => t.textContent));
      assert.deepEqual(th, ['item', 'file offset', ...names.split(', ')]);
      assert.deepEqual(page.errors, []);
    } finally {
      await page.close();
    }
  });
});
