// Number formatting that matches what Python prints, digit for digit.
//
//   formatNumpyArray(values)   like print(np.array(values))      "[ 0.27626589 -1.85462808 ...]"
//   formatTorchTensor(values)  like print(torch.tensor(values))  "tensor([-1.4135,  0.2336, ...])"
//   pyFixed(x, p), pyExp(x, p) like Python's f"{x:.{p}f}" and f"{x:.{p}e}"
//
// Pure functions, no DOM, no dependencies: the page and the Node tests share them.
//
// NumPy's rules follow numpy/_core/arrayprint.py (FloatingFormat, IntegerFormat, _formatArray)
// with its default print options: precision 8, floatmode 'maxprec', sign '-', suppress False,
// linewidth 75, threshold 1000, edgeitems 3. Torch's follow torch/_tensor_str.py (_Formatter,
// _vector_str): precision 4, linewidth 80, threshold 1000, edgeitems 3, sci_mode auto.
//
// Rounding is exact: every double is M * 2**E, so it is scaled and rounded with BigInt,
// half to even, as Python's float formatting and NumPy's Dragon4 do. (Number.prototype.toFixed
// rounds ties away from zero, which differs for values such as 0.03125.)

export const NUMPY_PRINT_OPTIONS = Object.freeze({
  precision: 8,
  linewidth: 75,
  threshold: 1000,
  edgeitems: 3,
});

export const TORCH_PRINT_OPTIONS = Object.freeze({
  precision: 4,
  linewidth: 80,
  threshold: 1000,
  edgeitems: 3,
});

// ---------------------------------------------------------------------------------------------
// Exact decimal arithmetic on doubles

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** |x| = M * 2**E exactly, for finite x. Returns { M: BigInt, E: number }. */
function decompose(x) {
  f64[0] = x;
  const hi = u32[LITTLE_ENDIAN ? 1 : 0];
  const lo = u32[LITTLE_ENDIAN ? 0 : 1];
  const biased = (hi >>> 20) & 0x7ff;
  let M = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) return { M, E: -1074 }; // subnormal or zero
  M |= 1n << 52n;
  return { M, E: biased - 1075 };
}

const pow10cache = new Map();
function pow10(n) {
  let v = pow10cache.get(n);
  if (v === undefined) {
    v = 10n ** BigInt(n);
    pow10cache.set(n, v);
  }
  return v;
}

/** round_half_even(|x| * 10**s) as a BigInt, for finite x and any integer s. */
function roundScaled(x, s) {
  const { M, E } = decompose(x);
  let num = M;
  let den = 1n;
  if (E >= 0) num <<= BigInt(E);
  else den <<= BigInt(-E);
  if (s >= 0) num *= pow10(s);
  else den *= pow10(-s);
  const q = num / den;
  const r2 = (num % den) * 2n;
  if (r2 > den || (r2 === den && (q & 1n) === 1n)) return q + 1n;
  return q;
}

/**
 * Shortest round-trip digits of |x| (finite, non-zero): { digits, exp } with
 * |x| ~= digits[0].digits[1..] * 10**exp and no trailing zeros in digits.
 * String(x) is specified to give the shortest digits, and the closest such when there is a choice.
 */
function shortest(x) {
  const s = String(Math.abs(x));
  let mant = s;
  let exp = 0;
  const e = s.indexOf('e');
  if (e >= 0) {
    mant = s.slice(0, e);
    exp = Number(s.slice(e + 1));
  }
  let [ip, fp = ''] = mant.split('.');
  let digits = ip + fp;
  exp += ip.length - 1;
  const lead = digits.length - digits.replace(/^0+/, '').length;
  digits = digits.slice(lead);
  exp -= lead;
  digits = digits.replace(/0+$/, '');
  return { digits, exp };
}

/** Splits a non-negative BigInt scaled by 10**p into [integer digits, p fraction digits]. */
function splitScaled(n, p) {
  const s = n.toString().padStart(p + 1, '0');
  return [s.slice(0, s.length - p), s.slice(s.length - p)];
}

// ---------------------------------------------------------------------------------------------
// Python's format(x, '.pf') and format(x, '.pe')

function pyNonFinite(x) {
  if (Number.isNaN(x)) return 'nan';
  return x < 0 ? '-inf' : 'inf';
}

function signOf(x) {
  return x < 0 || Object.is(x, -0) ? '-' : '';
}

/** Python's f"{x:.{p}f}" (correctly rounded, ties to even). */
export function pyFixed(x, p) {
  if (!Number.isFinite(x)) return pyNonFinite(x);
  const [ip, fp] = splitScaled(roundScaled(x, p), p);
  return signOf(x) + ip + (p > 0 ? '.' + fp : '');
}

