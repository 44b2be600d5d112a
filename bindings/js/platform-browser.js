// Browsers and workers: compile while streaming the module next to the
// package. Top-level await makes the import resolve only once it is ready.
// Where fetching it is not possible (a strict content-security policy, a CDN
// that serves it elsewhere), the import still succeeds and the application
// calls init(source) itself before using the library.
import { init } from './core/wasm.js';

await init().catch(() => {});
