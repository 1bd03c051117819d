// Python's format specification mini-language — format(x, spec), f"{x:spec}", str.format — and
// printf-style `'%.3f' % x`, digit for digit (rounding is exact, ties to even, as CPython's).
//
//   formatValue(3.14159, '.2f')   '3.14'       formatValue(1234567, ',')   '1,234,567'
//   formatValue(0.5, '>8.1%')     '   50.0%'   formatValue('ab', '^6')     '  ab  '

import { pyExp, pyFixed } from '../format/decimal.js';
import { pyFloatRepr } from '../format/python.js';
import { getAttr } from './attributes.js';
import { PyError, typeError, valueError } from './errors.js';
import { PyDict, PyObject, PyTuple } from './objects.js';
import {
  asBigInt,
  getItem,
  intToFloat,
  keyErrorFor,
  repr,
  setPercentFormatter,
  str,
  toFloatOrUndefined,
  typeName,
} from './ops.js';

/** @typedef {import('./objects.js').Value} Value */

const SPEC =
  /^(?:(.)?([<>=^]))?([-+ ])?(z)?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/s;

/**
 * @typedef {{ fill: string, align: string | undefined, sign: string, z: boolean, alt: boolean,
 *   zero: boolean, width: number, grouping: string | undefined, precision: number | undefined,
 *   type: string | undefined }} Spec
 */

/** @param {string} spec @param {Value} value @returns {Spec} */
function parseSpec(spec, value) {
  const m = SPEC.exec(spec);
  if (!m)
    throw valueError(`Invalid format specifier '${spec}' for object of type '${typeName(value)}'`);
  let [, fill, align, sign, z, alt, zero, width, grouping, precision, type] = m;
  if (zero && !align) {
    fill = '0';
    align = '=';
  }
  return {
    fill: fill ?? ' ',
    align,
    sign: sign ?? '-',
    z: Boolean(z),
    alt: Boolean(alt),
    zero: Boolean(zero),
    width: width ? Number(width) : 0,
    grouping,
    precision: precision === undefined ? undefined : Number(precision),
    type,
  };
}

/**
 * format(value, spec)
 * @param {Value} value @param {string} spec @returns {string}
 */
export function formatValue(value, spec) {
  if (value instanceof PyObject && typeof (/** @type {any} */ (value).format) === 'function') {
    return /** @type {any} */ (value).format(spec);
  }
  if (spec === '') return str(value);
  if (typeof value === 'string') return formatStr(value, parseSpec(spec, value));
  if (typeof value === 'bigint' || typeof value === 'boolean') {
    const s = parseSpec(spec, value);
    if (typeof value === 'boolean' && s.type === undefined)
      return formatStr(value ? 'True' : 'False', s);
    return formatInt(asBigInt(value), s);
  }
  if (typeof value === 'number') return formatFloat(value, parseSpec(spec, value));
  throw typeError(`unsupported format string passed to ${typeName(value)}.__format__`);
}

/** @param {string} body @param {Spec} s @param {string} [defaultAlign] */
function align(body, s, defaultAlign = '<', signPart = '') {
  const width = s.width;
  const length = [...body].length + signPart.length;
  if (length >= width) return signPart + body;
  const padding = width - length;
  const how = s.align ?? defaultAlign;
  if (how === '<') return signPart + body + s.fill.repeat(padding);
  if (how === '>') return s.fill.repeat(padding) + signPart + body;
  if (how === '=') return signPart + s.fill.repeat(padding) + body;
  const left = Math.floor(padding / 2);
  return s.fill.repeat(left) + signPart + body + s.fill.repeat(padding - left);
}

/** @param {string} value @param {Spec} s */
function formatStr(value, s) {
  if (s.type !== undefined && s.type !== 's') {
    throw valueError(`Unknown format code '${s.type}' for object of type 'str'`);
  }
  if (s.sign !== '-' || (s.align === '=' && !s.zero)) {
    throw valueError(
      s.sign !== '-'
        ? 'Sign not allowed in string format specifier'
        : "'=' alignment not allowed in string format specifier",
    );
  }
  const body = s.precision === undefined ? value : [...value].slice(0, s.precision).join('');
  return align(body, s, '<');
}

