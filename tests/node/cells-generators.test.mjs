// Tests, in Node, of the lesson cells and playground libraries for the further generators:
// NumPy's default_rng, Python's random, R, JAX and Rust (www/lesson/, www/playground/libraries/,
// www/lang/r-expr.js, www/lang/rust-expr.js). Needs scripts/build.sh (www/pkg). Expected strings were
// printed by the code each cell shows, run with NumPy 2.4.6, CPython 3.11.7, R 4.2.2, jax 0.10.2
// and Rust 1.95 (rand 0.10.4, rand_pcg 0.10.3, rand_distr 0.6.0) on x86-64 Linux; errors are
// those of the libraries, R and rustc.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import { errorText } from '../../www/lang/field-error.js';
import { readR } from '../../www/lang/r-expr.js';
import { readRustInt, readRustU64 } from '../../www/lang/rust-expr.js';
import { CELLS_BY_ID } from '../../www/lesson/cells.js';
import { createKernel } from '../../www/lesson/kernel.js';
import { codeText, languageName, runCell, runKey } from '../../www/lesson/runner.js';
import { draw as drawResult } from '../../www/playground/draw.js';
import { binCounts, histogramSpec } from '../../www/playground/histogram.js';
import { FUNCTIONS, playgroundCode } from '../../www/playground/libraries.js';
import { PLAYGROUND_DEFAULTS } from '../../www/playground/settings.js';
import { loadModules } from '../../www/python/modules/index.js';
import { drawOutcome, runOutcome } from './results.mjs';

/** @import { Kernel } from '../../www/lesson/kernel.js' */
/** @import { Settings } from '../../www/playground/libraries/spec.js' */

const pkgUrl = new URL('../../www/pkg/', import.meta.url);
if (!fs.existsSync(new URL('seedlab_bg.wasm', pkgUrl))) {
  throw new Error('www/pkg/seedlab_bg.wasm not found: run scripts/build.sh first');
}
const seedlab = /** @type {typeof import('../../www/pkg/seedlab.js')} */ (
  await import(new URL('seedlab.js', pkgUrl).href)
);
seedlab.initSync({ module: fs.readFileSync(new URL('seedlab_bg.wasm', pkgUrl)) });
await loadModules(); // the interpreter's modules beyond numpy load when first imported: all, here
const kernel = createKernel(seedlab);

// rng = np.random.default_rng(17); print(rng.standard_normal(5)), twice (seed 42 below)
export const RNG_17 = '[ 1.10126245  0.33843128 -0.53997152 -1.26024186 -1.89462127]';
export const RNG_17_NEXT = '[ 0.01863829 -0.8105671  -0.87215596 -0.22196951 -0.05184603]';
const RNG_42 = '[ 0.30471708 -1.03998411  0.7504512   0.94056472 -1.95103519]';
const RNG_42_NEXT = '[-1.30217951  0.1278404  -0.31624259 -0.01680116 -0.85304393]';
// np.random.default_rng(17).random(3); np.random.RandomState(17).rand(3); seeds 0 and 20210530
export const RNG_17_RANDOM_3 = '[0.84507479 0.16097309 0.55774455]';
export const RS_17_RAND_3 = '[0.294665   0.53058676 0.19152079]';
const RNG_0_RANDOM_3 = '[0.63696169 0.26978671 0.04097352]';
const RS_20210530_RAND_3 = '[0.13128311 0.40968431 0.53891849]';
// key = jax.random.key(17): print(repr(jax.random.normal(key, (5,)))), twice; then after
// key, subkey = jax.random.split(key), normal(subkey, (5,)); the same for seed 42
export const JAX_17 =
  'Array([-0.66748405,  1.1928468 ,  0.7245219 , -0.3257403 ,  0.6412951 ],      dtype=float32)';
export const JAX_17_SUB =
  'Array([-1.2122113e-03,  6.9100931e-02, -2.4467373e+00, -5.6012708e-01,\n       -7.8522034e-02], dtype=float32)';
const JAX_42 =
  'Array([-0.02830462,  0.46713185,  0.29570296,  0.15354592, -0.12403282],      dtype=float32)';
const JAX_42_SUB =
  'Array([ 0.60576403,  0.7990441 , -0.908927  , -0.63525754, -1.2226585 ],      dtype=float32)';
// Pcg64::seed_from_u64(17): println!("{:?}", x) for 5 StandardNormal, then 3 random::<f64>()
export const RUST_17 =
  '[0.3123502943931739, 0.14312626169036957, -0.9581147770278297, 0.48372857771201494, -0.32694091026130945]';
