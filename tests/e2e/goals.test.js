// The web tool's goals (issue 26 §2), measured in Chromium and printed:
//
//   Count all / Find (absent), 192 MiB in memory, click to status line  ≤ 150 ms each
//   longest main-thread task, opening a 200 MiB file and searching it   ≤ 100 ms under test load (≤ 50 ms idle)
//   Find (absent), 192 MiB windowed (?memoryLimit=64 MiB), vs raw 16 MiB Blob slice reads in the same page  ≥ 0.8×
//   open a 200 MiB file until its first rows show                       ≤ 1 s
//
// Timings are printed and recorded in web-demo/screenshots/goals.json, never
// failed on (a shared machine's timings are noise, see bench/RESULTS.md);
// the answers are asserted: every match, count and first-five list equals
// the package's in Node on the same bytes, in memory and windowed (needles
// planted across the Worker's 16 MiB slice edges). A long file: npm run test:all.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { countAsync, find, findAll, rfind } from 'wasm-mem';
import { openPage, shotsDir, start } from './browser.js';
import { makeBigFile, makeFixtures } from './fixtures.js';
import { clickToStatus, gbps, median, openToFirstRows, rawSliceReads, searchFor, takeLongTasks, watchLongTasks } from './measure.js';

const MiB = 1 << 20;
const NEEDLE = 'WASM-MEM GOAL NEEDLE';
const ABSENT = 'WASM-MEM ABSENT';
// Across the Worker's slice edges (16 MiB) and near the end.
const PLANTED = [16 * MiB - 7, 48 * MiB - 3, 190 * MiB + 11];
const REPS = 5;

let env;
let fx;
const figures = {};
before(async () => {
  fx = makeFixtures();
  env = await start();
});
after(async () => {
  writeFileSync(join(shotsDir, 'goals.json'), JSON.stringify(figures, null, 2) + '\n');
  await env?.close();
  fx?.cleanup();
});

/** Records and prints a figure: `name`, its value, the goal in words. */
function report(t, name, value, goal) {
  figures[name] = { value, goal };
  const line = `${name}: ${JSON.stringify(value)} (goal ${goal})`;
  t.diagnostic(line);
  console.log(`# web goals: ${line}`);
}

/** Find and Count all of the needle and of an absent pattern: the answers the package gives in Node. */
async function assertAnswers(page, buf, what) {
  await searchFor(page, NEEDLE);
  const first = find(buf, NEEDLE);
  assert.equal((await clickToStatus(page, 'search-find', 'offset')).value, first, `${what}: find`);
  const second = find(buf, NEEDLE, first + 1);
  assert.equal((await clickToStatus(page, 'search-next', 'offset')).value, second, `${what}: next`);
  assert.equal((await clickToStatus(page, 'search-next', 'offset')).value, find(buf, NEEDLE, second + 1), `${what}: next again`);
  // Previous: the last match before the current one, read backwards.
  const third = find(buf, NEEDLE, second + 1);
  assert.equal((await clickToStatus(page, 'search-prev', 'offset')).value, rfind(buf, NEEDLE, 0, third - 1 + NEEDLE.length), `${what}: previous`);
  assert.equal((await clickToStatus(page, 'search-count', 'count')).value, await countAsync(buf, NEEDLE), `${what}: count`);
  const shown = (await page.textContent('#search-status')).match(/0x[0-9a-f]+/g).map(Number);
  assert.deepEqual(shown, [...findAll(buf, NEEDLE)].slice(0, 5), `${what}: the first ones listed`);
  // Many matches, one every 64 bytes: the count is the kernel's, not a JS loop's.
  await searchFor(page, 'fox');
  assert.equal((await clickToStatus(page, 'search-count', 'count')).value, await countAsync(buf, 'fox'), `${what}: count of fox`);
  await searchFor(page, ABSENT);
  assert.equal((await clickToStatus(page, 'search-find', 'offset')).value, -1, `${what}: absent`);
}

/** REPS clicks of `button` for the absent pattern: the times, click to status. */
async function timeAbsent(page, button, attr) {
  await searchFor(page, ABSENT);
  const ms = [];
  for (let k = 0; k < REPS; k++) {
    const r = await clickToStatus(page, button, attr);
    assert.equal(r.value, attr === 'count' ? 0 : -1);
    ms.push(Math.round(r.ms * 10) / 10);
  }
  return ms;
}

