// What the page and the search Worker both use: sizes in words and the
// errors they tell apart. No imports, so the Worker (where the page's import
// map does not reach) loads it by path like the page.

/** "256 MiB", "1.5 KiB", "17 B". */
export function humanSize(n) {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let u = 0;
  let v = n;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${n} B` : `${v >= 100 || Number.isInteger(v) ? Math.round(v) : v.toFixed(1)} ${units[u]}`;
}

/** A user's error: shown as a message, never as a stack trace. */
export class InputError extends Error {
  name = 'InputError';
}

/** A DOMException-like abort error, so callers tell a cancel from a failure. */
export class Cancelled extends Error {
  name = 'Cancelled';
  constructor() {
    super('cancelled');
  }
}

/** A signature scan lists at most this many hits: a file of zeros is not worth 10^6 rows. */
export const MAX_HITS = 10_000;
