// The page's "notebook kernel": seedlab's classes plus the state that lives as long as the page,
// as it would in a Python (or R) session. np.random's global state is RandomState() seeded from
// OS entropy when the page loads (as NumPy does on import), and torch's default generator,
// Python's random module and R's session generator likewise; unseeded draws continue from them,
// so they change on every run.

import { Session } from '../python/session.js';

/** @typedef {typeof import('../pkg/seedlab.js')} SeedlabModule */
/** @typedef {ReturnType<typeof createKernel>} Kernel */

/**
 * kernel = createKernel(pkg)  with pkg the module www/pkg/seedlab.js after init().
 * kernel.RandomState, kernel.TorchGenerator, kernel.defaultRng, kernel.jaxKey, kernel.jaxSplit,
 * kernel.jaxUniform, kernel.jaxNormal, kernel.RustRng, kernel.PyRandom, kernel.RRandom:
 * seedlab's API; kernel.numpyGlobal, kernel.torchGlobal, kernel.pythonGlobal, kernel.rGlobal:
 * the persistent unseeded generators.
 * @param {SeedlabModule} pkg
 */
export function createKernel(pkg) {
  const {
    RandomState,
    TorchGenerator,
    defaultRng,
    jaxKey,
    jaxSplit,
    jaxUniform,
    jaxNormal,
    RustRng,
    PyRandom,
    RRandom,
  } = pkg;
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
    RandomState,
    TorchGenerator,
    defaultRng,
    jaxKey,
    jaxSplit,
    jaxUniform,
    jaxNormal,
    RustRng,
    PyRandom,
    RRandom,
    numpyGlobal: new RandomState(undefined),
    torchGlobal: new TorchGenerator(undefined),
    pythonGlobal: new PyRandom(undefined),
    rGlobal: new RRandom(undefined),
  };
}
