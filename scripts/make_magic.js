#!/usr/bin/env node
// Generates the two tables of built-in file signatures from their one
// source, src/magic.txt: bindings/js/search/magic.js (the package's `magic`) and
// wasi/magic_table.c (`mem scan --magic`). Run by scripts/build;
// `--check` exits 1 when a generated file is out of date.
//
// Each entry's CHECK (the little language src/magic.txt describes) is parsed
// once here into a tree and written out twice, as a JS function and as a C
// function of the same shape: the same reads, in the same order, with the
// same bounds, so the package and the CLI accept the same headers (a test
// runs both on the same files).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHex } from '../bindings/js/search/pattern.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = readFileSync(join(root, 'src/magic.txt'), 'utf8');

const WIDTH = { u8: 1, u16le: 2, u16be: 2, u32le: 4, u32be: 4 };
const LIMIT = 2 ** 32; // constants and reaches stay below this

/** Parses a CHECK into {conds, reach}: conds a list of condition trees. */
function parseCheck(text, where, patternLength) {
  const tokens = [];
  const re = /\s*(0x[0-9a-fA-F]+|\d+|u8|u16le|u16be|u32le|u32be|in|reach|\.\.|==|!=|<=|>=|&&|\|\||[<>[\](){},;+&])/y;
  let pos = 0;
  while (pos < text.length) {
    if (/^\s*$/.test(text.slice(pos))) break;
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) throw new Error(`${where}: check: cannot read '${text.slice(pos).trim()}'`);
    tokens.push(m[1]);
    pos = re.lastIndex;
  }
  let k = 0;
  const peek = () => tokens[k];
  const take = (want) => {
    const t = tokens[k];
    if (want !== undefined && t !== want) throw new Error(`${where}: check: want '${want}', got '${t ?? 'the end'}'`);
    k++;
    return t;
  };
  const number = () => {
    const t = take();
    if (!/^(0x[0-9a-fA-F]+|\d+)$/.test(t ?? '')) throw new Error(`${where}: check: want a number, got '${t ?? 'the end'}'`);
    const v = Number(t);
    if (v >= LIMIT) throw new Error(`${where}: check: ${t} is too large`);
    return v;
  };
  const term = () => {
    if (peek() in WIDTH) {
      const type = take();
      take('[');
      const at = sum();
      take(']');
      return { read: type, at };
    }
    return { num: number() };
  };
  const sum = () => {
    let left = term();
    while (peek() === '+' || peek() === '&') left = { op: take(), left, right: term() };
    return left;
  };
  const range = () => {
    const lo = number();
    let hi = lo;
    if (peek() === '..') {
      take();
      hi = number();
    }
    if (hi < lo) throw new Error(`${where}: check: empty range ${lo}..${hi}`);
    return [lo, hi];
  };
  const relation = () => {
    if (peek() === '(') {
      take('(');
      const c = or();
      take(')');
      return c;
    }
    const left = sum();
    const op = take();
    if (op === 'in') {
      if (peek() !== '{') return { in: left, ranges: [range()] };
      take('{');
      const ranges = [range()];
      while (peek() === ',') {
        take();
        ranges.push(range());
      }
      take('}');
      return { in: left, ranges };
    }
    if (!['==', '!=', '<', '<=', '>', '>='].includes(op)) throw new Error(`${where}: check: want a comparison, got '${op ?? 'the end'}'`);
    return { cmp: op, left, right: sum() };
  };
  const and = () => {
    let left = relation();
    while (peek() === '&&') {
      take();
      left = { and: [left, relation()] };
    }
    return left;
  };
  const or = () => {
    let left = and();
    while (peek() === '||') {
      take();
      left = { or: [left, and()] };
    }
    return left;
  };
  const conds = [];
  let reach = null;
  for (;;) {
    if (peek() === 'reach') {
      take();
      if (reach !== null) throw new Error(`${where}: check: two reaches`);
      reach = number();
    } else conds.push(or());
    if (k === tokens.length) break;
    take(';');
  }
  // The reach a constant-position check needs: the end of its farthest read.
  let needed = patternLength;
  let constant = true;
  const walk = (t) => {
    if (!t || typeof t !== 'object') return;
    if (t.read) {
      if (t.at.num === undefined) constant = false;
      else needed = Math.max(needed, t.at.num + WIDTH[t.read]);
    }
    for (const v of Object.values(t)) if (typeof v === 'object') walk(v);
  };
  conds.forEach(walk);
  if (reach === null) {
    if (!constant) throw new Error(`${where}: check: a read at a computed position needs 'reach N'`);
    reach = needed;
  } else if (reach < needed) throw new Error(`${where}: check: reach ${reach} is below ${needed}, the end of a read`);
  return { conds, reach };
}