/** Python's f"{x:.{p}e}" (correctly rounded, ties to even; exponent has at least 2 digits). */
export function pyExp(x, p) {
  if (!Number.isFinite(x)) return pyNonFinite(x);
  let k = 0;
  let digits;
  if (x === 0) {
    digits = '0'.repeat(p + 1);
  } else {
    ({ k, digits } = roundSignificant(x, p + 1));
  }
  const mant = digits[0] + (p > 0 ? '.' + digits.slice(1) : '');
  return signOf(x) + mant + 'e' + expSuffix(k, 2);
}

/** |x| rounded to n significant digits: { digits (length n), k (decimal exponent) }. */
function roundSignificant(x, n) {
  let k = shortest(x).exp;
  // shortest() may have rounded up to the next power of ten; find the exact exponent.
  if (roundScaled(x, n - 1 - k) < pow10(n - 1)) k -= 1;
  let N = roundScaled(x, n - 1 - k);
  if (N >= pow10(n)) {
    k += 1;
    N = roundScaled(x, n - 1 - k);
  }
  return { k, digits: N.toString() };
}

function expSuffix(k, minDigits) {
  return (k < 0 ? '-' : '+') + String(Math.abs(k)).padStart(minDigits, '0');
}

// ---------------------------------------------------------------------------------------------
// NumPy's Dragon4 in 'unique' mode with a digit cut-off, trim '.'

/**
 * np.format_float_positional(x, precision=p, unique=True, trim='.') split into
 * [sign + integer part, fraction part]: the shortest round-trip digits, or, when those need
 * more than p fraction digits, x correctly rounded to p fraction digits; trailing zeros trimmed.
 */
