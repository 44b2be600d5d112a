// The async functions' types (bindings/js/index.d.ts, SPEC §9), checked by
// tsc (tests/types/struct-types.test.js): options in the third position as
// an overload, and no string as a source (a path is opened, not searched).
import { cmpAsync, countAsync, diffAsync, findAllAnyAsync, findAllAsync, findAsync, hexPattern, rfindAsync } from 'wasm-mem';

declare const blob: Blob;
const signal = new AbortController().signal;
const onProgress = (done: number, total: number | undefined) => void [done, total];

const n: Promise<number> = countAsync(blob, 'x', { signal });
const i: Promise<number> = findAsync(blob, hexPattern('4d:5a'), { start: 2, end: 100, step: 2, onProgress });
const j: Promise<number> = rfindAsync(blob, 'x', { end: -1 });
const all: AsyncIterableIterator<number> = findAllAsync(['pieces', 'may be strings'], 'x', { signal });
const pairs: AsyncIterableIterator<[number, number]> = findAllAnyAsync(blob, ['a', 0x62], { step: 4 });
const six: Promise<number> = countAsync(blob, 'x', 0, undefined, 1, { signal, onProgress });
const bytes: Promise<number> = findAsync(new Uint8Array(8), 'x');
const c: Promise<-1 | 0 | 1> = cmpAsync(blob, new Uint8Array(2), { signal });
// @ts-expect-error a path is not a source: open it (fs.openAsBlob, fs.promises.open)
findAsync('/bin/ls', 'ELF');
// @ts-expect-error a string is not a source of cmpAsync either
cmpAsync(blob, 'text');
// @ts-expect-error nor of diffAsync
diffAsync('text', blob);
// @ts-expect-error nothing follows options given third
countAsync(blob, 'x', { signal }, 5);
// @ts-expect-error options given third hold no other fields
countAsync(blob, 'x', { signal, encoding: 'utf8' });
// @ts-expect-error the sixth argument takes no positions
countAsync(blob, 'x', 0, undefined, 1, { start: 3 });
export { n, i, j, all, pairs, six, bytes, c };
