// The playground histogram's numbers: which distribution a draw's values follow, the bins and the
// exact density to draw over them, the counts per bin and round tick values. Pure, no DOM
// (histogram-view.js draws it).
/** @import { FnSpec, Params } from './libraries/spec.js' */

/**
 * A histogram's kind and parameters: ['randn', []], ['normal', [loc, scale]], ['rand', []],
 * ['uniform', [low, high]] or ['randint', [low, high]] (high exclusive).
 * @typedef {[string, Array<number | bigint>]} Distribution
 */

/**
 * The bins, the exact density and its name, for a histogram.
 * @typedef {object} HistogramSpec
 * @property {number[]} edges           bin edges, left to right
 * @property {Array<[number, number]>} curve   [x, density] points of the exact density
 * @property {string} name              the distribution, as the caption names it
 * @property {boolean} [perInteger]     one bar per integer: the curve is a probability
 */

/**
 * What a draw's values follow, for histogramSpec, or null (a permutation, a draw without
 * replacement: nothing to plot).
 * @param {FnSpec} spec
 * @param {Params} p
 * @returns {Distribution | null}
 */
export function distribution(spec, p) {
  switch (spec.kind) {
    case 'rand':
    case 'randn':
      return [spec.kind, []];
    case 'normal':
      return ['normal', [p.loc, p.scale]];
    case 'uniform':
      return ['uniform', [p.low, p.high]];
    case 'randint':
      return ['randint', [p.low, p.high]];
    case 'randint-inclusive': // Python's randint(a, b)
      return ['randint', [p.low, BigInt(p.high) + 1n]];
    case 'choice':
      if (!p.replace && !spec.alwaysReplace) return null;
      return ['randint', [spec.base ?? 0, Number(p.pop) + (spec.base ?? 0)]];
    default:
      return null; // a permutation: nothing to plot
  }
}

/**
 * @param {number} loc
 * @param {number} scale
 * @returns {(x: number) => number}
 */
const normalPdf = (loc, scale) => (x) =>
  Math.exp(-0.5 * ((x - loc) / scale) ** 2) / (scale * Math.sqrt(2 * Math.PI));

/**
 * @param {number} lo
 * @param {number} hi
 * @param {number} bins
 */
function evenEdges(lo, hi, bins) {
  return Array.from({ length: bins + 1 }, (_, i) =>
    i === bins ? hi : lo + ((hi - lo) * i) / bins,
  );
}

/** @param {number} x */
function fmt(x) {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6)));
}

/**
 * @param {string} fn
 * @param {number[]} p
 * @returns {HistogramSpec | null}
 */
function normalSpec(fn, p) {
  const [loc, scale] = fn === 'randn' ? [0, 1] : p;
  if (!(scale > 0) || !Number.isFinite(scale)) return null;
  const lo = loc - 4.5 * scale;
  const hi = loc + 4.5 * scale;
  const pdf = normalPdf(loc, scale);
  /** @type {Array<[number, number]>} */
  const curve = evenEdges(lo, hi, 240).map((x) => [x, pdf(x)]);
  const name =
    fn === 'randn' ? 'the standard normal N(0, 1)' : `the normal N(${fmt(loc)}, ${fmt(scale)}²)`;
  return { edges: evenEdges(lo, hi, 60), curve, name };
}

/**
 * @param {string} fn
 * @param {number[]} p
 * @returns {HistogramSpec | null}
 */
function uniformSpec(fn, p) {
  const [a, b] = fn === 'rand' ? [0, 1] : [Math.min(...p), Math.max(...p)];
  if (!(b > a)) return null;
  const d = 1 / (b - a);
  return {
    edges: evenEdges(a, b, 50),
    curve: [
      [a, d],
      [b, d],
    ],
    name: `the uniform distribution on [${fmt(a)}, ${fmt(b)})`,
  };
}

/**
 * randint: one bar per integer (or per group of integers), centred on the integers.
 * @param {Array<number | bigint>} p
 * @returns {HistogramSpec | null}
 */
function integerSpec(p) {
  const low = Number(p[0]);
  const high = Number(p[1]);
  const span = high - low;
  if (!(span >= 1)) return null;
  const group = Math.ceil(span / 60);
  const edges = [];
  for (let e = low - 0.5; e < high - 0.5; e += group) edges.push(e);
  edges.push(high - 0.5);
  const d = 1 / span;
  return {
    edges,
    curve: [
      [low - 0.5, d],
      [high - 0.5, d],
    ],
    name: `the discrete uniform distribution on ${fmt(low)}, …, ${fmt(high - 1)}`,
    perInteger: group === 1,
  };
}

/**
 * { edges, curve, name } for the histogram of fn with parameters p, or null if degenerate.
 * @param {string} fn
 * @param {Array<number | bigint>} p
 * @returns {HistogramSpec | null}
 */
export function histogramSpec(fn, p) {
  if (fn === 'randn' || fn === 'normal') return normalSpec(fn, p.map(Number));
  if (fn === 'rand' || fn === 'uniform') return uniformSpec(fn, p.map(Number));
  return integerSpec(p);
}

/**
 * About `count` round tick values covering [min, max] (steps of 1, 2 or 5 times a power of 10).
 * @param {number} min
 * @param {number} max
 * @param {number} [count]
 * @returns {number[]}
 */
export function niceTicks(min, max, count = 6) {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks = [];
  const first = Math.ceil(min / step - 1e-9);
  for (let i = first; i * step <= max + step * 1e-9; i++) {
    ticks.push(Number((i * step).toPrecision(12)));
  }
  return ticks.length < 3 && count < 50 ? niceTicks(min, max, count * 2) : ticks;
}

/**
 * Counts of values in the bins [edges[i], edges[i+1]) (the last bin includes its right edge).
 * @param {Iterable<number>} values
 * @param {number[]} edges
 */
export function binCounts(values, edges) {
  const counts = new Array(edges.length - 1).fill(0);
  const lo = edges[0];
  const hi = edges[edges.length - 1];
  const uniform =
    edges.length > 2 &&
    edges.every(
      (e, i) =>
        i === 0 || Math.abs(e - edges[i - 1] - (edges[1] - edges[0])) <= 1e-9 * Math.abs(hi - lo),
    );
  const width = (hi - lo) / counts.length;
  let outside = 0;
  for (const v of values) {
    if (!(v >= lo && v <= hi)) {
      outside++;
      continue;
    }
    let i;
    if (uniform) {
      i = Math.min(counts.length - 1, Math.floor((v - lo) / width));
    } else {
      i = edges.findIndex((e, j) => j > 0 && v < e) - 1;
      if (i < 0) i = counts.length - 1;
    }
    counts[i]++;
  }
  return { counts, outside };
}

/**
 * A tick's label: as few decimals as the step needs; exponent form for very large or small.
 * @param {number} value
 * @param {number} step
 */
export function tickLabel(value, step) {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e6 || abs < 1e-4) return value.toExponential(1).replace('e+', 'e');
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return value.toFixed(Math.min(decimals, 6));
}
