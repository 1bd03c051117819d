// Number formatting that matches what Python prints, digit for digit.
//
//   formatNumpyArray(values)   like print(np.array(values))      "[ 0.27626589 -1.85462808 ...]"
//   formatJaxArray(values)     like repr(jax_array), float32     "Array([-0.66748405,  1.1928468 , ...
//   formatTorchTensor(values)  like print(torch.tensor(values))  "tensor([-1.4135,  0.2336, ...])"
//   pyFloatRepr(x)             like repr(x) for a Python float   "0.5219839097124932", "1e-05"
//   formatPythonList(values)   like print([floats])              "[0.5219839097124932, 0.80...]"
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

export { shortest as shortestDigits, shortestFloat32 as shortestDigitsFloat32 };

/**
 * shortest(x), except that a tie between two shortest candidates goes to the larger one (as
 * Rust's Grisu/Dragon printing does), not to the even one (as JavaScript, Python and NumPy do):
 * 730048651755878.25 is "730048651755878.3" in Rust, "730048651755878.2" in Python.
 */
export function shortestDigitsTiesUp(x) {
  const r = shortest(x);
  const s = r.digits.length - 1 - r.exp; // |x| * 10**s has the digits as its integer part
  const { M, E } = decompose(Math.abs(x));
  let num = M;
  let den = 1n;
  if (E >= 0) num <<= BigInt(E);
  else den <<= BigInt(-E);
  if (s >= 0) num *= pow10(s);
  else den *= pow10(-s);
  const d = BigInt(r.digits);
  if (2n * num !== (2n * d + 1n) * den) return r; // not halfway between d and d + 1
  const up = (d + 1n).toString();
  const exp = r.exp + (up.length - r.digits.length);
  return { digits: up.replace(/0+$/, ''), exp };
}

/**
 * The same for a float32 value x (given as the double it converts to exactly): the shortest
 * digits that identify x among float32s, the closest such (ties to an even last digit), as
 * NumPy's Dragon4 prints a float32. Exact: the interval of decimals that read back as x reaches
 * halfway to the adjacent float32s (including those points when x's mantissa is even, as
 * round-half-even reading does), compared with BigInt arithmetic; for each length the two
 * decimals around x are the candidates. Checked against NumPy on 200,000 float32 bit patterns.
 */
