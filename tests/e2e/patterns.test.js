// The web tool's patterns in Chromium: a wildcard hex search gives what the
// package's find gives with hexPattern, and "Scan signatures" lists a PNG
// planted at offset 100 (clicking it moves the cursor there) and a PE header,
// not a bare MZ that fails its check; the list of ids chooses what is scanned.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { find, hexPattern } from 'wasm-mem';
import { loadFile, openPage, start } from './browser.js';
import { samples } from '../lib/magic.js';

let env;
let dir;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wasm-mem-e2e-patterns-'));
  env = await start();
});
after(async () => {
  await env?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('web tool patterns in Chromium', { timeout: 120_000 }, () => {
  test('wildcard hex search, and Scan signatures as a clickable list', async () => {
    const data = new Uint8Array(5000).fill(0x2e);
    data.set(samples.get('png').subarray(0, 40), 100);
    data.set([0x4d, 0x5a, 0x90, 0x00, 0x50, 0x45], 3000); // MZ, but no PE header at e_lfanew: no hit
    data.set(samples.get('pe').subarray(0, 0x90), 4000);
    const file = join(dir, 'sig.bin');
    writeFileSync(file, data);
    const page = await openPage(env);
    await loadFile(page, file, 'sig.bin');
    await page.fill('#search-pattern', '4d 5a ?? ?? 5? 45');
    await page.selectOption('#search-mode', 'hex');
    await page.click('#search-find');
    await page.waitForSelector('#search-status[data-offset]');
    assert.equal(Number(await page.getAttribute('#search-status', 'data-offset')), find(data, hexPattern('4d 5a ?? ?? 5? 45')));
    await page.click('#signature-scan');
    await page.waitForSelector('#signature-list[data-count]');
    const items = await page.locator('#signature-list li').allTextContents();
    assert.match(items[0], /\(100\) PNG image$/);
    assert.equal(items.length, 2, items.join('; '));
    assert.match(items[1], /PE executable/);
    await page.locator('#signature-list button').first().click();
    await page.waitForSelector('#selection-info[data-offset="100"]');
    // Only pe chosen: the count says 1 of N, the scan lists the PE alone.
    await page.click('#signature-choice summary');
    await page.click('#signature-none');
    await page.check('#signature-ids input[value="pe"]');
    assert.match(await page.textContent('#signature-count'), /^1 of \d+$/);
    await page.evaluate(() => document.getElementById('signature-list').removeAttribute('data-count'));
    await page.click('#signature-scan');
    await page.waitForSelector('#signature-list[data-count]');
    const chosen = await page.locator('#signature-list li').allTextContents();
    assert.equal(chosen.length, 1);
    assert.match(chosen[0], /PE executable/);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
});
