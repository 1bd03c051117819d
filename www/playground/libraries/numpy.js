// NumPy's legacy generator in the playground: RandomState(seed), or np.random's global state
// with no seed. Pure apart from the kernel's generators.
import { formatNumpyArray } from '../../format/numpy.js';
import * as args from '../../lang/python-args.js';
import { py, pythonParam } from './python-params.js';
import { BOUNDS, CHOICE, fnSpec, kept, LOC_SCALE, owned, SAMPLE_TEXT, samples } from './spec.js';
/** @import { RandomState } from '../../pkg/seedlab.js' */
/** @import { FnSpec, Library, Params, Settings, Values } from './spec.js' */

/**
 * The call as the code shows it: rand(5), randint(0, 10, 5), choice(10, 5, replace=False).
 * @param {FnSpec} spec
 * @param {Settings} s
 * @param {string} fnName
 * @param {string} n
 */
export function numpyCallText(spec, s, fnName, n) {
  const params = spec.params.filter((name) => name !== 'replace').map((name) => s[name]);
  const replace = spec.params.includes('replace')
    ? [`replace=${s.replace ? 'True' : 'False'}`]
    : [];
  return `${fnName}(${[...params, n, ...replace].join(', ')})`;
}

/**
 * print(values) for an array of the function's dtype.
 * @param {FnSpec} spec
 * @param {Values} values
 */
export function numpyPrint(spec, values) {
  const ints = spec.kind === 'randint' || spec.kind === 'choice' || spec.kind === 'permutation';
  return formatNumpyArray(values, { dtype: ints ? 'int64' : 'float64' });
}

/**
 * @param {RandomState} rs
 * @param {string} fn
 * @param {Params} p
 * @param {number} n
 */
function drawFrom(rs, fn, p, n) {
  switch (fn) {
    case 'rand':
      return rs.rand(n);
    case 'randn':
      return rs.randn(n);
    case 'randint':
      return rs.randint(p.low, p.high, n);
    case 'normal':
      return rs.normal(p.loc, p.scale, n);
    case 'uniform':
      return rs.uniform(p.low, p.high, n);
    case 'permutation':
      return rs.permutation(n);
    default:
      return rs.choice(p.pop, n, p.replace);
  }
}

/** @type {Library} */
export const numpy = {
  label: 'NumPy RandomState',
  lang: 'python',
  functions: {
    rand: fnSpec('rand'),
    randn: fnSpec('randn'),
    randint: fnSpec('randint', BOUNDS),
    normal: fnSpec('normal', LOC_SCALE),
    uniform: fnSpec('uniform', BOUNDS),
    permutation: fnSpec('permutation'),
    choice: fnSpec('choice', CHOICE),
  },
  defaultFn: 'randn',
  open(s, kernel) {
    if (s.noseed) return kept(kernel.numpyGlobal, drawFrom);
    return owned(new kernel.RandomState(args.numpySeed(py(s.seed))), drawFrom);
  },
  size: (text) => args.numpySize(py(text)),
  param: pythonParam,
  print: numpyPrint,
  code(s, spec) {
    const obj = s.noseed ? 'np.random' : 'rng';
    const lines = ['import numpy as np', ''];
    if (!s.noseed) lines.push(`rng = np.random.RandomState(${s.seed})`);
    lines.push(`print(${obj}.${numpyCallText(spec, s, s.fn, s.n)})`);
    if (samples(spec, s)) {
      lines.push(`sample = ${obj}.${numpyCallText(spec, s, s.fn, SAMPLE_TEXT)}  # plotted below`);
    }
    return lines.join('\n');
  },
  source: (s) => `np.random.${s.fn}`,
};
