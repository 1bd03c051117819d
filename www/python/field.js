// A field's value as Python reads it: the canonical text of an expression a student typed into a
// lesson cell's field, so that `17`, `0x11` and `1_7` count as the same seed. Evaluated by the
// interpreter itself, without modules (a field that names one is taken as typed).

import { Interpreter } from './interpreter.js';
import { repr } from './ops.js';
import { parseExpression } from './parser.js';

/** One interpreter for every field: no modules, a small budget. */
const evaluator = new Interpreter({ budget: 100_000 });

/**
 * repr() of the expression `text`; throws Python's error when it is not one.
 * @param {string} text
 */
export function fieldRepr(text) {
  evaluator.steps = 0;
  return repr(evaluator.eval(parseExpression(text), evaluator.globals));
}
