// torch.multinomial(input, num_samples, replacement) as torch 2.15's CPU code draws it
// (aten/src/ATen/native/Distributions.cpp multinomial_out, cpu/MultinomialKernel.cpp):
//   - without replacement, and for a single sample even with replacement, the "Gumbel" fast
//     path: q = empty_like(input).exponential_(1), q = input / q (in the input's dtype), then
//     argmax (one sample) or topk (several) along the last dimension;
//   - with replacement, per row: the cumulative sum in the input's dtype, divided by the sum,
//     its last bucket set to 1, then for each sample a double uniform (53 bits of random64)
//     and a binary search for the first bucket not below it.
// Where topk/argmax would meet equal values (zeros for categories of probability 0, say), the
// order torch's selection gives them is not reproduced: refused. torch.poisson (below 10) too.

import { PyError, Unsupported } from '../../errors.js';
import { float32, float64, int64 } from './dtypes.js';
import { DTYPE_CPP_NAMES } from './elementwise.js';
import { Tensor } from './tensor.js';

/** @typedef {import('./random.js').TorchGeneratorObject} TorchGeneratorObject */

const runtimeError = (/** @type {string} */ msg) => new PyError('RuntimeError', msg);

/**
 * torch.multinomial(t, nSample, replacement, generator)
 * @param {Tensor} t @param {bigint} nSampleArg @param {boolean} replacement @param {TorchGeneratorObject} g
 */
export function multinomial(t, nSampleArg, replacement, g) {
  if (t.ndim < 1 || t.ndim > 2) throw runtimeError('prob_dist must be 1 or 2 dim');
  if (!t.dtype.isFloating) {
    throw runtimeError(
      `multinomial only supports floating-point dtypes for input, got: ${DTYPE_CPP_NAMES.get(t.dtype.name)}`,
    );
  }
  if (t.dtype !== float32 && t.dtype !== float64)
    throw new Unsupported(`torch.multinomial of a ${t.dtype.repr()} tensor`);
  if (nSampleArg <= 0n) throw runtimeError('cannot sample n_sample <= 0 samples');
  const categories = t.shape[t.ndim - 1];
  if (!replacement && nSampleArg > BigInt(categories))
    throw runtimeError('cannot sample n_sample > prob_dist.size(-1) samples without replacement');
  if (categories > 2 ** 24) throw runtimeError('number of categories cannot exceed 2^24');
  const n = Number(nSampleArg);
  const rows = t.ndim === 2 ? t.shape[0] : 1;
  const shape = t.ndim === 2 ? [rows, n] : [n];
  const out = new BigInt64Array(rows * n);
  if (out.length === 0) return Tensor.of(out, shape, int64);
  const p = t.values();
  if (!replacement || n === 1) gumbel(t, p, rows, categories, n, g, out);
  else withReplacement(t, p, rows, categories, n, g, out);
  return Tensor.of(out, shape, int64);
}

/**
 * The fast path: argmax / topk of p / q with q ~ Exp(1) drawn for every element.
 * @param {Tensor} t @param {ArrayLike<number>} p @param {number} rows @param {number} categories
 * @param {number} n @param {TorchGeneratorObject} g @param {BigInt64Array} out
 */
function gumbel(t, p, rows, categories, n, g, out) {
  let valid = true;
  for (let i = 0; i < p.length; i++) if (!(p[i] < Infinity && p[i] >= 0)) valid = false;
  if (!valid) throw runtimeError('probability tensor contains either `inf`, `nan` or element < 0');
  for (let r = 0; r < rows; r++) {
    let any = false;
    for (let j = 0; j < categories; j++) if (p[r * categories + j] !== 0) any = true;
    if (!any) throw runtimeError('invalid multinomial distribution (sum of probabilities <= 0)');
  }
  // empty_like(input) keeps the input's strides: exponential_ fills its memory in order.
  if (!t.storage.isContiguous())
    throw new Unsupported('torch.multinomial of a non-contiguous tensor without replacement');
  const q = /** @type {Float32Array | Float64Array} */ (
    g.fill('exponential', 'torch.multinomial', t.dtype, p.length, 1)
  );
  const single = t.dtype === float32;
  for (let i = 0; i < q.length; i++) q[i] = single ? Math.fround(p[i] / q[i]) : p[i] / q[i];
  for (let r = 0; r < rows; r++) {
    const order = Array.from({ length: categories }, (_, j) => j);
    const base = r * categories;
    order.sort((a, b) => q[base + b] - q[base + a] || a - b);
    for (let k = 1; k <= Math.min(n, categories - 1); k++) {
      if (q[base + order[k]] === q[base + order[k - 1]]) {
        throw new Unsupported(
          "torch.multinomial where input / q ties (zero probabilities, say): torch's selection orders equal values in a way the page does not reproduce",
        );
      }
    }
    for (let k = 0; k < n; k++) out[r * n + k] = BigInt(order[k]);
  }
}

