// R in the playground: set.seed(seed), or R's session generator with no seed; runif, rnorm and
// sample, with R's errors naming the call as R deparses it. Pure apart from the kernel's
// generators.
import { formatRVector } from '../../format/r.js';
import { PageLimit, pageLimit } from '../../lang/limits.js';
import { rAsNumber, rCallError, readR } from '../../lang/r-expr.js';
import { BOUNDS, CHOICE, fnSpec, kept, LOC_SCALE, owned } from './spec.js';

/** @import { RRandom } from '../../pkg/seedlab.js' */
/** @import { NativeLibrary, Params, Settings } from './spec.js' */

/**
 * An R field read as an argument where it sits in its call (R's errors quote the call).
 * @param {string} text
 * @param {{ before: string, after?: string, callBefore?: string, callAfter?: string }} around
 */
function rRead(text, around) {
  const { value, text: deparsed } = readR(text, around);
  if (value === null) throw new PageLimit('This page needs a value here.');
  return { value, text: deparsed };
}

/**
 * An R field as R deparses it (as typed when it does not parse).
 * @param {string} text
 */
function rDeparse(text) {
  try {
    return readR(text, { before: '', after: ')' }).text || String(text).trim();
  } catch {
    return String(text).trim();
  }
}

/**
 * The R call a draw makes, with its arguments as R deparses them (or as typed, for the code).
 * @param {Settings} s
 * @param {string} [n]
 * @param {boolean} [asTyped]
 */
function rCallText(s, n = s.n, asTyped = false) {
  /** @type {(text: string) => string} */
  const arg = asTyped ? (t) => String(t).trim() : rDeparse;
  if (s.fn === 'sample') {
    return `sample(${arg(s.pop)}, ${arg(n)}${s.replace ? ', replace = TRUE' : ''})`;
  }
  const params = s.fn === 'runif' ? [s.low, s.high] : [s.loc, s.scale];
  return `${s.fn}(${[n, ...params].map(arg).join(', ')})`;
}

/**
 * The text around field name in the draw's call, as typed (R's syntax errors quote the line) and
 * as R deparses it (its other errors name the call): { before, after, callBefore, callAfter }.
 * @param {Settings} s
 * @param {'n' | 'low' | 'high' | 'loc' | 'scale' | 'pop'} name
 */
function rAround(s, name) {
  /** @param {boolean} asTyped */
  const split = (asTyped) => {
    const marked = { ...s, [name]: '\u0000' };
    const call = rCallText(marked, name === 'n' ? '\u0000' : s.n, asTyped);
    const i = call.indexOf('\u0000');
    return [call.slice(0, i), call.slice(i + 1)];
  };
  const [before, after] = split(true);
  const [callBefore, callAfter] = split(false);
  return { before, after, callBefore, callAfter };
}

/**
 * A field's value as R reads it where it sits in the draw's call, as a number (NULL: NaN).
 * @param {Settings} s
 * @param {'n' | 'low' | 'high' | 'loc' | 'scale' | 'pop'} name
 */
function rNumber(s, name) {
  return rAsNumber(rRead(s[name], rAround(s, name)).value) ?? NaN;
}

/**
 * @param {RRandom} gen
 * @param {string} fn
 * @param {Params} p
 * @param {number} n
 */
function callR(gen, fn, p, n) {
  switch (fn) {
    case 'runif':
      return gen.runif(n, p.low, p.high);
    case 'rnorm':
      return gen.rnorm(n, p.loc, p.scale);
    default:
      return gen.sample(Number(p.pop), n, p.replace);
  }
}

/**
 * The draw, with seedlab's R errors as R prints them for the call in the code.
 * @param {Settings} s
 * @returns {(gen: RRandom, fn: string, p: Params, n: number) => Float64Array}
 */
function drawFrom(s) {
  return (gen, fn, p, n) => {
    try {
      return callR(gen, fn, p, n);
    } catch (e) {
      throw rCallError(fn === 'sample' ? 'sample.int(x, size, replace, prob)' : rCallText(s), e);
    }
  };
}

/** @type {NativeLibrary} */
export const r = {
  label: 'R',
  lang: 'r',
  functions: {
    runif: fnSpec('uniform', BOUNDS, { labels: { low: 'min', high: 'max' } }),
    rnorm: fnSpec('normal', LOC_SCALE, { labels: { loc: 'mean', scale: 'sd' } }),
    sample: fnSpec('choice', CHOICE, { base: 1, labels: { pop: 'x (samples 1:x)' } }),
  },
  defaultFn: 'rnorm',
  // R's fields are read as R expressions where they sit in the call (rAround).
  open(s, kernel) {
    if (s.noseed) return kept(kernel.rGlobal, drawFrom(s));
    const seed = rAsNumber(rRead(s.seed, { before: 'set.seed(', after: ')' }).value);
    try {
      return owned(new kernel.RRandom(seed), drawFrom(s));
    } catch (e) {
      throw rCallError(`set.seed(${rDeparse(s.seed)})`, e);
    }
  },
  size: (_text, _fn, s) => pageLimit(rNumber(s, 'n'), 'R'),
  param(name, text, s) {
    if (name === 'replace') return text === true;
    const value = rNumber({ ...s, [name]: text }, name);
    if (name === 'pop' && !(value >= 1 && Number.isFinite(value))) {
      throw new PageLimit('This page samples from 1:x, for a number x of at least 1.');
    }
    return value;
  },
  print: (spec, values) =>
    formatRVector(values, { type: spec.kind === 'choice' ? 'integer' : 'double' }),
  code(s) {
    const lines = [];
    if (!s.noseed) lines.push(`set.seed(${s.seed})`);
    lines.push(rCallText(s, s.n, true));
    if (s.fn !== 'sample' || s.replace) {
      lines.push(`x <- ${rCallText(s, '1e5', true)}  # plotted below`);
    }
    return lines.join('\n');
  },
  source: (s) => `R's ${s.fn}`,
};
