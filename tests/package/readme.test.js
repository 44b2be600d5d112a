// The README as a new user meets it. Every relative link of the installed
// Markdown files resolves inside the package (a file it holds, and an anchor
// that file has). Every ```js block of the installed
// README runs, as written, in its own empty directory of a fresh project
// with the packed package installed (a block makes its own input files).
// Blocks are independent: none may rely on an earlier one. A block passes
// when it exits 0 with nothing on stderr; where its lines say what they print
// (`console.log(x); // → 258`, or `// → 258` alone on the line after a long
// one), standard output must be exactly those texts, in order. New blocks are picked up by themselves.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { before, describe, test } from 'node:test';
import { installPacked, root } from './install.js';

/** [{line, code}] for each ```js block of a Markdown text (line: where its code starts, 1-based). */
function jsBlocks(markdown) {
  const blocks = [];
  const re = /^```(?:js|javascript|mjs)[ \t]*\n([\s\S]*?)^```[ \t]*$/gm;
  for (let m; (m = re.exec(markdown)); ) blocks.push({ line: markdown.slice(0, m.index).split('\n').length + 1, code: m[1] });
  return blocks;
}

/** The outputs a block announces: the text after each `// → ` (at the end of a line that logs, or alone on the next line). */
function announced(code) {
  return code.split('\n').flatMap((l) => {
    const m = /\/\/ → (.*)$/.exec(l);
    return m ? [m[1].trimEnd()] : [];
  });
}

/** The anchors a Markdown file offers: GitHub's slugs of its headings, and explicit <a id/name>. */
function anchorsOf(markdown) {
  const seen = new Map();
  const out = new Set();
  for (const [, text] of markdown.replace(/^```[\s\S]*?^```/gm, '').matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
    const base = text.replace(/\\(.)/g, '$1').toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').trim().replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n ? `${base}-${n}` : base);
  }
  for (const [, id] of markdown.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) out.add(id);
  return out;
}

/** The link targets of a Markdown text, code spans and blocks left out. */
function linksOf(markdown) {
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]);
}

// Read from the repository to name the tests; the installed copy, the same file, is checked to be so.
const blocks = jsBlocks(readFileSync(join(root, 'README.md'), 'utf8'));

describe('README.md: every js block runs as pasted', () => {
  let work;
  before(() => {
    ({ work } = installPacked('wasm-mem-readme-'));
    const shipped = readFileSync(join(work, 'node_modules/wasm-mem/README.md'), 'utf8');
    assert.deepEqual(jsBlocks(shipped), blocks, 'the installed README has the same blocks');
  });

  test('the README has blocks to run', () => assert.ok(blocks.length >= 5, `${blocks.length} blocks`));

  test('every relative link in the installed Markdown resolves inside the package', () => {
    const pkg = join(work, 'node_modules/wasm-mem');
    const pages = ['README.md', 'docs/cli.md', 'docs/api/README.md', 'CHANGELOG.md'].filter((f) => existsSync(join(pkg, f)));
    assert.ok(pages.includes('docs/api/README.md'), 'the API reference is shipped');
    let checked = 0;
    for (const page of pages) {
      const text = readFileSync(join(pkg, page), 'utf8');
      for (const link of linksOf(text)) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue; // https:, mailto:: not a file of the package
        const [path, anchor] = link.split('#');
        const target = path === '' ? join(pkg, page) : join(dirname(join(pkg, page)), decodeURIComponent(path));
        const where = `${page}: link ${link}`;
        assert.ok(!relative(pkg, target).startsWith('..'), `${where} points outside the package`);
        assert.ok(existsSync(target), `${where}: ${relative(pkg, target)} is not in the package`);
        if (anchor && statSync(target).isFile() && target.endsWith('.md')) {
          assert.ok(anchorsOf(readFileSync(target, 'utf8')).has(anchor), `${where}: no heading or anchor #${anchor}`);
        }
        checked++;
      }
    }
    assert.ok(checked > 10, `only ${checked} links checked`);
  });

  for (const [i, { line, code }] of blocks.entries()) {
    const title = code.split('\n').find((l) => l.trim() && !l.startsWith('import') && !l.startsWith('//')) ?? '';
    test(`block ${i + 1} (README.md:${line}): ${title.slice(0, 60)}`, () => {
      const dir = join(work, `block-${i + 1}`);
      mkdirSync(dir);
      writeFileSync(join(dir, 'example.mjs'), code);
      const r = spawnSync(process.execPath, ['example.mjs'], { cwd: dir, encoding: 'utf8', timeout: 60000 });
      const where = `README.md:${line}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`;
      assert.equal(r.status, 0, `the block failed: ${where}`);
      assert.equal(r.stderr, '', `the block wrote to stderr: ${where}`);
      const expected = announced(code);
      if (expected.length > 0) assert.deepEqual(r.stdout.trimEnd().split('\n'), expected, `what the block says it prints: ${where}`);
    });
  }
});

test('the Layout table names each thing once per row, and every module it names in bindings/js exists (issue 28)', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const layout = readme.slice(readme.indexOf('\n## Layout\n'), readme.indexOf('\n## ', readme.indexOf('\n## Layout\n') + 1));
  const rows = layout.split('\n').filter((l) => /^\| `[^`]+` \|/.test(l));
  assert.ok(rows.length >= 4, layout);
  for (const row of rows) {
    const names = [...row.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    const twice = names.filter((n, k) => names.indexOf(n) !== k);
    assert.deepEqual(twice, [], `named twice in: ${row.slice(0, 80)}`);
  }
  const js = rows.find((r) => r.startsWith('| `bindings/js/` |'));
  assert.ok(js, 'a row for bindings/js/');
  const files = new Set(readdirSync(join(root, 'bindings/js'), { recursive: true }).map((f) => f.split('/').at(-1)));
  for (const [, name] of js.matchAll(/`([a-z0-9-]+\.js)`/g)) assert.ok(files.has(name), `bindings/js has no ${name}`);
  for (const [, dir] of js.matchAll(/`([a-z]+)\/`/g)) assert.ok(existsSync(join(root, 'bindings/js', dir)), `bindings/js has no ${dir}/`);
});
