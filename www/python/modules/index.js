// The modules that code run by the interpreter can import, built over seedlab's wasm package:
//
//   const interp = new Interpreter({ modules: standardModules(pkg) });
//   interp.run('import numpy as np\nnp.random.seed(17)\nprint(np.random.randn(5))');
//
// Each entry is a factory (interp) => PyModule, called on the module's first import in a
// session, so that every session (a notebook kernel) has its own global generator states.

import { setPow } from '../ops.js';
import { createJax } from './jax.js';
import { createMath } from './math.js';
import { createNumpy } from './numpy/index.js';
import { createRandom } from './random.js';
import { createTorch } from './torch/index.js';

/** @typedef {import('../interpreter.js').ModuleFactory} ModuleFactory */

/**
 * The modules of a session, keyed by import name ('numpy', 'numpy.random', 'torch', ...).
 * @param {typeof import('../../pkg/seedlab.js')} pkg  seedlab's wasm package, initialised
 * @returns {Record<string, ModuleFactory>}
 */
export function standardModules(pkg) {
  // float ** float calls the C library's pow in CPython: seedlab's port of glibc's, not V8's
  // Math.pow (which differs in the last bit for about one result in ten).
  setPow(pkg.mathPow);
  return {
    numpy: (interp) => createNumpy(interp, pkg),
    torch: (interp) => createTorch(pkg, interp),
    random: () => createRandom(pkg),
    jax: () => createJax(pkg),
    math: () => createMath(pkg),
  };
}
