// Where seedlab's WebAssembly modules are (scripts/build.sh builds them from the same crate), and
// the first one compiled as early as the page can. An engine with WebAssembly SIMD128 (every
// current one) runs the SIMD build, in two modules:
//   pkg/core/seedlab_bg.wasm     NumPy's legacy RandomState alone, about a third of the whole:
//                                what the lesson's first cells and most snippets run (first)
//   pkg/seedlab_bg.wasm          the whole API (when a run needs more, or after the first screen)
// An engine without it (Safari 16.0-16.3) runs the compat build, which has no core:
//   pkg/compat/seedlab_bg.wasm   the whole API, scalar and without the externref table that
//                                Safari 16.0's JIT traps in (first, and the only one)
// pkg/simd-support.js makes the test pkg/index.js (the npm package's entry) makes. The HTML
// preloads the core, so its bytes are usually here before any script asks; the page compiles the
// first module once and hands it to its kernel worker, if it has one. That worker starts here
// too, as early as the first module's compile on pages that need it first.

import { simdSupported } from '../pkg/simd-support.js';

/** The build this engine runs: 'simd' (the core, then the full module) or 'compat'. */
export const BUILD = simdSupported ? 'simd' : 'compat';

/** The whole API, in this engine's build. */
export const FULL_WASM = simdSupported
  ? new URL('../pkg/seedlab_bg.wasm', import.meta.url)
  : new URL('../pkg/compat/seedlab_bg.wasm', import.meta.url);

/** The module the page starts with: the core, or where there is none, the whole API. */
export const CORE_WASM = simdSupported
  ? new URL('../pkg/core/seedlab_bg.wasm', import.meta.url)
  : FULL_WASM;

/**
 * Whether code that imports these modules needs the full module for sure: every interpreter
 * module but numpy draws from it alone (numpy needs it for some calls, which a run finds out).
 * @param {Iterable<string>} modules  top-level import names
 */
export function needFullModule(modules) {
  return [...modules].some((name) => name !== 'numpy');
}

/** @type {Promise<WebAssembly.Module> | null} */
let core = null;

/** The module the page starts with (CORE_WASM), compiled (once per page). */
export function compiledCore() {
  core ??= compile(CORE_WASM).catch((error) => {
    core = null; // a later call tries again
    throw error;
  });
  return core;
}

/** @param {URL} url */
async function compile(url) {
  try {
    return await WebAssembly.compileStreaming(fetch(url));
  } catch {
    // A server that does not send application/wasm: compile the bytes instead.
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${response.status} ${response.statusText} for ${url}`);
    return WebAssembly.compile(await response.arrayBuffer());
  }
}

/** The kernel's worker, when a page started it before its main script ran. @type {Worker | null} */
let earlyWorker = null;

/** A new kernel worker (kernel/worker.js; in the bundles, dist/worker.js beside this file). */
function newKernelWorker() {
  return new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
}

/**
 * Starts the kernel's worker now, so that it loads while the page's main script does (a page
 * whose first output comes from the worker: the embed's ?code=, the notebook).
 */
export function startKernelWorker() {
  earlyWorker ??= newKernelWorker();
}

/** The worker startKernelWorker started (once), or a new one. */
export function takeKernelWorker() {
  const worker = earlyWorker ?? newKernelWorker();
  earlyWorker = null;
  return worker;
}
