// Python's `math` module (CPython 3.11, Modules/mathmodule.c) as far as its results are exact:
// the functions whose libm call seedlab ports bit for bit from the reference platform's glibc
// (exp, log, pow, ...), the correctly rounded ones (sqrt) and the integer ones. CPython's error
// rules are kept: a NaN from a non-NaN argument is "math domain error", an infinity from a finite
// argument is "math range error" (OverflowError) or, for a singularity, a domain error.
//
// sin, cos, tan and the other trigonometric and hyperbolic functions are not here: glibc's are
// not correctly rounded and are LGPL, so no port gives their last bits (docs/math-semantics.md).
// Using one is a note, never a near miss.

import { bind } from '../args.js';
import { overflowError, typeError, valueError, zeroDivision } from '../errors.js';
import { PyBuiltin, PyModule } from '../objects.js';
import { binaryOp, isInt, iterate, toFloat, toIndex } from '../ops.js';

/** @typedef {import('../objects.js').Value} Value */
/** @typedef {import('../objects.js').Kwargs} Kwargs */
/** @typedef {(x: number) => number} Libm */

const domainError = () => valueError('math domain error');
const rangeError = () => overflowError('math range error');

/** Functions the real module has that this one does not run. */
const KNOWN = [
  'sin',
  'cos',
  'tan',
  'asin',
  'acos',
  'atan',
  'atan2',
  'sinh',
  'cosh',
  'asinh',
  'acosh',
  'atanh',
  'hypot',
  'dist',
  'cbrt',
  'gamma',
  'lgamma',
  'fsum',
  'frexp',
  'ldexp',
  'modf',
  'fmod',
  'remainder',
  'nextafter',
  'ulp',
];

/**
 * CPython's math_1: calls f on float(x) and turns a NaN or infinite result into its errors.
 * @param {string} name @param {Libm} f @param {boolean} canOverflow
 */
function math1(name, f, canOverflow) {
  return new PyBuiltin(name, (args, kwargs) => {
    const x = toFloat(oneArg(name, args, kwargs));
    const r = f(x);
    if (Number.isNaN(r) && !Number.isNaN(x)) throw domainError();
    if (!Number.isFinite(r) && !Number.isNaN(r) && Number.isFinite(x)) {
      throw canOverflow ? rangeError() : domainError();
    }
    return r;
  });
}

/** The single positional argument of a one-argument function. @param {string} name @param {Value[]} args @param {Kwargs} kwargs */
function oneArg(name, args, kwargs) {
  if (kwargs.size > 0) throw typeError(`math.${name}() takes no keyword arguments`);
  if (args.length !== 1) {
    throw typeError(`math.${name}() takes exactly one argument (${args.length} given)`);
  }
  return args[0];
}

/**
 * A libm logarithm as CPython's m_log, m_log2 and m_log10 wrap it: log(0) is a singularity,
 * log of a negative number is NaN.
 * @param {Libm} log
 * @returns {Libm}
 */
function cLog(log) {
  return (x) => {
    if (Number.isFinite(x)) {
      if (x > 0) return log(x);
      return x === 0 ? -Infinity : NaN;
    }
    if (Number.isNaN(x) || x > 0) return x;
    return NaN;
  };
}

/**
 * CPython's loghelper: an int too large for a float is taken as m * 2**e (exactly as
 * _PyLong_Frexp rounds it), and its log is log(m) + log(2) * e.
 * @param {Value} x @param {Libm} log  a cLog-wrapped logarithm
 */
function logHelper(x, log) {
  if (isInt(x)) {
    const n = typeof x === 'boolean' ? (x ? 1n : 0n) : /** @type {bigint} */ (x);
    if (n <= 0n) throw domainError();
    const f = Number(n);
    if (Number.isFinite(f)) return checkedLog(f, log);
    const [m, e] = frexpBig(n);
    return log(m) + log(2) * e;
  }
  return checkedLog(toFloat(x), log);
}

/** math_1 without overflow for a logarithm. @param {number} x @param {Libm} log */
function checkedLog(x, log) {
  const r = log(x);
  if (Number.isNaN(r) && !Number.isNaN(x)) throw domainError();
  if (r === -Infinity && Number.isFinite(x)) throw domainError();
  return r;
}

/**
 * A positive int as m * 2**e with 0.5 <= m < 1, m rounded to 53 bits (half to even), as
 * _PyLong_Frexp computes it.
 * @param {bigint} n @returns {[number, number]}
 */
function frexpBig(n) {
  const bits = n.toString(2).length;
  const shift = bits - 55; // keep 55 bits: 53, a rounding bit and a sticky bit
  let top = n >> BigInt(shift);
  if (top << BigInt(shift) !== n) top |= 1n; // sticky
  // Number() of a 55-bit int rounds half to even to 53 bits, exactly as _PyLong_Frexp does.
  const m = Number(top) / 2 ** 55;
  return m === 1 ? [0.5, bits + 1] : [m, bits];
}

