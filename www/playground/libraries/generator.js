import { numpyCallText } from './numpy.js';
import { pythonParam } from './python-params.js';
import { BOUNDS, CHOICE, fnSpec, LOC_SCALE, SAMPLE_TEXT, samples } from './spec.js';

/** @import { Generator } from '../../pkg/seedlab.js' */
/** @import { PythonLibrary, Params } from './spec.js' */

/** @type {PythonLibrary} */
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
  param: pythonParam,
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
