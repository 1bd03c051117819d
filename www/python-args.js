// Turns Python values (from python-expr.js) into the arguments seedlab's JS API takes, raising
// what Python raises where the conversion itself fails (e.g. torch.manual_seed(None)).
// Range checks (seed out of range, negative size, n too large to allocate) are left to seedlab,
// which throws the library's own error text.
import { PageLimit, PythonError } from './python-expr.js';

/** The most values one call draws on this page; Python would go on, the browser tab should not. */
export const PAGE_MAX_N = 1_000_000;
/** From this many values on, NumPy and torch fail to allocate; seedlab reports it as they do. */
const HOPELESS_N = 2 ** 37;

const FORMAT_N = new Intl.NumberFormat('en-US');

function pyType(v) {
  return v.type;
}

function boolAsInt(v) {
  return v.type === 'bool' ? { type: 'int', value: v.value ? 1n : 0n } : v;
}

/** A seed for np.random.seed / RandomState: int, float (NumPy rejects it), None, or a list. */
export function numpySeed(v) {
  v = boolAsInt(v);
  switch (v.type) {
    case 'int':
      return v.value;
    case 'float':
      return v.value;
    case 'NoneType':
      return undefined; // np.random.seed(None): fresh entropy from the OS
    case 'list':
      return v.items.map((item) => {
        item = boolAsInt(item);
        if (item.type === 'int' || item.type === 'float') return item.value;
        throw new PythonError('TypeError', `int() argument must be a string, a bytes-like object or a real number, not '${pyType(item)}'`);
      });
    default:
      throw new PythonError('TypeError', `Cannot cast scalar from dtype('O') to dtype('int64') according to the rule 'safe'`);
  }
}

/** A seed for torch.manual_seed, which calls int(seed) first. */
export function torchSeed(v) {
  v = boolAsInt(v);
  if (v.type === 'int') return v.value;
  if (v.type === 'float') {
    if (Number.isNaN(v.value)) throw new PythonError('ValueError', 'cannot convert float NaN to integer');
    if (!Number.isFinite(v.value)) throw new PythonError('OverflowError', 'cannot convert float infinity to integer');
    return BigInt(Math.trunc(v.value));
  }
  throw new PythonError(
    'TypeError',
    `int() argument must be a string, a bytes-like object or a real number, not '${pyType(v)}'`,
  );
}

function pageLimit(n) {
  if (n > PAGE_MAX_N && n < HOPELESS_N) {
    throw new PageLimit(
      `This page draws at most ${FORMAT_N.format(PAGE_MAX_N)} values per call (Python would draw ${FORMAT_N.format(n)}).`,
    );
  }
  return n;
}

/** The size n of np.random.randn(n) and friends. */
export function numpySize(v) {
  v = boolAsInt(v);
  if (v.type === 'int') {
    // NumPy checks the dimension before trying to allocate.
    if (v.value >= 2n ** 63n) throw new PythonError('ValueError', 'Maximum allowed dimension exceeded');
    if (v.value < -(2n ** 63n)) throw new PythonError('ValueError', 'Maximum allowed dimension exceeded');
    return pageLimit(Number(v.value));
  }
  if (v.type === 'float') return v.value; // seedlab: "'float' object cannot be interpreted as an integer"
  throw new PythonError('TypeError', `'${pyType(v)}' object cannot be interpreted as an integer`);
}

/** The size n of torch.randn(n) (a one-element list [n] is the same shape). */
export function torchSize(v, fn) {
  v = boolAsInt(v);
  if (v.type === 'list' && v.items.length === 1) v = boolAsInt(v.items[0]);
  if (v.type === 'int') return pageLimit(Number(v.value));
  if (v.type === 'float') return v.value; // seedlab raises torch's TypeError
  if (v.type === 'list') throw new PageLimit('This page draws one-dimensional tensors only.');
  throw new PythonError(
    'TypeError',
    `${fn}(): argument 'size' (position 1) must be tuple of ints, not ${pyType(v)}`,
  );
}

/** An integer bound of randint (a float with an integer value is taken as that integer). */
export function intBound(v) {
  v = boolAsInt(v);
  if (v.type === 'int') return v.value;
  if (v.type === 'float') return Number.isInteger(v.value) ? BigInt(v.value) : v.value;
  throw new PythonError('TypeError', `'${pyType(v)}' object cannot be interpreted as an integer`);
}

/** A float parameter (low, high, loc, scale). */
export function realArg(v) {
  v = boolAsInt(v);
  if (v.type === 'int') {
    const x = Number(v.value);
    if (!Number.isFinite(x)) throw new PythonError('OverflowError', 'int too large to convert to float');
    return x;
  }
  if (v.type === 'float') return v.value;
  throw new PythonError('TypeError', `must be real number, not ${pyType(v)}`);
}
