// What the web tool's goals are measured with, in the page itself (so no
// round trip to the test's process is counted): a click to the status line
// it produces, the page's long tasks, the time from picking a file to its
// first rows on screen, and raw Blob slice reads for a rate to compare with.

/** Fills the search form: a text pattern over the whole document, step 1. */
export async function searchFor(page, pattern) {
  await page.fill('#search-pattern', pattern);
  await page.selectOption('#search-mode', 'text');
  await page.fill('#search-start', '');
  await page.fill('#search-end', '');
  await page.fill('#search-step', '1');
}

/**
 * Clicks `button` and resolves when the search status carries `attr`
 * (data-offset for Find, data-count for Count all): {ms, value}, ms from
 * the click to the status line, timed in the page.
 */
export function clickToStatus(page, button, attr) {
  return page.evaluate(
    ([button, attr]) =>
      new Promise((resolve) => {
        const status = document.getElementById('search-status');
        delete status.dataset[attr];
        const observer = new MutationObserver(() => {
          if (status.dataset[attr] === undefined) return;
          observer.disconnect();
          resolve({ ms: performance.now() - t0, value: Number(status.dataset[attr]) });
        });
        observer.observe(status, { attributes: true });
        const t0 = performance.now();
        document.getElementById(button).click();
      }),
    [button, attr],
  );
}

/** Starts collecting the durations (ms) of the page's long tasks in window.longTasks. */
export const watchLongTasks = (page) =>
  page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.longTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask' });
  });

/** The long tasks since the last call (ms), emptied. */
export const takeLongTasks = (page) => page.evaluate(() => window.longTasks.splice(0));

/**
 * Picks `path` in the file input and resolves with the ms from the input's
 * change event to the first row of the hex view showing `firstHex` (its 16
 * bytes as hex, no spaces), and the ms until the page is no longer busy
 * (the file read into memory, when it fits): {rows, ready}.
 */
export async function openToFirstRows(page, path, name, firstHex) {
  await page.waitForSelector('body[data-worker="ready"]'); // a file is picked after the page has loaded
  await page.evaluate(() => {
    window.pickedAt = undefined;
    document.addEventListener('change', () => (window.pickedAt = performance.now()), { capture: true, once: true });
  });
  // Watched from inside the page, on every change to it: no polling interval in the figure.
  const shown = page.evaluate(
    ([name, firstHex]) =>
      new Promise((resolve) => {
        const check = () => {
          const body = document.body.dataset;
          const row = document.querySelector('#hexview .hv-rows .hv-row .hv-hex');
          const hex = row ? [...row.querySelectorAll('span')].map((s) => s.textContent).join('') : '';
          if (body.state !== 'ready' || body.doc !== name || hex !== firstHex) return;
          observer.disconnect();
          resolve(performance.now() - window.pickedAt);
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      }),
    [name, firstHex],
  );
  await page.setInputFiles('#file-input', path);
  const rows = await shown;
  await page.waitForSelector(`body[data-state="ready"][data-doc="${name}"]:not([data-busy])`, { timeout: 300_000 });
  return { rows, ready: await page.evaluate(() => performance.now() - window.pickedAt) };
}

/**
 * Reads the File at `path` in the page as `slice`-byte Blob slices, one
 * after the other, as fast as the browser delivers them: {ms, bytes}.
 */
export async function rawSliceReads(page, path, slice = 16 << 20) {
  await page.evaluate(() => {
    if (document.getElementById('raw-input')) return;
    const input = Object.assign(document.createElement('input'), { type: 'file', id: 'raw-input', hidden: true });
    document.body.append(input);
  });
  await page.setInputFiles('#raw-input', path);
  return page.evaluate(async (slice) => {
    const [file] = document.getElementById('raw-input').files;
    const t0 = performance.now();
    let bytes = 0;
    for (let a = 0; a < file.size; a += slice) bytes += (await file.slice(a, a + slice).arrayBuffer()).byteLength;
    return { ms: performance.now() - t0, bytes };
  }, slice);
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const gbps = (bytes, ms) => bytes / ms / 1e6;
