// repr() of a tensor: a port of torch 2.15's torch/_tensor_str.py (BSD-3-Clause) for dense CPU
// tensors, under the session's print options (torch.set_printoptions: precision 4, threshold
// 1000, edgeitems 3, linewidth 80 and sci_mode chosen by _Formatter unless set). The number
// formatting itself is format.js's torchFormatter, the _Formatter port the page's 1-D printer
// uses.

import { TORCH_PRINT_OPTIONS, torchFormatter } from '../../../format/torch.js';
import { PyError, Unsupported } from '../../errors.js';
import { shapeRepr } from '../../nd/strided.js';
import { PyBuiltin } from '../../objects.js';
import { bool, float32, int64 } from './dtypes.js';
import { pyBind } from './nn/pyargs.js';
import { session, TENSOR_OPS, Tensor } from './tensor.js';
import { assertInitialized } from './uninitialized.js';

/** @typedef {import('../../nd/strided.js').Strided} Strided */

/**
 * torch's PRINT_OPTS.
 * @typedef {{ precision: number, threshold: number, edgeitems: number, linewidth: number,
 *   sci_mode: boolean | null }} PrintOptions
 */

/** @type {PrintOptions} */
const DEFAULTS = { ...TORCH_PRINT_OPTIONS, sci_mode: null };

/** Each session's print options (a session is an interpreter). @type {WeakMap<object, PrintOptions>} */
const SESSION_OPTIONS = new WeakMap();

/** The print options of the session running now. @returns {PrintOptions} */
function printOptions() {
  return (session.interp && SESSION_OPTIONS.get(session.interp)) || DEFAULTS;
}

/** The options of a profile, as set_printoptions(profile=...) sets them. */
const PROFILES = /** @type {Record<string, Omit<PrintOptions, 'sci_mode'>>} */ ({
  default: { precision: 4, threshold: 1000, edgeitems: 3, linewidth: 80 },
  short: { precision: 2, threshold: 1000, edgeitems: 2, linewidth: 80 },
  full: { precision: 4, threshold: Number.POSITIVE_INFINITY, edgeitems: 3, linewidth: 80 },
});

/** An int option (or None), as a number. @param {string} name @param {any} v */
function intOption(name, v) {
  if (v === null) return null;
  if (typeof v === 'bigint') return Number(v);
  if (name === 'threshold' && typeof v === 'number' && !Number.isNaN(v)) return v;
  throw new Unsupported(
    `torch.set_printoptions(${name}=${typeof v === 'number' ? 'a float' : '...'})`,
  );
}

/** torch.set_printoptions(precision, threshold, edgeitems, linewidth, profile, sci_mode) */
export const SET_PRINTOPTIONS = new PyBuiltin('set_printoptions', (args, kwargs, interp) => {
  const a = pyBind(
    'set_printoptions',
    [
      ['precision', null],
      ['threshold', null],
      ['edgeitems', null],
      ['linewidth', null],
      ['profile', null],
      ['sci_mode', null],
    ],
    args,
    kwargs,
  );
  const options = { ...(SESSION_OPTIONS.get(interp) ?? DEFAULTS) };
  if (a.profile !== null) {
    const profile = PROFILES[String(a.profile)];
    if (profile) Object.assign(options, profile);
  }
  for (const name of /** @type {const} */ (['precision', 'threshold', 'edgeitems', 'linewidth'])) {
    const v = intOption(name, a[name]);
    if (v !== null) options[name] = v;
  }
  if (a.sci_mode !== null && typeof a.sci_mode !== 'boolean')
    throw new PyError('TypeError', 'sci_mode must be a bool or None');
  options.sci_mode = a.sci_mode;
  SESSION_OPTIONS.set(interp, options);
  return null;
});

/** A sub-array of a strided view along its first axis. @param {Strided} s @param {number} i */
function row(s, i) {
  return {
    data: s.data,
    shape: s.shape.slice(1),
    strides: s.strides.slice(1),
    offset: s.offset + i * s.strides[0],
  };
}

/** What f"{value}" prints for an element of a non-floating tensor, or the float itself. */
function elementValue(/** @type {import('./dtypes.js').DType} */ dtype, /** @type {any} */ raw) {
  if (dtype === bool) return raw ? 'True' : 'False';
  return raw;
}

/**
 * get_summarized_data: the values the formatter sees (the edge items of every summarised axis).
 * @param {{ data: any, shape: number[], strides: number[], offset: number }} s
 * @param {(raw: any) => any} value @param {any[]} out
 */
function summarizedValues(s, value, out) {
  const nd = s.shape.length;
  if (nd === 0) {
    out.push(value(s.data[s.offset]));
    return;
  }
  const EDGE = printOptions().edgeitems;
  const n = s.shape[0];
  const rows =
    n > 2 * EDGE
      ? [...Array(EDGE).keys(), ...Array.from({ length: EDGE }, (_, k) => n - EDGE + k)]
      : [...Array(n).keys()];
  if (nd === 1) {
    for (const i of rows) out.push(value(s.data[s.offset + i * s.strides[0]]));
    return;
  }
  for (const i of rows) summarizedValues(row(/** @type {any} */ (s), i), value, out);
}