describe('the web tool against its goals (issue 26 §2)', { timeout: 1_200_000 }, () => {
  test('192 MiB in memory: Count all and Find (absent), click to status line', async (t) => {
    const path = makeBigFile(fx.dir, 192 * MiB, NEEDLE, PLANTED, 'goal192.bin');
    const buf = readFileSync(path);
    const page = await openPage(env);
    await openToFirstRows(page, path, 'goal192.bin', buf.subarray(0, 16).toString('hex'));
    assert.equal(await page.getAttribute('#file-info', 'data-kind'), 'memory');
    await assertAnswers(page, buf, 'in memory');
    const count = await timeAbsent(page, 'search-count', 'count');
    const findMs = await timeAbsent(page, 'search-find', 'offset');
    report(t, 'count all (absent), 192 MiB in memory, ms', { median: median(count), all: count }, '≤ 150 ms');
    report(t, 'find (absent), 192 MiB in memory, ms', { median: median(findMs), all: findMs }, '≤ 150 ms');
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('200 MiB: open until the first rows show; the longest main-thread task opening and searching it', async (t) => {
    const path = makeBigFile(fx.dir, 200 * MiB, NEEDLE, PLANTED, 'goal200.bin');
    const head = readFileSync(path).subarray(0, 16).toString('hex');
    const page = await openPage(env);
    await watchLongTasks(page);
    const openMs = await openToFirstRows(page, path, 'goal200.bin', head);
    assert.equal(await page.getAttribute('#file-info', 'data-kind'), 'memory');
    const opening = await takeLongTasks(page);
    await searchFor(page, NEEDLE);
    assert.equal((await clickToStatus(page, 'search-find', 'offset')).value, PLANTED[0]);
    await searchFor(page, ABSENT);
    assert.equal((await clickToStatus(page, 'search-count', 'count')).value, 0);
    assert.equal((await clickToStatus(page, 'search-find', 'offset')).value, -1);
    const searching = await takeLongTasks(page);
    report(t, 'open 200 MiB until the first rows show, ms', Math.round(openMs.rows), '≤ 1000 ms');
    report(t, 'open 200 MiB until it is in memory (Find, Count all at memory speed), ms', Math.round(openMs.ready), '(no goal)');
    report(
      t,
      'longest main-thread task opening and searching 200 MiB, ms',
      { longest: Math.max(0, ...opening, ...searching), opening, searching },
      '≤ 100 ms under test load, ≤ 50 ms idle',
    );
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('192 MiB windowed (?memoryLimit=64 MiB): Find (absent) against raw 16 MiB Blob slice reads', async (t) => {
    const path = existsSync(join(fx.dir, 'goal192.bin')) ? join(fx.dir, 'goal192.bin') : makeBigFile(fx.dir, 192 * MiB, NEEDLE, PLANTED, 'goal192.bin');
    const buf = readFileSync(path);
    const page = await openPage(env, `?memoryLimit=${64 * MiB}`);
    await openToFirstRows(page, path, 'goal192.bin', buf.subarray(0, 16).toString('hex'));
    assert.equal(await page.getAttribute('#file-info', 'data-kind'), 'windowed');
    await assertAnswers(page, buf, 'windowed');
    // Alternated, so both see the same cache state and machine load.
    const raw = [];
    const findMs = [];
    await searchFor(page, ABSENT);
    for (let k = 0; k < 3; k++) {
      const r = await rawSliceReads(page, path);
      assert.equal(r.bytes, buf.length);
      raw.push(r.ms);
      const f = await clickToStatus(page, 'search-find', 'offset');
      assert.equal(f.value, -1);
      findMs.push(f.ms);
    }
    const rawRate = gbps(buf.length, median(raw));
    const findRate = gbps(buf.length, median(findMs));
    report(t, 'raw 16 MiB Blob slice reads, GB/s', Math.round(rawRate * 1000) / 1000, '(the peer)');
    report(t, 'find (absent), 192 MiB windowed, GB/s', Math.round(findRate * 1000) / 1000, '(the measured side)');
    report(t, 'find (absent) windowed / raw slice reads', Math.round((findRate / rawRate) * 100) / 100, '≥ 0.8×');
    assert.deepEqual(page.errors, []);
    await page.close();
  });
});