const entries = [];
const ids = new Set();
source.split('\n').forEach((line, k) => {
  if (line.trim() === '' || line.startsWith('#')) return;
  const where = `src/magic.txt:${k + 1}`;
  const cols = line.split('\t');
  if (cols.length < 4 || cols.length > 5 || !/^[a-z0-9][a-z0-9-]*$/.test(cols[0]) || !/^\d+$/.test(cols[1]) || cols[2].trim() === '') {
    throw new Error(`${where}: want ID<TAB>OFFSET<TAB>NAME<TAB>PATTERN[<TAB>CHECK]`);
  }
  if (ids.has(cols[0])) throw new Error(`${where}: id ${cols[0]} twice`);
  ids.add(cols[0]);
  const { bytes, mask } = parseHex(cols[3], where);
  const check = cols[4] ? parseCheck(cols[4], where, bytes.length) : null;
  entries.push({
    id: cols[0],
    offset: Number(cols[1]),
    name: cols[2],
    text: cols[3],
    bytes,
    mask,
    check,
    reach: check ? check.reach : bytes.length,
  });
});

// One list of range tables per language, shared by equal sets.
const rangeTables = [];
const rangeTable = (ranges) => {
  const key = JSON.stringify(ranges);
  let n = rangeTables.indexOf(key);
  if (n < 0) n = rangeTables.push(key) - 1;
  return `RANGES_${n}`;
};

const hex = (v) => (v < 10 ? String(v) : `0x${v.toString(16)}`);

/** A check's tree as a JS expression over its two readers: le(i, w), be(i, w). */
function js(t) {
  if (t.num !== undefined) return hex(t.num);
  if (t.read) return `${t.read.endsWith('be') ? 'be' : 'le'}(${js(t.at)}, ${WIDTH[t.read]})`;
  if (t.op === '+') return `(${js(t.left)} + ${js(t.right)})`;
  if (t.op === '&') return `((${js(t.left)} & ${js(t.right)}) >>> 0)`;
  if (t.cmp) return `${js(t.left)} ${t.cmp === '==' ? '===' : t.cmp === '!=' ? '!==' : t.cmp} ${js(t.right)}`;
  if (t.in) return `within(${js(t.in)}, ${rangeTable(t.ranges)})`;
  if (t.and) return `(${js(t.and[0])} && ${js(t.and[1])})`;
  if (t.or) return `(${js(t.or[0])} || ${js(t.or[1])})`;
  throw new Error('unknown node');
}

/** The same tree as a C expression over (p, n, &bad); values are int64_t. */
function c(t) {
  if (t.num !== undefined) return `${hex(t.num)}`;
  if (t.read) return `rd(p, n, ${c(t.at)}, ${WIDTH[t.read]}, ${t.read.endsWith('be')}, &bad)`;
  if (t.op === '+') return `(${c(t.left)} + ${c(t.right)})`;
  if (t.op === '&') return `(int64_t)((uint32_t)${c(t.left)} & (uint32_t)${c(t.right)})`;
  if (t.cmp) return `${c(t.left)} ${t.cmp} ${c(t.right)}`;
  if (t.in) return `within(${c(t.in)}, ${rangeTable(t.ranges)}, ${t.ranges.length})`;
  if (t.and) return `(${c(t.and[0])} && ${c(t.and[1])})`;
  if (t.or) return `(${c(t.or[0])} || ${c(t.or[1])})`;
  throw new Error('unknown node');
}

