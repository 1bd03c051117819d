// The numpy.random module of a session: the legacy global functions (np.random.seed, rand,
// randn, randint, choice, shuffle, get_state, ...) on the session's own RandomState, seeded from
// OS entropy when numpy is imported, as NumPy seeds its `_rand`; and RandomState, default_rng and
// Generator.

import { PyBuiltin, PyModule } from '../../../objects.js';
import { useInterpreter } from '../budget.js';
import { defaultRng, GENERATOR_TYPE } from './generator.js';
import { METHODS, PyRandomState, RANDOM_STATE_TYPE, useWasmRandomState } from './random-state.js';
import { PCG64_TYPE, SEED_SEQUENCE_TYPE, useWasmSeedSequence } from './seed-sequence.js';

/** @typedef {import('../../../objects.js').Value} Value */

/**
 * numpy.random for one session.
 * @param {any} pkg  seedlab's wasm package
 * @param {Iterable<string>} knownNames  the real module's names (others it lacks are "not supported")
 */
export function createNumpyRandom(pkg, knownNames) {
  useWasmRandomState(pkg.RandomState);
  // Read when called: the page's full wasm module, which has it, may load after numpy.
  useWasmSeedSequence((/** @type {any[]} */ ...args) => pkg.defaultRng(...args));
  const global = new PyRandomState(new pkg.RandomState(undefined));
  /** @type {Record<string, Value>} */
  const attrs = {};
  for (const [name, method] of Object.entries(METHODS)) {
    attrs[name] = new PyBuiltin(name, (args, kwargs, interp) => {
      useInterpreter(interp);
      return method(global, args, kwargs);
    });
  }
  attrs.RandomState = RANDOM_STATE_TYPE;
  attrs.Generator = GENERATOR_TYPE;
  attrs.SeedSequence = SEED_SEQUENCE_TYPE;
  attrs.PCG64 = PCG64_TYPE;
  attrs.default_rng = new PyBuiltin('default_rng', (args, kwargs, interp) => {
    useInterpreter(interp);
    return defaultRng(args, kwargs);
  });
  return new PyModule('numpy.random', attrs, knownNames);
}
