// default_collate and default_convert (torch/utils/data/_utils/collate.py, BSD-3-Clause): how a
// DataLoader turns a list of samples into a batch. Tensors are stacked; Python ints become an
// int64 tensor, floats a float64 one; strings stay as they are; dicts, tuples and lists are
// collated field by field (a tuple of fields comes back as a list, as torch keeps it for
// backwards compatibility); NumPy arrays become tensors first.

import { typeOf } from '../../../builtin-types.js';
import { PyError, Unsupported } from '../../../errors.js';
import { PyBuiltin, PyDict, PyList, PyTuple } from '../../../objects.js';
import { iterate, keyErrorFor, len } from '../../../ops.js';
import { tpName } from '../arg-parser.js';
import { stack, tensorFromData } from '../creation.js';
import { bool, float32, float64, int64, promoteTypes, uint8 } from '../dtypes.js';
import { Tensor } from '../tensor.js';

/** @typedef {import('../../../objects.js').Value} Value */

/** @param {Value} v */
const isNdarray = (v) => tpName(v) === 'numpy.ndarray';

/** A numpy scalar (np.float64(0.5), np.int64(3)). @param {Value} v */
const isNumpyScalar = (v) => /^numpy\./.test(tpName(v)) && !isNdarray(v);

/** The torch dtypes of NumPy's scalar types, as torch.as_tensor maps them. */
const NUMPY_DTYPES = /** @type {Record<string, import('../dtypes.js').DType>} */ ({
  float64,
  float32,
  int64,
  uint8,
  bool,
});

/**
 * torch.as_tensor of NumPy scalars: a 1-D tensor of their promoted dtype, or a 0-d tensor of one.
 * @param {Value[]} items @param {boolean} [zeroDim]
 */
function numpyScalarsTensor(items, zeroDim = false) {
  let dtype = null;
  for (const s of items) {
    const name = isNumpyScalar(s) ? /** @type {any} */ (s).dtype.name : null;
    const d = name === null ? undefined : NUMPY_DTYPES[name];
    if (d === undefined) throw new Unsupported(`torch.as_tensor of ${tpName(s)} values`);
    dtype = dtype === null ? d : promoteTypes(dtype, d);
  }
  const values = items.map((s) => /** @type {any} */ (s).item());
  return tensorFromData(zeroDim ? values[0] : new PyList(values), dtype);
}

/** The error for an element default_collate does not know. @param {Value} elem */
function collateError(elem) {
  return new PyError(
    'TypeError',
    `default_collate: batch must contain tensors, numpy arrays, numbers, dicts or lists; found ${typeOf(elem).repr()}`,
  );
}

/**
 * collate(batch) with default_collate_fn_map.
 * @param {PyList | PyTuple} batch  the samples (a tuple when transposed from tuples)
 * @returns {Value}
 */
export function collate(batch) {
  const items = batch.items;
  const elem = items[0];
  if (elem instanceof Tensor) return stack(new PyList(items), 0n);
  if (isNdarray(elem)) {
    const dtype = /** @type {any} */ (elem).dtype?.name ?? '';
    if (/^(str|bytes|object)/.test(dtype) || /^<?U/.test(dtype)) throw collateError(elem);
    return collate(new PyList(items.map((b) => tensorFromData(b, null))));
  }
  if (isNumpyScalar(elem)) {
    if (/** @type {any} */ (elem).dtype?.isString) return batch;
    return numpyScalarsTensor(items);
  }
  if (typeof elem === 'number') return tensorFromData(new PyList(items), float64);
  if (typeof elem === 'bigint' || typeof elem === 'boolean')
    return tensorFromData(new PyList(items), null);
  if (typeof elem === 'string') return batch;
  if (elem instanceof PyDict) return collateDict(elem, items);
  if (elem instanceof PyTuple || elem instanceof PyList) {
    const size = len(elem);
    if (!items.every((e) => len(e) === size)) {
      throw new PyError('RuntimeError', 'each element in list of batch should be of equal size');
    }
    const rows = items.map((e) => [...iterate(e)]);
    const transposed = Array.from({ length: size }, (_, i) => new PyTuple(rows.map((r) => r[i])));
    return new PyList(transposed.map((samples) => collate(samples)));
  }
  throw collateError(elem);
}

/** A dict of collated fields, in the first sample's key order. @param {PyDict} elem @param {Value[]} items */
function collateDict(elem, items) {
  const out = new PyDict();
  for (const [hk, [key]] of elem.map) {
    const column = items.map((d) => {
      if (!(d instanceof PyDict))
        throw new Unsupported('default_collate of mixed dict and non-dict samples');
      const entry = d.map.get(hk);
      if (!entry) throw keyErrorFor(key);
      return entry[1];
    });
    out.map.set(hk, [key, collate(new PyList(column))]);
  }
  return out;
}

/** default_convert(data): what a loader with batch_size=None yields for each sample. @param {Value} data @returns {Value} */
export function convert(data) {
  if (data instanceof Tensor) return data;
  if (isNdarray(data)) return tensorFromData(data, null);
  if (isNumpyScalar(data)) {
    return /** @type {any} */ (data).dtype?.isString ? data : numpyScalarsTensor([data], true);
  }
  if (data instanceof PyDict) {
    const out = new PyDict();
    for (const [hk, [key, value]] of data.map) out.map.set(hk, [key, convert(value)]);
    return out;
  }
  if (data instanceof PyTuple || data instanceof PyList) return new PyList(data.items.map(convert));
  return data;
}

/** torch.utils.data.default_collate */
export const DEFAULT_COLLATE = new PyBuiltin('default_collate', (args) => {
  const batch = args[0];
  if (!(batch instanceof PyList || batch instanceof PyTuple)) {
    throw new Unsupported('default_collate of anything but a list or tuple of samples');
  }
  return collate(batch);
});

/** torch.utils.data.default_convert */
export const DEFAULT_CONVERT = new PyBuiltin('default_convert', (args) => convert(args[0] ?? null));
