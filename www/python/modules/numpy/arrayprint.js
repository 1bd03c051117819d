// NumPy's array printing (numpy/_core/arrayprint.py, BSD-3-Clause, ported): array2string's
// _formatArray (nesting, alignment, wrapping at the line width, summarisation with '...'
// past `threshold` elements), the element formatters (FloatingFormat in 'maxprec' mode,
// IntegerFormat, BoolFormat, repr of strings) and array_repr's `shape=` and `dtype=` suffixes.
// The float digits come from ../../../format.js (Dragon4, exact), shared with the page.
//
//   arrayRepr(np.array([[1., 2.], [3., 4.]]))   'array([[1., 2.],\n       [3., 4.]])'

import { numpyFloatFormatter } from '../../../format/numpy.js';
import { PyError } from '../../errors.js';
import { reprString } from '../../ops.js';
import { BOOL, FLOAT32, FLOAT64, INT64 } from './dtype.js';
import { assertInitialized, hooks, NDArray } from './ndarray.js';
import { scalarStr } from './scalar.js';

/** @typedef {import('./dtype.js').DType} DType */

/** The print options (np.set_printoptions): per page, reset when a session imports numpy. */
export const printOptions = {
  precision: 8,
  threshold: 1000,
  edgeitems: 3,
  linewidth: 75,
  suppress: false,
};

export const DEFAULT_PRINT_OPTIONS = Object.freeze({ ...printOptions });

/**
 * The element formatter for the data NumPy looks at (all of it, or the summarised corners).
 * @param {NDArray} data @returns {(raw: any) => string}
 */
function formatFunction(data) {
  const { dtype } = data;
  if (dtype === BOOL) {
    const truestr = data.ndim === 0 ? 'True' : ' True';
    return (v) => (v ? truestr : 'False');
  }
  if (dtype.isInt) {
    const values = data.values();
    let max = values[0];
    let min = values[0];
    for (let i = 1; i < values.length; i++) {
      if (values[i] > max) max = values[i];
      if (values[i] < min) min = values[i];
    }
    const width = values.length ? Math.max(String(max).length, String(min).length) : 0;
    return (v) => String(v).padStart(width);
  }
  if (dtype.isFloat) {
    if (printOptions.precision < 0) throw new PyError('ValueError', 'precision must be >= 0');
    const fmt = numpyFloatFormatter(
      Array.from(data.values()),
      printOptions.precision,
      dtype === FLOAT32,
      printOptions.suppress,
    );
    return (v) => fmt(v);
  }
  return (v) => reprString(v);
}

/**
 * NumPy's _leading_trailing: the corners of an array when it is summarised.
 * @param {NDArray} a @param {number} edge
 */
function leadingTrailing(a, edge) {
  /** @type {number[][]} */
  const kept = a.shape.map((d) =>
    d > 2 * edge
      ? [...Array(edge).keys(), ...Array.from({ length: edge }, (_, i) => d - edge + i)]
      : [...Array(d).keys()],
  );
  const shape = kept.map((k) => k.length);
  const n = shape.reduce((x, y) => x * y, 1);
  const out = a.dtype.make(n);
  const data = /** @type {any} */ (a.s.data);
  const idx = new Array(shape.length).fill(0);
  for (let k = 0; k < n; k++) {
    let p = a.s.offset;
    for (let ax = 0; ax < shape.length; ax++) p += kept[ax][idx[ax]] * a.s.strides[ax];
    out[k] = data[p];
    for (let ax = shape.length - 1; ax >= 0; ax--) {
      if (++idx[ax] < shape[ax]) break;
      idx[ax] = 0;
    }
  }
  return NDArray.fromBuffer(out, shape, a.dtype);
}

/**
 * @param {string} s @param {string} line @param {string} word @param {number} lineWidth
 * @param {string} nextLinePrefix @returns {[string, string]}
 */
function extendLine(s, line, word, lineWidth, nextLinePrefix) {
  let needsWrap = line.length + word.length > lineWidth;
  if (line.length <= nextLinePrefix.length) needsWrap = false;
  if (needsWrap) {
    s += `${line.trimEnd()}\n`;
    line = nextLinePrefix;
  }
  line += word;
  return [s, line];
}

/**
 * _formatArray.
 * @param {NDArray} a @param {(raw: any) => string} format @param {number} lineWidth
 * @param {string} nextLinePrefix @param {string} separator @param {number} edgeItems
 * @param {string} summaryInsert
 */