function dragon4Positional(x, p) {
  const sign = signOf(x);
  if (x === 0) return [sign + '0', ''];
  const { digits, exp } = shortest(x);
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
 * np.format_float_scientific(x, precision=p, unique=True, trim='.') split into
 * [sign + leading digit, fraction digits, decimal exponent].
 */
function dragon4Scientific(x, p) {
  const sign = signOf(x);
  if (x === 0) return [sign + '0', '', 0];
  let { digits, exp } = shortest(x);
  if (digits.length - 1 > p) {
    const r = roundSignificant(x, p + 1);
    digits = r.digits;
    exp = r.k;
  }
  return [sign + digits[0], digits.slice(1).replace(/0+$/, ''), exp];
}

// ---------------------------------------------------------------------------------------------
// NumPy arrays

function toArray(values) {
  return Array.from(values, Number);
}

/** The items NumPy looks at: all of them, or the edge items when the array is summarised. */
function summarise(arr, threshold, edgeitems) {
  if (arr.length > threshold && 2 * edgeitems < arr.length) {
    return { lead: arr.slice(0, edgeitems), trail: arr.slice(arr.length - edgeitems), summary: true };
  }
  return { lead: [], trail: arr, summary: false };
}

/** FloatingFormat(data, precision, 'maxprec', suppress_small=False, sign='-'). Returns x => string. */
function numpyFloatFormatter(data, precision) {
  const finite = data.filter(Number.isFinite);
  const absNonZero = finite.filter((v) => v !== 0).map(Math.abs);
  let expFormat = false;
  if (absNonZero.length) {
    const max = Math.max(...absNonZero);
    const min = Math.min(...absNonZero);
    expFormat = max >= 1e8 || min < 0.0001 || max / min > 1000;
  }

  let padLeft = 0;
  let padRight = 0;
  let fmt;
  if (finite.length === 0) {
    fmt = () => '';
  } else if (expFormat) {
    const parts = finite.map((v) => dragon4Scientific(v, precision));
    const expStrs = parts.map(([, , k]) => expSuffix(k, 2));
    const expSize = Math.max(...expStrs.map((s) => s.length)) - 1;
    const prec = Math.max(...parts.map(([, f]) => f.length));
    padLeft = Math.max(...parts.map(([i]) => i.length));
    padRight = expSize + 2 + prec;
    fmt = (v) => {
      const [i, f, k] = dragon4Scientific(v, prec);
      return i.padStart(padLeft) + '.' + f.padEnd(prec, '0') + 'e' + expSuffix(k, expSize);
    };
  } else {
    const parts = finite.map((v) => dragon4Positional(v, precision));
    padLeft = Math.max(...parts.map(([i]) => i.length));
    padRight = Math.max(...parts.map(([, f]) => f.length));
    fmt = (v) => {
      const [i, f] = dragon4Positional(v, precision);
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

/** IntegerFormat(data, sign='-'). Returns x => string. */
function numpyIntFormatter(data) {
  const strs = data.map(intString);
  const width = data.length ? Math.max(...strs.map((s) => s.length)) : 0;
  return (v) => intString(v).padStart(width);
}

function intString(v) {
  return Number.isInteger(v) ? BigInt(v).toString() : String(v);
}

/**
 * The text of print(arr) for a 1-D NumPy array, i.e. np.array2string(arr) with default options.
 * values: any array-like of numbers (Float64Array from RandomState).
 * options.dtype: 'float64' (default) or 'int64' (e.g. for randint, whose values are integers).
 */
export function formatNumpyArray(values, options = {}) {
  const { dtype = 'float64', ...rest } = options;
  const opts = { ...NUMPY_PRINT_OPTIONS, ...rest };
  const arr = toArray(values);
  if (arr.length === 0) return '[]';

  const { lead, trail, summary } = summarise(arr, opts.threshold, opts.edgeitems);
  const shown = lead.concat(trail);
  const fmt = dtype === 'int64' ? numpyIntFormatter(shown) : numpyFloatFormatter(shown, opts.precision);

  // _formatArray for one axis: separator ' ', hanging indent ' ', wrap before width - len(']').
  const indent = ' ';
  const elemWidth = opts.linewidth - 1;
  let s = '';
  let line = indent;
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
    if (i < words.length - 1) line += ' ';
  });
  s += line;
  return '[' + s.slice(indent.length) + ']';
}

// ---------------------------------------------------------------------------------------------
// Torch tensors

/** torch's _Formatter for a floating (float32) or integer tensor. Returns { width, format }. */
function torchFormatter(data, floating, precision) {
  let maxWidth = 1;
  if (!floating) {
    for (const v of data) maxWidth = Math.max(maxWidth, intString(v).length);
    return { width: maxWidth, format: (v) => intString(v).padStart(maxWidth) };
  }

  let intMode = true;
  let sciMode = false;
  const nz = data.filter((v) => Number.isFinite(v) && v !== 0);
  if (nz.length) {
    const abs = nz.map(Math.abs);
    const max = Math.max(...abs);
    const min = Math.min(...abs);
    intMode = nz.every((v) => v === Math.ceil(v));
    if (intMode) {
      if (max / min > 1000 || max > 1e8) {
        sciMode = true;
        for (const v of nz) maxWidth = Math.max(maxWidth, pyExp(v, precision).length);
      } else {
        for (const v of nz) maxWidth = Math.max(maxWidth, pyFixed(v, 0).length + 1);
      }
    } else if (max / min > 1000 || max > 1e8 || min < 1e-4) {
      sciMode = true;
      for (const v of nz) maxWidth = Math.max(maxWidth, pyExp(v, precision).length);
    } else {
      for (const v of nz) maxWidth = Math.max(maxWidth, pyFixed(v, precision).length);
    }
  }

  const format = (v) => {
    let ret;
    if (sciMode) ret = pyExp(v, precision);
    else if (intMode) ret = pyFixed(v, 0) + (Number.isFinite(v) ? '.' : '');
    else ret = pyFixed(v, precision);
    return ret.padStart(maxWidth);
  };
  return { width: maxWidth, format };
}

/**
 * The text of print(t) for a 1-D CPU tensor of torch's default dtype (float32), or of int64
 * when options.dtype is 'int64' (torch.randint). Float values are taken as given: pass the
 * Float32Array that TorchGenerator returns (or values already rounded to float32).
 */
export function formatTorchTensor(values, options = {}) {
  const { dtype = 'float32', ...rest } = options;
  const opts = { ...TORCH_PRINT_OPTIONS, ...rest };
  const floating = dtype !== 'int64';
  const arr = floating ? Array.from(values, Math.fround) : toArray(values);
  const prefix = 'tensor(';
  if (arr.length === 0) return prefix + '[]' + (floating ? '' : ', dtype=torch.int64') + ')';

  const { lead, trail, summary } = summarise(arr, opts.threshold, opts.edgeitems);
  const { width, format } = torchFormatter(lead.concat(trail), floating, opts.precision);

  const indent = prefix.length;
  const perLine = Math.max(1, Math.floor((opts.linewidth - indent) / (width + 2)));
  const data = lead.map(format);
  if (summary) data.push(' ...');
  data.push(...trail.map(format));
  const lines = [];
  for (let i = 0; i < data.length; i += perLine) lines.push(data.slice(i, i + perLine).join(', '));
  return prefix + '[' + lines.join(',\n' + ' '.repeat(indent + 1)) + '])';
}
