import * as args from '../../lang/python-args.js';
import { py, pythonParam } from './python-params.js';
import { BOUNDS, fnSpec, LOC_SCALE, SAMPLE_TEXT } from './spec.js';

/** @import { PyRandom } from '../../pkg/seedlab.js' */
/** @import { PythonLibrary, Params, Values } from './spec.js' */

/** @type {PythonLibrary} */
export const python = {
  label: 'Python random',
  lang: 'python',
  functions: {
    random: fnSpec('rand'),
    gauss: fnSpec('normal', LOC_SCALE, {
      labels: { loc: 'mu (mean)', scale: 'sigma (standard deviation)' },
    }),
    randint: fnSpec('randint-inclusive', BOUNDS, { labels: { low: 'a', high: 'b (included)' } }),
    choice: fnSpec('choice', ['pop'], {
      alwaysReplace: true,
      labels: { pop: 'population: range(…)' },
    }),
    shuffle: fnSpec('permutation'),
  },
  defaultFn: 'gauss',
  param(name, text) {
    if (name === 'pop') {
      const pop = args.intBound(py(String(text)));
      return typeof pop === 'bigint' ? Number(pop < 0n ? 0n : pop) : pop;
    }
    return pythonParam(name, text);
  },
  code(s) {
    const lines = ['import random', ''];
    if (!s.noseed) lines.push(`random.seed(${s.seed})`);
    if (s.fn === 'shuffle') {
      lines.push(`x = list(range(${s.n}))`, 'random.shuffle(x)', 'print(x)');
      return lines.join('\n');
    }
    /** @type {Record<string, string>} */
    const callArgs = {
      random: '',
      gauss: `${s.loc}, ${s.scale}`,
      randint: `${s.low}, ${s.high}`,
      choice: `range(${s.pop})`,
    };
    /** @param {string} n */
    const list = (n) => `[random.${s.fn}(${callArgs[s.fn]}) for _ in range(${n})]`;
    lines.push(`print(${list(s.n)})`, `sample = ${list(SAMPLE_TEXT)}  # plotted below`);
    return lines.join('\n');
  },
  source: (s) => `random.${s.fn}`,
};
