// wasm-mem for Node: the module is compiled and instantiated synchronously
// (no top-level await anywhere on this path), so `require('wasm-mem')` gives
// this very module.
import './platform-node.js';

export * from './api.js';
