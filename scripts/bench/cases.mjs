// The benchmark's calls and their peers, as plain functions of (seedlab, libs, n): the same
// module runs in Node and in Chromium. No Node API here.
//
// Each case is one seedlab call (a fresh generator seeded with 17, then n values, as the
// libraries are timed too), the name of the native peer that python3 times (peers.py), and the
// JS libraries that offer the same distribution, each seeded with 17 filling a typed array of n.

/** The JS libraries' samplers: name -> (n, ArrayType) => filled typed array. */
export function jsSamplers(libs) {
  const fill = (n, ArrayType, next) => {
    const out = new ArrayType(n);
    for (let i = 0; i < n; i++) out[i] = next();
    return out;
  };
  const uniform = {
    '@stdlib mt19937.normalized': (n, T) =>
      fill(n, T, libs.stdlibMt19937.factory({ seed: 17 }).normalized),
    'seedrandom alea': (n, T) => fill(n, T, libs.seedrandom.alea('17')),
    'seedrandom xor128': (n, T) => fill(n, T, libs.seedrandom.xor128('17')),
    'pure-rand xoroshiro128+ uniformFloat64': (n, T) => {
      const rng = libs.pureXoroshiro.xoroshiro128plus(17);
      const float64 = libs.pureFloat64.uniformFloat64;
      return fill(n, T, () => float64(rng));
    },
  };
  const uniform32 = {
    'pure-rand xoroshiro128+ uniformFloat32': (n, T) => {
      const rng = libs.pureXoroshiro.xoroshiro128plus(17);
      const float32 = libs.pureFloat32.uniformFloat32;
      return fill(n, T, () => float32(rng));
    },
  };
  const normal = {
    '@stdlib randn (improved ziggurat)': (n, T) =>
      fill(n, T, libs.stdlibRandn.factory({ seed: 17 })),
    '@stdlib box-muller': (n, T) => fill(n, T, libs.stdlibBoxMuller.factory({ seed: 17 })),
  };
  return { uniform, uniform32, normal };
}

/** Math.random, the unseeded baseline: uniforms, and normals by Box-Muller. */
const mathRandom = {
  uniform: (n, T) => {
    const out = new T(n);
    for (let i = 0; i < n; i++) out[i] = Math.random();
    return out;
  },
  normal: (n, T) => {
    const out = new T(n);
    for (let i = 0; i < n; i += 2) {
      const r = Math.sqrt(-2 * Math.log(1 - Math.random()));
      const t = 2 * Math.PI * Math.random();
      out[i] = r * Math.cos(t);
      if (i + 1 < n) out[i + 1] = r * Math.sin(t);
    }
    return out;
  },
};

/**
 * The cases: { call, seedlab(), into?() (a fill into a reused array, when the API has one),
 * peer (peers.py's key), js: { name: () => array }, math: () => array }.
 */
export function benchCases(seedlab, libs, n) {
  const js = jsSamplers(libs);
  const f64 = new Float64Array(n);
  const f32 = new Float32Array(n);
  const on = (samplers, T) =>
    Object.fromEntries(Object.entries(samplers).map(([name, f]) => [name, () => f(n, T)]));
  const into = (make, method, out) => {
    const probe = make();
    return typeof probe[method] === 'function' ? () => make()[method](out) : undefined;
  };
  return [
    {
      call: `RandomState(17).randn(${n})`,
      seedlab: () => new seedlab.RandomState(17).randn(n),
      into: into(() => new seedlab.RandomState(17), 'randnInto', f64),
      peer: 'numpy_legacy_randn',
      js: on(js.normal, Float64Array),
      math: () => mathRandom.normal(n, Float64Array),
    },
    {
      call: `RandomState(17).rand(${n})`,
      seedlab: () => new seedlab.RandomState(17).rand(n),
      into: into(() => new seedlab.RandomState(17), 'randInto', f64),
      peer: 'numpy_legacy_rand',
      js: on(js.uniform, Float64Array),
      math: () => mathRandom.uniform(n, Float64Array),
    },
    {
      call: `defaultRng(17).standardNormal(${n})`,
      seedlab: () => seedlab.defaultRng(17).standardNormal(n),
      into: into(() => seedlab.defaultRng(17), 'standardNormalInto', f64),
      peer: 'numpy_generator_standard_normal',
      js: on(js.normal, Float64Array),
      math: () => mathRandom.normal(n, Float64Array),
    },
    {
      call: `defaultRng(17).random(${n})`,
      seedlab: () => seedlab.defaultRng(17).random(n),
      into: into(() => seedlab.defaultRng(17), 'randomInto', f64),
      peer: 'numpy_generator_random',
      js: on(js.uniform, Float64Array),
      math: () => mathRandom.uniform(n, Float64Array),
    },
    {
      call: `TorchGenerator(17).randn(${n})`,
      seedlab: () => new seedlab.TorchGenerator(17).randn(n),
      into: into(() => new seedlab.TorchGenerator(17), 'randnInto', f32),
      peer: 'torch_randn',
      js: on(js.normal, Float32Array),
      math: () => mathRandom.normal(n, Float32Array),
    },
    {
      call: `TorchGenerator(17).rand(${n})`,
      seedlab: () => new seedlab.TorchGenerator(17).rand(n),
      into: into(() => new seedlab.TorchGenerator(17), 'randInto', f32),
      peer: 'torch_rand',
      js: { ...on(js.uniform, Float32Array), ...on(js.uniform32, Float32Array) },
      math: () => mathRandom.uniform(n, Float32Array),
    },
    {
      call: `PyRandom(17).gauss(0, 1, ${n})`,
      seedlab: () => new seedlab.PyRandom(17).gauss(0, 1, n),
      peer: 'cpython_gauss',
      js: on(js.normal, Float64Array),
      math: () => mathRandom.normal(n, Float64Array),
    },
  ];
}

/** Best wall time of `repeat` calls of f (after one warm-up call), in seconds. */
export function bestTime(f, repeat) {
  f();
  let best = Infinity;
  for (let r = 0; r < repeat; r++) {
    const t0 = performance.now();
    f();
    best = Math.min(best, performance.now() - t0);
  }
  return best / 1000;
}

/**
 * Times every case: { call, seedlab, into, js: { name: seconds }, math } (seconds per call),
 * plus `floor`: a fresh Float64Array of n filled with a constant, what any call that returns a
 * new array pays at least.
 */
export function timeCases(seedlab, libs, n, repeat) {
  const results = benchCases(seedlab, libs, n).map((c) => ({
    call: c.call,
    peer: c.peer,
    seedlab: bestTime(c.seedlab, repeat),
    into: c.into ? bestTime(c.into, repeat) : null,
    js: Object.fromEntries(Object.entries(c.js).map(([name, f]) => [name, bestTime(f, repeat)])),
    math: bestTime(c.math, repeat),
  }));
  const floor = bestTime(() => new Float64Array(n).fill(0.5), repeat);
  return { results, floor };
}