function shortestFloat32(x) {
  const a = Math.abs(x);
  const { M, E } = decompose(a); // a = M * 2**E, as a double
  // As a float32: a = m * 2**e with m < 2**24 (subnormals from 2**-149).
  let e = Math.max(E + Number(M.toString(2).length) - 24, -149);
  const m = e >= E ? M >> BigInt(e - E) : M << BigInt(E - e);
  // Twice the distance to each neighbour, in units of 2**(e - 2): low is half as far at a power of 2.
  const lowerHalfGap = m === 1n << 23n && e > -149 ? 1n : 2n;
  // Everything as integers over 2**(2 - e) (or times 2**(e - 2)): x4 = 4 * m.
  const x4 = 4n * m;
  const lo4 = x4 - lowerHalfGap;
  const hi4 = x4 + 2n;
  const shift = e - 2; // value = n4 * 2**shift
  const even = (m & 1n) === 0n;
  const k0 = shortest(a).exp; // x's decade, or the one above when the double's digits round up
  for (let p = 1; p <= 9; p++) {
    let best = null;
    for (const k of [k0 - 1, k0, k0 + 1]) {
      // Candidates c * 10**(k - p + 1), c in [10**(p-1), 10**p): the two around x.
      const s = p - 1 - k; // x * 10**s = x4 * 2**shift * 10**s
      let num = x4;
      let den = 1n;
      if (shift >= 0) num <<= BigInt(shift);
      else den <<= BigInt(-shift);
      if (s >= 0) num *= pow10(s);
      else den *= pow10(-s);
      const floor = num / den;
      for (const c of [floor, floor + 1n]) {
        if (c < pow10(p - 1) || c >= pow10(p)) continue;
        // c * 10**-s, in units of 2**shift: cn / cd (compared with lo4, x4, hi4 exactly).
        let cn = c;
        let cd = 1n;
        if (s >= 0) cd *= pow10(s);
        else cn *= pow10(-s);
        if (shift >= 0) cd <<= BigInt(shift);
        else cn <<= BigInt(-shift);
        // The bounds round to x (ties to even) when x's mantissa is even: then they count.
        const inside = even ? cn >= lo4 * cd && cn <= hi4 * cd : cn > lo4 * cd && cn < hi4 * cd;
        if (!inside) continue;
        // Distance to x, as a fraction over cd (compared by cross-multiplying); on a tie the
        // even last digit, as NumPy's Dragon4 rounds.
        const dn = cn > x4 * cd ? cn - x4 * cd : x4 * cd - cn;
        const cmp = best === null ? -1n : dn * best.dd - best.dn * cd;
        if (cmp < 0n || (cmp === 0n && (c & 1n) === 0n)) best = { c, k, dn, dd: cd };
      }
    }
    if (best) return { digits: best.c.toString().replace(/0+$/, ''), exp: best.k };
  }
  return shortest(a); // not reached: 9 digits always identify a float32
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
function dragon4Positional(x, p, float32 = false) {
  const sign = signOf(x);
  if (x === 0) return [sign + '0', ''];
  const { digits, exp } = float32 ? shortestFloat32(x) : shortest(x);
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
 */
function dragon4Scientific(x, p, float32 = false, minDigits = 0) {
  const sign = signOf(x);
  if (x === 0) return [sign + '0', '0'.repeat(minDigits), 0];
  let { digits, exp } = float32 ? shortestFloat32(x) : shortest(x);
  if (digits.length - 1 > p || digits.length - 1 < minDigits) {
    const r = roundSignificant(x, (digits.length - 1 > p ? p : minDigits) + 1);
    digits = r.digits;
    exp = r.k;
  }
  const fraction = digits.slice(1);
  return [sign + digits[0], minDigits ? fraction : fraction.replace(/0+$/, ''), exp];
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

/**
 * FloatingFormat(data, precision, 'maxprec', suppress_small, sign='-'). Returns x => string.
 * float32: the values are a float32 array's (shortest digits among float32s; the ratio test in
 * float32 arithmetic, as NumPy computes it in the array's dtype).
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

/** IntegerFormat(data, sign='-'). Returns x => string. */
export function numpyIntFormatter(data) {
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
 * options.dtype: 'float64' (default), 'float32' (values are float32s: a Float32Array, or numbers
 *   already rounded to float32) or 'int64' (e.g. for randint, whose values are integers).
 * options.separator, options.prefix, options.suffix: as np.array2string takes them (the prefix
 *   only indents the continuation lines and is not part of the result; the suffix shortens the
 *   line width).
 */
export function formatNumpyArray(values, options = {}) {
  const { dtype = 'float64', separator = ' ', prefix = '', suffix = '', ...rest } = options;
  const opts = { ...NUMPY_PRINT_OPTIONS, ...rest };
  const arr = dtype === 'float32' ? Array.from(values, Math.fround) : toArray(values);
  if (arr.length === 0) return '[]';

  const { lead, trail, summary } = summarise(arr, opts.threshold, opts.edgeitems);
  const shown = lead.concat(trail);
  const fmt =
    dtype === 'int64' ? numpyIntFormatter(shown) : numpyFloatFormatter(shown, opts.precision, dtype === 'float32');

  // _formatArray for one axis: the hanging indent is ' ' plus one space per prefix character;
  // words wrap before linewidth - len(suffix) - max(len(separator.rstrip()), len(']')).
  const indent = ' ' + ' '.repeat(prefix.length);
  const elemWidth = opts.linewidth - suffix.length - Math.max(separator.trimEnd().length, 1);
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
    if (i < words.length - 1) line += separator;
  });
  s += line;
  return '[' + s.slice(indent.length) + ']';
}

/**
 * The text of repr(a) for a 1-D float32 jax.Array on the CPU (jax's ArrayImpl.__repr__:
 * np.array2string with prefix 'Array(', suffix ',' and separator ', '; then the dtype, after
 * one space, or after six when the last line would pass NumPy's line width).
 *   formatJaxArray(jaxNormal(jaxKey(17), 5))
 *     -> 'Array([-0.66748405,  1.1928468 ,  0.7245219 , -0.3257403 ,  0.6412951 ],      dtype=float32)'
 */
export function formatJaxArray(values, { dtype = 'float32' } = {}) {
  const prefix = 'Array(';
  const dtypeText = `dtype=${dtype}`;
  const n = values.length;
  const s =
    n === 0
      ? `[], shape=(0,)`
      : formatNumpyArray(values, { dtype, separator: ', ', prefix, suffix: ',' });
  const lastLineLength = s.length - s.lastIndexOf('\n') + 1;
  const sep = lastLineLength + dtypeText.length + 2 > NUMPY_PRINT_OPTIONS.linewidth ? ' '.repeat(prefix.length) : ' ';
  return `${prefix}${s},${sep}${dtypeText})`;
}

// ---------------------------------------------------------------------------------------------
// Python floats

/** repr(x) for a Python float: the shortest round-trip digits, '1e-05' and '1e+16' style. */
export function pyFloatRepr(x) {
  if (!Number.isFinite(x)) return pyNonFinite(x);
  if (x === 0) return signOf(x) + '0.0';
  const { digits, exp } = shortest(x);
  const decpt = exp + 1; // the decimal point's place after digits[0..decpt)
  let body;
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) body = '0.' + '0'.repeat(-decpt) + digits;
    else if (digits.length <= decpt) body = digits.padEnd(decpt, '0') + '.0';
    else body = digits.slice(0, decpt) + '.' + digits.slice(decpt);
  } else {
    body = digits[0] + (digits.length > 1 ? '.' + digits.slice(1) : '') + 'e' + expSuffix(exp, 2);
  }
  return signOf(x) + body;
}

/** print(xs) for a Python list of floats: '[0.5219839097124932, 0.8066907771186791]'. */
export function formatPythonList(values) {
  return '[' + Array.from(values, (v) => pyFloatRepr(Number(v))).join(', ') + ']';
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
