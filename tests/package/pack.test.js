// The package as users get it: `npm pack`, installed offline from the
// tarball into an empty project, then used through import and require, the
// bin, TypeScript, and bundled by esbuild and Vite into pages that run in
// Chromium. Also the tarball's contents and the size budget.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ALL_BUDGET, BUDGET, CORE_IMPORTS, bundledSize } from '../../bench/bundle-size.js';
import { launch, serve } from '../lib/browser.js';

const root = new URL('../../', import.meta.url).pathname;
const fixtures = new URL('./fixtures/', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules', '.bin', name);
// The current TypeScript by path: node_modules/.bin/tsc may be the aliased typescript-5.0 (types.test.js).
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const pkg = JSON.parse(readFileSync(join(root, 'package.json')));
const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
};

let work; // the temporary project
let tarball;
let files; // the tarball's file list

before(() => {
  work = mkdtempSync(join(tmpdir(), 'wasm-mem-pack-'));
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], { cwd: root }));
  tarball = join(work, packed[0].filename);
  files = packed[0].files.map((f) => f.path).sort();
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: work });
});

describe('the tarball', () => {
  test('holds what users need and nothing else', () => {
    const allowed = /^(dist\/js\/([a-z]+\/)?[a-z-]+\.js|bindings\/js\/index\.d\.ts|dist\/(wasm-mem|mem)\.wasm|bin\/mem\.js|docs\/(cli|architecture)\.md|docs\/api\/README\.md|docs\/web-demo-overview\.png|CHANGELOG\.md|LICENSE|README\.md|package\.json)$/;
    for (const f of files) assert.match(f, allowed, `unexpected file in the tarball: ${f}`);
    for (const need of ['dist/js/index.js', 'bindings/js/index.d.ts', 'dist/wasm-mem.wasm', 'dist/mem.wasm', 'bin/mem.js', 'docs/api/README.md', 'docs/cli.md', 'LICENSE', 'CHANGELOG.md', 'README.md']) {
      assert.ok(files.includes(need), `missing ${need}`);
    }
    console.log(`tarball: ${files.length} files, ${readFileSync(tarball).length} bytes`);
  });
  test('size budget: what a page loads, the JS bundled and minified + the module, gzipped: 46 KiB for the core API, 55 KiB for everything', () => {
    // The shipped JS is not minified (readable stack traces); an application's bundler minifies it.
    const pkg = join(work, 'node_modules', 'wasm-mem');
    const core = bundledSize(pkg, CORE_IMPORTS);
    const all = bundledSize(pkg);
    for (const [what, { js, wasm, total }] of [['core API', core], ['every export', all]]) {
      console.log(`gzip size, ${what}: minified bundle ${js} + wasm-mem.wasm ${wasm} = ${total} bytes (${(total / 1024).toFixed(1)} KiB)`);
    }
    assert.ok(core.total <= BUDGET, `core: ${core.total} bytes`);
    assert.ok(all.total <= ALL_BUDGET, `all: ${all.total} bytes`);
    assert.ok(core.js < all.js, 'a page that imports less loads less JS');
    // A page that makes no Pattern loads no masked search: the search
    // functions ask a Pattern for it instead of importing it. Pattern's own
    // error text marks its code (present in the page that imports it).
    const patternCode = 'must have the length of bytes';
    assert.ok(all.text.includes(patternCode), 'the marker is in the Pattern code');
    assert.ok(!core.text.includes(patternCode), 'the core page holds Pattern code');
  });
  test("the README's sizes are what a page loads (within 0.5 KiB)", () => {
    const readme = readFileSync(join(work, 'node_modules', 'wasm-mem', 'README.md'), 'utf8').replace(/\s+/g, ' ');
    const page = /loads about ([\d.]+) KiB gzipped: the JS as a bundler minifies it \(([\d.]+) KiB\) and the `\.wasm` \(([\d.]+) KiB\)/.exec(readme);
    const module = /([\d.]+) KiB raw \/ ([\d.]+) KiB gzipped/.exec(readme);
    assert.ok(page && module, 'the README states the page and module sizes');
    const { js, wasm, total, wasmRaw } = bundledSize(join(work, 'node_modules', 'wasm-mem'), CORE_IMPORTS);
    const pairs = [['page', page[1], total], ['JS', page[2], js], ['.wasm', page[3], wasm], ['.wasm raw', module[1], wasmRaw], ['.wasm gzipped', module[2], wasm]];
    for (const [what, said, bytes] of pairs) {
      assert.ok(Math.abs(Number(said) - bytes / 1024) <= 0.5, `README says ${what} ${said} KiB; it is ${(bytes / 1024).toFixed(1)} KiB`);
    }
  });
});

