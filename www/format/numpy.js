// NumPy's printing of 1-D arrays, digit for digit: print(np.array(values)).
//
//   formatNumpyArray(values)   "[ 0.27626589 -1.85462808  0.62390111  1.14531129  1.03719047]"
//
// The rules follow numpy/_core/arrayprint.py (FloatingFormat, IntegerFormat, _formatArray) with
// its default print options: precision 8, floatmode 'maxprec', sign '-', suppress False,
// linewidth 75, threshold 1000, edgeitems 3. Digits come from Dragon4 in 'unique' mode (the
// shortest round-trip digits, cut at the precision), computed exactly (decimal.js). Pure, no DOM.
import { intString, summarise, toArray } from './array.js';
import {
  expSuffix,
  roundScaled,
  roundSignificant,
  shortestDigits,
  shortestFloat32,
  signOf,
  splitScaled,
} from './decimal.js';

/**
 * formatNumpyArray's options: the dtype, np.array2string's separator, prefix and suffix, and
 * print options overriding NUMPY_PRINT_OPTIONS.
 * @typedef {Partial<typeof NUMPY_PRINT_OPTIONS> & {
 *   dtype?: 'float64' | 'float32' | 'int64', separator?: string, prefix?: string, suffix?: string
 * }} NumpyArrayOptions
 */

export const NUMPY_PRINT_OPTIONS = Object.freeze({
  precision: 8,
  linewidth: 75,
  threshold: 1000,
  edgeitems: 3,
});

// ---------------------------------------------------------------------------------------------
// NumPy's Dragon4 in 'unique' mode with a digit cut-off, trim '.'

/**
 * np.format_float_positional(x, precision=p, unique=True, trim='.') split into
 * [sign + integer part, fraction part]: the shortest round-trip digits, or, when those need
 * more than p fraction digits, x correctly rounded to p fraction digits; trailing zeros trimmed.
 * @param {number} x
 * @param {number} p
 * @param {boolean} [float32]
 * @returns {[string, string]}
 */
function dragon4Positional(x, p, float32 = false) {
  const sign = signOf(x);
  if (x === 0) return [sign + '0', ''];
  const { digits, exp } = float32 ? shortestFloat32(x) : shortestDigits(x);
  let ip;
  let fp;
  if (digits.length - 1 - exp <= p) {
    if (exp >= 0) {
      ip = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
      fp = digits.slice(exp + 1);
    } else {
      ip = '0';
      fp = '0'.repeat(-exp - 1) + digits;
    }
  } else {
    [ip, fp] = splitScaled(roundScaled(x, p), p);
  }
  return [sign + ip, fp.replace(/0+$/, '')];
}

/**
 * np.format_float_scientific(x, precision=p, unique=True, trim='.', min_digits=minDigits) split
 * into [sign + leading digit, fraction digits, decimal exponent]: the shortest round-trip
 * digits, cut at p fraction digits, or, when they have fewer than minDigits fraction digits, x
 * correctly rounded to minDigits (Dragon4 carries on with x's exact digits).
 * @param {number} x
 * @param {number} p
 * @param {boolean} [float32]
 * @param {number} [minDigits]
 * @returns {[string, string, number]}
 */
function dragon4Scientific(x, p, float32 = false, minDigits = 0) {
  const sign = signOf(x);
  if (x === 0) return [sign + '0', '0'.repeat(minDigits), 0];
  let { digits, exp } = float32 ? shortestFloat32(x) : shortestDigits(x);
  if (digits.length - 1 > p || digits.length - 1 < minDigits) {
    const r = roundSignificant(x, (digits.length - 1 > p ? p : minDigits) + 1);
    digits = r.digits;
    exp = r.k;
  }
  const fraction = digits.slice(1);
  return [sign + digits[0], minDigits ? fraction : fraction.replace(/0+$/, ''), exp];
}

// ---------------------------------------------------------------------------------------------
// FloatingFormat, IntegerFormat and _formatArray

/**
 * FloatingFormat(data, precision, 'maxprec', suppress_small, sign='-'). Returns x => string.
 * float32: the values are a float32 array's (shortest digits among float32s; the ratio test in
 * float32 arithmetic, as NumPy computes it in the array's dtype).
 * @param {number[]} data
 * @param {number} precision
 * @param {boolean} [float32]
 * @param {boolean} [suppress]  np.set_printoptions(suppress=True): no scientific notation for
 *   small values or a wide ratio
 * @returns {(v: number) => string}
 */
