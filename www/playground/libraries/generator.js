// NumPy's Generator in the playground: np.random.default_rng(seed) (PCG64), or default_rng()
// from OS entropy with no seed. Pure apart from the kernel's generators.
import * as args from '../../lang/python-args.js';
import { numpyCallText, numpyPrint } from './numpy.js';
import { py, pythonParam } from './python-params.js';
import { BOUNDS, CHOICE, fnSpec, LOC_SCALE, owned, SAMPLE_TEXT, samples } from './spec.js';

/** @import { Generator } from '../../pkg/seedlab.js' */
/** @import { Library, Params } from './spec.js' */

/**
 * @param {Generator} rng
 * @param {string} fn
 * @param {Params} p
 * @param {number} n
 */
function drawFrom(rng, fn, p, n) {
  switch (fn) {
    case 'random':
      return rng.random(n);
    case 'standard_normal':
      return rng.standardNormal(n);
    case 'integers':
      return rng.integers(p.low, p.high, n);
    case 'normal':
      return rng.normal(p.loc, p.scale, n);
    case 'uniform':
      return rng.uniform(p.low, p.high, n);
    case 'permutation':
      return rng.permutation(n);
    default:
      return rng.choice(p.pop, n, p.replace);
  }
}

/** @type {Library} */
export const generator = {
  label: 'NumPy default_rng',
  lang: 'python',
  functions: {
    random: fnSpec('rand'),
    standard_normal: fnSpec('randn'),
    integers: fnSpec('randint', BOUNDS),
    normal: fnSpec('normal', LOC_SCALE),
    uniform: fnSpec('uniform', BOUNDS),
    permutation: fnSpec('permutation'),
    choice: fnSpec('choice', CHOICE),
  },
  defaultFn: 'standard_normal',
  // default_rng() without a seed: a new Generator from OS entropy, as each run of the code makes.
  open: (s, kernel) =>
    owned(kernel.defaultRng(s.noseed ? undefined : args.generatorSeed(py(s.seed))), drawFrom),
  size: (text) => args.numpySize(py(text)),
  param: pythonParam,
  print: numpyPrint,
  code(s, spec) {
    const lines = [
      'import numpy as np',
      '',
      `rng = np.random.default_rng(${s.noseed ? '' : s.seed})`,
    ];
    lines.push(`print(rng.${numpyCallText(spec, s, s.fn, s.n)})`);
    if (samples(spec, s)) {
      lines.push(`sample = rng.${numpyCallText(spec, s, s.fn, SAMPLE_TEXT)}  # plotted below`);
    }
    return lines.join('\n');
  },
  source: (s) => `Generator.${s.fn}`,
};
