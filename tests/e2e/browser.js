// Shared end-to-end set-up: the demo's server on a free port and Debian's
// Chromium driven by playwright-core, with the flags of tests/lib/browser.js.
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../web-demo/server.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../lib/browser.js';

export const shotsDir = fileURLToPath(new URL('../../web-demo/screenshots/', import.meta.url));

/** Starts the server and a browser; returns { url, context, close }. */
export async function start() {
  const { server, url } = await serve({ port: 0 });
  const profile = mkdtempSync(join(tmpdir(), 'wasm-mem-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1440, height: 900 },
    args: CHROMIUM_ARGS,
  });
  mkdirSync(shotsDir, { recursive: true });
  return {
    url,
    context,
    async close() {
      await context.close();
      await new Promise((r) => server.close(r));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A page at the demo, with the package loaded and browser errors collected. */
export async function openPage(env, query = '') {
  const page = await env.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(env.url + query);
  await page.waitForSelector('body[data-state="empty"]');
  page.errors = errors;
  return page;
}

/** Loads a file through the picker's input and waits for the document to be ready. */
export async function loadFile(page, path, name) {
  await page.setInputFiles('#file-input', path);
  await page.waitForSelector(`body[data-state="ready"][data-doc="${name}"]:not([data-busy])`);
}

export async function shot(page, name) {
  await page.screenshot({ path: join(shotsDir, `${name}.png`) });
}