/** math.log(x[, base]) */
function log(/** @type {Libm} */ ln) {
  return new PyBuiltin('log', (args, kwargs) => {
    if (kwargs.size > 0) throw typeError('math.log() takes no keyword arguments');
    if (args.length < 1 || args.length > 2) throw typeError('math.log requires 1 to 2 arguments');
    const num = logHelper(args[0], ln);
    if (args.length === 1) return num;
    const den = logHelper(args[1], ln);
    if (den === 0) throw zeroDivision('float division by zero');
    return num / den;
  });
}

/** math.pow(x, y): CPython's own IEEE special cases, then libm's pow for finite operands. @param {(x: number, y: number) => number} libmPow */
function pow(libmPow) {
  return new PyBuiltin('pow', (args, kwargs) => {
    if (kwargs.size > 0) throw typeError('math.pow() takes no keyword arguments');
    if (args.length !== 2) throw typeError(`pow expected 2 arguments, got ${args.length}`);
    const x = toFloat(args[0]);
    const y = toFloat(args[1]);
    if (!Number.isFinite(x) || !Number.isFinite(y)) return powSpecial(x, y);
    const r = libmPow(x, y);
    if (Number.isNaN(r)) throw domainError(); // (negative)**(non-integer)
    if (!Number.isFinite(r)) throw x === 0 ? domainError() : rangeError();
    return r;
  });
}

/** math_pow's table for an infinite or NaN operand. @param {number} x @param {number} y */
function powSpecial(x, y) {
  if (Number.isNaN(x)) return y === 0 ? 1 : x;
  if (Number.isNaN(y)) return x === 1 ? 1 : y;
  if (!Number.isFinite(x)) {
    const oddY = Number.isFinite(y) && Math.abs(y) % 2 === 1;
    if (y > 0) return oddY ? x : Math.abs(x);
    if (y === 0) return 1;
    return oddY ? (x < 0 ? -0 : 0) : 0;
  }
  if (Math.abs(x) === 1) return 1;
  if (y > 0 && Math.abs(x) > 1) return y;
  if (y < 0 && Math.abs(x) < 1) return -y;
  return 0;
}

/** floor / ceil / trunc: an int, or CPython's errors for infinities and NaN. @param {string} name @param {(x: number) => number} round */
function toIntegral(name, round) {
  return new PyBuiltin(name, (args, kwargs) => {
    const v = oneArg(name, args, kwargs);
    if (isInt(v)) return typeof v === 'boolean' ? (v ? 1n : 0n) : v;
    const x = toFloat(v);
    if (Number.isNaN(x)) throw valueError('cannot convert float NaN to integer');
    if (!Number.isFinite(x)) throw overflowError('cannot convert float infinity to integer');
    return BigInt(round(x));
  });
}

/** A float predicate (isnan, isinf, isfinite). @param {string} name @param {(x: number) => boolean} test */
function predicate(name, test) {
  return new PyBuiltin(name, (args, kwargs) => test(toFloat(oneArg(name, args, kwargs))));
}

/** A non-negative int argument of factorial, comb and perm. @param {Value} v @param {string} message */
function nonNegative(v, message) {
  const n = toIndex(v);
  if (n < 0n) throw valueError(message);
  return n;
}

/** The product lo * (lo + 1) * ... * hi. @param {bigint} lo @param {bigint} hi */
function rangeProduct(lo, hi) {
  let p = 1n;
  for (let i = lo; i <= hi; i++) p *= i;
  return p;
}

/** @param {bigint} a @param {bigint} b */
function gcd2(a, b) {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** The integer square root, by Newton's method on BigInt. @param {bigint} n */
function isqrt(n) {
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  // Correct the float estimate (and run Newton for numbers past 2**53).
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) break;
    x = y;
  }
  while (x * x > n) x -= 1n;
  while ((x + 1n) * (x + 1n) <= n) x += 1n;
  return x;
}

/** math.isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0) @param {Value[]} args @param {Kwargs} kwargs */
function isclose(args, kwargs) {
  const a = bind('isclose', ['a', 'b', '*', 'rel_tol=', 'abs_tol='], args, kwargs);
  const x = toFloat(a.a);
  const y = toFloat(a.b);
  const relTol = a.rel_tol === undefined ? 1e-9 : toFloat(a.rel_tol);
  const absTol = a.abs_tol === undefined ? 0 : toFloat(a.abs_tol);
  if (relTol < 0 || absTol < 0) throw valueError('tolerances must be non-negative');
  if (x === y) return true;
  if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
  const diff = Math.abs(y - x);
  return diff <= Math.abs(relTol * y) || diff <= Math.abs(relTol * x) || diff <= absTol;
}

