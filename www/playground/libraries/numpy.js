import { pythonParam } from './python-params.js';
import { BOUNDS, CHOICE, fnSpec, LOC_SCALE, SAMPLE_TEXT, samples } from './spec.js';
/** @import { RandomState } from '../../pkg/seedlab.js' */
/** @import { FnSpec, PythonLibrary, Params, Settings, Values } from './spec.js' */

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

/** @type {PythonLibrary} */
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
  param: pythonParam,
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
