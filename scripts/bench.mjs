// Throughput of seedlab's WebAssembly build, with the peers measured in the same run.
//
//   scripts/build.sh && node scripts/bench.mjs [--n 1000000] [--repeat 7]
//
// For each call it reports the best of --repeat timings, in millions of values per second, and
// the ratio to its peers:
//   - JS: the same distribution from Math.random (Box-Muller for normals), or for the math
//     functions JS's own Math.exp / Math.pow / Math.sin (not glibc's values), what a page would
//     use if it did not need the real numbers;
//   - NumPy / PyTorch / CPython: the library itself, timed by python3 in a child process, when
//     python3 can import it (skipped otherwise, e.g. in CI); NumPy's math functions with its AVX2
//     dispatch, as on the reference platform.
// A benchmark, not a test: it prints figures and never fails on them.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const N = option('n', 1_000_000);
const REPEAT = option('repeat', 7);

const pkg = new URL('../www/pkg/', import.meta.url);
const seedlab = await import(new URL('seedlab.js', pkg).href);
seedlab.initSync({ module: fs.readFileSync(new URL('seedlab_bg.wasm', pkg)) });

/** Best wall time of `repeat` runs of f(), in seconds. */
function best(f) {
  f(); // warm-up (JIT, wasm tier-up, memory growth)
  let min = Infinity;
  for (let r = 0; r < REPEAT; r++) {
    const t0 = performance.now();
    f();
    min = Math.min(min, performance.now() - t0);
  }
  return min / 1000;
}

function jsUniform(n) {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.random();
  return out;
}

function jsNormal(n) {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - Math.random()));
    const t = 2 * Math.PI * Math.random();
    out[i] = r * Math.cos(t);
    if (i + 1 < n) out[i + 1] = r * Math.sin(t);
  }
  return out;
}

/** NumPy as on the reference platform (AVX2, no AVX-512): its math loops call libm there, where
 * an AVX-512 CPU would use Intel's SVML. Set for the math cases. */
const AVX2_NUMPY = { ...process.env, NPY_DISABLE_CPU_FEATURES: 'X86_V4 AVX512_ICL AVX512_SPR' };

/** Seconds per call of `stmt` in python3 (best of REPEAT), or null if python3 cannot run it. */
function python(setup, stmt, env = process.env) {
  const code = [
    'import timeit',
    `t = min(timeit.repeat(${JSON.stringify(stmt)}, setup=${JSON.stringify(setup)}, number=1, repeat=${REPEAT}))`,
    'print(t)',
  ].join('\n');
  try {
    return Number(execFileSync('python3', ['-c', code], { env, stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch {
    return null;
  }
}

/** N inputs spread over [lo, hi), reproducibly (a Weyl sequence). */
function inputs(lo, hi) {
  return Float64Array.from({ length: N }, (_, i) => lo + (hi - lo) * ((i * 0.6180339887498949) % 1));
}
const expIn = inputs(-20, 20);
const powBase = inputs(0, 10);
const powExp = inputs(-30, 30);
const sinIn = inputs(-100, 100);

/** Math.f of every element, as a page would compute it without seedlab. */
function jsMap(xs, f) {
  const out = new Float64Array(xs.length);
  for (let i = 0; i < xs.length; i++) out[i] = f(xs[i]);
  return out;
}

/** NumPy's setup for the math cases: the same inputs as the JS ones. */
const npInputs = (lo, hi, name) =>
  `import numpy as np; ${name} = ${lo} + ${hi - lo} * ((np.arange(${N}) * 0.6180339887498949) % 1)`;

const cases = [
  {
    call: `RandomState(17).randn(${N})`,
    seedlab: () => new seedlab.RandomState(17).randn(N),
    js: () => jsNormal(N),
    py: ['NumPy', 'import numpy as np', `np.random.RandomState(17).randn(${N})`],
  },
  {
    call: `RandomState(17).rand(${N})`,
    seedlab: () => new seedlab.RandomState(17).rand(N),
    js: () => jsUniform(N),
    py: ['NumPy', 'import numpy as np', `np.random.RandomState(17).rand(${N})`],
  },
  {
    call: `defaultRng(17).standardNormal(${N})`,
    seedlab: () => seedlab.defaultRng(17).standardNormal(N),
    js: () => jsNormal(N),
    py: ['NumPy', 'import numpy as np', `np.random.default_rng(17).standard_normal(${N})`],
  },
  {
    call: `TorchGenerator(17).randn(${N})`,
    seedlab: () => new seedlab.TorchGenerator(17).randn(N),
    js: () => jsNormal(N),
    py: ['PyTorch', 'import torch; g = torch.Generator()', `g.manual_seed(17); torch.randn(${N}, generator=g)`],
  },
  {
    call: `PyRandom(17).gauss(0, 1, ${N})`,
    seedlab: () => new seedlab.PyRandom(17).gauss(0, 1, N),
    js: () => jsNormal(N),
    py: ['CPython', 'import random', `r = random.Random(17); [r.gauss(0, 1) for _ in range(${N})]`],
  },
  {
    call: `mathExpArray(xs), xs in [-20, 20)`,
    seedlab: () => seedlab.mathExpArray(expIn),
    js: () => jsMap(expIn, Math.exp),
    py: ['NumPy', npInputs(-20, 20, 'x'), 'np.exp(x)'],
    env: AVX2_NUMPY,
  },
  {
    call: `mathPowArray(xs, ys), xs in [0, 10), ys in [-30, 30)`,
    seedlab: () => seedlab.mathPowArray(powBase, powExp),
    js: () => {
      const out = new Float64Array(N);
      for (let i = 0; i < N; i++) out[i] = powBase[i] ** powExp[i];
      return out;
    },
    py: ['NumPy', `${npInputs(0, 10, 'x')}; y = -30 + 60 * ((np.arange(${N}) * 0.6180339887498949) % 1)`, 'np.power(x, y)'],
    env: AVX2_NUMPY,
  },
  {
    call: `mathSinArray(xs), xs in [-100, 100)`,
    seedlab: () => seedlab.mathSinArray(sinIn),
    js: () => jsMap(sinIn, Math.sin),
    py: ['NumPy', npInputs(-100, 100, 'x'), 'np.sin(x)'],
    env: AVX2_NUMPY,
  },
];

const mps = (seconds) => (N / seconds / 1e6).toFixed(1);
console.log(`seedlab (wasm in Node ${process.version}) vs peers; ${N} values per call, best of ${REPEAT}`);
console.log('| call | seedlab M values/s | JS peer M/s | seedlab / JS | library | library M/s | seedlab / library |');
console.log('|---|---|---|---|---|---|---|');
for (const c of cases) {
  const s = best(c.seedlab);
  const j = best(c.js);
  const [name, setup, stmt] = c.py;
  const p = python(setup, stmt, c.env);
  const lib = p === null ? ['not installed', '-'] : [mps(p), (p / s).toFixed(2)];
  console.log(`| ${c.call} | ${mps(s)} | ${mps(j)} | ${(j / s).toFixed(2)} | ${name} | ${lib.join(' | ')} |`);
}
