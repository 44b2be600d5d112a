// Requests of which only the newest matters (a page of typed rows, a chart's
// column): at most one is on its way to the Worker, and at most one waits
// behind it — each newer request takes the waiting one's place. Scrolling
// fast asks for the page in view, not for the hundreds passed on the way.

/** What a request superseded by a newer one resolves to: its answer is not wanted. */
export const DROPPED = Symbol('dropped');

/**
 * A function that runs `send(args)` for the newest of its calls only. Each
 * call's promise resolves with send's answer when it is still the newest
 * call once that answer comes, else with DROPPED (a call replaced while
 * waiting is never sent). An error of the newest call rejects it.
 * @template A, R
 * @param {(args: A) => Promise<R>} send
 * @returns {(args: A) => Promise<R | typeof DROPPED>}
 */
export function newestOnly(send) {
  let newest = 0;
  let busy = false;
  let waiting = null; // {args, n, resolve, reject}

  async function pump() {
    if (busy || !waiting) return;
    const job = waiting;
    waiting = null;
    busy = true;
    try {
      const answer = await send(job.args);
      job.resolve(job.n === newest ? answer : DROPPED);
    } catch (e) {
      if (job.n === newest) job.reject(e);
      else job.resolve(DROPPED);
    }
    busy = false;
    pump();
  }

  return (args) =>
    new Promise((resolve, reject) => {
      waiting?.resolve(DROPPED);
      waiting = { args, n: ++newest, resolve, reject };
      pump();
    });
}