/** The integer functions: factorial, comb, perm, gcd, lcm, isqrt, prod. @returns {Record<string, Value>} */
function integerFunctions() {
  /** @param {string} name @param {(args: Value[], kwargs: Kwargs) => Value} impl */
  const fn = (name, impl) => new PyBuiltin(name, impl);
  return {
    factorial: fn('factorial', (args, kwargs) => {
      const v = oneArg('factorial', args, kwargs);
      if (typeof v === 'number') {
        throw typeError("'float' object cannot be interpreted as an integer");
      }
      return rangeProduct(2n, nonNegative(v, 'factorial() not defined for negative values'));
    }),
    comb: fn('comb', (args) => {
      if (args.length !== 2) throw typeError(`comb expected 2 arguments, got ${args.length}`);
      const n = nonNegative(args[0], 'n must be a non-negative integer');
      const k = nonNegative(args[1], 'k must be a non-negative integer');
      if (k > n) return 0n;
      let j = k; // (BigInts: no Math.min)
      if (n - k < j) j = n - k;
      return rangeProduct(n - j + 1n, n) / rangeProduct(2n, j);
    }),
    perm: fn('perm', (args) => {
      if (args.length < 1 || args.length > 2) {
        throw typeError(`perm expected at most 2 arguments, got ${args.length}`);
      }
      const n = nonNegative(args[0], 'n must be a non-negative integer');
      if (args.length === 1 || args[1] === null) return rangeProduct(2n, n);
      const k = nonNegative(args[1], 'k must be a non-negative integer');
      return k > n ? 0n : rangeProduct(n - k + 1n, n);
    }),
    gcd: fn('gcd', (args) => args.map((v) => toIndex(v)).reduce(gcd2, 0n)),
    lcm: fn('lcm', (args) =>
      args
        .map((v) => toIndex(v))
        .reduce((a, b) => {
          if (a === 0n || b === 0n) return 0n;
          const l = (a / gcd2(a, b)) * b;
          return l < 0n ? -l : l;
        }, 1n),
    ),
    isqrt: fn('isqrt', (args, kwargs) =>
      isqrt(nonNegative(oneArg('isqrt', args, kwargs), 'isqrt() argument must be nonnegative')),
    ),
    prod: fn('prod', (args, kwargs) => {
      const a = bind('prod', ['iterable', '*', 'start='], args, kwargs);
      let product = a.start === undefined ? 1n : a.start;
      for (const item of iterate(a.iterable)) product = binaryOp('*', product, item);
      return product;
    }),
  };
}

/**
 * The float functions over seedlab's ports of glibc's libm.
 * @param {typeof import('../../pkg/seedlab.js')} pkg
 * @returns {Record<string, Value>}
 */
function floatFunctions(pkg) {
  return {
    sqrt: math1('sqrt', Math.sqrt, false), // correctly rounded, as the sqrtsd instruction
    exp: math1('exp', pkg.mathExp, true),
    exp2: math1('exp2', pkg.mathExp2, true),
    expm1: math1('expm1', pkg.mathExpm1, true),
    // m_log1p: log1p(-1) is a singularity; the zero keeps its sign.
    log1p: math1('log1p', (x) => (x === 0 ? x : pkg.mathLog1p(x)), false),
    erf: math1('erf', pkg.mathErf, false),
    erfc: math1('erfc', pkg.mathErfc, false),
    tanh: math1('tanh', pkg.mathTanh, false),
    fabs: math1('fabs', Math.abs, false),
    log: log(cLog(pkg.mathLog)),
    log2: new PyBuiltin('log2', (args, kwargs) =>
      logHelper(oneArg('log2', args, kwargs), cLog(pkg.mathLog2)),
    ),
    log10: new PyBuiltin('log10', (args, kwargs) =>
      logHelper(oneArg('log10', args, kwargs), cLog(pkg.mathLog10)),
    ),
    pow: pow(pkg.mathPow),
    // CPython multiplies by the double nearest 180/pi (or pi/180): one rounding, as here.
    degrees: math1('degrees', (x) => x * (180 / Math.PI), true),
    radians: math1('radians', (x) => x * (Math.PI / 180), false),
    copysign: new PyBuiltin('copysign', (args) => {
      if (args.length !== 2) throw typeError(`copysign expected 2 arguments, got ${args.length}`);
      const x = Math.abs(toFloat(args[0]));
      const y = toFloat(args[1]);
      return y < 0 || Object.is(y, -0) || (Number.isNaN(y) && signBit(y)) ? -x : x;
    }),
    floor: toIntegral('floor', Math.floor),
    ceil: toIntegral('ceil', Math.ceil),
    trunc: toIntegral('trunc', Math.trunc),
    isnan: predicate('isnan', Number.isNaN),
    isinf: predicate('isinf', (x) => x === Infinity || x === -Infinity),
    isfinite: predicate('isfinite', Number.isFinite),
    isclose: new PyBuiltin('isclose', isclose),
  };
}

/** The sign bit of a double (NaN included). @param {number} x */
function signBit(x) {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return (view.getUint8(0) & 0x80) !== 0;
}

/**
 * The `math` module of a session.
 * @param {typeof import('../../pkg/seedlab.js')} pkg
 */
export function createMath(pkg) {
  return new PyModule(
    'math',
    {
      pi: Math.PI,
      e: Math.E,
      tau: 2 * Math.PI,
      inf: Infinity,
      nan: NaN,
      ...floatFunctions(pkg),
      ...integerFunctions(),
    },
    KNOWN,
  );
}
