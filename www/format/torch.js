// PyTorch's printing of 1-D CPU tensors, digit for digit: print(torch.tensor(values)).
//
//   formatTorchTensor(values)  "tensor([-1.4135,  0.2336,  0.0340,  0.3499, -0.0145])"
//
// The rules follow torch/_tensor_str.py (_Formatter, _vector_str): precision 4, linewidth 80,
// threshold 1000, edgeitems 3, sci_mode auto; numbers are written with Python's format
// (pyFixed, pyExp: exact, ties to even). Pure, no DOM.
import { intString, summarise, toArray } from './array.js';
import { pyExp, pyFixed } from './decimal.js';

export const TORCH_PRINT_OPTIONS = Object.freeze({
  precision: 4,
  linewidth: 80,
  threshold: 1000,
  edgeitems: 3,
});

/**
 * torch's _Formatter for a floating (float32 or float64) or integer tensor. Returns { width,
 * format }. data: the values it looks at; for integer and bool tensors anything whose String()
 * is what f"{value}" prints (numbers, BigInts, 'True'/'False').
 * @param {(number | bigint | string)[]} values
 * @param {boolean} floating
 * @param {number} precision
 * @param {boolean | null} [sciModeOption]  set_printoptions(sci_mode=...), when not None: the
 *   choice between fixed and scientific notation
 * @returns {{ width: number, format: (v: any) => string }}
 */
export function torchFormatter(values, floating, precision, sciModeOption = null) {
  let maxWidth = 1;
  if (!floating) {
    /** @param {number | bigint | string} v */
    const text = (v) => (typeof v === 'number' ? intString(v) : String(v));
    for (const v of values) maxWidth = Math.max(maxWidth, text(v).length);
    return { width: maxWidth, format: (v) => text(v).padStart(maxWidth) };
  }
  const data = /** @type {number[]} */ (values);

  let intMode = true;
  let sciMode = false;
  const nz = data.filter((v) => Number.isFinite(v) && v !== 0);
  if (nz.length) {
    const abs = nz.map(Math.abs);
    const max = Math.max(...abs);
    const min = Math.min(...abs);
    intMode = nz.every((v) => v === Math.ceil(v));
    sciMode = sciModeOption ?? (max / min > 1000 || max > 1e8 || min < 1e-4);
    for (const v of nz) {
      const text = sciMode
        ? pyExp(v, precision)
        : intMode
          ? `${pyFixed(v, 0)}.`
          : pyFixed(v, precision);
      maxWidth = Math.max(maxWidth, text.length);
    }
  }

  /** @param {number} v */
  const format = (v) => {
    let ret;
    if (sciMode) ret = pyExp(v, precision);
    else if (intMode) ret = pyFixed(v, 0) + (Number.isFinite(v) ? '.' : '');
    else ret = pyFixed(v, precision);
    return ret.padStart(maxWidth);
  };
  return { width: maxWidth, format };
}

/**
 * The text of print(t) for a 1-D CPU tensor of torch's default dtype (float32), or of int64
 * when options.dtype is 'int64' (torch.randint). Float values are taken as given: pass the
 * Float32Array that TorchGenerator returns (or values already rounded to float32).
 * @param {ArrayLike<number>} values
 * @param {Partial<typeof TORCH_PRINT_OPTIONS> & { dtype?: 'float32' | 'int64' }} [options]
 */
export function formatTorchTensor(values, options = {}) {
  const { dtype = 'float32', ...rest } = options;
  const opts = { ...TORCH_PRINT_OPTIONS, ...rest };
  const floating = dtype !== 'int64';
  const arr = floating ? Array.from(values, Math.fround) : toArray(values);
  const prefix = 'tensor(';
  if (arr.length === 0) return prefix + '[]' + (floating ? '' : ', dtype=torch.int64') + ')';

  const { lead, trail, summary } = summarise(arr, opts.threshold, opts.edgeitems);
  const { width, format } = torchFormatter(lead.concat(trail), floating, opts.precision);

  const indent = prefix.length;
  const perLine = Math.max(1, Math.floor((opts.linewidth - indent) / (width + 2)));
  const data = lead.map(format);
  if (summary) data.push(' ...');
  data.push(...trail.map(format));
  const lines = [];
  for (let i = 0; i < data.length; i += perLine) lines.push(data.slice(i, i + perLine).join(', '));
  return prefix + '[' + lines.join(',\n' + ' '.repeat(indent + 1)) + '])';
}
