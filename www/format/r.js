// R's printing of numeric and integer vectors, as print(x) (or autoprint) shows them with the
// default options (digits = 7, scipen = 0, width = 80).
//
//   formatRVector([-1.0150087, ...])   "[1] -1.01500872 -0.07963674 -0.23298702 -0.81726793  0.77209084"
//   formatRVector([2, 8, 1], { type: 'integer' })   "[1] 2 8 1"
//   formatRNumber(1e10)                "1e+10" (one number at 15 digits, as deparse writes it)
//
// The rules, as R documents them (?print.default, ?options) and checked here against R 4.2.2:
// each element needs the fewest significant digits (at most `digits`) that show it to `digits`
// significant digits; all elements then share one format: fixed notation with the largest
// number of decimals any element needs, unless scientific notation (with the largest number of
// significant digits any element needs) is narrower. Numbers are written as C's printf writes
// them ("%.*f", "%.*e": correctly rounded, ties to even). Each line starts with the index of its
// first element ("[1]", right-aligned to the widest index label), elements are separated by a
// space and padded to a common width, and a line ends before it would pass `width` characters.
// Pure, no DOM.
import { pyExp, pyFixed } from './decimal.js';

/** @typedef {{ digits: number, width: number, scipen: number }} RPrintOptions */

/**
 * A common format: fixed notation with `decimals` decimals, or scientific notation with
 * `digits` digits after the point; each element padded to `width`.
 * @typedef {{ fixed: true, width: number, decimals: number }
 *   | { fixed: false, width: number, digits: number }} RealFormat
 */

/** @type {Readonly<RPrintOptions>} */
export const R_PRINT_OPTIONS = Object.freeze({ digits: 7, width: 80, scipen: 0 });

/**
 * What one finite number needs at `digits` significant digits: its sign, the decimal exponent
 * after rounding (kpower: 9.9999999 counts as 10) and the significant digits left once trailing
 * zeros go (nsig).
 * @param {number} x
 * @param {number} digits
 */
function scientific(x, digits) {
  if (x === 0) return { neg: 0, kpower: 0, nsig: 1 };
  const a = Math.abs(x);
  const [mantissa, exponent] = pyExp(a, digits - 1).split('e');
  const kpower = Number(exponent);
  const sig = mantissa.replace('.', '').replace(/0+$/, '');
  const nsig = Math.max(1, sig.length);
  return { neg: x < 0 ? 1 : 0, kpower, nsig };
}

/**
 * R's common format for the finite numbers xs: { fixed: true, width, decimals } or
 * { fixed: false, width, digits (after the point) }.
 * @param {number[]} xs
 * @param {RPrintOptions} opts
 * @returns {RealFormat}
 */
function realFormat(xs, { digits, scipen }) {
  let neg = 0;
  let rgt = -Infinity; // most digits right of the point, in fixed notation
  let mxsl = -Infinity; // widest integer part, with its sign
  let mxns = -Infinity; // most significant digits
  let mxe = -Infinity; // largest and smallest decimal exponents
  let mne = Infinity;
  let any = false;
  for (const x of xs) {
    if (!Number.isFinite(x)) continue;
    any = true;
    const s = scientific(x, digits);
    // R 4.2 sizes the integer part by the rounded exponent even where fixed notation, with
    // the decimals other elements need, would not round up: c(9.9999999, 0.1234567) prints
    // " 9.9999999  0.1234567".
    const left = s.kpower + 1;
    const sleft = s.neg + (left <= 0 ? 1 : left);
    const right = s.nsig - left;
    if (s.neg) neg = 1;
    rgt = Math.max(rgt, right);
    mxsl = Math.max(mxsl, sleft);
    mxns = Math.max(mxns, s.nsig);
    mxe = Math.max(mxe, s.kpower);
    mne = Math.min(mne, s.kpower);
  }
  if (!any) return { fixed: true, width: 0, decimals: 0 };
  if (rgt < 0) rgt = 0;
  const widthFixed = mxsl + rgt + (rgt !== 0 ? 1 : 0);
  // R's e: 1 for two exponent digits, 2 for three.
  const expDigits = mxe >= 100 || mne <= -99 ? 2 : 1;
  const d = mxns - 1;
  const widthSci = neg + (d > 0 ? 1 : 0) + d + 4 + expDigits;
  if (widthFixed <= widthSci + scipen) return { fixed: true, width: widthFixed, decimals: rgt };
  return { fixed: false, width: widthSci, digits: d };
}

