// torch.return_types.max(values=..., indices=...): the structseq (a tuple subclass) that max(dim)
// and min(dim) return, with its fields as attributes and its multi-line repr.

import { PyTuple } from '../../objects.js';
import { repr } from '../../ops.js';

export class ReturnTypes extends PyTuple {
  /**
   * @param {string} name 'max' @param {import('../../objects.js').Value[]} items @param {string[]} fields
   */
  constructor(name, items, fields) {
    super(items);
    this.name = name;
    this.fields = fields;
  }

  /** @override */
  get typeName() {
    return this.name;
  }

  get tpName() {
    return `torch.return_types.${this.name}`;
  }

  /** @param {import('../../objects.js').Value[]} items @override */
  derive(items) {
    return new PyTuple(items);
  }

  /** @override */
  repr() {
    const parts = this.fields.map((f, i) => `${f}=${repr(this.items[i])}`);
    return `torch.return_types.${this.name}(\n${parts.join(',\n')})`;
  }

  /** @param {string} name @override */
  getattr(name) {
    const i = this.fields.indexOf(name);
    return i >= 0 ? this.items[i] : undefined;
  }
}
