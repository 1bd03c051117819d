// The lesson's live cells: the code each one shows (Python, R or Rust, with {field} placeholders
// for the values a student can edit). Content only: the runner (runner.js) runs it.
//
// A Python cell is only its code: the runner fills in the fields and runs it with the page's
// Python interpreter, as a notebook would, in a fresh session each run (so NumPy's, Python's and
// torch's unseeded generators are seeded from OS entropy again, and unseeded rows change).
// An R or Rust cell (`lang`) also has run(py, kernel), which computes what R or Rust prints:
//
//   run(py, kernel)   py: the run's context (runner.js): py.rArg('seed', 'set.seed') reads a
//                     field as R reads it, py.call('n', f) runs f with its errors about field n,
//                     py.print(text) prints a row, py.own(obj) frees obj after the run
//
// Pure: no DOM.
import { formatRVector } from '../format/r.js';
import { formatRustVec } from '../format/rust.js';
import { pageLimit } from '../lang/limits.js';
import { rAsNumber } from '../lang/r-expr.js';
/** @import { Cell } from './runner.js' */

/** @type {Cell[]} */
export const CELLS = [
  {
    id: 'unseeded',
    title: 'No seed: a new row every run',
    caption:
      'NumPy’s global generator, never seeded here, carries on from where it stopped: every run prints new numbers.',
    code: 'import numpy as np\n\nprint(np.random.randn({n}))',
    fields: [{ name: 'n', value: '5', label: 'n, the number of values' }],
  },
  {
    id: 'global-seed',
    title: 'np.random.seed: the same rows every run',
    caption:
      'After np.random.seed(17), the two draws differ from each other, but every run prints the same two rows.',
    code: [
      'import numpy as np',
      '',
      'np.random.seed({seed})',
      'print(np.random.randn({n1}))',
      'print(np.random.randn({n2}))',
    ].join('\n'),
    fields: [
      { name: 'seed', value: '17', label: 'seed of np.random.seed' },
      { name: 'n1', value: '5', label: 'n of the first draw' },
      { name: 'n2', value: '5', label: 'n of the second draw' },
    ],
  },
  {
    id: 'generators',
    title: 'RandomState objects: seeded rows repeat, the unseeded one changes',
    caption:
      'Two RandomState objects keep their own streams; the unseeded np.random.randn between them does not disturb them.',
    code: [
      'import numpy as np',
      '',
      'randseed1 = np.random.RandomState({seed1})',
      'randseed2 = np.random.RandomState({seed2})',
      'print(randseed1.randn(5))',
      'print(randseed2.randn(5))',
      'print(np.random.randn(5))',
      'print(randseed1.randn(5))',
      'print(randseed2.randn(5))',
    ].join('\n'),
    fields: [
      { name: 'seed1', value: '17', label: 'seed of randseed1' },
      { name: 'seed2', value: '20210530', label: 'seed of randseed2' },
    ],
  },
  {
    id: 'default-rng',
    title: 'np.random.default_rng: a Generator object, seeded once',
    caption:
      'The Generator from default_rng(17) repeats its rows on every run; np.random’s global state, unseeded, changes and does not disturb it.',
    code: [
      'import numpy as np',
      '',
      'rng = np.random.default_rng({seed})',
      'print(rng.standard_normal(5))',
      'print(np.random.randn(5))',
      'print(rng.standard_normal(5))',
    ].join('\n'),
    fields: [{ name: 'seed', value: '17', label: 'seed of np.random.default_rng' }],
  },
  {
    id: 'rng-vs-legacy',
    title: 'default_rng(17) is not RandomState(17)',
    caption:
      'The same seed in two different generators (PCG64 and the Mersenne Twister) gives two different streams, each reproducible.',
    code: [
      'import numpy as np',
      '',
      'print(np.random.default_rng({seed1}).random(3))',
      'print(np.random.RandomState({seed2}).rand(3))',
    ].join('\n'),
    fields: [
      { name: 'seed1', value: '17', label: 'seed of np.random.default_rng' },
      { name: 'seed2', value: '17', label: 'seed of np.random.RandomState' },
    ],
  },
  {
    id: 'py-random',
    title: 'random.seed is not np.random.seed',
    caption:
      'Python’s random module has a generator of its own: random.seed(17) leaves NumPy unseeded, and np.random.seed(17) gives other numbers.',
    code: [
      'import random',
      'import numpy as np',
      '',
      'random.seed({seed1})',
      'print(random.random())',
      'print(np.random.rand())',
      'np.random.seed({seed2})',
      'print(np.random.rand())',
    ].join('\n'),
    fields: [
      { name: 'seed1', value: '17', label: 'seed of random.seed' },
      { name: 'seed2', value: '17', label: 'seed of np.random.seed' },
    ],
  },
  {
    id: 'torch-seed',
    title: 'torch.manual_seed seeds PyTorch, not NumPy',
    caption:
      'torch.manual_seed(17) makes torch.randn repeat; NumPy’s generator is untouched, so its row changes every run.',
    code: [
      'import numpy as np',
      'import torch',
      '',
      'torch.manual_seed({seed})',
      'print(torch.randn({n}))',
      'print(np.random.randn(5))',
    ].join('\n'),
    fields: [
      { name: 'seed', value: '17', label: 'seed of torch.manual_seed' },
      { name: 'n', value: '5', label: 'n of torch.randn' },
    ],
  },
  {
    id: 'torch-size',
    title: 'In PyTorch, the size changes the numbers',
    caption:
      'Same seed, different sizes: torch.randn(16) does not start with the values of torch.randn(5).',
    code: [
      'import torch',
      '',
      'torch.manual_seed({seed1})',
      'print(torch.randn({n1}))',
      'torch.manual_seed({seed2})',
      'print(torch.randn({n2}))',
    ].join('\n'),
    fields: [
      { name: 'seed1', value: '17', label: 'seed of the first torch.manual_seed' },
      { name: 'n1', value: '5', label: 'n of the first torch.randn' },
      { name: 'seed2', value: '17', label: 'seed of the second torch.manual_seed' },
      { name: 'n2', value: '16', label: 'n of the second torch.randn' },
    ],
  },
  {
    id: 'r-seed',
    lang: 'r',
    title: 'R: set.seed',
    caption: 'After set.seed(17), rnorm and sample print the same rows on every run.',
    code: 'set.seed({seed})\nrnorm({n})\nsample(10)',
    fields: [
      { name: 'seed', value: '17', label: 'seed of set.seed' },
      { name: 'n', value: '5', label: 'n of rnorm' },
    ],
    run(py, kernel) {
      const seed = py.rArg('seed', 'set.seed');
      const rng = py.own(py.rCall('seed', seed, () => new kernel.RRandom(rAsNumber(seed.value))));
      const n = py.rArg('n', 'rnorm');
      const count = py.call('n', () => pageLimit(rAsNumber(n.value) ?? NaN, 'R'));
      py.print(formatRVector(py.rCall('n', n, () => rng.rnorm(count))));
      py.print(formatRVector(rng.sample(10), { type: 'integer' }));
    },
  },
  {
    id: 'jax-key',
    title: 'JAX: the key is the seed, and nothing is hidden',
    caption:
      'The same key gives the same numbers, even twice in one run; jax.random.split makes a new key for new numbers.',
    code: [
      'import jax',
      '',
      'key = jax.random.key({seed})',
      'print(repr(jax.random.normal(key, (5,))))',
      'print(repr(jax.random.normal(key, (5,))))',
      'key, subkey = jax.random.split(key)',
      'print(repr(jax.random.normal(subkey, (5,))))',
    ].join('\n'),
    fields: [{ name: 'seed', value: '17', label: 'seed of jax.random.key' }],
  },
  {
    id: 'rust-seed',
    lang: 'rust',
    title: 'Rust: seed_from_u64',
    caption:
      'A Pcg64 seeded with seed_from_u64(17) prints the same vectors on every run; the second continues the first.',
    code: [
      'use rand::{RngExt, SeedableRng};',
      'use rand_distr::StandardNormal;',
      'use rand_pcg::Pcg64;',
      '',
      'fn main() {',
      '    let mut rng = Pcg64::seed_from_u64({seed});',
      '    let x: Vec<f64> = (0..5).map(|_| rng.sample(StandardNormal)).collect();',
      '    println!("{:?}", x);',
      '    let u: Vec<f64> = (0..3).map(|_| rng.random()).collect();',
      '    println!("{:?}", u);',
      '}',
    ].join('\n'),
    fields: [{ name: 'seed', value: '17', label: 'seed of Pcg64::seed_from_u64' }],
    run(py, kernel) {
      const seed = py.rustSeed('seed');
      const rng = py.own(py.call('seed', () => new kernel.RustRng(seed)));
      py.print(formatRustVec(rng.standardNormal(5)));
      py.print(formatRustVec(rng.random(3)));
    },
  },
  {
    id: 'train-init',
    title: 'torch.manual_seed: the same initial weights',
    caption:
      'After torch.manual_seed(17), nn.Linear(4, 3) starts from the same weights and bias on every run.',
    code: [
      'import torch',
      'from torch import nn',
      '',
      'torch.manual_seed({seed})',
      'layer = nn.Linear({n_in}, {n_out})',
      'print(layer.weight)',
      'print(layer.bias)',
    ].join('\n'),
    fields: [
      { name: 'seed', value: '17', label: 'seed of torch.manual_seed' },
      { name: 'n_in', value: '4', label: 'in_features of nn.Linear' },
      { name: 'n_out', value: '3', label: 'out_features of nn.Linear' },
    ],
  },
  {
    id: 'train-order',
    title: 'Layers share one stream: their order changes their weights',
    caption:
      'The same decoder layer, created after the encoder or before it, starts from different weights.',
    code: [
      'import torch',
      'from torch import nn',
      '',
      'torch.manual_seed({seed1})',
      'encoder = nn.Linear(4, 3)',
      'decoder = nn.Linear(3, 2)',
      'print(decoder.weight)',
      '',
      'torch.manual_seed({seed2})',
      'decoder = nn.Linear(3, 2)',
      'encoder = nn.Linear(4, 3)',
      'print(decoder.weight)',
    ].join('\n'),
    fields: [
      { name: 'seed1', value: '17', label: 'seed of the first torch.manual_seed' },
      { name: 'seed2', value: '17', label: 'seed of the second torch.manual_seed' },
    ],
  },
  {
    id: 'train-loader',
    title: 'DataLoader(shuffle=True): a new order each epoch, the same epochs each run',
    caption:
      'The two epochs print different orders; after torch.manual_seed(17) every run prints the same two.',
    code: [
      'import torch',
      'from torch.utils.data import DataLoader',
      '',
      'torch.manual_seed({seed})',
      'loader = DataLoader(range(10), batch_size={batch_size}, shuffle=True)',
      'for epoch in range(2):',
      '    print([batch.tolist() for batch in loader])',
    ].join('\n'),
    fields: [
      { name: 'seed', value: '17', label: 'seed of torch.manual_seed' },
      { name: 'batch_size', value: '4', label: 'batch_size of the DataLoader' },
    ],
  },
  {
    id: 'train-generator',
    title: 'A DataLoader with its own generator',
    caption:
      'The loader’s order comes from its own seeded generator and repeats; the unseeded layer’s bias changes every run.',
    code: [
      'import torch',
      'from torch import nn',
      'from torch.utils.data import DataLoader',
      '',
      'g = torch.Generator().manual_seed({seed})',
      'loader = DataLoader(range(10), batch_size=4, shuffle=True, generator=g)',
      'model = nn.Linear(10, 2)',
      'print(model.bias)',
      'print([batch.tolist() for batch in loader])',
    ].join('\n'),
    fields: [{ name: 'seed', value: '17', label: 'seed of the loader’s generator' }],
  },
  {
    id: 'train-dropout',
    title: 'Dropout masks come from the same stream',
    caption:
      'In training mode each call draws a new mask, and the masks repeat on every run; in eval mode dropout does nothing.',
    code: [
      'import torch',
      'from torch import nn',
      '',
      'torch.manual_seed({seed})',
      'dropout = nn.Dropout(p={p})',
      'x = torch.ones(8)',
      'print(dropout(x))',
      'print(dropout(x))',
      'dropout.eval()',
      'print(dropout(x))',
    ].join('\n'),
    fields: [
      { name: 'seed', value: '17', label: 'seed of torch.manual_seed' },
      { name: 'p', value: '0.5', label: 'p of nn.Dropout' },
    ],
  },
];

/** @type {Record<string, Cell>} */
export const CELLS_BY_ID = Object.fromEntries(CELLS.map((cell) => [cell.id, cell]));
