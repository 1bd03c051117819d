// JAX in the playground: jax.random.key(seed) and a function of the key. JAX has no unseeded
// generator, so "no seed" is off. Pure apart from the kernel's functions.
import { formatJaxArray } from '../../format/jax.js';
import * as args from '../../lang/python-args.js';
import { py, pythonParam } from './python-params.js';
import { fnSpec, kept, SAMPLE_TEXT } from './spec.js';
/** @import { Library } from './spec.js' */

/** @type {Library} */
export const jax = {
  label: 'JAX',
  lang: 'python',
  functions: {
    uniform: fnSpec('rand'),
    normal: fnSpec('randn'),
  },
  defaultFn: 'normal',
  noSeedNote: 'JAX has no unseeded generator: every call takes a key.',
  open(s, kernel) {
    const key = kernel.jaxKey(args.jaxSeed(py(s.seed)));
    return kept(key, (k, fn, _p, n) =>
      fn === 'uniform' ? kernel.jaxUniform(k, n) : kernel.jaxNormal(k, n),
    );
  },
  size: (text) => args.jaxSize(py(text)),
  param: pythonParam,
  print: (_spec, values) => formatJaxArray(values),
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
