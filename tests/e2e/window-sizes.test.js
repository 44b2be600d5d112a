// The hex tool at two window sizes, in Debian's Chromium: at 1400x900 the
// side panels sit beside the hex view; at 900x700, narrower than both side
// by side, they fold under it. At both sizes the 16th byte column and the
// whole ASCII column of a row are on screen, not cut off or covered, and the
// search panel can still be reached. Screenshots land in
// web-demo/screenshots/ (git-ignored).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadFile, openPage, shot, start } from './browser.js';
import { makeFixtures } from './fixtures.js';

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

/** Whether the element's box lies inside the window and inside the hex view's scrolling area, and is what the page shows at its centre. */
function visible(page, selector) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return `${sel}: not found`;
    const box = el.getBoundingClientRect();
    const area = el.closest('.hv-scroll').getBoundingClientRect();
    const inside = (outer) => box.left >= outer.left - 0.5 && box.right <= outer.right + 0.5 && box.top >= outer.top - 0.5 && box.bottom <= outer.bottom + 0.5;
    if (!inside({ left: 0, top: 0, right: innerWidth, bottom: innerHeight })) return `${sel}: outside the window (${JSON.stringify(box)})`;
    if (!inside(area)) return `${sel}: cut by the hex view (${JSON.stringify(box)} in ${JSON.stringify(area)})`;
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    if (!(top === el || el.contains(top))) return `${sel}: covered by ${top?.outerHTML.slice(0, 80)}`;
    return true;
  }, selector);
}

describe('the hex view at 900x700 and 1400x900', { timeout: 120_000 }, () => {
  for (const [width, height, folded] of [[1400, 900, false], [900, 700, true]]) {
    test(`${width}x${height}: the last byte column and the ASCII column are visible${folded ? ', the panels folded under the hex view' : ''}`, async () => {
      const page = await openPage(env);
      try {
        await page.setViewportSize({ width, height });
        await loadFile(page, fx.a, 'a.bin');
        await shot(page, `window-${width}x${height}`);
        const row = '#hexview .hv-rows .hv-row:first-child';
        const last = await page.locator(`${row} .hv-hex span`).last().textContent();
        assert.equal(last, fx.aBytes[15].toString(16).padStart(2, '0'), 'the 16th byte is the last column');
        assert.equal(await visible(page, `${row} .hv-hex span:last-child`), true);
        assert.equal(await visible(page, `${row} .hv-asc`), true);
        assert.equal(await page.locator(`${row} .hv-asc span`).count(), 16);
        assert.equal(await visible(page, `${row} .hv-asc span:last-child`), true);
        // Where the panels are: beside the hex view, or under it.
        const [hex, side] = await Promise.all(['.hex-main', '.sidebar'].map((s) => page.locator(s).boundingBox()));
        if (folded) assert.ok(side.y >= hex.y + hex.height - 1 && side.width >= width - 1, `folded under: ${JSON.stringify({ hex, side })}`);
        else assert.ok(side.x >= hex.x + hex.width - 1 && side.y <= hex.y + 1, `beside: ${JSON.stringify({ hex, side })}`);
        assert.ok(side.y + 40 <= height, 'the panels start inside the window');
        await page.locator('#search-pattern').scrollIntoViewIfNeeded();
        assert.ok(await page.locator('#search-pattern').isVisible(), 'the search field can be reached');
        assert.deepEqual(page.errors, []);
      } finally {
        await page.close();
      }
    });
  }
});
