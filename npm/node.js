// seedlab for Node.js (>= 20): the package's "node" export. It loads the SIMD build synchronously
// when imported, so the exports are ready to use, with no init() to call:
//
//   import { RandomState } from 'seedlab';
//   new RandomState(17).randn(5);
//
// (init() is exported too, and resolves at once, so code written for browsers runs unchanged.)
import { readFileSync } from 'node:fs';
import { initSync } from './seedlab.js';

initSync({ module: readFileSync(new URL('./seedlab_bg.wasm', import.meta.url)) });

export * from './seedlab.js';

/** Whether this engine runs WebAssembly SIMD128: Node 20 does. */
export const simdSupported = true;

/** The build loaded at import. */
export const build = 'simd';

/** Resolves at once: the module was loaded when this one was imported. */
export default async function init() {}