/**
 * @param {number} x
 * @param {RealFormat} format
 */
function encodeReal(x, format) {
  let text;
  if (Number.isNaN(x)) text = 'NaN';
  else if (!Number.isFinite(x)) text = x > 0 ? 'Inf' : '-Inf';
  else {
    const v = x === 0 ? 0 : x; // no "-0"
    text = format.fixed ? pyFixed(v, format.decimals) : pyExp(v, format.digits);
  }
  return text.padStart(format.width);
}

/**
 * The common format of a double vector's elements, with the width NaN and Inf need too.
 * @param {number[]} xs
 * @param {RPrintOptions} opts
 * @returns {RealFormat}
 */
function vectorFormat(xs, opts) {
  const format = realFormat(xs, opts);
  let width = format.width;
  if (xs.some(Number.isNaN)) width = Math.max(width, 3);
  if (xs.some((x) => x === Infinity)) width = Math.max(width, 3);
  if (xs.some((x) => x === -Infinity)) width = Math.max(width, 4);
  return { ...format, width };
}

/**
 * @param {ArrayLike<number>} values
 * @param {RPrintOptions} opts
 */
function realWidth(values, opts) {
  return vectorFormat(Array.from(values, Number), opts).width;
}

/**
 * The elements of a double vector as R formats them for printing: strings of one width.
 * @param {ArrayLike<number>} values
 * @param {Partial<RPrintOptions>} [options]
 */
export function formatRReals(values, options = {}) {
  const opts = { ...R_PRINT_OPTIONS, ...options };
  const xs = Array.from(values, Number);
  const format = vectorFormat(xs, opts);
  return xs.map((x) => encodeReal(x, format));
}

/**
 * One number as R's deparse writes it (15 significant digits): 17, 17.9, 1e+10, 1e+05.
 * @param {number} x
 */
export function formatRNumber(x) {
  return formatRReals([x], { digits: 15 })[0];
}

/**
 * The width of the index label "[n]" for a vector of n elements, without the brackets.
 * @param {number} n
 */
function indexWidth(n) {
  return String(n).length;
}

/**
 * print(x) for an R vector of doubles (type 'double', the default) or integers ('integer', as
 * sample() returns): the text R writes, lines joined with '\n'. An empty vector prints as
 * numeric(0) or integer(0).
 * @param {ArrayLike<number>} values
 * @param {Partial<RPrintOptions> & { type?: 'double' | 'integer' }} [options]
 */
export function formatRVector(values, options = {}) {
  const { type = 'double', ...rest } = options;
  const opts = { ...R_PRINT_OPTIONS, ...rest };
  const n = values.length;
  if (n === 0) return type === 'integer' ? 'integer(0)' : 'numeric(0)';
  let items;
  if (type === 'integer') {
    const strs = Array.from(values, (v) => String(Number(v)));
    const w = Math.max(...strs.map((s) => s.length));
    items = strs.map((s) => s.padStart(w));
  } else {
    items = formatRReals(values, opts);
  }
  const w = type === 'integer' ? items[0].length : realWidth(values, opts);
  const labelWidth = indexWidth(n) + 2;
  /** @param {number} i */
  const label = (i) => `[${i}]`.padStart(labelWidth);
  const lines = [];
  let line = label(1);
  let used = labelWidth; // R counts the common width, even for an item that came out wider
  for (let i = 0; i < n; i++) {
    if (i > 0 && used + w + 1 > opts.width) {
      lines.push(line);
      line = label(i + 1);
      used = labelWidth;
    }
    line += ' ' + items[i];
    used += w + 1;
  }
  lines.push(line);
  return lines.join('\n');
}
