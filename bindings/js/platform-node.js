// Node: compile and instantiate synchronously from the file beside the
// package, so that importing (or `require`-ing) wasm-mem gives a ready module
// with no top-level await anywhere on this path.
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { registerByteSearch } from './search/inplace.js';
import { defaultWasmUrl, instantiate } from './core/wasm.js';

instantiate(new WebAssembly.Module(readFileSync(defaultWasmUrl)));

// Foreign bytes searched in place (search/inplace.js): Buffer's indexOf is Node's C++ memchr, and it
// takes any Uint8Array (the gate hands plain ones). The methods are taken
// from Buffer.prototype once, here, not from the caller's object.
const { indexOf, lastIndexOf } = Buffer.prototype;
registerByteSearch({
  indexOf: (view, byte, from) => indexOf.call(view, byte, from),
  lastIndexOf: (view, byte, from) => lastIndexOf.call(view, byte, from),
});
