// Reads what a student typed into a field (a seed, a size) as Python reads that expression: the
// page's Python interpreter evaluates it (without modules), and the value comes back in the small
// form the field readers (python-args.js) take.
//
//   evalPython('17')          { type: 'int', value: 17n }
//   evalPython('2**32 - 1')   { type: 'int', value: 4294967295n }
//   evalPython('1.5')         { type: 'float', value: 1.5 }
//   evalPython('None')        { type: 'NoneType' }
//   evalPython('[1, 2]')      { type: 'list', items: [{ type: 'int', value: 1n }, ...] }
//   evalPython('017')         throws PythonError('SyntaxError', 'leading zeros in decimal ...')
//   evalPython('abc')         throws PythonError('NameError', "name 'abc' is not defined")
//
// Values other than ints, floats, bools, None and lists (or tuples) of them are a TypeError
// naming their type. Pure: no DOM.
import { PageLimit as InterpreterPageLimit, PyError } from '../python/errors.js';
import { Interpreter } from '../python/interpreter.js';
import { PyList as PyListObject, PyTuple } from '../python/objects.js';
import { typeName } from '../python/ops.js';
import { parseExpression } from '../python/parser.js';
import { PageLimit } from './limits.js';

/** @typedef {{ type: 'int', value: bigint }} PyInt */
/** @typedef {{ type: 'float', value: number }} PyFloat */
/** @typedef {{ type: 'bool', value: boolean }} PyBool */
/** @typedef {{ type: 'NoneType' }} PyNone */
/** @typedef {{ type: 'list', items: PyValue[] }} PyList */
/**
 * A Python value as evalPython reads it.
 * @typedef {PyInt | PyFloat | PyBool | PyNone | PyList} PyValue
 */

/** An exception as Python would raise it: String(e) is "ValueError: message". */
export class PythonError extends Error {
  /**
   * @param {string} type   the exception's class, e.g. 'ValueError'
   * @param {string} message
   */
  constructor(type, message) {
    super(message);
    this.name = type;
  }
}

/** The interpreter fields are read with: no modules, a small step budget. */
const evaluator = new Interpreter({ budget: 100_000 });

/**
 * @param {import('../python/objects.js').Value} v
 * @returns {PyValue}
 */
function fromPython(v) {
  if (typeof v === 'bigint') return { type: 'int', value: v };
  if (typeof v === 'number') return { type: 'float', value: v };
  if (typeof v === 'boolean') return { type: 'bool', value: v };
  if (v === null) return { type: 'NoneType' };
  if (v instanceof PyListObject || v instanceof PyTuple)
    return { type: 'list', items: v.items.map(fromPython) };
  throw new PythonError(
    'TypeError',
    `a field takes a number, None or a list, not '${typeName(v)}'`,
  );
}

/**
 * Evaluates a Python expression; throws PythonError (Python's own error) or PageLimit.
 * @param {unknown} text
 * @returns {PyValue}
 */
export function evalPython(text) {
  evaluator.steps = 0;
  try {
    return fromPython(evaluator.eval(parseExpression(String(text)), evaluator.globals));
  } catch (e) {
    if (e instanceof PyError) throw new PythonError(e.type, e.message);
    if (e instanceof InterpreterPageLimit) throw new PageLimit(e.message);
    if (e instanceof Error && e.name === 'Unsupported')
      throw new PythonError('SyntaxError', e.message);
    throw e;
  }
}

/**
 * A canonical text for a value (so '17', '0x11' and '1_7' are the same argument).
 * @param {PyValue} v
 * @returns {string}
 */
export function pythonRepr(v) {
  switch (v.type) {
    case 'int':
      return v.value.toString();
    case 'float':
      return Number.isInteger(v.value) && Math.abs(v.value) < 1e16
        ? v.value.toFixed(1)
        : String(v.value);
    case 'bool':
      return v.value ? 'True' : 'False';
    case 'NoneType':
      return 'None';
    case 'list':
      return '[' + v.items.map(pythonRepr).join(', ') + ']';
    default:
      return '?';
  }
}
