// CPython's random module in the playground: random.seed(seed), or the module's hidden
// instance with no seed; each draw is a list comprehension. Pure apart from the kernel's
// generators.
import { formatPythonList } from '../../format/python.js';
import * as args from '../../lang/python-args.js';
import { py, pythonParam } from './python-params.js';
import { BOUNDS, fnSpec, kept, LOC_SCALE, owned, SAMPLE_TEXT } from './spec.js';

/** @import { PyRandom } from '../../pkg/seedlab.js' */
/** @import { Library, Params, Values } from './spec.js' */

/**
 * @param {PyRandom} gen
 * @param {string} fn
 * @param {Params} p
 * @param {number} n
 * @returns {Values}
 */
function drawFrom(gen, fn, p, n) {
  switch (fn) {
    case 'random':
      return gen.random(n);
    case 'gauss':
      return gen.gauss(p.loc, p.scale, n);
    case 'randint':
      return gen.randint(p.low, p.high, n);
    case 'choice':
      return gen.choice(Number(p.pop), n);
    default: {
      // shuffle
      const x = Array.from({ length: n }, (_, i) => i);
      gen.shuffle(x);
      return x;
    }
  }
}

/** @type {Library} */
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
  // The random module's hidden instance (random.random(), ...) lives as long as the page.
  open(s, kernel) {
    if (s.noseed) return kept(kernel.pythonGlobal, drawFrom);
    return owned(new kernel.PyRandom(args.pySeed(py(s.seed))), drawFrom);
  },
  size: (text) => args.pyCount(py(text)),
  param(name, text) {
    if (name === 'pop') {
      const pop = args.intBound(py(String(text)));
      return typeof pop === 'bigint' ? Number(pop < 0n ? 0n : pop) : pop;
    }
    return pythonParam(name, text);
  },
  print: (spec, values) =>
    spec.kind === 'rand' || spec.kind === 'normal'
      ? formatPythonList(values)
      : `[${Array.from(values).join(', ')}]`,
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
