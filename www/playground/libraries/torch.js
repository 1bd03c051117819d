// PyTorch's default CPU generator in the playground: torch.manual_seed(seed), or torch's
// unseeded default generator with no seed. Pure apart from the kernel's generators.
import { formatTorchTensor } from '../../format/torch.js';
import * as args from '../../lang/python-args.js';
import { py, pythonParam } from './python-params.js';
import { BOUNDS, fnSpec, kept, owned, SAMPLE_TEXT } from './spec.js';

/** @import { TorchGenerator } from '../../pkg/seedlab.js' */
/** @import { Library, Params } from './spec.js' */

/**
 * @param {TorchGenerator} gen
 * @param {string} fn
 * @param {Params} p
 * @param {number} n
 */
function drawFrom(gen, fn, p, n) {
  switch (fn) {
    case 'rand':
      return gen.rand(n);
    case 'randn':
      return gen.randn(n);
    default:
      return gen.randint(p.low, p.high, n);
  }
}

/** @type {Library} */
export const torch = {
  label: 'PyTorch',
  lang: 'python',
  functions: {
    rand: fnSpec('rand'),
    randn: fnSpec('randn'),
    randint: fnSpec('randint', BOUNDS),
  },
  defaultFn: 'randn',
  open(s, kernel) {
    if (s.noseed) return kept(kernel.torchGlobal, drawFrom);
    return owned(new kernel.TorchGenerator(args.torchSeed(py(s.seed))), drawFrom);
  },
  size: (text, fn) => args.torchSize(py(text), fn),
  param: pythonParam,
  print: (spec, values) =>
    formatTorchTensor(values, { dtype: spec.kind === 'randint' ? 'int64' : 'float32' }),
  code(s, spec) {
    /** @param {string} n */
    const call = (n) =>
      spec.kind === 'randint'
        ? `torch.randint(${s.low}, ${s.high}, (${n},))`
        : `torch.${s.fn}(${n})`;
    const lines = ['import torch', ''];
    if (!s.noseed) lines.push(`torch.manual_seed(${s.seed})`);
    lines.push(`print(${call(s.n)})`, `sample = ${call(SAMPLE_TEXT)}  # plotted below`);
    return lines.join('\n');
  },
  source: (s) => `torch.${s.fn}`,
};
