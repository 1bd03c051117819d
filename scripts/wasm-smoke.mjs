// Loads a seedlab .wasm with the generated bindings and prints a fingerprint of its output,
// so build.sh can check that the wasm-opt result still loads and computes the same numbers (a few
// draws from every dialect, and a thrown error).
//
//   node scripts/wasm-smoke.mjs www/pkg/seedlab_bg.wasm   ->  one line of JSON, exit 0
//
// Exits non-zero (with the error on stderr) if the module does not validate or load.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const wasmPath = process.argv[2];
if (!wasmPath) {
  console.error('usage: node scripts/wasm-smoke.mjs PATH/TO/seedlab_bg.wasm');
  process.exit(2);
}
const bytes = fs.readFileSync(wasmPath);
if (!WebAssembly.validate(bytes)) {
  console.error(`${wasmPath}: WebAssembly.validate failed`);
  process.exit(1);
}

// The JS glue lives next to the canonical www/pkg/seedlab_bg.wasm.
const glue = process.argv[3]
  ? pathToFileURL(path.resolve(process.argv[3])).href
  : new URL('../www/pkg/seedlab.js', import.meta.url).href;
const pkg = await import(glue);
pkg.initSync({ module: bytes });

const out = {};
const take = (name, f) => {
  try {
    out[name] = Array.from(f(), (v) => (typeof v === 'bigint' ? v.toString() : v));
  } catch (e) {
    out[name] = `${e?.name}: ${e?.message}`;
  }
};
if (pkg.RandomState) {
  take('rs.randn', () => new pkg.RandomState(17).randn(64));
  take('rs.rand', () => new pkg.RandomState(17).rand(8));
  take('rs.randint', () => new pkg.RandomState(17).randint(0, 1000, 8));
}
if (pkg.TorchGenerator) {
  take('torch.randn', () => new pkg.TorchGenerator(17).randn(64));
  take('torch.randn.small', () => new pkg.TorchGenerator(17).randn(5));
  take('torch.rand', () => new pkg.TorchGenerator(17).rand(8));
  take('torch.randint', () => new pkg.TorchGenerator(17).randint(0, 2 ** 40, 8));
}
if (pkg.defaultRng) {
  take('rng.standardNormal', () => pkg.defaultRng(17).standardNormal(64));
  take('rng.integers', () => pkg.defaultRng(17n).integers(0, 1000, 8));
  take('rng.choice', () => pkg.defaultRng([1, 2]).choice(100, 8, false));
}
if (pkg.PyRandom) {
  take('py.gauss', () => new pkg.PyRandom('seedlab').gauss(0, 1, 16));
  take('py.randint', () => new pkg.PyRandom(17).randint(0, 2n ** 70n, 4));
}
if (pkg.RRandom) {
  take('r.rnorm', () => new pkg.RRandom(17).rnorm(16));
  take('r.sample', () => new pkg.RRandom(17).sample(10));
}
if (pkg.jaxKey) {
  take('jax.normal', () => pkg.jaxNormal(pkg.jaxKey(17), 16));
  take('jax.split', () => pkg.jaxSplit(pkg.jaxKey(17), 3));
}
if (pkg.RustRng) {
  take('rust.standardNormal', () => new pkg.RustRng(17).standardNormal(16));
}
take('error', () => new pkg.RandomState(2 ** 32));
console.log(JSON.stringify(out));
