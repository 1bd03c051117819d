// JAX's repr of a 1-D float32 jax.Array on the CPU: NumPy's array format with float32's shortest
// digits, then the dtype. Pure, no DOM.
import { formatNumpyArray, NUMPY_PRINT_OPTIONS } from './numpy.js';

/**
 * The text of repr(a) for a 1-D float32 jax.Array on the CPU (jax's ArrayImpl.__repr__:
 * np.array2string with prefix 'Array(', suffix ',' and separator ', '; then the dtype, after
 * one space, or after six when the last line would pass NumPy's line width).
 *   formatJaxArray(jaxNormal(jaxKey(17), 5))
 *     -> 'Array([-0.66748405,  1.1928468 ,  0.7245219 , -0.3257403 ,  0.6412951 ],      dtype=float32)'
 * @param {ArrayLike<number>} values
 * @param {{ dtype?: 'float32' | 'float64' }} [options]
 */
export function formatJaxArray(values, { dtype = 'float32' } = {}) {
  const prefix = 'Array(';
  const dtypeText = `dtype=${dtype}`;
  const n = values.length;
  const s =
    n === 0
      ? `[], shape=(0,)`
      : formatNumpyArray(values, { dtype, separator: ', ', prefix, suffix: ',' });
  const lastLineLength = s.length - s.lastIndexOf('\n') + 1;
  const sep =
    lastLineLength + dtypeText.length + 2 > NUMPY_PRINT_OPTIONS.linewidth
      ? ' '.repeat(prefix.length)
      : ' ';
  return `${prefix}${s},${sep}${dtypeText})`;
}