/** Every value, in order. @param {{ data: any, shape: number[], strides: number[], offset: number }} s @param {(raw: any) => any} value */
function allValues(s, value) {
  /** @type {any[]} */
  const out = [];
  const walk = (/** @type {typeof s} */ v) => {
    if (v.shape.length === 0) out.push(value(v.data[v.offset]));
    else for (let i = 0; i < v.shape[0]; i++) walk(row(/** @type {any} */ (v), i));
  };
  walk(s);
  return out;
}

/**
 * _tensor_str_with_formatter.
 * @param {{ data: any, shape: number[], strides: number[], offset: number }} s
 * @param {number} indent @param {boolean} summarize
 * @param {{ width: number, format: (v: any) => string }} formatter @param {(raw: any) => any} value
 * @returns {string}
 */
function strWithFormatter(s, indent, summarize, formatter, value) {
  const { edgeitems: EDGE, linewidth: LINEWIDTH } = printOptions();
  const dim = s.shape.length;
  if (dim === 0) return formatter.format(value(s.data[s.offset]));
  const n = s.shape[0];
  if (dim === 1) {
    const elementLength = formatter.width + 2;
    const perLine = Math.max(1, Math.floor((LINEWIDTH - indent) / elementLength));
    const at = (/** @type {number} */ i) =>
      formatter.format(value(s.data[s.offset + i * s.strides[0]]));
    /** @type {string[]} */
    let data;
    if (summarize && n > 2 * EDGE) {
      data = [];
      for (let i = 0; i < EDGE; i++) data.push(at(i));
      data.push(' ...');
      for (let i = n - EDGE; i < n; i++) data.push(at(i));
    } else {
      data = Array.from({ length: n }, (_, i) => at(i));
    }
    const lines = [];
    for (let i = 0; i < data.length; i += perLine)
      lines.push(data.slice(i, i + perLine).join(', '));
    return `[${lines.join(`,\n${' '.repeat(indent + 1)}`)}]`;
  }
  const sub = (/** @type {number} */ i) =>
    strWithFormatter(row(/** @type {any} */ (s), i), indent + 1, summarize, formatter, value);
  /** @type {string[]} */
  let slices;
  if (summarize && n > 2 * EDGE) {
    slices = [];
    for (let i = 0; i < EDGE; i++) slices.push(sub(i));
    slices.push('...');
    for (let i = n - EDGE; i < n; i++) slices.push(sub(i));
  } else {
    slices = Array.from({ length: n }, (_, i) => sub(i));
  }
  return `[${slices.join(`,${'\n'.repeat(dim - 1)}${' '.repeat(indent + 1)}`)}]`;
}

/** _tensor_str. @param {Tensor} t @param {number} indent */
export function tensorStr(t, indent) {
  if (t.numel === 0) return '[]';
  const options = printOptions();
  const summarize = t.numel > options.threshold;
  const value = (/** @type {any} */ raw) => elementValue(t.dtype, raw);
  const s = t.storage;
  /** @type {any[]} */
  let seen;
  if (summarize) {
    seen = [];
    summarizedValues(s, value, seen);
  } else {
    seen = allValues(s, value);
  }
  const formatter = torchFormatter(seen, t.dtype.isFloating, options.precision, options.sci_mode);
  return strWithFormatter(s, indent, summarize, formatter, value);
}

/** _add_suffixes. @param {string} tensorString @param {string[]} suffixes @param {number} indent */
function addSuffixes(tensorString, suffixes, indent) {
  const LINEWIDTH = printOptions().linewidth;
  let out = tensorString;
  let lastLineLen = tensorString.length - tensorString.lastIndexOf('\n') + 1;
  for (const suffix of suffixes) {
    if (lastLineLen + suffix.length + 2 > LINEWIDTH) {
      out += `,\n${' '.repeat(indent)}${suffix}`;
      lastLineLen = indent + suffix.length;
    } else {
      out += `, ${suffix}`;
      lastLineLen += suffix.length + 2;
    }
  }
  return `${out})`;
}

/**
 * repr(t) (= str(t)): _str_intern for a dense CPU tensor.
 * @param {Tensor} t @param {string} [prefix]
 */
export function tensorRepr(t, prefix = 'tensor(') {
  assertInitialized(t.storage);
  const indent = prefix.length;
  const suffixes = [];
  const hasDefaultDtype = t.dtype === float32 || t.dtype === int64 || t.dtype === bool;
  let body;
  if (t.numel === 0) {
    // Explicitly print the shape if it is not (0,), to match NumPy behavior.
    if (t.ndim !== 1) suffixes.push(`size=${shapeRepr(t.shape)}`);
    // An empty tensor has no elements to show an int64 dtype by: it is always named.
    if (t.dtype !== float32) suffixes.push(`dtype=${t.dtype.repr()}`);
    body = '[]';
  } else {
    if (!hasDefaultDtype) suffixes.push(`dtype=${t.dtype.repr()}`);
    body = tensorStr(t, indent);
  }
  if (t.gradFn !== null) suffixes.push(`grad_fn=<${t.gradFn}>`);
  else if (t.requiresGrad) suffixes.push('requires_grad=True');
  return addSuffixes(prefix + body, suffixes, indent);
}

TENSOR_OPS.repr = (t) => tensorRepr(t);
