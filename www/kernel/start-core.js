// Starts compiling seedlab's core wasm module as soon as a page can run a script: the pages
// load this (dist/start-core.js, a few hundred bytes) before their main script, whose bundle
// takes longer to arrive and parse, and which then finds the compile under way (wasm-files.js
// is a bundle of its own, shared by both).
import { compiledCore, startKernelWorker } from './wasm-files.js';

compiledCore().catch(() => {}); // (the page's own call reports a failure)

// Pages whose first output comes from the kernel's worker start it now too:
// <html data-kernel="worker"> always, data-kernel="code" when the address has ?code=.
const kernel = document.documentElement.dataset.kernel;
if (
  kernel === 'worker' ||
  (kernel === 'code' && new URLSearchParams(location.search).has('code'))
) {
  startKernelWorker();
}
