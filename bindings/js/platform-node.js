// Node: compile and instantiate synchronously from the file beside the
// package, so that importing (or `require`-ing) wasm-mem gives a ready module
// with no top-level await anywhere on this path.
import { readFileSync } from 'node:fs';
import { defaultWasmUrl, instantiate } from './wasm.js';

instantiate(new WebAssembly.Module(readFileSync(defaultWasmUrl)));
