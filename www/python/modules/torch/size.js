// torch.Size: a tuple subclass, so it compares, hashes, unpacks and indexes as a tuple, and
// its slices and concatenations are torch.Size again. repr: torch.Size([2, 3]).

import { PyError } from '../../errors.js';
import { PyBoundMethod, PyTuple, PyType } from '../../objects.js';
import { iterate, toIndex } from '../../ops.js';

export class TorchSize extends PyTuple {
  /** @param {readonly (number | bigint)[]} dims */
  static of(dims) {
    return new TorchSize(dims.map((d) => BigInt(d)));
  }

  /** @override */
  get typeName() {
    return 'Size';
  }

  get tpName() {
    return 'torch.Size';
  }

  /** @param {import('../../objects.js').Value[]} items @override */
  derive(items) {
    return new TorchSize(items);
  }

  /** @override */
  repr() {
    return `torch.Size([${this.items.map((d) => String(d)).join(', ')}])`;
  }

  pyType() {
    return SIZE_TYPE;
  }

  /** @param {string} name @override */
  getattr(name) {
    if (name === 'numel') {
      return new PyBoundMethod(
        this,
        name,
        () => this.items.reduce((/** @type {bigint} */ p, d) => p * /** @type {bigint} */ (d), 1n),
        'Size',
      );
    }
    return undefined;
  }
}

export const SIZE_TYPE = new PyType(
  'torch.Size',
  (args) => {
    if (args.length > 1)
      throw new PyError('TypeError', `Size() takes at most 1 argument (${args.length} given)`);
    const items = args.length ? [...iterate(args[0])] : [];
    return new TorchSize(
      items.map((v) =>
        toIndex(
          v,
          `torch.Size() takes an iterable of 'int' (item 0 is '${typeof v === 'number' ? 'float' : 'object'}')`,
        ),
      ),
    );
  },
  (v) => v instanceof TorchSize,
);
