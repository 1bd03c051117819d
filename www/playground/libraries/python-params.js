// How the Python libraries (NumPy, PyTorch, random, JAX) read the playground's fields: as Python
// expressions (lang/python-expr.js), then as the argument each one is. Pure, no DOM.
import * as args from '../../lang/python-args.js';
import { evalPython } from '../../lang/python-expr.js';
/** @import { ParamName } from './spec.js' */

/**
 * A field's text as the Python value it stands for.
 * @param {string} text
 */
export const py = (text) => evalPython(text);

/**
 * The Python parameters: ints for integer bounds and sizes, floats for the rest.
 * @param {ParamName} name
 * @param {string | boolean} text
 * @returns {number | bigint | boolean}
 */
export function pythonParam(name, text) {
  if (name === 'replace') return text === true;
  if (name === 'pop') return args.intBound(py(String(text)));
  return args.realArg(py(String(text)));
}
