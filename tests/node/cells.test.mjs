// Tests of the page's logic without a browser: the lesson cells (www/lesson/) run with the built
// package in Node, the "same as run k" bookkeeping, the playground's draws and histograms, the
// URL settings and the plot helpers. Needs scripts/build.sh (www/pkg).
// Expected strings were printed by NumPy 2.4.6 and PyTorch 2.15.0 (CPU) on x86-64 Linux.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import { errorText } from '../../www/lang/field-error.js';
import { CELLS, CELLS_BY_ID } from '../../www/lesson/cells.js';
import { createKernel } from '../../www/lesson/kernel.js';
import { RunHistory } from '../../www/lesson/run-history.js';
import { codeLines, codeText, runCell, runKey } from '../../www/lesson/runner.js';
import { draw as drawResult } from '../../www/playground/draw.js';
import { binCounts, histogramSpec, niceTicks } from '../../www/playground/histogram.js';
import { playgroundCode } from '../../www/playground/libraries.js';
import { PLAYGROUND_DEFAULTS } from '../../www/playground/settings.js';
import { loadModules } from '../../www/python/modules/index.js';
import { readPrefixed, settingsQuery } from '../../www/ui/url-state.js';
import { drawOutcome, runOutcome } from './results.mjs';
import {
  DECODER_17,
  DROPOUT_17,
  EPOCHS_17,
  LINEAR_17,
  OWN_GENERATOR_17,
} from './training-outputs.mjs';

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

const NP_17 = '[ 0.27626589 -1.85462808  0.62390111  1.14531129  1.03719047]';
const NP_17_NEXT = '[ 1.88663893 -0.11169829 -0.36210134  0.14867505 -0.43778315]';
const RS_20210530 = '[-0.24972681 -1.01951826  2.23461339  0.72764703  1.2921122 ]';
const RS_20210530_NEXT = '[ 1.15494929 -0.0015467  -0.11196868 -1.08136725  0.10265891]';
const TORCH_17 = 'tensor([-1.4135,  0.2336,  0.0340,  0.3499, -0.0145])';
const TORCH_17_15 =
  'tensor([-1.4135,  0.2336,  0.0340,  0.3499, -0.0145, -0.6124, -1.1835, -1.4831,\n' +
  '         1.8004,  0.0096,  0.1534, -2.6631, -1.4311, -0.5483,  0.3232])';
const TORCH_17_16 =
  'tensor([-1.0462,  1.2305,  1.8662, -0.3435,  0.0675,  0.4481, -0.5986,  0.2515,\n' +
  '         0.2113,  0.1331,  0.2522,  0.3827,  0.2344,  1.1805,  0.7783,  1.2318])';

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

