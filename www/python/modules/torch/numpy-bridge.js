// Tensor.numpy() and torch.from_numpy(): an array and a tensor over the same memory, as in torch
// (writing through one shows in the other). Both sides keep their elements in the same typed
// arrays (Float32Array for float32, BigInt64Array for int64, Int32Array for int32, ...), so the bridge shares the
// buffer, shape, strides and offset.

import { PyError, typeError, Unsupported } from '../../errors.js';
import { Strided } from '../../nd/strided.js';
import { PyObject } from '../../objects.js';
import { BOOL, FLOAT32, FLOAT64, INT8, INT16, INT32, INT64, UINT8 } from '../numpy/dtype.js';
import { NDArray } from '../numpy/ndarray.js';
import { bool, float32, float64, int8, int16, int32, int64, uint8 } from './dtypes.js';
import { Tensor } from './tensor.js';
import { assertInitialized } from './uninitialized.js';

/** torch dtype name -> NumPy dtype, and back. */
const TO_NUMPY = new Map([
  [float32, FLOAT32],
  [float64, FLOAT64],
  [int64, INT64],
  [int32, INT32],
  [int16, INT16],
  [int8, INT8],
  [uint8, UINT8],
  [bool, BOOL],
]);
const FROM_NUMPY = new Map([...TO_NUMPY].map(([t, n]) => [n, t]));

/** A view of a layout over the same buffer. @param {Strided} s */
const sameMemory = (s) => new Strided(s.data, [...s.shape], [...s.strides], s.offset);

/** t.numpy(force=False) @param {Tensor} t @param {boolean} force */
export function tensorToNumpy(t, force) {
  if (t.requiresGrad && !force) {
    throw new PyError(
      'RuntimeError',
      "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.",
    );
  }
  const dtype = TO_NUMPY.get(t.dtype);
  if (!dtype) throw new Unsupported(`Tensor.numpy() of a ${t.dtype.name} tensor`);
  assertInitialized(t.storage);
  return new NDArray(dtype, sameMemory(t.storage));
}

/** torch.from_numpy(ndarray) @param {any} arr */
export function tensorFromNumpyShared(arr) {
  if (!(arr instanceof NDArray)) {
    throw typeError(
      `expected np.ndarray (got ${arr instanceof PyObject ? arr.typeName : typeof arr === 'bigint' ? 'int' : typeof arr === 'number' ? 'float' : typeof arr})`,
    );
  }
  const dtype = FROM_NUMPY.get(arr.dtype);
  if (!dtype) throw new Unsupported(`torch.from_numpy of a NumPy ${arr.dtype.name} array`);
  if (arr.s.strides.some((s) => s < 0))
    throw new Unsupported('torch.from_numpy of an array with negative strides');
  return new Tensor(sameMemory(arr.s), dtype);
}
