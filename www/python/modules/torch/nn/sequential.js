// nn.Sequential: modules run one after another, indexed '0', '1', ... (torch/nn/modules/
// container.py, BSD-3-Clause): len(), iteration, model[i], model[a:b] (a Sequential keeping the
// original keys), model[i] = layer, append, extend, insert.

import { PyError } from '../../../errors.js';
import { PySlice } from '../../../objects.js';
import { iterate, sliceIndices, toIndex } from '../../../ops.js';
import { addModule, moduleType, NNModule } from './module.js';
import { pyBind } from './pyargs.js';

/** @typedef {import('../../../objects.js').Value} Value */

export class SequentialModule extends NNModule {
  constructor() {
    super(SEQUENTIAL);
  }

  len() {
    return this.children.size;
  }

  *iter() {
    yield* /** @type {Value[]} */ ([...this.children.values()]);
  }

  /** _get_item_by_idx: the key at a Python index. @param {Value} idx */
  keyAt(idx) {
    const size = this.children.size;
    const i = Number(toIndex(idx));
    if (!(-size <= i && i < size)) throw new PyError('IndexError', `index ${i} is out of range`);
    return [...this.children.keys()][((i % size) + size) % size];
  }

  /** @param {Value} key */
  getitem(key) {
    if (key instanceof PySlice) {
      const entries = [...this.children];
      const out = new SequentialModule();
      const { start, step, count } = sliceIndices(key, entries.length);
      for (let k = 0; k < count; k++) out.children.set(...entries[start + k * step]);
      return out;
    }
    return /** @type {Value} */ (this.children.get(this.keyAt(key)));
  }

  /** model[i] = module: setattr(self, key, module). @param {Value} key @param {Value} value */
  setitem(key, value) {
    this.setattr(this.keyAt(key), value);
  }
}

/** @type {import('./module.js').ModuleKind} */
export const SEQUENTIAL = {
  name: 'Sequential',
  path: 'torch.nn.modules.container',
  forward: (m, input, interp) => {
    let x = input;
    for (const child of /** @type {SequentialModule} */ (m).iter()) x = interp.call(child, [x]);
    return x;
  },
  methods: {
    append(m, args, kwargs) {
      const a = pyBind('Sequential.append', ['self', 'module'], [m, ...args], kwargs);
      addModule(m, String(m.children.size), a.module);
      return m;
    },
    extend(m, args, kwargs) {
      const a = pyBind('Sequential.extend', ['self', 'sequential'], [m, ...args], kwargs);
      for (const layer of [...iterate(a.sequential)]) {
        addModule(m, String(m.children.size), layer);
      }
      return m;
    },
    insert(m, args, kwargs) {
      const a = pyBind('Sequential.insert', ['self', 'index', 'module'], [m, ...args], kwargs);
      if (!(a.module instanceof NNModule)) {
        throw new PyError(
          'AssertionError',
          "module should be of type: <class 'torch.nn.modules.module.Module'>",
        );
      }
      const n = m.children.size;
      let index = Number(toIndex(a.index));
      if (!(-n <= index && index <= n))
        throw new PyError('IndexError', `Index out of range: ${index}`);
      if (index < 0) index += n;
      for (let i = n; i > index; i--) {
        m.children.set(String(i), /** @type {NNModule} */ (m.children.get(String(i - 1))));
      }
      m.children.set(String(index), a.module);
      return m;
    },
  },
};

/** nn.Sequential(*modules) */
moduleType(SEQUENTIAL, (args, kwargs) => {
  const a = pyBind('Sequential.__init__', ['self', '*args'], [null, ...args], kwargs);
  const m = new SequentialModule();
  a.args.items.forEach((/** @type {Value} */ module, /** @type {number} */ i) => {
    addModule(m, String(i), module);
  });
  return m;
});
