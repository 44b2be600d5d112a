// Renders bench/results.json (or the file given) as the Markdown of
// bench/RESULTS.md: the machine, the date, one table per bench file's rows,
// and the list of missed goals. `node bench/markdown.js [results.json]`.
import { readFileSync } from 'node:fs';
import { fmt, mark } from './goals.js';

const file = process.argv[2] ?? new URL('results.json', import.meta.url);
const { date, quick, machine, rows } = JSON.parse(readFileSync(file, 'utf8'));
const cell = (s) => String(s).replaceAll('|', '\\|');

const out = [];
out.push(`Run of ${date.slice(0, 10)} (${date}), ${quick ? 'quick mode' : 'full run'}: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.platform}.`, '');
out.push('| row | ours | peer | peer | ratio | goal | result |', '|---|---:|---|---:|---:|---|---|');
for (const r of rows) {
  out.push(`| ${cell(r.name)} | ${fmt(r.ours, r.unit)} | ${cell(r.peerName)} | ${fmt(r.peer, r.unit)} | ${r.ratio.toFixed(2)}× | ${cell(r.goal)} | ${cell(mark(r))} |`);
}
const withGoal = rows.filter((r) => r.met !== null);
const missed = withGoal.filter((r) => !r.met);
out.push('', `${withGoal.length - missed.length} goals met, ${missed.length} missed, of ${rows.length} rows (${rows.length - withGoal.length} rows have no ratio goal).`);
console.log(out.join('\n'));
