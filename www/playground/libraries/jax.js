import { pythonParam } from './python-params.js';
import { fnSpec, SAMPLE_TEXT } from './spec.js';
/** @import { PythonLibrary } from './spec.js' */

/** @type {PythonLibrary} */
export const jax = {
  label: 'JAX',
  lang: 'python',
  functions: {
    uniform: fnSpec('rand'),
    normal: fnSpec('randn'),
  },
  defaultFn: 'normal',
  noSeedNote: 'JAX has no unseeded generator: every call takes a key.',
  param: pythonParam,
  code(s) {
    /** @param {string} n */
    const call = (n) => `jax.random.${s.fn}(key, (${n},))`;
    return [
      'import jax',
      '',
      `key = jax.random.key(${s.seed})`,
      `print(repr(${call(s.n)}))`,
      `sample = ${call(SAMPLE_TEXT)}  # plotted below`,
    ].join('\n');
  },
  source: (s) => `jax.random.${s.fn}`,
};
