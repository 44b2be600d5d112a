// wasm-mem for browsers, workers and bundlers: the module streams in and
// compiles before the import resolves (top-level await); relative imports
// only, so a page or a worker can load this file with no import map.
import './platform-browser.js';

export * from './api.js';