export function numpyFloatFormatter(data, precision, float32 = false, suppress = false) {
  const finite = data.filter(Number.isFinite);
  const absNonZero = finite.filter((v) => v !== 0).map(Math.abs);
  let expFormat = false;
  if (absNonZero.length) {
    const max = Math.max(...absNonZero);
    const min = Math.min(...absNonZero);
    const ratio = float32 ? Math.fround(max / min) : max / min;
    // NumPy >= 2.3: the cut-off is 10**min(8, finfo(dtype).precision): 1e8, or 1e6 for float32.
    expFormat = max >= (float32 ? 1e6 : 1e8) || (!suppress && (min < 0.0001 || ratio > 1000));
  }

  let padLeft = 0;
  let padRight = 0;
  /** @type {(v: number) => string} */
  let fmt;
  if (finite.length === 0) {
    fmt = () => '';
  } else if (expFormat) {
    const parts = finite.map((v) => dragon4Scientific(v, precision, float32));
    const expStrs = parts.map(([, , k]) => expSuffix(k, 2));
    const expSize = Math.max(...expStrs.map((s) => s.length)) - 1;
    const prec = Math.max(...parts.map(([, f]) => f.length));
    padLeft = Math.max(...parts.map(([i]) => i.length));
    padRight = expSize + 2 + prec;
    fmt = (v) => {
      const [i, f, k] = dragon4Scientific(v, prec, float32, prec);
      return i.padStart(padLeft) + '.' + f + 'e' + expSuffix(k, expSize);
    };
  } else {
    const parts = finite.map((v) => dragon4Positional(v, precision, float32));
    padLeft = Math.max(...parts.map(([i]) => i.length));
    padRight = Math.max(...parts.map(([, f]) => f.length));
    fmt = (v) => {
      const [i, f] = dragon4Positional(v, precision, float32);
      return i.padStart(padLeft) + '.' + f.padEnd(padRight);
    };
  }

  if (finite.length !== data.length) {
    const neginf = data.some((v) => v === -Infinity) ? 1 : 0;
    const offset = padRight + 1;
    padLeft = Math.max(padLeft, 3 - offset, 3 + neginf - offset);
  }

  return (v) => {
    if (Number.isFinite(v)) return fmt(v);
    const s = Number.isNaN(v) ? 'nan' : v < 0 ? '-inf' : 'inf';
    return s.padStart(padLeft + padRight + 1);
  };
}

/**
 * IntegerFormat(data, sign='-'). Returns x => string.
 * @param {number[]} data
 * @returns {(v: number) => string}
 */
function numpyIntFormatter(data) {
  const strs = data.map(intString);
  const width = data.length ? Math.max(...strs.map((s) => s.length)) : 0;
  return (v) => intString(v).padStart(width);
}

/**
 * The text of print(arr) for a 1-D NumPy array, i.e. np.array2string(arr) with default options.
 * values: any array-like of numbers (Float64Array from RandomState).
 * options.dtype: 'float64' (default), 'float32' (values are float32s: a Float32Array, or numbers
 *   already rounded to float32) or 'int64' (e.g. for randint, whose values are integers).
 * options.separator, options.prefix, options.suffix: as np.array2string takes them (the prefix
 *   only indents the continuation lines and is not part of the result; the suffix shortens the
 *   line width).
 * @param {ArrayLike<number>} values
 * @param {NumpyArrayOptions} [options]
 */
export function formatNumpyArray(values, options = {}) {
  const { dtype = 'float64', separator = ' ', prefix = '', suffix = '', ...rest } = options;
  const opts = { ...NUMPY_PRINT_OPTIONS, ...rest };
  const arr = dtype === 'float32' ? Array.from(values, Math.fround) : toArray(values);
  if (arr.length === 0) return '[]';

  const { lead, trail, summary } = summarise(arr, opts.threshold, opts.edgeitems);
  const shown = lead.concat(trail);
  const fmt =
    dtype === 'int64'
      ? numpyIntFormatter(shown)
      : numpyFloatFormatter(shown, opts.precision, dtype === 'float32');

  // _formatArray for one axis: the hanging indent is ' ' plus one space per prefix character;
  // words wrap before linewidth - len(suffix) - max(len(separator.rstrip()), len(']')).
  const indent = ' ' + ' '.repeat(prefix.length);
  const elemWidth = opts.linewidth - suffix.length - Math.max(separator.trimEnd().length, 1);
  let s = '';
  let line = indent;
  /** @param {string} word */
  const extend = (word) => {
    if (line.length + word.length > elemWidth && line.length > indent.length) {
      s += line.trimEnd() + '\n';
      line = indent;
    }
    line += word;
  };
  const words = lead.map(fmt);
  if (summary) words.push('...');
  words.push(...trail.map(fmt));
  words.forEach((w, i) => {
    extend(w);
    if (i < words.length - 1) line += separator;
  });
  s += line;
  return '[' + s.slice(indent.length) + ']';
}
