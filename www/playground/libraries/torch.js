import { pythonParam } from './python-params.js';
import { BOUNDS, fnSpec, SAMPLE_TEXT } from './spec.js';

/** @import { TorchGenerator } from '../../pkg/seedlab.js' */
/** @import { PythonLibrary, Params } from './spec.js' */

/** @type {PythonLibrary} */
export const torch = {
  label: 'PyTorch',
  lang: 'python',
  functions: {
    rand: fnSpec('rand'),
    randn: fnSpec('randn'),
    randint: fnSpec('randint', BOUNDS),
  },
  defaultFn: 'randn',
  param: pythonParam,
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