/**
 * Inserts a grouping separator every `every` digits from the right.
 * @param {string} digits @param {string | undefined} sep
 */
function group(digits, sep, every = 3) {
  if (!sep) return digits;
  let out = '';
  for (let i = digits.length; i > 0; i -= every) {
    const part = digits.slice(Math.max(0, i - every), i);
    out = out ? `${part}${sep}${out}` : part;
  }
  return out;
}

/** @param {boolean} negative @param {Spec} s */
function signText(negative, s) {
  if (negative) return '-';
  if (s.sign === '+') return '+';
  if (s.sign === ' ') return ' ';
  return '';
}

/** @param {bigint} n @param {Spec} s */
function formatInt(n, s) {
  const type = s.type ?? 'd';
  if ('eEfFgG%'.includes(type)) return formatFloat(intToFloat(n), s);
  if (s.precision !== undefined)
    throw valueError('Precision not allowed in integer format specifier');
  const negative = n < 0n;
  const abs = negative ? -n : n;
  let digits;
  let prefix = '';
  switch (type) {
    case 'd':
    case 'n':
      digits = group(abs.toString(), s.grouping);
      break;
    case 'b':
      digits = group(abs.toString(2), s.grouping && '_', 4);
      prefix = s.alt ? '0b' : '';
      break;
    case 'o':
      digits = group(abs.toString(8), s.grouping && '_', 4);
      prefix = s.alt ? '0o' : '';
      break;
    case 'x':
    case 'X':
      digits = group(abs.toString(16), s.grouping && '_', 4);
      if (type === 'X') digits = digits.toUpperCase();
      prefix = s.alt ? (type === 'X' ? '0X' : '0x') : '';
      break;
    case 'c':
      return align(String.fromCodePoint(Number(n)), s, '<');
    default:
      throw valueError(`Unknown format code '${type}' for object of type 'int'`);
  }
  const signPart = signText(negative, s) + prefix;
  if (s.align === '=' || (s.zero && !s.align)) {
    if (s.zero && s.grouping && (type === 'd' || type === 'n')) {
      return signPart + zeroPadGrouped(digits, s.width - signPart.length, s.grouping);
    }
  }
  return align(digits, s, '>', signPart);
}

/** Zero padding that keeps the grouping separators (format(1234, '010,') is '00,001,234'). */
function zeroPadGrouped(
  /** @type {string} */ digits,
  /** @type {number} */ width,
  /** @type {string} */ sep,
) {
  let plain = digits.split(sep).join('');
  let out = group(plain, sep);
  while (out.length < width) {
    plain = `0${plain}`;
    out = group(plain, sep);
  }
  return out;
}

/**
 * Python's 'g' formatting of |x| with p significant digits. addDot0: the rules of a float
 * formatted with a precision but no type ('.3'): scientific from an exponent of p - 1, and a
 * '.0' on integers (CPython's Py_DTSF_ADD_DOT_0).
 * @param {number} x @param {number} p @param {boolean} alt @param {boolean} [addDot0]
 */
function generalFormat(x, p, alt, addDot0 = false) {
  const precision = p === 0 ? 1 : p;
  const e = pyExp(Math.abs(x), precision - 1);
  const exp = Number(e.slice(e.indexOf('e') + 1));
  let out;
  if (exp >= -4 && exp < (addDot0 ? precision - 1 : precision)) {
    out = pyFixed(Math.abs(x), precision - 1 - exp);
    if (!alt && out.includes('.')) out = out.replace(/0+$/, '').replace(/\.$/, '');
    if (addDot0 && !out.includes('.')) out += '.0';
  } else {
    let [mant, ex] = e.split('e');
    if (!alt && mant.includes('.')) mant = mant.replace(/0+$/, '').replace(/\.$/, '');
    out = `${mant}e${ex}`;
  }
  if (alt && !out.includes('.')) out = out.includes('e') ? out.replace('e', '.e') : `${out}.`;
  return out;
}