const header = (c) => `${c} Generated by scripts/make_magic.js from src/magic.txt: edit that file, not this one.\n`;

const jsEntries = entries.map((e) => {
  const check = e.check ? `, (le, be) => ${e.check.conds.map(js).join(' && ')}` : '';
  return `  entry(${JSON.stringify(e.id)}, ${JSON.stringify(e.name)}, ${e.offset}, ${JSON.stringify(e.text)}, ${e.reach}${check}),`;
});
const jsRanges = rangeTables.map((key, n) => `const RANGES_${n} = ${JSON.stringify(JSON.parse(key).flat()).replace(/,/g, ', ')};`);

const jsText =
  header('//') +
  `// The built-in file signatures (SPEC §10), frozen: each {id, name, pattern,
// offset, reach, check}. A check (null when the signature has none) is
// check(bytes, at) -> boolean: the header after a match of \`pattern\` at
// \`at\` in \`bytes\` (any bytes-like, through the gate, as findAllAny takes
// it; or an array-like of byte values) is plausible. It reads only bytes[at ..
// min(bytes.length, at + reach)) (magic-check.js: a read past them answers
// false, the header is not whole: no match).
import { hexPattern } from './pattern.js';
import { checked, within } from './magic-check.js';

${jsRanges.join('\n')}

const entry = (id, name, offset, text, reach, test) =>
  Object.freeze({ id, name, pattern: hexPattern(text), offset, reach, check: test ? checked(reach, test) : null });

/**
 * Well-known file signatures: \`offset\` is where \`pattern\` sits from the start of
 * the file it marks; \`check(bytes, at)\` (or null) tests the header after a match
 * at \`at\`, reading only \`bytes[at .. at + reach)\` (SPEC §10).
 */
export const magic = Object.freeze([
${jsEntries.join('\n')}
]);
`;

// The C tables go through the same rangeTable names, so they are rebuilt here.
rangeTables.length = 0;
const cChecks = entries
  .filter((e) => e.check)
  .map(
    (e) => `static bool check_${e.id.replace(/-/g, '_')}(const uint8_t *p, size_t n) {
  bool bad = false;
  if (n > ${e.reach}) n = ${e.reach};
  const bool ok = ${e.check.conds.map(c).join(' &&\n                  ')};
  return ok && !bad;
}`,
  );
const cRanges = rangeTables.map((key, n) => {
  const flat = JSON.parse(key).flat();
  return `static const int64_t RANGES_${n}[] = {${flat.map(hex).join(', ')}};`;
});

const cBytes = (a) => `"${a.map((b) => `\\x${b.toString(16).padStart(2, '0')}`).join('')}"`;
const cText =
  header('/*').replace(/\n$/, ' */\n') +
  `/* Each check reads through rd (magic_check.h), which refuses (sets bad) any
 * read outside p[0 .. n), n being the bytes after the match, at most the
 * entry's reach. */
#include "magic.h"
#include "magic_check.h"

// clang-format off
${cRanges.join('\n')}

${cChecks.join('\n\n')}

const struct mem_magic mem_magic_table[] = {
${entries.map((e) => `    {${JSON.stringify(e.id)}, ${JSON.stringify(e.name)}, ${e.offset}, ${e.bytes.length}, ${cBytes(e.bytes)}, ${cBytes(e.mask)}, ${e.reach}, ${e.check ? `check_${e.id.replace(/-/g, '_')}` : 'NULL'}},`).join('\n')}
};
// clang-format on
const size_t mem_magic_count = sizeof mem_magic_table / sizeof mem_magic_table[0];
`;

const outputs = [
  ['bindings/js/search/magic.js', jsText],
  ['wasi/magic_table.c', cText],
];
const check = process.argv.includes('--check');
let stale = false;
for (const [path, text] of outputs) {
  const file = join(root, path);
  let old = null;
  try {
    old = readFileSync(file, 'utf8');
  } catch {}
  if (old === text) continue;
  if (check) {
    console.error(`${path} is out of date: run node scripts/make_magic.js`);
    stale = true;
  } else writeFileSync(file, text);
}
process.exit(stale ? 1 : 0);