describe('Node', () => {
  // The installed package must export exactly what the source's api.js does.
  const exportCount = [...readFileSync(new URL('../../bindings/js/api.js', import.meta.url), 'utf8').matchAll(/^export \{([^}]*)\}/gm)]
    .reduce((n, m) => n + m[1].split(',').filter((s) => s.trim()).length, 0);
  const expected = JSON.stringify([true, 'hEllo!?!?', 772, '5n', 2, false, 5, true, pkg.version, exportCount]);
  test('import: every class and function', () => {
    for (const f of ['esm.mjs', 'use.cjs']) cpSync(join(fixtures, f), join(work, f));
    assert.equal(run(process.execPath, ['esm.mjs'], { cwd: work }).trim(), expected);
  });
  test('require: the same module, synchronously', () => {
    for (const f of ['cjs.cjs', 'use.cjs']) cpSync(join(fixtures, f), join(work, f));
    assert.equal(run(process.execPath, ['cjs.cjs'], { cwd: work }).trim(), expected);
    const same = run(process.execPath, ['--input-type=module', '-e',
      "import { createRequire } from 'node:module'; import * as m from 'wasm-mem'; const r = createRequire(import.meta.url)('wasm-mem'); console.log(r.Chunk === m.Chunk && r.find === m.find)"], { cwd: work });
    assert.equal(same.trim(), 'true');
  });
  test('the bins: npx mem and npx wasm-mem', () => {
    assert.equal(run('npx', ['--offline', 'mem', '--version'], { cwd: work }).trim(), `mem ${pkg.version}`);
    writeFileSync(join(work, 'a.txt'), 'hello world, hello wasm');
    assert.equal(run('npx', ['--offline', 'wasm-mem', 'rindex', 'a.txt', 'hello'], { cwd: work }).trim(), '13');
    const miss = spawnSync('npx', ['--offline', 'mem', 'index', 'a.txt', 'zzz'], { cwd: work, encoding: 'utf8' });
    assert.deepEqual([miss.status, miss.stdout.trim()], [1, '-1']);
  });
  test('TypeScript: the typed example checks against the installed types, and runs', () => {
    const dir = join(work, 'typed');
    mkdirSync(dir, { recursive: true });
    cpSync(join(root, 'examples/typed/every-export.ts'), join(dir, 'every-export.ts'));
    const config = JSON.parse(readFileSync(join(root, 'examples/typed/tsconfig.json')));
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config));
    run(process.execPath, [tsc, '-p', dir]);
    // Emit and run it: the types and the runtime agree on every call.
    writeFileSync(join(dir, 'tsconfig.emit.json'), JSON.stringify({ ...config, compilerOptions: { ...config.compilerOptions, noEmit: false, outDir: 'out' } }));
    run(process.execPath, [tsc, '-p', join(dir, 'tsconfig.emit.json')]);
    const out = run(process.execPath, [join(dir, 'out', 'every-export.js')], { cwd: work });
    assert.match(out, new RegExp(`^${pkg.version.replace(/\./g, '\\.')} `, 'm'));
  });
});

describe('bundlers, run in Chromium', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  async function load(dir) {
    const server = await serve(dir);
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(server.url);
      await page.waitForFunction(() => document.getElementById('out').textContent !== 'loading', null, { timeout: 20000 });
      return { text: await page.textContent('#out'), errors };
    } finally {
      await page.close();
      await server.close();
    }
  }
  const want = JSON.stringify([2, 6, [1, 2], 'streamed']);

  test('Vite builds the page with no configuration; the .wasm is emitted as an asset', async () => {
    const app = join(work, 'vite-app');
    cpSync(join(fixtures, 'page'), app, { recursive: true });
    run(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: app });
    const assets = readdirSync(join(app, 'dist', 'assets'));
    assert.ok(assets.some((f) => f.endsWith('.wasm')), `no .wasm among ${assets}`);
    const { text, errors } = await load(join(app, 'dist'));
    assert.deepEqual(errors, []);
    assert.equal(text, want);
  });

  test('esbuild bundles it; with the documented copy of the .wasm and init(url) it runs', async () => {
    const app = join(work, 'esbuild-app');
    cpSync(join(fixtures, 'page'), app, { recursive: true });
    run(bin('esbuild'), ['main.js', '--bundle', '--format=esm', '--outfile=out/main.js', '--log-level=warning'], { cwd: app });
    // esbuild does not copy assets named by new URL(..., import.meta.url): the README's one copy step.
    cpSync(join(work, 'node_modules/wasm-mem/dist/wasm-mem.wasm'), join(app, 'out', 'wasm-mem.wasm'));
    writeFileSync(join(app, 'out', 'index.html'), readFileSync(join(app, 'index.html'), 'utf8').replace(
      '<script type="module"', '<script>globalThis.WASM_MEM_URL = new URL("./wasm-mem.wasm", location.href).href;</script>\n    <script type="module"'));
    const { text, errors } = await load(join(app, 'out'));
    assert.deepEqual(errors, []);
    assert.equal(text, want);
  });
});
