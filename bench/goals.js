// Goals of the performance issue's table, evaluated on one measured row, and
// the way a row is shown. A goal is met or missed only on ratios measured in
// this run (against the peer, or against another of our rows); absolute GB/s
// levels are the reference figures for this machine kind, so they are
// shown as "ref" and never decide `met`.

/** Checks of a row: [{kind, target, actual, met, of?, label?}]; `met` is null for a row without a ratio goal. */
export function evaluate(row, goal) {
  const checks = [];
  if (goal?.ratio !== undefined) checks.push({ kind: 'ratio', target: goal.ratio, actual: row.ratio });
  if (goal?.within !== undefined && goal.of) {
    // Both rows are ours, in the same run: compare speeds (GB/s here).
    checks.push({ kind: 'relative', of: goal.of.name, label: goal.label ?? goal.of.name, target: 1 - goal.within, actual: row.ours / goal.of.ours });
  }
  if (goal?.level !== undefined) checks.push({ kind: 'level', target: goal.level, actual: row.ours });
  for (const c of checks) c.met = c.actual >= c.target;
  const counted = checks.filter((c) => c.kind !== 'level');
  return { goal: goalText(checks), checks, met: counted.length ? counted.every((c) => c.met) : null };
}

function goalText(checks) {
  return checks
    .map((c) => {
      if (c.kind === 'ratio') return `≥ ${c.target}×`;
      if (c.kind === 'relative') return `within ${Math.round((1 - c.target) * 100)} % of ${c.label}`;
      return `ref ≥ ${c.target} GB/s`;
    })
    .join('; ');
}

/** How far below its target a check is, in per cent (negative). */
export function shortfall(c) {
  return `${((c.actual / c.target - 1) * 100).toFixed(0)} %`;
}

/** The mark of a row: ok, MISS with by how much, and reference levels not reached. */
export function mark(row) {
  const parts = [];
  for (const c of row.checks) {
    if (c.met) continue;
    if (c.kind === 'ratio') parts.push(`MISS ${row.ratio.toFixed(2)}× < ${c.target}× (${shortfall(c)})`);
    else if (c.kind === 'relative') parts.push(`MISS ${c.actual.toFixed(2)}× the speed of ${c.label} < ${c.target}× (${shortfall(c)})`);
    else parts.push(`below ref ${c.target} GB/s (${shortfall(c)})`);
  }
  if (parts.length) return parts.join('; ');
  return row.met === null ? (row.checks.length ? 'ref ok' : '') : 'ok';
}

export function fmt(value, unit) {
  if (unit === 'bytes') return `${(value / 1024).toFixed(1)} KiB`;
  return `${value.toFixed(2)} ${unit}`;
}

export function printRow(row) {
  const cols = [
    row.name.padEnd(56),
    fmt(row.ours, row.unit).padStart(14),
    row.peerName.padEnd(30),
    fmt(row.peer, row.unit).padStart(14),
    `${row.ratio.toFixed(2)}×`.padStart(8),
    row.goal.padEnd(20),
    mark(row),
  ];
  console.log(cols.join(' ').trimEnd());
}
