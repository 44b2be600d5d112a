// `npm run bench`: every bench/*.bench.js in one process, peers in the same
// run. `npm run bench -- find` runs only the files whose name contains
// "find"; `--quick` runs every row briefly (CI runs that, so no row rots).
// Writes bench/results.json (bench/results-quick.json in quick mode, which is
// not committed). Exits non-zero only on a crash or a wrong result, never on
// a missed goal: timings on shared machines are not test results.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { quick, rows, summary } from './harness.js';
import { mark } from './goals.js';

const filter = process.argv.slice(2).find((a) => !a.startsWith('--'));
const files = readdirSync(new URL('.', import.meta.url)).filter((f) => f.endsWith('.bench.js')).sort();
const started = new Date();
for (const file of files) {
  if (filter && !file.includes(filter)) continue;
  console.log(`\n# ${file}${quick ? ' (quick: 2 short rounds; 64 MiB rows at 16 MiB)' : ''}`);
  await (await import(new URL(file, import.meta.url))).run();
}

function cpuModel() {
  try {
    return /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model;
  } catch {
    return cpus()[0]?.model;
  }
}

const machine = { cpu: cpuModel(), cores: cpus().length, node: process.version, platform: `${process.platform} ${process.arch}` };
const results = { date: started.toISOString(), quick, filter: filter ?? null, machine, rows };
const out = new URL(quick ? 'results-quick.json' : 'results.json', import.meta.url);
writeFileSync(out, `${JSON.stringify(results, null, 1)}\n`);

const missed = rows.filter((r) => r.met === false);
const withGoal = rows.filter((r) => r.met !== null);
console.log(`\ngoals: ${withGoal.length - missed.length} met, ${missed.length} missed (of ${rows.length} rows; timings, not test results)`);
for (const r of missed) console.log(`  ${r.name}: ${mark(r)}`);
console.log(`results: ${out.pathname}`);
const { checked } = summary();
// The closing line in the plain "N passed, N failed" form: every row's result was checked (a wrong one throws).
console.log(`bench: ${checked} passed, 0 failed`);