/** @param {number} x @param {Spec} s */
function formatFloat(x, s) {
  const type = s.type;
  if (type !== undefined && !'eEfFgGn%'.includes(type)) {
    throw valueError(`Unknown format code '${type}' for object of type 'float'`);
  }
  let negative = x < 0 || Object.is(x, -0);
  const abs = Math.abs(x);
  let body;
  if (Number.isNaN(x)) {
    body = 'nan';
    negative = false;
  } else if (!Number.isFinite(x)) {
    body = 'inf';
  } else if (type === undefined && s.precision === undefined) {
    body = pyFloatRepr(abs);
  } else if (type === undefined) {
    body = generalFormat(abs, s.precision ?? 6, s.alt, true);
  } else if (type === '%') {
    body = `${pyFixed(abs * 100, s.precision ?? 6)}%`;
    if (s.alt && !body.includes('.')) body = body.replace('%', '.%');
  } else if (type === 'f' || type === 'F') {
    body = pyFixed(abs, s.precision ?? 6);
    if (s.alt && !body.includes('.')) body += '.';
  } else if (type === 'e' || type === 'E') {
    body = pyExp(abs, s.precision ?? 6);
    if (s.alt && !body.includes('.')) body = body.replace('e', '.e');
  } else {
    body = generalFormat(abs, s.precision ?? 6, s.alt);
  }
  if (type === 'E' || type === 'G' || type === 'F') body = body.toUpperCase();
  if (s.z && negative && /^[0.]*(?:e|%|$)/i.test(body.replace(/e.*$/i, ''))) negative = false;
  if (s.grouping) {
    const m = /^(\d+)(.*)$/s.exec(body);
    if (m) body = group(m[1], s.grouping) + m[2];
  }
  const signPart = signText(negative, s);
  if ((s.align === '=' || s.zero) && s.grouping && s.fill === '0') {
    const m = /^([\d,_]+)(.*)$/s.exec(body);
    if (m)
      return (
        signPart + zeroPadGrouped(m[1], s.width - signPart.length - m[2].length, s.grouping) + m[2]
      );
  }
  return align(body, s, '>', signPart);
}

// --- str.format --------------------------------------------------------------------------

/**
 * str.format(*args, **kwargs)
 * @param {string} template @param {Value[]} args @param {Map<string, Value>} kwargs
 * @param {any} [interp]
 */
