// Rust's rand_pcg Pcg64 in the playground: Pcg64::seed_from_u64(seed) (rand::random() with no
// seed), sampled as rand and rand_distr do; the code is a whole fn main. Pure apart from the
// kernel's generators.
import { formatRustVec, rustDebugF64 } from '../../format/rust.js';
import { pageLimit } from '../../lang/limits.js';
import * as args from '../../lang/python-args.js';
import { RustError, readRustInt, readRustU64 } from '../../lang/rust-expr.js';
import { py } from './python-params.js';
import { BOUNDS, fnSpec, owned, parsedOrNull, SAMPLE_TEXT } from './spec.js';

/** @import { RustRng } from '../../pkg/seedlab.js' */
/** @import { FnSpec, NativeLibrary, Params, Settings } from './spec.js' */

/**
 * Rust's (0..n) with a literal n: an i32 range, so a negative n gives no values.
 * @param {string} text
 */
function rustCount(text) {
  const n = readRustInt(text, 'i32');
  return pageLimit(n < 0n ? 0 : Number(n), 'Rust');
}

/**
 * @param {RustRng} rng
 * @param {string} fn
 * @param {Params} p
 * @param {number} n
 */
function drawFrom(rng, fn, p, n) {
  switch (fn) {
    case 'random':
      return rng.random(n);
    case 'standard_normal':
      return rng.standardNormal(n);
    default:
      return uniform(rng, p, n);
  }
}

/**
 * Uniform::new(low, high).unwrap() sampled n times: its Err panics with the error's Debug name.
 * @param {RustRng} rng
 * @param {Params} p
 * @param {number} n
 */
function uniform(rng, p, n) {
  try {
    return rng.uniform(p.low, p.high, n);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const variant = /low > high/.test(message)
      ? 'EmptyRange'
      : /Non-finite/.test(message)
        ? 'NonFinite'
        : null;
    if (!variant) throw e;
    throw new RustError(
      `thread 'main' panicked:\ncalled \`Result::unwrap()\` on an \`Err\` value: ${variant}`,
    );
  }
}

/**
 * The code: a fn main that prints the row and draws the plotted sample.
 * @param {Settings} s
 * @param {FnSpec} spec
 * @param {Params | null} p   the bounds as read (shown as Rust float literals), or null
 */
function rustCode(s, spec, p) {
  const low = p ? rustDebugF64(p.low) : s.low;
  const high = p ? rustDebugF64(p.high) : s.high;
  const draw =
    spec.kind === 'randn'
      ? 'rng.sample(StandardNormal)'
      : spec.kind === 'rand'
        ? 'rng.random()'
        : 'rng.sample(dist)';
  const uses = ['use rand::{RngExt, SeedableRng};'];
  if (spec.kind === 'randn') uses.push('use rand_distr::StandardNormal;');
  if (spec.kind === 'uniform') uses.push('use rand::distr::Uniform;');
  uses.push('use rand_pcg::Pcg64;');
  const body = [`let mut rng = Pcg64::seed_from_u64(${s.noseed ? 'rand::random()' : s.seed});`];
  if (spec.kind === 'uniform') body.push(`let dist = Uniform::new(${low}, ${high}).unwrap();`);
  body.push(`let x: Vec<f64> = (0..${s.n}).map(|_| ${draw}).collect();`, 'println!("{:?}", x);');
  body.push(
    `let sample: Vec<f64> = (0..${SAMPLE_TEXT}).map(|_| ${draw}).collect(); // plotted below`,
  );
  return [...uses, '', 'fn main() {', ...body.map((line) => `    ${line}`), '}'].join('\n');
}

/** @type {Record<string, string>} */
const SOURCES = { random: 'rng.random', standard_normal: 'StandardNormal', uniform: 'Uniform' };

/** @type {NativeLibrary} */
export const rust = {
  label: 'Rust Pcg64',
  lang: 'rust',
  functions: {
    random: fnSpec('rand'),
    standard_normal: fnSpec('randn'),
    uniform: fnSpec('uniform', BOUNDS),
  },
  defaultFn: 'standard_normal',
  open: (s, kernel) =>
    owned(new kernel.RustRng(s.noseed ? undefined : readRustU64(s.seed)), drawFrom),
  size: (text) => rustCount(text),
  // Bounds are f64s: the code shows them as Rust float literals (0.0, 1e-7).
  param: (_name, text) => args.realArg(py(String(text))),
  print: (_spec, values) => formatRustVec(values),
  code: (s, spec) => rustCode(s, spec, parsedOrNull(rust, s, spec)),
  source: (s) => SOURCES[s.fn],
};
