// The playground's libraries: for each, the functions its seedlab API has, their parameters,
// the code a draw stands for, how the values print, and which distribution they follow (for the
// histogram). Pure apart from the kernel's generators; playground.js does the form.
//
// A setting object s holds the form's texts: { lib, fn, seed, noseed, n, low, high, loc, scale,
// pop, replace }. Parameters are read as the library's language reads them.
import { formatJaxArray, formatNumpyArray, formatPythonList, formatTorchTensor } from './format.js';
import { formatRVector } from './format-r.js';
import { formatRustVec, rustDebugF64 } from './format-rust.js';
import * as args from './python-args.js';
import { evalPython, PageLimit } from './python-expr.js';
import { rAsNumber, readR, rError } from './r-expr.js';
import { readRustInt, readRustU64, RustError } from './rust-expr.js';

export const SAMPLE_SIZE = 100_000;
const SAMPLE_TEXT = '100_000';

const py = (text) => evalPython(text);

/** The Python parameters: ints for integer bounds and sizes, floats for the rest. */
function pythonParam(name, text) {
  if (name === 'replace') return text === true;
  if (name === 'pop') return args.intBound(py(text));
  return args.realArg(py(text));
}

const BOUNDS = ['low', 'high'];
const LOC_SCALE = ['loc', 'scale'];
const CHOICE = ['pop', 'replace'];

// Function specs: params (setting names, in call order), kind (what the values are: 'rand',
// 'randn', 'normal', 'uniform', 'randint', 'randint-inclusive', 'choice', 'permutation'),
// labels (how the library names the parameters, where that differs from the setting's name), js
// (the seedlab method when its name differs), base (the first value a choice draws, 1 in R) and
// alwaysReplace (a choice that always draws with replacement: Python's random.choice).
const fnSpec = (kind, params = [], extra = {}) => ({ kind, params, ...extra });

/**
 * What a draw's values follow: [histogram kind, its parameters] for plot.histogramSpec
 * ('rand', 'randn', 'normal', 'uniform', 'randint' with an exclusive high), or null.
 */