function formatArray(a, format, lineWidth, nextLinePrefix, separator, edgeItems, summaryInsert) {
  const data = /** @type {any} */ (a.s.data);
  const { shape, strides } = a.s;
  /** @param {number} pos @param {number} axis @param {string} hangingIndent @param {number} currWidth @returns {string} */
  const recurser = (pos, axis, hangingIndent, currWidth) => {
    const axesLeft = a.ndim - axis;
    if (axesLeft === 0) return format(data[pos]);
    const nextHangingIndent = `${hangingIndent} `;
    const nextWidth = currWidth - 1; // len(']')
    const aLen = shape[axis];
    const showSummary = summaryInsert !== '' && 2 * edgeItems < aLen;
    const leading = showSummary ? edgeItems : 0;
    const trailing = showSummary ? edgeItems : aLen;
    const at = (/** @type {number} */ i) => pos + (i < 0 ? aLen + i : i) * strides[axis];
    let s = '';
    if (axesLeft === 1) {
      const elemWidth = currWidth - Math.max(separator.trimEnd().length, 1);
      let line = hangingIndent;
      for (let i = 0; i < leading; i++) {
        const word = recurser(at(i), axis + 1, nextHangingIndent, nextWidth);
        [s, line] = extendLine(s, line, word, elemWidth, hangingIndent);
        line += separator;
      }
      if (showSummary) {
        [s, line] = extendLine(s, line, summaryInsert, elemWidth, hangingIndent);
        line += separator;
      }
      for (let i = trailing; i > 1; i--) {
        const word = recurser(at(-i), axis + 1, nextHangingIndent, nextWidth);
        [s, line] = extendLine(s, line, word, elemWidth, hangingIndent);
        line += separator;
      }
      const word = recurser(at(-1), axis + 1, nextHangingIndent, nextWidth);
      [s, line] = extendLine(s, line, word, elemWidth, hangingIndent);
      s += line;
    } else {
      const lineSep = separator.trimEnd() + '\n'.repeat(axesLeft - 1);
      for (let i = 0; i < leading; i++) {
        s += hangingIndent + recurser(at(i), axis + 1, nextHangingIndent, nextWidth) + lineSep;
      }
      if (showSummary) s += hangingIndent + summaryInsert + lineSep;
      for (let i = trailing; i > 1; i--) {
        s += hangingIndent + recurser(at(-i), axis + 1, nextHangingIndent, nextWidth) + lineSep;
      }
      s += hangingIndent + recurser(at(-1), axis + 1, nextHangingIndent, nextWidth);
    }
    return `[${s.slice(hangingIndent.length)}]`;
  };
  return recurser(a.s.offset, 0, nextLinePrefix, lineWidth);
}

/**
 * np.array2string(a, separator=, prefix=, suffix=) with the current print options.
 * @param {NDArray} a @param {{ separator?: string, prefix?: string, suffix?: string }} [options]
 */
export function array2string(a, { separator = ' ', prefix = '', suffix = '' } = {}) {
  const lineWidth = printOptions.linewidth - suffix.length;
  if (a.size === 0) return '[]';
  assertInitialized(a.s);
  let data = a;
  let summaryInsert = '';
  if (a.size > printOptions.threshold) {
    summaryInsert = '...';
    data = leadingTrailing(a, printOptions.edgeitems);
  }
  const format = formatFunction(data);
  const nextLinePrefix = ` ${' '.repeat(prefix.length)}`;
  return formatArray(
    a,
    format,
    lineWidth,
    nextLinePrefix,
    separator,
    printOptions.edgeitems,
    summaryInsert,
  );
}

/** Whether repr leaves the dtype out (float64, int64 and bool read back as themselves). @param {DType} t */
function dtypeIsImplied(t) {
  return t === FLOAT64 || t === INT64 || t === BOOL;
}

/** repr(a): np.array_repr. @param {NDArray} a */
export function arrayRepr(a) {
  const prefix = 'array(';
  const lst = array2string(a, { separator: ', ', prefix, suffix: ')' });
  const extras = [];
  if ((a.size === 0 && !(a.ndim === 1 && a.shape[0] === 0)) || a.size > printOptions.threshold) {
    extras.push(`shape=${shapeText(a.shape)}`);
  }
  if (!dtypeIsImplied(a.dtype) || a.size === 0) extras.push(`dtype=${a.dtype.shortRepr()}`);
  if (extras.length === 0) return `${prefix}${lst})`;
  const arrStr = `${prefix}${lst},`;
  const extraStr = `${extras.join(', ')})`;
  const lastLineLen = arrStr.length - (arrStr.lastIndexOf('\n') + 1);
  const spacer =
    lastLineLen + extraStr.length + 1 > printOptions.linewidth
      ? `\n${' '.repeat(prefix.length)}`
      : ' ';
  return arrStr + spacer + extraStr;
}

/** Python's repr of a shape tuple. @param {readonly number[]} shape */
function shapeText(shape) {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** str(a): np.array_str (a 0-d array prints as its scalar). @param {NDArray} a */
export function arrayStr(a) {
  if (a.ndim === 0) return scalarStr(a.dtype, a.rawAt(0));
  return array2string(a);
}

hooks.repr = arrayRepr;
hooks.str = arrayStr;