describe('lesson cells (www/lesson/)', () => {
  test('the notebook’s outputs with the default values', () => {
    assert.deepEqual(run('global-seed').lines, [NP_17, NP_17_NEXT]);
    const generators = run('generators').lines;
    assert.deepEqual(
      [generators[0], generators[1], generators[3], generators[4]],
      [NP_17, RS_20210530, NP_17_NEXT, RS_20210530_NEXT],
    );
    assert.equal(run('torch-seed').lines[0], TORCH_17);
    assert.deepEqual(run('torch-size').lines, [TORCH_17, TORCH_17_16]);
    // randn(15) takes the n < 16 path and begins like randn(5); randn(16) does not.
    assert.deepEqual(run('torch-size', { n2: '15' }).lines, [TORCH_17, TORCH_17_15]);
  });

  test('the training-run cells print what torch 2.15.0 prints', () => {
    assert.deepEqual(run('train-init').lines, LINEAR_17);
    assert.deepEqual(run('train-init', { seed: '5', n_in: '2', n_out: '2' }).lines, [
      'Parameter containing:\n' +
        'tensor([[ 0.4670, -0.5288],\n' +
        '        [ 0.5762,  0.4524]], requires_grad=True)',
      'Parameter containing:\ntensor([ 0.5941, -0.5421], requires_grad=True)',
    ]);
    // The same decoder, created after the encoder and then before it.
    assert.deepEqual(run('train-order').lines, DECODER_17);
    assert.deepEqual(run('train-order', { seed2: '18' }).lines[0], DECODER_17[0]);
    assert.notDeepEqual(run('train-order', { seed2: '18' }).lines[1], DECODER_17[1]);
    assert.deepEqual(run('train-loader').lines, EPOCHS_17);
    assert.deepEqual(run('train-loader', { batch_size: '3' }).lines, [
      '[[6, 5, 8], [0, 7, 4], [3, 1, 9], [2]]',
      '[[3, 6, 8], [1, 9, 2], [7, 4, 5], [0]]',
    ]);
    assert.deepEqual(run('train-dropout').lines, DROPOUT_17);
    assert.deepEqual(
      run('train-dropout', { seed: '3', p: '0.1' }).lines[0],
      'tensor([1.1111, 1.1111, 1.1111, 1.1111, 1.1111, 1.1111, 1.1111, 1.1111])',
    );
  });

  test('a loader with its own generator repeats its order; the unseeded layer does not', () => {
    const first = run('train-generator').lines;
    const second = run('train-generator').lines;
    assert.equal(first[1], OWN_GENERATOR_17);
    assert.equal(second[1], OWN_GENERATOR_17);
    assert.match(
      first[0],
      /^Parameter containing:\ntensor\(\[ ?-?0\.\d{4}, +-?0\.\d{4}\], requires_grad=True\)$/,
    );
    assert.notEqual(first[0], second[0]);
  });

  test('the unseeded global state persists and moves on, as in a kernel', () => {
    const a = run('unseeded').lines[0];
    const b = run('unseeded').lines[0];
    assert.notEqual(a, b);
    assert.match(a, /^\[[- ]?\d\.\d+/); // (no sign column when all are positive)
    // The generators and torch cells draw their NumPy row from the same global state.
    assert.notEqual(run('generators').lines[2], run('generators').lines[2]);
    assert.notEqual(run('torch-seed').lines[1], run('torch-seed').lines[1]);
    // np.random.seed(None) reseeds from the OS: the "seeded" cell is no longer reproducible.
    assert.notDeepEqual(
      run('global-seed', { seed: 'None' }).lines,
      run('global-seed', { seed: 'None' }).lines,
    );
  });

  test('errors name the field that caused them, with the library’s text', () => {
    /** @type {Array<[string, Record<string, string>, string, string]>} */
    const cases = [
      [
        'global-seed',
        { seed: '2**32' },
        'seed',
        'ValueError: Seed must be between 0 and 2**32 - 1',
      ],
      ['global-seed', { seed: '-1' }, 'seed', 'ValueError: Seed must be between 0 and 2**32 - 1'],
      ['global-seed', { seed: '[]' }, 'seed', 'ValueError: Seed must be non-empty'],
      ['global-seed', { n1: '-1' }, 'n1', 'ValueError: negative dimensions are not allowed'],
      [
        'global-seed',
        { n2: '2.5' },
        'n2',
        "TypeError: 'float' object cannot be interpreted as an integer",
      ],
      [
        'generators',
        { seed2: '4294967296' },
        'seed2',
        'ValueError: Seed must be between 0 and 2**32 - 1',
      ],
      ['torch-seed', { seed: '2**64' }, 'seed', 'ValueError: Overflow when unpacking long long'],
      [
        'torch-seed',
        { n: '-1' },
        'n',
        'RuntimeError: Trying to create tensor with negative dimension -1: [-1]',
      ],
      ['torch-size', { n2: 'n' }, 'n2', "NameError: name 'n' is not defined"],
      [
        'train-init',
        { n_out: '2.5' },
        'n_out',
        "TypeError: empty(): argument 'size' (position 1) must be tuple of ints, but found element of type float at pos 0",
      ],
      [
        'train-init',
        { n_in: '-1' },
        'n_in',
        'RuntimeError: Trying to create tensor with negative dimension -1: [3, -1]',
      ],
      [
        'train-loader',
        { batch_size: '0' },
        'batch_size',
        'ValueError: batch_size should be a positive integer value, but got batch_size=0',
      ],
      [
        'train-generator',
        { seed: '2**64' },
        'seed',
        'ValueError: Overflow when unpacking long long',
      ],
      [
        'train-dropout',
        { p: '1.5' },
        'p',
        'ValueError: dropout probability has to be between 0 and 1, but got 1.5',
      ],
      [
        'unseeded',
        { n: '10**12' },
        'n',
        'MemoryError: Unable to allocate 7.28 TiB for an array with shape (1000000000000,) and data type float64',
      ],
    ];
    for (const [id, values, field, text] of cases) {
      const result = run(id, values);
      assert.equal(result.ok, false, `${id} ${JSON.stringify(values)}`);
      assert.equal(result.field, field, `${id} ${JSON.stringify(values)}`);
      assert.equal(errorText(result.error), text);
    }
    // torch wraps negative seeds; only NumPy refuses them.
    assert.equal(
      run('torch-seed', { seed: '-1' }).lines[0],
      'tensor([ 1.2198, -0.3930,  1.0231, -0.3734, -0.0755])',
    );
  });

  test('the identity of a run is the cell and its values as Python reads them', () => {
    const cell = CELLS_BY_ID['global-seed'];
    assert.equal(
      runKey(cell, { seed: '17', n1: '5', n2: '5' }),
      runKey(cell, { seed: '0x11', n1: '5', n2: '5' }),
    );
    assert.notEqual(
      runKey(cell, { seed: '17', n1: '5', n2: '5' }),
      runKey(cell, { seed: '18', n1: '5', n2: '5' }),
    );
  });

  test('code: fields are placeholders in the code', () => {
    for (const cell of CELLS) {
      const names = codeLines(cell)
        .flat()
        .filter((p) => typeof p !== 'string')
        .map((p) => p.field);
      assert.deepEqual([...names].sort(), cell.fields.map((f) => f.name).sort(), cell.id);
      assert.doesNotMatch(codeText(cell), /\{[a-z][a-z0-9_]*\}/, cell.id);
    }
    // Rust's own braces stay: {:?} is not a field.
    assert.match(codeText(CELLS_BY_ID['rust-seed']), /println!\("\{:\?\}", x\);/);
    assert.equal(
      codeText(CELLS_BY_ID['global-seed'], { seed: '42' }).split('\n')[2],
      'np.random.seed(42)',
    );
  });
});

describe('RunHistory', () => {
  test('marks a row the same as the earliest run that printed it for the same code and position', () => {
    const h = new RunHistory();
    assert.deepEqual(h.record('a', ['x', 'y']), {
      number: 1,
      rows: [
        { text: 'x', sameAs: null },
        { text: 'y', sameAs: null },
      ],
    });
    assert.deepEqual(
      h.record('a', ['x', 'z']).rows.map((r) => r.sameAs),
      [1, null],
    );
    assert.deepEqual(
      h.record('b', ['x']).rows.map((r) => r.sameAs),
      [null],
    ); // other code
    assert.deepEqual(
      h.record('a', ['y', 'x']).rows.map((r) => r.sameAs),
      [null, null],
    ); // other positions
    assert.deepEqual(
      h.record('a', ['x', 'z']).rows.map((r) => r.sameAs),
      [1, 2],
    );
    h.clear();
    assert.equal(h.record('a', ['x']).number, 1);
  });
});

describe('playground logic (www/playground/)', () => {
  /**
   * @param {Partial<Settings>} s
   * @returns {Settings}
   */
  const settings = (s) => ({ ...PLAYGROUND_DEFAULTS, ...s });

  test('rows as Python prints them', () => {
    /** @type {Array<[Partial<Settings>, string]>} */
    const cases = [
      [{}, NP_17],
      [{ fn: 'rand' }, '[0.294665   0.53058676 0.19152079 0.06790036 0.78698546]'],
      [{ fn: 'randint' }, '[1 6 6 9 0]'],
      [
        { fn: 'normal', loc: '3', scale: '0.5' },
        '[3.13813295 2.07268596 3.31195056 3.57265564 3.51859523]',
      ],
      [
        { fn: 'uniform', low: '0', high: '10' },
        '[2.94665003 5.30586756 1.91520787 0.67900358 7.8698546 ]',
      ],
      [{ lib: 'torch' }, TORCH_17],
      [{ lib: 'torch', fn: 'rand' }, 'tensor([0.4342, 0.5351, 0.8302, 0.1239, 0.0293])'],
      [{ lib: 'torch', fn: 'randint' }, 'tensor([9, 5, 1, 2, 0])'],
    ];
    for (const [s, line] of cases) {
      const result = draw(settings(s), kernel);
      assert.equal(result.ok, true, JSON.stringify(s));
      assert.equal(result.line, line, JSON.stringify(s));
      assert.equal(result.sample.length, 100_000);
    }
  });

  test('the code shown is the code that runs', () => {
    assert.equal(
      playgroundCode(settings({})),
      'import numpy as np\n\nrng = np.random.RandomState(17)\nprint(rng.randn(5))\nsample = rng.randn(100_000)  # plotted below',
    );
    assert.equal(
      playgroundCode(settings({ fn: 'normal', noseed: true })),
      'import numpy as np\n\nprint(np.random.normal(0, 1, 5))\nsample = np.random.normal(0, 1, 100_000)  # plotted below',
    );
    assert.equal(
      playgroundCode(settings({ lib: 'torch', fn: 'randint' })),
      'import torch\n\ntorch.manual_seed(17)\nprint(torch.randint(0, 10, (5,)))\nsample = torch.randint(0, 10, (100_000,))  # plotted below',
    );
  });

  test('errors point at the field that caused them', () => {
    /** @type {Array<[Partial<Settings>, string, string]>} */
    const cases = [
      [{ seed: '2**32' }, 'seed', 'ValueError: Seed must be between 0 and 2**32 - 1'],
      [{ n: '-1' }, 'n', 'ValueError: negative dimensions are not allowed'],
      [{ fn: 'randint', low: '5', high: '5' }, 'high', 'ValueError: low >= high'],
      [{ fn: 'normal', scale: '-1' }, 'scale', 'ValueError: scale < 0'],
      [
        { lib: 'torch', fn: 'randint', low: '5', high: '5' },
        'high',
        "RuntimeError: random_ expects 'from' to be less than 'to', but got from=5 >= to=5",
      ],
      [
        { lib: 'torch', seed: 'None' },
        'seed',
        "TypeError: int() argument must be a string, a bytes-like object or a real number, not 'NoneType'",
      ],
    ];
    for (const [s, field, text] of cases) {
      const result = draw(settings(s), kernel);
      assert.equal(result.ok, false, JSON.stringify(s));
      assert.equal(result.field, field, JSON.stringify(s));
      assert.equal(errorText(result.error), text);
    }
  });

  test('histograms: the exact density integrates to 1 and the sample follows it', () => {
    for (const [fn, p] of /** @type {Array<[string, number[]]>} */ ([
      ['randn', []],
      ['normal', [3, 0.5]],
      ['rand', []],
      ['uniform', [-2, 6]],
      ['randint', [0, 7]],
      ['randint', [0, 1000]],
    ])) {
      const spec = histogramSpec(fn, p);
      assert.ok(spec, fn);
      const s = settings({
        fn,
        ...(fn === 'normal' ? { loc: String(p[0]), scale: String(p[1]) } : {}),
        ...(p.length && fn !== 'normal' ? { low: String(p[0]), high: String(p[1]) } : {}),
      });
      const { sample } = draw(s, kernel);
      const { counts, outside } = binCounts(sample, spec.edges);
      assert.ok(outside < 10, `${fn}: ${outside} outside`);
      assert.equal(counts.reduce((a, b) => a + b, 0) + outside, 100_000);
      // Trapezoid rule over the curve: the plotted density integrates to about 1.
      let area = 0;
      for (let i = 1; i < spec.curve.length; i++) {
        const [x0, y0] = spec.curve[i - 1];
        const [x1, y1] = spec.curve[i];
        area += ((y0 + y1) / 2) * (x1 - x0);
      }
      assert.ok(Math.abs(area - 1) < 1e-3, `${fn}: area ${area}`);
    }
    assert.equal(histogramSpec('randint', [0, 7])?.edges.length, 8);
    assert.equal(histogramSpec('normal', [0, 0]), null);
    assert.equal(histogramSpec('uniform', [1, 1]), null);
  });
});

describe('URL settings and plot helpers', () => {
  test('settingsQuery writes only values that differ from their defaults', () => {
    assert.equal(
      settingsQuery([
        ['a.seed', '17', '17'],
        ['b.seed', '42', '17'],
        ['play.noseed', '', ''],
      ]),
      '?b.seed=42',
    );
    assert.equal(settingsQuery([['a.seed', '17', '17']]), '');
    assert.equal(settingsQuery([['a.seed', '2**32', '17']]), '?a.seed=2**32');
    const params = new URLSearchParams('?global-seed.seed=42&seed=7&cell=x');
    assert.deepEqual(readPrefixed(params, 'global-seed', ['seed', 'n1']), { seed: '42' });
    assert.deepEqual(readPrefixed(params, '', ['seed', 'n1']), { seed: '7' });
  });

  test('niceTicks and binCounts', () => {
    assert.deepEqual(niceTicks(-4.5, 4.5, 7), [-4, -2, 0, 2, 4]);
    assert.deepEqual(niceTicks(-4.5, 4.5, 9), [-4, -3, -2, -1, 0, 1, 2, 3, 4]);
    assert.deepEqual(niceTicks(0, 1, 5), [0, 0.2, 0.4, 0.6, 0.8, 1]);
    assert.deepEqual(niceTicks(-4.5, 4.5, 3), [-4, -2, 0, 2, 4]);
    assert.deepEqual(binCounts([0, 0.5, 1, 1.5, 2, 3], [0, 1, 2]), { counts: [2, 3], outside: 1 });
  });
});
