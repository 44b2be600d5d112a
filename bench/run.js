// `npm run bench`: every bench/*.bench.js in one process, peers in the same run.
// Filter with an argument: `npm run bench -- find`.
import { readdirSync } from 'node:fs';
import { report } from './harness.js';

const only = process.argv[2];
const files = readdirSync(new URL('.', import.meta.url)).filter((f) => f.endsWith('.bench.js')).sort();
for (const file of files) {
  if (only && !file.includes(only)) continue;
  console.log(`\n# ${file}`);
  await (await import(new URL(file, import.meta.url))).run();
}
report();
