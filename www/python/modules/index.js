// The modules that code run by the interpreter can import, built over seedlab's wasm package.
// numpy's code comes with this file (nearly every snippet imports it); torch's, random's and
// jax's load when code first imports them (a page that only runs NumPy never fetches torch's),
// so load them before running:
//
//   await loadModules(importedModules(code));     // or loadModules() for every module
//   const interp = new Interpreter({ modules: standardModules(pkg) });
//   interp.run('import torch\ntorch.manual_seed(17)\nprint(torch.randn(5))');
//
// (Session.prepare(code) does the first line.) Each entry of standardModules is a factory
// (interp) => PyModule, called on the module's first import in a session, so that every session
// (a notebook kernel) has its own global generator states.

import { setPow } from '../ops.js';
import { createNumpy } from './numpy/index.js';

/** @typedef {import('../interpreter.js').ModuleFactory} ModuleFactory */
/** @typedef {typeof import('../../pkg/seedlab.js')} SeedlabPackage */
/** @typedef {(interp: import('../interpreter.js').Interpreter, pkg: SeedlabPackage) => import('../objects.js').PyModule} ModuleCreator */

/** @type {ModuleCreator} */
const numpy = (interp, pkg) => createNumpy(interp, pkg);

/** How to load each module's code, by import name. @type {Record<string, () => Promise<ModuleCreator>>} */
const LOADERS = {
  numpy: async () => numpy,
  torch: async () => {
    const { createTorch } = await import('./torch/index.js');
    return (interp, pkg) => createTorch(pkg, interp);
  },
  random: async () => {
    const { createRandom } = await import('./random.js');
    return (_interp, pkg) => createRandom(pkg);
  },
  jax: async () => {
    const { createJax } = await import('./jax.js');
    return (_interp, pkg) => createJax(pkg);
  },
  math: async () => {
    const { createMath } = await import('./math.js');
    return (_interp, pkg) => createMath(pkg);
  },
};

/** The names code can import ('numpy', 'torch', 'random', 'jax', 'math'). */
export const MODULE_NAMES = Object.keys(LOADERS);

/** The modules whose code has loaded. @type {Map<string, ModuleCreator>} */
const loaded = new Map([['numpy', numpy]]);
/** @type {Map<string, Promise<void>>} */
const loading = new Map();

/**
 * Loads the code of these modules (default: all); names that are not modules are ignored.
 * @param {Iterable<string>} [names]
 */
export function loadModules(names = MODULE_NAMES) {
  const pending = [];
  for (const name of names) {
    const load = LOADERS[name];
    if (!load || loaded.has(name)) continue;
    let promise = loading.get(name);
    if (!promise) {
      promise = load().then(
        (create) => {
          loaded.set(name, create);
        },
        (error) => {
          loading.delete(name); // a later run tries again (the network may be back)
          throw error;
        },
      );
      loading.set(name, promise);
    }
    pending.push(promise);
  }
  return Promise.all(pending).then(() => undefined);
}

/**
 * The modules of a session, keyed by import name. Live: a module whose code loads later is
 * importable from then on, in sessions made before too.
 * @param {SeedlabPackage} pkg  seedlab's wasm package, initialised
 * @returns {Record<string, ModuleFactory>}
 */
export function standardModules(pkg) {
  // float ** float calls the C library's pow in CPython: seedlab's port of glibc's, not V8's
  // Math.pow (which differs in the last bit for about one result in ten). Read when called: on
  // the page, the full wasm module that has it may load after the interpreter starts.
  setPow((a, b) => pkg.mathPow(a, b));
  /** @type {Record<string, ModuleFactory>} */
  const modules = {};
  for (const name of MODULE_NAMES) {
    Object.defineProperty(modules, name, {
      enumerable: true,
      get() {
        const create = loaded.get(name);
        if (!create) {
          // A caller's mistake, not the user's: it ran code without loading what it imports.
          throw new Error(`The code of the module ${name} is not loaded: await loadModules first`);
        }
        return (/** @type {import('../interpreter.js').Interpreter} */ interp) =>
          create(interp, pkg);
      },
    });
  }
  return modules;
}
