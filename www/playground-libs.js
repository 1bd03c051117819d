// The playground's libraries: for each, the functions its seedlab API has, their parameters,
// the code a draw stands for, how the values print, and which distribution they follow (for the
// histogram). Pure apart from the kernel's generators; playground.js does the form.
//
// A setting object s holds the form's texts: { lib, fn, seed, noseed, n, low, high, loc, scale,
// pop, replace }. Parameters are read as the library's language reads them.
import { formatJaxArray, formatNumpyArray, formatTorchTensor } from './format.js';
import { formatRustVec, rustDebugF64 } from './format-rust.js';
import * as args from './python-args.js';
import { evalPython } from './python-expr.js';
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

// Function specs: params (setting names, in call order), kind (what the values are), labels
// (how the library names the parameters, where that differs from the setting's name), and js
// (the seedlab method when its name differs).
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
    case 'choice':
      return p.replace ? ['randint', [0n, p.pop]] : null;
    default:
      return null; // a permutation: nothing to plot
  }
}

/** Whether a sample is drawn and plotted: not for permutations and draws without replacement. */
export const samples = (spec, s) => spec.kind !== 'permutation' && !(spec.kind === 'choice' && !s.replace);

/** Which field an error from the library is about: the size, or a parameter. */
function blame(spec, e) {
  const message = String(e && e.message);
  if (/dimension|allocate|cannot be interpreted|argument 'size'|larger sample|shape|usize/.test(message)) return 'n';
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
  for (const name of spec.params) p[name] = lib.param(name, s[name]);
  return p;
}

/** The code that settings s stand for (as typed). */
export function libraryCode(s) {
  const lib = LIBRARIES[s.lib];
  if (!lib.functions[s.fn]) s = { ...s, fn: lib.defaultFn };
  return lib.code(s, lib.functions[s.fn]);
}

export { blame, distribution };
