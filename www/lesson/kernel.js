// The page's "notebook kernel": seedlab's classes plus the state that lives as long as the page,
// as it would in a Python (or R) session. np.random's global state is RandomState() seeded from
// OS entropy when first used (as NumPy seeds it on import), and torch's default generator,
// Python's random module and R's session generator likewise; unseeded draws continue from them,
// so they change on every run.

import { needFullModule } from '../kernel/wasm-files.js';
import { loadModules } from '../python/modules/index.js';
import { importedModules, Session } from '../python/session.js';

/** @typedef {typeof import('../pkg/seedlab.js')} SeedlabModule */
/** @typedef {ReturnType<typeof createKernel>} Kernel */

/**
 * kernel = createKernel(pkg)  with pkg the module www/pkg/seedlab.js after init(), or the page's
 * view of its two wasm modules (kernel/seedlab-wasm.js, with its loadFull as options.loadFull).
 * kernel.RandomState, kernel.TorchGenerator, kernel.defaultRng, kernel.jaxKey, kernel.jaxSplit,
 * kernel.jaxUniform, kernel.jaxNormal, kernel.RustRng, kernel.PyRandom, kernel.RRandom:
 * seedlab's API; kernel.numpyGlobal, kernel.torchGlobal, kernel.pythonGlobal, kernel.rGlobal:
 * the persistent unseeded generators. A run goes through kernel.whenReady, which loads what it
 * needs first.
 * @param {SeedlabModule} pkg
 * @param {{ loadFull?: () => Promise<void> }} [options]
 */
export function createKernel(pkg, { loadFull = async () => {} } = {}) {
  /** @type {Record<string, any>} */
  const globals = {};
  /** @template T @param {string} name @param {() => T} make @returns {T} */
  const global = (name, make) => {
    globals[name] ??= make();
    return globals[name];
  };
  return {
    /** Runs Python code in a fresh interpreter session (a lesson cell's run). @param {string} code */
    runPython: (code) => new Session(pkg).run(code),
    /**
     * The same, also reading one of the code's variables afterwards (the playground's sample).
     * @param {string} code @param {string} name
     */
    runPythonAndRead(code, name) {
      const session = new Session(pkg);
      const result = session.run(code);
      return { result, variable: session.interp.globals.vars.get(name) };
    },
    /**
     * Calls `run` (a cell's or a draw's, which uses this kernel) once the kernel can: with the
     * code of the modules `code` imports loaded, and seedlab's full module when `full` is set,
     * the code imports a module that needs it (wasm-files.js) or the run turns out to need it.
     * Such a run is made again once the full module is in: each run has a fresh session, so
     * nothing of the first attempt remains.
     * @template T
     * @param {() => T} run
     * @param {{ code?: string, full?: boolean }} [needs]
     * @returns {Promise<T>}
     */
    async whenReady(run, { code = '', full = false } = {}) {
      const modules = importedModules(code);
      await Promise.all([loadModules(modules), (full || needFullModule(modules)) && loadFull()]);
      try {
        return run();
      } catch (error) {
        if (!(error instanceof Error && error.name === 'PartNotLoaded')) throw error;
        await loadFull();
        return run();
      }
    },
    get RandomState() {
      return pkg.RandomState;
    },
    get TorchGenerator() {
      return pkg.TorchGenerator;
    },
    get defaultRng() {
      return pkg.defaultRng;
    },
    get jaxKey() {
      return pkg.jaxKey;
    },
    get jaxSplit() {
      return pkg.jaxSplit;
    },
    get jaxUniform() {
      return pkg.jaxUniform;
    },
    get jaxNormal() {
      return pkg.jaxNormal;
    },
    get RustRng() {
      return pkg.RustRng;
    },
    get PyRandom() {
      return pkg.PyRandom;
    },
    get RRandom() {
      return pkg.RRandom;
    },
    get numpyGlobal() {
      return global('numpy', () => new pkg.RandomState(undefined));
    },
    get torchGlobal() {
      return global('torch', () => new pkg.TorchGenerator(undefined));
    },
    get pythonGlobal() {
      return global('python', () => new pkg.PyRandom(undefined));
    },
    get rGlobal() {
      return global('r', () => new pkg.RRandom(undefined));
    },
  };
}