export const RUST_17_NEXT = '[0.1336153241751642, 0.10512736903378683, 0.7637945398382693]';
const RUST_42 =
  '[-1.6050252119745185, -1.3986566738719157, 1.1598966197292604, 0.038294444954214774, 1.941907513133655]';
const RUST_42_NEXT = '[0.37546268141451944, 0.1879083014236631, 0.524657662927804]';
const RUST_MAX =
  '[1.1208636915547323, 1.1996531671682689, 2.1874138347588694, -1.9510359635920704, 1.7308358697101018]';
// random.seed(17); print(random.random()); np.random.seed(17); print(np.random.rand())
export const PY_17 = '0.5219839097124932';
export const NP_17_RAND = '0.2946650026871097';
const PY_42 = '0.6394267984578837';
const NP_42_RAND = '0.3745401188473625';
const PY_1E20 = '0.9042630156123121'; // random.seed(1e20): a float seed, hashed
const PY_MINUS_1_0 = '0.13119521545503066'; // random.seed(-1.0): hash -2, as an unsigned 64-bit int
// set.seed(17); rnorm(5); sample(10) (autoprinted), and with seed 42, n 8
export const R_17 = '[1] -1.01500872 -0.07963674 -0.23298702 -0.81726793  0.77209084';
export const R_17_SAMPLE = ' [1] 10  6  7  1  4  8  2  9  3  5';
const R_17_8 =
  '[1] -1.01500872 -0.07963674 -0.23298702 -0.81726793  0.77209084 -0.16561194\n[7]  0.97287443  1.71653398';
const R_17_8_SAMPLE = ' [1] 10  6  9  4  5  3  7  1  8  2';
const R_42 = '[1]  1.3709584 -0.5646982  0.3631284  0.6328626  0.4042683';
const R_42_SAMPLE = ' [1]  8  7  4  1  5 10  2  6  9  3';

/**
 * @param {string} id
 * @param {Record<string, string>} [values]
 */
const run = (id, values = {}) => runOutcome(runCell(CELLS_BY_ID[id], values, kernel));
/**
 * @param {Settings} s
 * @param {Kernel} k
 */
const draw = (s, k) => drawOutcome(drawResult(s, k));

