// What the page keeps of autograd: whether grad mode is on (torch.no_grad()), and which tensors
// require grad and what made them (the grad_fn names torch prints: grad_fn=<MulBackward0>).
// Gradients are not computed: backward() is not supported here.

import { PyError } from '../../errors.js';
import { PyObject, PyType } from '../../objects.js';

/** Grad mode (torch.is_grad_enabled()): one flag, as torch keeps one per thread. */
export const gradMode = { enabled: true };

/**
 * Marks `out` as made by `name` when grad mode is on and an input requires grad (and `out` is
 * floating: integer and bool results never require grad).
 * @param {import('./tensor.js').Tensor} out
 * @param {(import('./tensor.js').Tensor | null)[]} inputs
 * @param {string} name  the grad_fn's class name, e.g. 'AddBackward0'
 */
export function recordOp(out, inputs, name) {
  if (!gradMode.enabled || !out.dtype.isFloating) return out;
  if (inputs.some((t) => t?.requiresGrad)) {
    out.requiresGrad = true;
    out.gradFn = name;
  }
  return out;
}

/**
 * Torch's check before an in-place change of t (x += 1, x[0] = 1).
 * @param {import('./tensor.js').Tensor} t @param {boolean} [throughView]  the write goes through a view of t (x[0] = 1)
 */
export function checkInplace(t, throughView = false) {
  if (!gradMode.enabled) return;
  const leaf = t.base ?? t;
  if (t.requiresGrad && t.isLeaf && t.base === null && !throughView) {
    throw new PyError(
      'RuntimeError',
      'a leaf Variable that requires grad is being used in an in-place operation.',
    );
  }
  if ((throughView || t.base !== null) && leaf.requiresGrad && leaf.isLeaf) {
    throw new PyError(
      'RuntimeError',
      'a view of a leaf Variable that requires grad is being used in an in-place operation.',
    );
  }
}

/** torch.no_grad() / torch.enable_grad(): context managers that set grad mode and restore it. */
export class GradModeContext extends PyObject {
  /** @param {boolean} enable @param {string} className */
  constructor(enable, className) {
    super();
    this.enable = enable;
    this.className = className;
    /** @type {boolean[]} */
    this.saved = [];
  }

  /** @override */
  get typeName() {
    return this.className;
  }

  /** @override */
  repr() {
    return `<torch.autograd.grad_mode.${this.className} object at 0x${(0x7f0000000000 + this.id * 16).toString(16)}>`;
  }

  enter() {
    this.saved.push(gradMode.enabled);
    gradMode.enabled = this.enable;
    return null;
  }

  exit() {
    gradMode.enabled = /** @type {boolean} */ (this.saved.pop());
    return false;
  }
}

/** The torch.no_grad and torch.enable_grad classes. @param {boolean} enable @param {string} name */
export function gradModeType(enable, name) {
  return new PyType(
    `torch.autograd.grad_mode.${name}`,
    (args) => {
      if (args.length > 0)
        throw new PyError(
          'TypeError',
          `${name}.__init__() takes 1 positional argument but ${args.length + 1} were given`,
        );
      return new GradModeContext(enable, name);
    },
    (v) => v instanceof GradModeContext && v.className === name,
  );
}