/**
 * multinomial_with_replacement_apply: cumulative buckets and a binary search per sample.
 * @param {Tensor} t @param {ArrayLike<number>} p @param {number} rows @param {number} categories
 * @param {number} n @param {TorchGeneratorObject} g @param {BigInt64Array} out
 */
function withReplacement(t, p, rows, categories, n, g, out) {
  const single = t.dtype === float32;
  const round = single ? Math.fround : (/** @type {number} */ x) => x;
  const cum = single ? new Float32Array(categories) : new Float64Array(categories);
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    for (let j = 0; j < categories; j++) {
      const val = p[r * categories + j];
      if (!(val >= 0))
        throw runtimeError('invalid multinomial distribution (encountering probability entry < 0)');
      if (!Number.isFinite(val)) {
        throw runtimeError(
          'invalid multinomial distribution (encountering probability entry = infinity or NaN)',
        );
      }
      sum = round(sum + val);
      cum[j] = sum;
    }
    if (!(sum > 0))
      throw runtimeError('invalid multinomial distribution (sum of probabilities <= 0)');
    for (let j = 0; j < categories; j++) cum[j] = round(cum[j] / sum);
    cum[categories - 1] = 1;
    const u = g.fill('uniform', 'torch.multinomial', float64, n, 0, 1);
    for (let s = 0; s < n; s++) {
      let left = 0;
      let right = categories;
      while (right - left > 0) {
        const mid = left + Math.floor((right - left) / 2);
        if (cum[mid] < u[s]) left = mid + 1;
        else right = mid;
      }
      out[r * n + s] = BigInt(left);
    }
  }
}

/**
 * torch.poisson(rates) as _s_poisson_cpu draws it: element by element in order, each through
 * sample_poisson: rate 0 gives 0, a rate below 10 multiplies double uniforms (53 bits of
 * random64) until the product falls to exp(-rate) (glibc's exp, ported). Rates of 10 or more
 * take a rejection sampler that calls std::lgamma, which no port reproduces: refused.
 * @param {Tensor} t @param {TorchGeneratorObject} g @param {(x: number) => number} exp
 */
export function poisson(t, g, exp) {
  if (!t.dtype.isFloating)
    throw new PyError(
      'NotImplementedError',
      `"poisson_cpu" not implemented for '${DTYPE_CPP_NAMES.get(t.dtype.name)}'`,
    );
  if (t.dtype !== float32 && t.dtype !== float64)
    throw new Unsupported(`torch.poisson of a ${t.dtype.repr()} tensor`);
  if (!t.storage.isContiguous()) throw new Unsupported('torch.poisson of a non-contiguous tensor');
  const rates = t.values();
  if (Array.from(rates).some((r) => r >= 10)) {
    throw new Unsupported(
      "torch.poisson with rates of 10 or more (torch's rejection sampler calls std::lgamma, which no port reproduces)",
    );
  }
  const out = t.dtype.make(rates.length);
  for (let i = 0; i < rates.length; i++) {
    const rate = rates[i];
    if (!(rate >= 0)) throw runtimeError('invalid Poisson rate, expected rate to be non-negative');
    if (rate === 0) continue;
    const enlam = exp(-rate);
    let x = 0;
    let prod = 1.0;
    for (;;) {
      prod *= /** @type {number} */ (g.fill('uniform', 'torch.poisson', float64, 1, 0, 1)[0]);
      if (prod > enlam) x += 1;
      else break;
    }
    out[i] = x;
  }
  return Tensor.of(out, [...t.shape], t.dtype);
}