describe('lesson cells of the further generators (www/lesson/)', () => {
  test('default_rng: the Generator’s rows repeat; np.random’s global row is new each run', () => {
    const a = run('default-rng').lines;
    const b = run('default-rng').lines;
    assert.deepEqual([a[0], a[2]], [RNG_17, RNG_17_NEXT]);
    assert.deepEqual([b[0], b[2]], [RNG_17, RNG_17_NEXT]);
    assert.notEqual(a[1], b[1]);
    assert.match(a[1], /^\[[- ]?\d\.\d+/); // (no sign column when all are positive)
    const c = run('default-rng', { seed: '42' }).lines;
    assert.deepEqual([c[0], c[2]], [RNG_42, RNG_42_NEXT]);
    // default_rng(None): fresh entropy, so the "seeded" rows change too.
    assert.notEqual(
      run('default-rng', { seed: 'None' }).lines[0],
      run('default-rng', { seed: 'None' }).lines[0],
    );
  });

  test('default_rng(17) and RandomState(17) are different streams', () => {
    assert.deepEqual(run('rng-vs-legacy').lines, [RNG_17_RANDOM_3, RS_17_RAND_3]);
    assert.deepEqual(run('rng-vs-legacy', { seed1: '0', seed2: '20210530' }).lines, [
      RNG_0_RANDOM_3,
      RS_20210530_RAND_3,
    ]);
    // A seed of any size, or a list of them, for default_rng; RandomState's stays 32-bit.
    assert.equal(run('rng-vs-legacy', { seed1: '[17]' }).lines[0], RNG_17_RANDOM_3);
    assert.equal(run('rng-vs-legacy', { seed1: '2**100' }).ok, true);
  });

  test('random.seed seeds Python’s generator only; np.random.seed(17) gives other numbers', () => {
    const a = run('py-random').lines;
    const b = run('py-random').lines;
    assert.deepEqual([a[0], a[2]], [PY_17, NP_17_RAND]);
    assert.deepEqual([b[0], b[2]], [PY_17, NP_17_RAND]);
    assert.notEqual(a[1], b[1]); // np.random.rand(), unseeded
    assert.match(a[1], /^0\.\d+(e-\d+)?$/);
    assert.deepEqual(
      run('py-random', { seed1: '42', seed2: '42' }).lines.filter((_, i) => i !== 1),
      [PY_42, NP_42_RAND],
    );
    // Python's seeds: ints of any sign and size, and floats (hashed, as CPython does).
    assert.equal(run('py-random', { seed1: '-17' }).lines[0], PY_17);
    assert.equal(run('py-random', { seed1: '17.0' }).lines[0], PY_17);
    assert.equal(run('py-random', { seed1: '1e20' }).lines[0], PY_1E20);
    assert.equal(run('py-random', { seed1: '-1.0' }).lines[0], PY_MINUS_1_0);
    assert.equal(run('py-random', { seed1: '2.5' }).lines[0], '0.41877545666909954');
  });

  test('R: set.seed repeats rnorm and sample, printed as R prints them', () => {
    assert.deepEqual(run('r-seed').lines, [R_17, R_17_SAMPLE]);
    assert.deepEqual(run('r-seed', { n: '8' }).lines, [R_17_8, R_17_8_SAMPLE]);
    assert.deepEqual(run('r-seed', { seed: '42' }).lines, [R_42, R_42_SAMPLE]);
    // R's numbers: 17.9 is truncated, 0x11 and 17L are 17, TRUE is 1; rnorm(2.9) draws 2.
    for (const seed of ['17.9', '0x11', '17L', '"17"', '34 / 2'])
      assert.equal(run('r-seed', { seed }).lines[0], R_17, seed);
    assert.equal(run('r-seed', { n: '2.9' }).lines[0], '[1] -1.01500872 -0.07963674');
    // set.seed(NULL): a fresh random seed each time.
    assert.notEqual(
      run('r-seed', { seed: 'NULL' }).lines[0],
      run('r-seed', { seed: 'NULL' }).lines[0],
    );
  });

  test('JAX: the same key gives the same numbers; a split key new ones', () => {
    assert.deepEqual(run('jax-key').lines, [JAX_17, JAX_17, JAX_17_SUB]);
    assert.deepEqual(run('jax-key', { seed: '42' }).lines, [JAX_42, JAX_42, JAX_42_SUB]);
  });

  test('Rust: seed_from_u64 repeats; the second vector continues the first', () => {
    assert.deepEqual(run('rust-seed').lines, [RUST_17, RUST_17_NEXT]);
    assert.deepEqual(run('rust-seed', { seed: '42' }).lines, [RUST_42, RUST_42_NEXT]);
    assert.equal(run('rust-seed', { seed: '0xFFFF_FFFF_FFFF_FFFF' }).lines[0], RUST_MAX);
    assert.equal(run('rust-seed', { seed: '18446744073709551615' }).lines[0], RUST_MAX);
  });

  test('bad seeds: the library’s error, beside the field', () => {
    /** @type {Array<[string, Record<string, string>, string, string]>} */
    const cases = [
      ['default-rng', { seed: '-1' }, 'seed', 'ValueError: expected non-negative integer'],
      [
        'default-rng',
        { seed: '1.5' },
        'seed',
        'TypeError: SeedSequence expects int or sequence of ints for entropy not 1.5',
      ],
      [
        'default-rng',
        { seed: '[None]' },
        'seed',
        "TypeError: object of type 'NoneType' has no len()",
      ],
      ['default-rng', { seed: '[1.5]' }, 'seed', 'TypeError: seed must be integer'],
      ['rng-vs-legacy', { seed1: '-5' }, 'seed1', 'ValueError: expected non-negative integer'],
      [
        'rng-vs-legacy',
        { seed2: '2**32' },
        'seed2',
        'ValueError: Seed must be between 0 and 2**32 - 1',
      ],
      [
        'jax-key',
        { seed: '2**63' },
        'seed',
        'OverflowError: Python int too large to convert to C long',
      ],
      [
        'jax-key',
        { seed: '-2**63 - 1' },
        'seed',
        'OverflowError: Python int too large to convert to C long',
      ],
      ['jax-key', { seed: 'None' }, 'seed', 'ValueError: None is not a valid value for jnp.array'],
      [
        'jax-key',
        { seed: '[1, 2]' },
        'seed',
        'TypeError: key accepts a scalar seed, but was given an array of shape (2,) != (). Use jax.vmap for batching',
      ],
      ['jax-key', { seed: 'abc' }, 'seed', "NameError: name 'abc' is not defined"],
      // rustc's errors for the argument of seed_from_u64 (first line; the label where it says more)
      [
        'rust-seed',
        { seed: '-1' },
        'seed',
        'error[E0600]: cannot apply unary operator `-` to type `u64`',
      ],
      [
        'rust-seed',
        { seed: '18446744073709551616' },
        'seed',
        'error: literal out of range for `u64`',
      ],
      [
        'rust-seed',
        { seed: '1.5' },
        'seed',
        'error[E0308]: mismatched types\n  expected `u64`, found floating-point number',
      ],
      [
        'rust-seed',
        { seed: '17i32' },
        'seed',
        'error[E0308]: mismatched types\n  expected `u64`, found `i32`',
      ],
      ['rust-seed', { seed: 'abc' }, 'seed', 'error[E0425]: cannot find value `abc` in this scope'],
      [
        'rust-seed',
        { seed: '' },
        'seed',
        'error[E0061]: this function takes 1 argument but 0 arguments were supplied',
      ],
      ['rust-seed', { seed: '0b2' }, 'seed', 'error: invalid digit for a base 2 literal'],
      ['rust-seed', { seed: '0x' }, 'seed', 'error[E0768]: no valid digits found for number'],
      [
        'rust-seed',
        { seed: '1 << 40' },
        'seed',
        'This page reads one integer literal here, such as 17, 0x11 or 1_000u64.',
      ],
      [
        'py-random',
        { seed1: '[1]' },
        'seed1',
        'TypeError: The only supported seed types are: None,\nint, float, str, bytes, and bytearray.',
      ],
      ['py-random', { seed2: '-1' }, 'seed2', 'ValueError: Seed must be between 0 and 2**32 - 1'],
      // R's errors, with the call as R deparses it, and its syntax errors quoting the line
      [
        'r-seed',
        { seed: '2^31' },
        'seed',
        'Error in set.seed(2^31) : supplied seed is not a valid integer',
      ],
      [
        'r-seed',
        { seed: '2 ** 31' },
        'seed',
        'Error in set.seed(2^31) : supplied seed is not a valid integer',
      ],
      [
        'r-seed',
        { seed: '1e10' },
        'seed',
        'Error in set.seed(1e+10) : supplied seed is not a valid integer',
      ],
      [
        'r-seed',
        { seed: 'NA' },
        'seed',
        'Error in set.seed(NA) : supplied seed is not a valid integer',
      ],
      [
        'r-seed',
        { seed: '"a"' },
        'seed',
        'Error in set.seed("a") : supplied seed is not a valid integer',
      ],
      [
        'r-seed',
        { seed: '12345678901234567890' },
        'seed',
        'Error in set.seed(12345678901234567168) : \n  supplied seed is not a valid integer',
      ],
      ['r-seed', { seed: 'abc' }, 'seed', "Error in set.seed(abc) : object 'abc' not found"],
      ['r-seed', { seed: '1 7' }, 'seed', 'Error: unexpected numeric constant in "set.seed(1 7"'],
      ['r-seed', { seed: '1 +' }, 'seed', 'Error: unexpected \')\' in "set.seed(1 +)"'],
      ['r-seed', { seed: '%%1' }, 'seed', 'Error: unexpected SPECIAL in "set.seed(%%"'],
      [
        'r-seed',
        { seed: '' },
        'seed',
        'Error in set.seed() : argument "seed" is missing, with no default',
      ],
      ['r-seed', { n: '-1' }, 'n', 'Error in rnorm(-1) : invalid arguments'],
      ['r-seed', { n: 'NULL' }, 'n', 'Error in rnorm(NULL) : invalid arguments'],
      ['r-seed', { n: '1e12' }, 'n', 'Error: cannot allocate vector of size 7450.6 Gb'],
      [
        'r-seed',
        { n: '2e6' },
        'n',
        'This page draws at most 1,000,000 values per call (R would draw 2,000,000).',
      ],
    ];
    for (const [id, values, field, text] of cases) {
      const result = run(id, values);
      assert.equal(result.ok, false, `${id} ${JSON.stringify(values)}`);
      assert.equal(result.field, field, `${id} ${JSON.stringify(values)}`);
      assert.equal(errorText(result.error), text, `${id} ${JSON.stringify(values)}`);
    }
    // JAX takes negative seeds and True; Rust octal-looking decimals are decimal.
    assert.equal(run('jax-key', { seed: '-1' }).ok, true);
    assert.equal(run('rust-seed', { seed: '017' }).lines[0], RUST_17);
  });

  test('the same code, as each language reads its fields', () => {
    const rust = CELLS_BY_ID['rust-seed'];
    assert.equal(runKey(rust, { seed: '17' }), runKey(rust, { seed: '0x11' }));
    assert.equal(runKey(rust, { seed: '17' }), runKey(rust, { seed: '1_7u64' }));
    assert.notEqual(runKey(rust, { seed: '17' }), runKey(rust, { seed: '18' }));
    const jax = CELLS_BY_ID['jax-key'];
    assert.equal(runKey(jax, { seed: '17' }), runKey(jax, { seed: '0x11' }));
    assert.equal(languageName(rust), 'Rust');
    assert.equal(languageName(jax), 'Python');
    assert.equal(
      codeText(rust, { seed: '42' }).split('\n')[5],
      '    let mut rng = Pcg64::seed_from_u64(42);',
    );
  });

  test('readR reads R as R does, and deparses it as R’s errors show it', () => {
    // The cases here all read numbers: { value: { type, value }, text }.
    /** @typedef {{ value: { type: string, value: number }, text: string }} ReadNumber */
    /** @param {string} text */
    const read = (text) =>
      /** @type {ReadNumber} */ (
        /** @type {unknown} */ (readR(text, { before: 'set.seed(', after: ')' }))
      );
    assert.deepEqual(read('-2^2').value, { type: 'double', value: -4 }); // ^ binds tighter than -
    assert.equal(read('2 ^ 3 ^ 2').value.value, 512); // and to the right
    assert.equal(read('7 %% -3').value.value, -2);
    assert.equal(read('-7 %/% 2').value.value, -4);
    assert.deepEqual(read('17L').value, { type: 'integer', value: 17 });
    assert.ok(Number.isNaN(read('2147483647L + 1L').value.value)); // integer overflow: NA
    assert.equal(read('.5e1').value.value, 5);
    assert.equal(read('pi').value.value, Math.PI);
    assert.equal(read('2 ** 31').text, '2^31');
    assert.equal(read('2^31 %% 7 * 1e10').text, '2^31%%7 * 1e+10');
    assert.equal(read('1 / 3').text, '1/3');
    assert.equal(read('- 2 ^ 31').text, '-2^31');
    assert.equal(read('0x11').text, '17');
    assert.equal(read("'a'").text, '"a"');
    assert.throws(() => read('1e'), { message: 'Error: unexpected input in "set.seed(1e)"' });
    assert.throws(() => read('1 "a"'), {
      message: 'Error: unexpected string constant in "set.seed(1 "a""',
    });
    assert.throws(() => read('1)'), { message: 'Error: unexpected \')\' in "set.seed(1))"' });
    assert.throws(() => read('1, 2'), { name: 'PageLimit' });
  });

  test('readRustU64 and readRustInt read literals as rustc does', () => {
    assert.equal(readRustU64('1_000u64'), 1000n);
    assert.equal(readRustU64('0o21'), 17n);
    assert.equal(readRustU64('0b1_0001'), 17n);
    assert.equal(readRustU64('(17)'), 17n);
    assert.equal(readRustU64('17_u64'), 17n);
    assert.throws(() => readRustU64('1f64'), {
      message: 'error[E0308]: mismatched types\n  expected `u64`, found `f64`',
    });
    assert.throws(() => readRustU64('1e5'), { message: /found floating-point number/ });
    assert.equal(readRustInt('-3', 'i32'), -3n);
    assert.equal(readRustInt('2147483647', 'i32'), 2n ** 31n - 1n);
    assert.throws(() => readRustInt('2147483648', 'i32'), {
      message: 'error: literal out of range for `i32`',
    });
    assert.equal(readRustInt('-2147483648', 'i32'), -(2n ** 31n));
  });
});

describe('playground libraries (www/playground/libraries/)', () => {
  /**
   * @param {Partial<Settings>} s
   * @returns {Settings}
   */
  const settings = (s) => ({ ...PLAYGROUND_DEFAULTS, ...s });

  test('every library, with the functions its JS API has', () => {
    assert.deepEqual(FUNCTIONS, {
      numpy: ['rand', 'randn', 'randint', 'normal', 'uniform', 'permutation', 'choice'],
      generator: [
        'random',
        'standard_normal',
        'integers',
        'normal',
        'uniform',
        'permutation',
        'choice',
      ],
      torch: ['rand', 'randn', 'randint'],
      jax: ['uniform', 'normal'],
      rust: ['random', 'standard_normal', 'uniform'],
      python: ['random', 'gauss', 'randint', 'choice', 'shuffle'],
      r: ['runif', 'rnorm', 'sample'],
    });
  });

  test('rows as each library prints them (checked by running the code shown)', () => {
    /** @type {Array<[Partial<Settings>, string | null]>} */
    const cases = [
      [{ lib: 'numpy', fn: 'permutation', n: '12' }, '[ 2  3 11  8  7  4  9  5  0 10  6  1]'],
      [{ lib: 'numpy', fn: 'choice', pop: '20', n: '6' }, null],
      [{ lib: 'generator', fn: 'standard_normal' }, RNG_17],
      [{ lib: 'generator', fn: 'random', n: '3' }, RNG_17_RANDOM_3],
      [
        { lib: 'generator', fn: 'integers', low: '5', high: '2**40' },
        '[929169561022 176991785503 613246615159 404708175814 236331188237]',
      ],
      [{ lib: 'generator', fn: 'choice', pop: '100', n: '7' }, '[55 76 15 44 80 69 10]'],
      [{ lib: 'jax', fn: 'normal' }, JAX_17],
      [
        { lib: 'jax', fn: 'uniform', n: '7' },
        'Array([0.25223148, 0.88353527, 0.76562726, 0.3723104 , 0.73933446,\n       0.26328015, 0.41335988], dtype=float32)',
      ],
      [{ lib: 'rust', fn: 'standard_normal' }, RUST_17],
      [
        { lib: 'rust', fn: 'random', n: '3' },
        '[0.611466512648162, 0.6132198611595473, 0.0998377078008097]',
      ],
      [
        { lib: 'rust', fn: 'uniform', n: '3' },
        '[6.11466512648162, 6.132198611595472, 0.9983770780080969]',
      ],
      [{ lib: 'rust', fn: 'uniform', n: '-3' }, '[]'],
      [
        { lib: 'python', fn: 'random', n: '3' },
        '[0.5219839097124932, 0.8066907771186791, 0.9604947743238768]',
      ],
      [{ lib: 'python', fn: 'gauss', n: '2' }, '[-1.7957207107381599, -0.24963070978623944]'],
      [{ lib: 'python', fn: 'randint' }, '[8, 6, 4, 5, 4]'],
      [{ lib: 'python', fn: 'shuffle' }, '[0, 2, 1, 3, 4]'],
      [{ lib: 'python', fn: 'random', n: '-2' }, '[]'],
      [{ lib: 'r', fn: 'rnorm' }, R_17],
      [{ lib: 'r', fn: 'runif' }, '[1] 1.550508 9.683788 4.682631 7.768197 4.078857'],
      [{ lib: 'r', fn: 'runif', low: '1', high: '0', n: '3' }, '[1] NaN NaN NaN'],
      [{ lib: 'r', fn: 'sample' }, '[1] 2 8 1 6 4'],
    ];
    for (const [s, line] of cases) {
      const result = draw(settings(s), kernel);
      assert.equal(result.ok, true, JSON.stringify(s));
      if (line !== null) assert.equal(result.line, line, JSON.stringify(s));
    }
    // Permutations and draws without replacement are not plotted; the rest draw 100,000 more.
    assert.equal(draw(settings({ lib: 'generator', fn: 'permutation' }), kernel).sample, null);
    assert.equal(draw(settings({ lib: 'generator', fn: 'choice' }), kernel).sample, null);
    assert.equal(
      draw(settings({ lib: 'generator', fn: 'choice', replace: true }), kernel).sample.length,
      100_000,
    );
    assert.equal(draw(settings({ lib: 'jax', fn: 'normal' }), kernel).sample.length, 100_000);
  });

  test('no seed: new rows each draw (JAX has no unseeded generator: it keeps its key)', () => {
    for (const lib of ['numpy', 'generator', 'torch', 'rust', 'python', 'r']) {
      const a = draw(settings({ lib, fn: FUNCTIONS[lib][1], noseed: true }), kernel);
      const b = draw(settings({ lib, fn: FUNCTIONS[lib][1], noseed: true }), kernel);
      assert.notEqual(a.line, b.line, lib);
    }
    assert.equal(draw(settings({ lib: 'jax', fn: 'normal', noseed: true }), kernel).line, JAX_17);
  });

  test('the code shown is the code that runs', () => {
    assert.equal(
      playgroundCode(settings({ lib: 'generator', fn: 'choice', pop: '100', n: '7' })),
      'import numpy as np\n\nrng = np.random.default_rng(17)\nprint(rng.choice(100, 7, replace=False))',
    );
    assert.equal(
      playgroundCode(settings({ lib: 'generator', fn: 'normal', noseed: true })),
      'import numpy as np\n\nrng = np.random.default_rng()\nprint(rng.normal(0, 1, 5))\nsample = rng.normal(0, 1, 100_000)  # plotted below',
    );
    assert.equal(
      playgroundCode(settings({ lib: 'jax', fn: 'uniform' })),
      'import jax\n\nkey = jax.random.key(17)\nprint(repr(jax.random.uniform(key, (5,))))\nsample = jax.random.uniform(key, (100_000,))  # plotted below',
    );
    assert.equal(
      playgroundCode(settings({ lib: 'rust', fn: 'uniform', low: '-1', high: '1e-3' })),
      [
        'use rand::{RngExt, SeedableRng};',
        'use rand::distr::Uniform;',
        'use rand_pcg::Pcg64;',
        '',
        'fn main() {',
        '    let mut rng = Pcg64::seed_from_u64(17);',
        '    let dist = Uniform::new(-1.0, 0.001).unwrap();',
        '    let x: Vec<f64> = (0..5).map(|_| rng.sample(dist)).collect();',
        '    println!("{:?}", x);',
        '    let sample: Vec<f64> = (0..100_000).map(|_| rng.sample(dist)).collect(); // plotted below',
        '}',
      ].join('\n'),
    );
    assert.match(
      playgroundCode(settings({ lib: 'rust', fn: 'random', noseed: true })),
      /Pcg64::seed_from_u64\(rand::random\(\)\);/,
    );
    assert.equal(
      playgroundCode(settings({ lib: 'python', fn: 'gauss' })),
      'import random\n\nrandom.seed(17)\nprint([random.gauss(0, 1) for _ in range(5)])\nsample = [random.gauss(0, 1) for _ in range(100_000)]  # plotted below',
    );
    assert.equal(
      playgroundCode(settings({ lib: 'python', fn: 'shuffle', noseed: true })),
      'import random\n\nx = list(range(5))\nrandom.shuffle(x)\nprint(x)',
    );
    assert.equal(
      playgroundCode(settings({ lib: 'r', fn: 'rnorm' })),
      'set.seed(17)\nrnorm(5, 0, 1)\nx <- rnorm(1e5, 0, 1)  # plotted below',
    );
    assert.equal(
      playgroundCode(settings({ lib: 'r', fn: 'sample', replace: true, noseed: true })),
      'sample(10, 5, replace = TRUE)\nx <- sample(10, 1e5, replace = TRUE)  # plotted below',
    );
  });

  test('errors point at the field that caused them, in the library’s words', () => {
    /** @type {Array<[Partial<Settings>, string, string]>} */
    const cases = [
      [
        { lib: 'generator', fn: 'integers', low: '5', high: '5' },
        'high',
        'ValueError: low >= high',
      ],
      [
        { lib: 'generator', fn: 'choice', pop: '3', n: '5' },
        'n',
        'ValueError: Cannot take a larger sample than population when replace is False',
      ],
      [
        { lib: 'generator', fn: 'choice', pop: '0', n: '5' },
        'pop',
        'ValueError: a must be a positive integer unless no samples are taken',
      ],
      [
        { lib: 'numpy', fn: 'choice', pop: '3', n: '5' },
        'n',
        "ValueError: Cannot take a larger sample than population when 'replace=False'",
      ],
      [{ lib: 'generator', seed: '-1' }, 'seed', 'ValueError: expected non-negative integer'],
      [
        { lib: 'jax', fn: 'normal', n: 'None' },
        'n',
        'TypeError: Shapes must be 1D sequences of concrete values of integer type, got (None,).',
      ],
      [
        { lib: 'jax', fn: 'normal', n: '1.5' },
        'n',
        'TypeError: Shapes must be 1D sequences of concrete values of integer type, got (1.5,).',
      ],
      [
        { lib: 'jax', seed: '2**63', fn: 'normal' },
        'seed',
        'OverflowError: Python int too large to convert to C long',
      ],
      [
        { lib: 'rust', seed: '-1', fn: 'random' },
        'seed',
        'error[E0600]: cannot apply unary operator `-` to type `u64`',
      ],
      [
        { lib: 'rust', fn: 'uniform', low: '1', high: '1' },
        'high',
        "thread 'main' panicked:\ncalled `Result::unwrap()` on an `Err` value: EmptyRange",
      ],
      [
        { lib: 'rust', fn: 'uniform', n: 'abc' },
        'n',
        'error[E0425]: cannot find value `abc` in this scope',
      ],
      [
        { lib: 'python', fn: 'randint', low: '5', high: '4' },
        'high',
        'ValueError: empty range for randrange() (5, 5, 0)',
      ],
      [
        { lib: 'python', fn: 'randint', low: '1.5' },
        'low',
        'ValueError: non-integer arg 1 for randrange()',
      ],
      [
        { lib: 'python', fn: 'choice', pop: '0' },
        'pop',
        'IndexError: Cannot choose from an empty sequence',
      ],
      [
        { lib: 'python', fn: 'random', n: '1.5' },
        'n',
        "TypeError: 'float' object cannot be interpreted as an integer",
      ],
      [
        { lib: 'r', fn: 'sample', pop: '3', n: '5' },
        'n',
        "Error in sample.int(x, size, replace, prob) : \n  cannot take a sample larger than the population when 'replace = FALSE'",
      ],
      [{ lib: 'r', fn: 'rnorm', n: '-1' }, 'n', 'Error in rnorm(-1, 0, 1) : invalid arguments'],
      [
        { lib: 'r', fn: 'rnorm', n: '1e5L', loc: 'abc' },
        'loc',
        "Error in rnorm(100000L, abc, 1) : object 'abc' not found",
      ],
      [{ lib: 'r', fn: 'rnorm', loc: '1 +' }, 'loc', 'Error: unexpected \',\' in "rnorm(5, 1 +,"'],
      [
        { lib: 'r', fn: 'rnorm', seed: '2^31' },
        'seed',
        'Error in set.seed(2^31) : supplied seed is not a valid integer',
      ],
    ];
    for (const [s, field, text] of cases) {
      const result = draw(settings(s), kernel);
      assert.equal(result.ok, false, JSON.stringify(s));
      assert.equal(result.field, field, JSON.stringify(s));
      assert.equal(errorText(result.error), text, JSON.stringify(s));
    }
  });

  test('histograms: each library’s sample follows the exact density', () => {
    /** @type {Array<[Partial<Settings>, string]>} */
    const cases = [
      [{ lib: 'generator', fn: 'standard_normal' }, 'randn'],
      [{ lib: 'generator', fn: 'uniform', low: '-2', high: '6' }, 'uniform'],
      [{ lib: 'generator', fn: 'integers', low: '0', high: '7' }, 'randint'],
      [{ lib: 'generator', fn: 'choice', pop: '6', replace: true }, 'randint'],
      [{ lib: 'jax', fn: 'normal' }, 'randn'],
      [{ lib: 'jax', fn: 'uniform' }, 'rand'],
      [{ lib: 'rust', fn: 'standard_normal' }, 'randn'],
      [{ lib: 'rust', fn: 'uniform', low: '3', high: '4' }, 'uniform'],
      [{ lib: 'python', fn: 'gauss', loc: '3', scale: '0.5' }, 'normal'],
      [{ lib: 'python', fn: 'randint', low: '1', high: '6' }, 'randint'],
      [{ lib: 'python', fn: 'choice', pop: '4' }, 'randint'],
      [{ lib: 'r', fn: 'rnorm', loc: '-1', scale: '2' }, 'normal'],
      [{ lib: 'r', fn: 'runif', low: '2', high: '3' }, 'uniform'],
      [{ lib: 'r', fn: 'sample', pop: '6', replace: true }, 'randint'],
    ];
    for (const [s, kind] of cases) {
      const result = draw(settings(s), kernel);
      assert.equal(result.dist[0], kind, JSON.stringify(s));
      const spec = histogramSpec(...result.dist);
      assert.ok(spec, JSON.stringify(s));
      const { counts, outside } = binCounts(result.sample, spec.edges);
      assert.ok(outside < 10, `${JSON.stringify(s)}: ${outside} outside`);
      // Each bar within 6 standard deviations of its expected count (a loose test of the fit).
      for (let i = 0; i < counts.length; i++) {
        const a = spec.edges[i];
        const b = spec.edges[i + 1];
        const steps = 20;
        let p = 0;
        for (let j = 0; j < steps; j++) {
          const x = a + ((j + 0.5) * (b - a)) / steps;
          const y = spec.curve.length === 2 ? spec.curve[0][1] : normalAt(spec.curve, x);
          p += (y * (b - a)) / steps;
        }
        const expected = p * 100_000;
        assert.ok(
          Math.abs(counts[i] - expected) < 6 * Math.sqrt(expected) + 5,
          `${JSON.stringify(s)} bin ${i}: ${counts[i]} vs ${expected}`,
        );
      }
    }
  });
});

/**
 * The plotted density at x, by linear interpolation of the curve's points.
 * @param {Array<[number, number]>} curve
 * @param {number} x
 */
function normalAt(curve, x) {
  for (let i = 1; i < curve.length; i++) {
    if (x <= curve[i][0]) {
      const [x0, y0] = curve[i - 1];
      const [x1, y1] = curve[i];
      return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
    }
  }
  return curve[curve.length - 1][1];
}