export function formatString(template, args, kwargs, interp) {
  let out = '';
  let auto = 0;
  let i = 0;
  while (i < template.length) {
    const ch = template[i];
    if (ch === '{' && template[i + 1] === '{') {
      out += '{';
      i += 2;
    } else if (ch === '}' && template[i + 1] === '}') {
      out += '}';
      i += 2;
    } else if (ch === '}') {
      throw valueError("Single '}' encountered in format string");
    } else if (ch === '{') {
      let depth = 1;
      let j = i + 1;
      for (; j < template.length && depth > 0; j++) {
        if (template[j] === '{') depth++;
        else if (template[j] === '}') depth--;
      }
      if (depth > 0) throw valueError("expected '}' before end of string");
      const field = template.slice(i + 1, j - 1);
      const m = /^([^!:]*)(?:!([rsa]))?(?::(.*))?$/s.exec(field);
      if (!m) throw valueError('invalid format string');
      const [, name, conversion, rawSpec = ''] = m;
      let value;
      if (name === '') {
        value = args[auto++];
        if (value === undefined)
          throw new PyError(
            'IndexError',
            `Replacement index ${auto - 1} out of range for positional args tuple`,
          );
      } else {
        value = lookupField(name, args, kwargs);
      }
      if (conversion === 'r') value = repr(value);
      else if (conversion === 's') value = str(value);
      const spec = rawSpec.includes('{') ? formatString(rawSpec, args, kwargs, interp) : rawSpec;
      out += formatValue(value, spec);
      i = j;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** @param {string} name @param {Value[]} args @param {Map<string, Value>} kwargs */
function lookupField(name, args, kwargs) {
  const m = /^([^.[]+)(.*)$/s.exec(name);
  if (!m) throw valueError('invalid format string');
  const [, first, rest] = m;
  /** @type {Value | undefined} */
  let value;
  if (/^\d+$/.test(first)) {
    value = args[Number(first)];
    if (value === undefined)
      throw new PyError(
        'IndexError',
        `Replacement index ${first} out of range for positional args tuple`,
      );
  } else {
    value = kwargs.get(first);
    if (value === undefined) throw keyErrorFor(first);
  }
  for (const part of rest.matchAll(/\.([^.[]+)|\[([^\]]+)\]/gy)) {
    if (part[1] !== undefined) value = getAttr(value, part[1]);
    else value = getItem(value, /^\d+$/.test(part[2]) ? BigInt(part[2]) : part[2]);
  }
  return /** @type {Value} */ (value);
}

// --- printf-style: '%.3f' % x -----------------------------------------------------------------

/** @param {string} fmt @param {Value} values */
function percentFormat(fmt, values) {
  const positional = values instanceof PyTuple ? values.items : [values];
  const mapping = values instanceof PyDict ? values : null;
  let index = 0;
  const next = () => {
    if (index >= positional.length) throw typeError('not enough arguments for format string');
    return positional[index++];
  };
  const re = /%(?:\(([^)]*)\))?([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?([diouxXeEfFgGcrsa%])/g;
  let out = '';
  let last = 0;
  for (const m of fmt.matchAll(re)) {
    out += fmt.slice(last, m.index);
    last = m.index + m[0].length;
    const [, key, flags, widthText, precText, conv] = m;
    if (conv === '%') {
      out += '%';
      continue;
    }
    const value = key !== undefined && mapping ? getItem(mapping, key) : next();
    const width = widthText === '*' ? Number(next()) : Number(widthText ?? 0);
    const precision =
      precText === undefined ? undefined : precText === '*' ? Number(next()) : Number(precText);
    out += percentOne(conv, value, flags, width, precision);
  }
  if (index < positional.length && !mapping && values instanceof PyTuple) {
    throw typeError('not all arguments converted during string formatting');
  }
  if (index === 0 && !mapping && !(values instanceof PyTuple) && last === 0) {
    throw typeError('not all arguments converted during string formatting');
  }
  return out + fmt.slice(last);
}

/**
 * @param {string} conv @param {Value} value @param {string} flags @param {number} width
 * @param {number | undefined} precision
 */
function percentOne(conv, value, flags, width, precision) {
  const fill = flags.includes('0') && !flags.includes('-') ? '0' : ' ';
  const alignChar = flags.includes('-') ? '<' : fill === '0' ? '=' : '>';
  const sign = flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '-';
  const alt = flags.includes('#') ? '#' : '';
  if (conv === 's' || conv === 'r' || conv === 'a') {
    const text = conv === 's' ? str(value) : repr(value);
    const cut = precision === undefined ? text : text.slice(0, precision);
    return flags.includes('-') ? cut.padEnd(width) : cut.padStart(width);
  }
  const prec = precision === undefined ? '' : `.${precision}`;
  const w = width ? String(width) : '';
  if ('diu'.includes(conv)) {
    const n = typeof value === 'number' ? BigInt(Math.trunc(value)) : value;
    if (typeof n !== 'bigint' && typeof n !== 'boolean' && !(n instanceof PyObject)) {
      throw typeError(`%${conv} format: a real number is required, not ${typeName(value)}`);
    }
    return formatValue(n, `${fill === '0' ? '0' : ''}${alignChar === '<' ? '<' : ''}${sign}${w}d`);
  }
  if ('oxX'.includes(conv))
    return formatValue(
      value,
      `${alignChar === '<' ? '<' : ''}${sign}${alt}${fill === '0' ? '0' : ''}${w}${conv}`,
    );
  if (conv === 'c')
    return formatValue(
      typeof value === 'string' ? value : value,
      typeof value === 'string' ? `>${w}` : `>${w}c`,
    );
  const x = toFloatOrUndefined(value);
  if (x === undefined) throw typeError(`must be real number, not ${typeName(value)}`);
  return formatValue(
    x,
    `${alignChar === '<' ? '<' : ''}${sign}${alt}${fill === '0' ? '0' : ''}${w}${prec === '' ? '.6' : prec}${conv}`,
  );
}

setPercentFormatter(percentFormat);