function distribution(spec, p) {
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

/** Whether a sample is drawn and plotted: not for permutations and draws without replacement. */
export const samples = (spec, s) =>
  spec.kind !== 'permutation' && !(spec.kind === 'choice' && !s.replace && !spec.alwaysReplace);

/** Which field an error from the library is about: the size, or a parameter. */
function blame(spec, e) {
  const message = String(e && e.message);
  if (/dimension|allocate|cannot be interpreted|argument 'size'|larger sample|sample larger|shape|usize|count n|invalid arguments/.test(message)) return 'n';
  if (/arg 1 for randrange/.test(message)) return 'low';
  if (spec.params.includes('pop')) return 'pop';
  return spec.params.length ? spec.params[1] : 'n';
}

function numpyArgs(spec, p) {
  return spec.params.filter((name) => name !== 'replace').map((name) => p[name]);
}

function numpyCallText(spec, s, fnName, n) {
  const params = spec.params
    .filter((name) => name !== 'replace')
    .map((name) => s[name]);
  const replace = spec.params.includes('replace') ? [`replace=${s.replace ? 'True' : 'False'}`] : [];
  return `${fnName}(${[...params, n, ...replace].join(', ')})`;
}

const numpyPrint = (spec) => (values) =>
  formatNumpyArray(values, { dtype: spec.kind === 'randint' || spec.kind === 'choice' || spec.kind === 'permutation' ? 'int64' : 'float64' });

export const LIBRARIES = {
  numpy: {
    label: 'NumPy RandomState',
    lang: 'python',
    functions: {
      rand: fnSpec('rand'),
      randn: fnSpec('randn'),
      randint: fnSpec('randint', BOUNDS),
      normal: fnSpec('normal', LOC_SCALE),
      uniform: fnSpec('uniform', BOUNDS),
      permutation: fnSpec('permutation'),
      choice: fnSpec('choice', CHOICE),
    },
    defaultFn: 'randn',
    seed: (text) => args.numpySeed(py(text)),
    size: (text) => args.numpySize(py(text)),
    param: pythonParam,
    generator(s, seed, kernel) {
      if (s.noseed) return { gen: kernel.numpyGlobal, owned: false };
      return { gen: new kernel.RandomState(seed), owned: true };
    },
    call: (gen, fn, spec, p, n) =>
      spec.kind === 'choice' ? gen.choice(p.pop, n, p.replace) : gen[fn](...numpyArgs(spec, p), n),
    print: (spec, values) => numpyPrint(spec)(values),
    code(s, spec) {
      const obj = s.noseed ? 'np.random' : 'rng';
      const lines = ['import numpy as np', ''];
      if (!s.noseed) lines.push(`rng = np.random.RandomState(${s.seed})`);
      lines.push(`print(${obj}.${numpyCallText(spec, s, s.fn, s.n)})`);
      if (samples(spec, s)) lines.push(`sample = ${obj}.${numpyCallText(spec, s, s.fn, SAMPLE_TEXT)}  # plotted below`);
      return lines.join('\n');
    },
    source: (s) => `np.random.${s.fn}`,
  },

  generator: {
    label: 'NumPy default_rng',
    lang: 'python',
    functions: {
      random: fnSpec('rand'),
      standard_normal: fnSpec('randn', [], { js: 'standardNormal' }),
      integers: fnSpec('randint', BOUNDS),
      normal: fnSpec('normal', LOC_SCALE),
      uniform: fnSpec('uniform', BOUNDS),
      permutation: fnSpec('permutation'),
      choice: fnSpec('choice', CHOICE),
    },
    defaultFn: 'standard_normal',
    seed: (text) => args.generatorSeed(py(text)),
    size: (text) => args.numpySize(py(text)),
    param: pythonParam,
    // default_rng() without a seed: a new Generator from OS entropy, as each run of the code makes.
    generator: (s, seed, kernel) => ({ gen: kernel.defaultRng(s.noseed ? undefined : seed), owned: true }),
    call: (gen, fn, spec, p, n) =>
      spec.kind === 'choice' ? gen.choice(p.pop, n, p.replace) : gen[spec.js ?? fn](...numpyArgs(spec, p), n),
    print: (spec, values) => numpyPrint(spec)(values),
    code(s, spec) {
      const lines = ['import numpy as np', '', `rng = np.random.default_rng(${s.noseed ? '' : s.seed})`];
      lines.push(`print(rng.${numpyCallText(spec, s, s.fn, s.n)})`);
      if (samples(spec, s)) lines.push(`sample = rng.${numpyCallText(spec, s, s.fn, SAMPLE_TEXT)}  # plotted below`);
      return lines.join('\n');
    },
    source: (s) => `Generator.${s.fn}`,
  },

  torch: {
    label: 'PyTorch',
    lang: 'python',
    functions: {
      rand: fnSpec('rand'),
      randn: fnSpec('randn'),
      randint: fnSpec('randint', BOUNDS),
    },
    defaultFn: 'randn',
    seed: (text) => args.torchSeed(py(text)),
    size: (text, fn) => args.torchSize(py(text), fn),
    param: pythonParam,
    generator(s, seed, kernel) {
      if (s.noseed) return { gen: kernel.torchGlobal, owned: false };
      return { gen: new kernel.TorchGenerator(seed), owned: true };
    },
    call: (gen, fn, spec, p, n) => gen[fn](...numpyArgs(spec, p), n),
    print: (spec, values) => formatTorchTensor(values, { dtype: spec.kind === 'randint' ? 'int64' : 'float32' }),
    code(s, spec) {
      const call = (n) =>
        spec.kind === 'randint' ? `torch.randint(${s.low}, ${s.high}, (${n},))` : `torch.${s.fn}(${n})`;
      const lines = ['import torch', ''];
      if (!s.noseed) lines.push(`torch.manual_seed(${s.seed})`);
      lines.push(`print(${call(s.n)})`, `sample = ${call(SAMPLE_TEXT)}  # plotted below`);
      return lines.join('\n');
    },
    source: (s) => `torch.${s.fn}`,
  },

  python: {
    label: 'Python random',
    lang: 'python',
    functions: {
      random: fnSpec('rand'),
      gauss: fnSpec('normal', LOC_SCALE, { labels: { loc: 'mu (mean)', scale: 'sigma (standard deviation)' } }),
      randint: fnSpec('randint-inclusive', BOUNDS, { labels: { low: 'a', high: 'b (included)' } }),
      choice: fnSpec('choice', ['pop'], { alwaysReplace: true, labels: { pop: 'population: range(…)' } }),
      shuffle: fnSpec('permutation'),
    },
    defaultFn: 'gauss',
    seed: (text) => args.pySeed(py(text)),
    size: (text) => args.pyCount(py(text)),
    param(name, text) {
      if (name === 'pop') {
        const pop = args.intBound(py(text));
        return typeof pop === 'bigint' ? Number(pop < 0n ? 0n : pop) : pop;
      }
      return pythonParam(name, text);
    },
    // The random module's hidden instance (random.random(), ...) lives as long as the page.
    generator(s, seed, kernel) {
      if (s.noseed) return { gen: kernel.pythonGlobal, owned: false };
      return { gen: new kernel.PyRandom(seed), owned: true };
    },
    call(gen, fn, spec, p, n) {
      if (fn === 'choice') return gen.choice(p.pop, n);
      if (fn === 'shuffle') {
        const x = Array.from({ length: n }, (_, i) => i);
        gen.shuffle(x);
        return x;
      }
      return gen[fn](...numpyArgs(spec, p), n);
    },
    print: (spec, values) =>
      spec.kind === 'rand' || spec.kind === 'normal' ? formatPythonList(values) : `[${Array.from(values).join(', ')}]`,
    code(s, spec) {
      const lines = ['import random', ''];
      if (!s.noseed) lines.push(`random.seed(${s.seed})`);
      if (s.fn === 'shuffle') {
        lines.push(`x = list(range(${s.n}))`, 'random.shuffle(x)', 'print(x)');
        return lines.join('\n');
      }
      const arg = { random: '', gauss: `${s.loc}, ${s.scale}`, randint: `${s.low}, ${s.high}`, choice: `range(${s.pop})` }[s.fn];
      const list = (n) => `[random.${s.fn}(${arg}) for _ in range(${n})]`;
      lines.push(`print(${list(s.n)})`, `sample = ${list(SAMPLE_TEXT)}  # plotted below`);
      return lines.join('\n');
    },
    source: (s) => `random.${s.fn}`,
  },

  r: {
    label: 'R',
    lang: 'r',
    functions: {
      runif: fnSpec('uniform', BOUNDS, { labels: { low: 'min', high: 'max' } }),
      rnorm: fnSpec('normal', LOC_SCALE, { labels: { loc: 'mean', scale: 'sd' } }),
      sample: fnSpec('choice', CHOICE, { base: 1, labels: { pop: 'x (samples 1:x)' } }),
    },
    defaultFn: 'rnorm',
    // R's fields are read as R expressions where they sit in the call (see rCall below).
    seed: (text) => rAsNumber(rRead(text, { before: 'set.seed(', after: ')' }).value),
    size: (text, fn, s) => args.pageLimit(rAsNumber(rRead(text, rAround(s, 'n')).value) ?? NaN, 'R'),
    param(name, text, s) {
      if (name === 'replace') return text === true;
      const value = rAsNumber(rRead(text, rAround(s, name)).value) ?? NaN;
      if (name === 'pop' && !(value >= 1 && Number.isFinite(value))) {
        throw new PageLimit('This page samples from 1:x, for a number x of at least 1.');
      }
      return value;
    },
    generator(s, seed, kernel) {
      if (s.noseed) return { gen: kernel.rGlobal, owned: false };
      try {
        return { gen: new kernel.RRandom(seed), owned: true };
      } catch (e) {
        throw rCallError(`set.seed(${rDeparse(s.seed)})`, e);
      }
    },
    call(gen, fn, spec, p, n, kernel, s) {
      try {
        if (fn === 'sample') return gen.sample(p.pop, n, p.replace);
        return gen[fn](n, ...numpyArgs(spec, p));
      } catch (e) {
        const call = fn === 'sample' ? 'sample.int(x, size, replace, prob)' : rCallText(s);
        throw rCallError(call, e);
      }
    },
    print: (spec, values) => formatRVector(values, { type: spec.kind === 'choice' ? 'integer' : 'double' }),
    code(s) {
      const lines = [];
      if (!s.noseed) lines.push(`set.seed(${s.seed})`);
      lines.push(rCallText(s, s.n, true));
      if (s.fn !== 'sample' || s.replace) lines.push(`x <- ${rCallText(s, '1e5', true)}  # plotted below`);
      return lines.join('\n');
    },
    source: (s) => `R's ${s.fn}`,
  },

  jax: {
    label: 'JAX',
    lang: 'python',
    functions: {
      uniform: fnSpec('rand', [], { js: 'jaxUniform' }),
      normal: fnSpec('randn', [], { js: 'jaxNormal' }),
    },
    defaultFn: 'normal',
    noSeedNote: 'JAX has no unseeded generator: every call takes a key.',
    seed: (text) => args.jaxSeed(py(text)),
    size: (text) => args.jaxSize(py(text)),
    param: pythonParam,
    generator: (s, seed, kernel) => ({ gen: kernel.jaxKey(seed), owned: false }),
    call: (key, fn, spec, p, n, kernel) => kernel[spec.js](key, n),
    print: (spec, values) => formatJaxArray(values),
    code(s) {
      const call = (n) => `jax.random.${s.fn}(key, (${n},))`;
      return [
        'import jax',
        '',
        `key = jax.random.key(${s.seed})`,
        `print(repr(${call(s.n)}))`,
        `sample = ${call(SAMPLE_TEXT)}  # plotted below`,
      ].join('\n');
    },
    source: (s) => `jax.random.${s.fn}`,
  },

  rust: {
    label: 'Rust Pcg64',
    lang: 'rust',
    functions: {
      random: fnSpec('rand'),
      standard_normal: fnSpec('randn', [], { js: 'standardNormal' }),
      uniform: fnSpec('uniform', BOUNDS),
    },
    defaultFn: 'standard_normal',
    seed: readRustU64,
    size: (text) => rustCount(text),
    // Bounds are f64s: the code shows them as Rust float literals (0.0, 1e-7).
    param: (name, text) => args.realArg(py(text)),
    generator: (s, seed, kernel) => ({ gen: new kernel.RustRng(s.noseed ? undefined : seed), owned: true }),
    call(gen, fn, spec, p, n) {
      try {
        return gen[spec.js ?? fn](...numpyArgs(spec, p), n);
      } catch (e) {
        // Uniform::new(low, high).unwrap() panics with the error's Debug name.
        const variant = /low > high/.test(e.message) ? 'EmptyRange' : /Non-finite/.test(e.message) ? 'NonFinite' : null;
        if (!variant) throw e;
        throw new RustError(`thread 'main' panicked:\ncalled \`Result::unwrap()\` on an \`Err\` value: ${variant}`);
      }
    },
    print: (spec, values) => formatRustVec(values),
    code(s, spec) {
      const p = parsedOrNull(this, s, spec);
      const low = p ? rustDebugF64(p.low) : s.low;
      const high = p ? rustDebugF64(p.high) : s.high;
      const draw =
        spec.kind === 'randn' ? 'rng.sample(StandardNormal)' : spec.kind === 'rand' ? 'rng.random()' : 'rng.sample(dist)';
      const uses = ['use rand::{RngExt, SeedableRng};'];
      if (spec.kind === 'randn') uses.push('use rand_distr::StandardNormal;');
      if (spec.kind === 'uniform') uses.push('use rand::distr::Uniform;');
      uses.push('use rand_pcg::Pcg64;');
      const body = [`let mut rng = Pcg64::seed_from_u64(${s.noseed ? 'rand::random()' : s.seed});`];
      if (spec.kind === 'uniform') body.push(`let dist = Uniform::new(${low}, ${high}).unwrap();`);
      body.push(`let x: Vec<f64> = (0..${s.n}).map(|_| ${draw}).collect();`, 'println!("{:?}", x);');
      body.push(`let sample: Vec<f64> = (0..${SAMPLE_TEXT}).map(|_| ${draw}).collect(); // plotted below`);
      return [...uses, '', 'fn main() {', ...body.map((line) => `    ${line}`), '}'].join('\n');
    },
    source: (s) => ({ random: 'rng.random', standard_normal: 'StandardNormal', uniform: 'Uniform' })[s.fn],
  },
};

/** An R field read as an argument where it sits in its call (R's errors quote the call). */
function rRead(text, around) {
  const read = readR(text, around);
  if (read.value === null) throw new PageLimit('This page needs a value here.');
  return read;
}

/** An R field as R deparses it (as typed when it does not parse). */
function rDeparse(text) {
  try {
    return readR(text, { before: '', after: ')' }).text || String(text).trim();
  } catch {
    return String(text).trim();
  }
}

/** The R call a draw makes, with its arguments as R deparses them (or as typed, for the code). */
function rCallText(s, n = s.n, asTyped = false) {
  const arg = asTyped ? (t) => String(t).trim() : rDeparse;
  if (s.fn === 'sample') return `sample(${arg(s.pop)}, ${arg(n)}${s.replace ? ', replace = TRUE' : ''})`;
  const params = s.fn === 'runif' ? [s.low, s.high] : [s.loc, s.scale];
  return `${s.fn}(${[n, ...params].map(arg).join(', ')})`;
}

/**
 * The text around field name in the draw's call, as typed (R's syntax errors quote the line) and
 * as R deparses it (its other errors name the call): { before, after, callBefore, callAfter }.
 */
function rAround(s, name) {
  const split = (asTyped) => {
    const marked = { ...s, [name]: '\u0000' };
    const call = rCallText(marked, name === 'n' ? '\u0000' : s.n, asTyped);
    const i = call.indexOf('\u0000');
    return [call.slice(0, i), call.slice(i + 1)];
  };
  const [before, after] = split(true);
  const [callBefore, callAfter] = split(false);
  return { before, after, callBefore, callAfter };
}

/** seedlab's R error as R prints it for this call. */
function rCallError(call, e) {
  if (!e || e.name !== 'Error') return e;
  return rError(/^cannot allocate/.test(e.message) ? null : call, e.message);
}

/** Rust's (0..n) with a literal n: an i32 range, so a negative n gives no values. */
function rustCount(text) {
  const n = readRustInt(text, 'i32');
  return args.pageLimit(n < 0n ? 0 : Number(n), 'Rust');
}

/** The parameters of s as the library reads them, or null when one does not parse. */
function parsedOrNull(lib, s, spec) {
  try {
    return readParams(lib, s, spec);
  } catch {
    return null;
  }
}

function readParams(lib, s, spec) {
  const p = {};
  for (const name of spec.params) p[name] = lib.param(name, s[name], s);
  return p;
}

/** The code that settings s stand for (as typed). */
export function libraryCode(s) {
  const lib = LIBRARIES[s.lib];
  if (!lib.functions[s.fn]) s = { ...s, fn: lib.defaultFn };
  return lib.code(s, lib.functions[s.fn]);
}

export { blame, distribution };
