// A kernel session: what a notebook's cells share (imports, variables, generator states), and
// the text a run prints, as Jupyter shows it.
//
//   const session = new Session(pkg);
//   session.run('import numpy as np\nnp.random.seed(17)\nprint(np.random.randn(5))')
//     -> { output: '[ 0.27626589 -1.85462808  0.62390111  1.14531129  1.03719047]\n',
//          note: null, line: null }
//
// output is exactly what Python prints: stdout, then the display of a last bare expression,
// then, when the code raised, the exception's last traceback line ("ValueError: ..."). A note is
// the page speaking, not Python: code outside the supported subset, a run stopped by the step
// budget, a call over the page's size limit. `line` is where the run stopped, for the editor.

import { PyError } from './errors.js';
import { DEFAULT_STEP_BUDGET, Interpreter } from './interpreter.js';
import { standardModules } from './modules/index.js';

/**
 * @typedef {{ output: string, note: { kind: 'unsupported' | 'budget' | 'limit', text: string } | null,
 *   error: string | null, line: number | null, prints: string[] }} RunResult
 *   error: the Python exception's last traceback line (also at the end of output), or null
 *   prints: the output by print call (each without its final newline), then the display: the
 *     rows a lesson cell marks as new or repeated
 */

/** The lines of an output, without the empty string after its last newline. @param {string} text */
export function outputLines(text) {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** How Python's traceback names an exception class defined outside builtins. */
const QUALIFIED_EXCEPTIONS = {
  AxisError: 'numpy.exceptions.AxisError',
};

/** traceback.format_exception_only(e)[-1], without its newline. @param {PyError} error */
export function exceptionLine(error) {
  const name =
    QUALIFIED_EXCEPTIONS[/** @type {keyof typeof QUALIFIED_EXCEPTIONS} */ (error.type)] ??
    error.type;
  return error.message === '' ? name : `${name}: ${error.message}`;
}

export class Session {
  /**
   * @param {any} pkg  seedlab's wasm package (initialised)
   * @param {{ budget?: number }} [options]
   */
  constructor(pkg, { budget = DEFAULT_STEP_BUDGET } = {}) {
    this.pkg = pkg;
    this.budget = budget;
    this.interp = this.newInterpreter();
  }

  newInterpreter() {
    return new Interpreter({ modules: standardModules(this.pkg), budget: this.budget });
  }

  /** Forgets every variable, import and generator state, as Jupyter's "Restart kernel". */
  restart() {
    this.interp = this.newInterpreter();
  }

  /**
   * Runs one cell's code in this session.
   * @param {string} code @returns {RunResult}
   */
  run(code) {
    const { stdout, writes, display, error } = this.interp.run(code);
    let output = stdout;
    if (display !== null) output += `${display}\n`;
    const prints = writes.map((w) => (w.endsWith('\n') ? w.slice(0, -1) : w));
    if (display !== null) prints.push(display);
    if (error === null) return { output, note: null, error: null, line: null, prints };
    const line = error.line ?? null;
    if (error instanceof PyError) {
      const text = exceptionLine(error);
      return { output: `${output}${text}\n`, note: null, error: text, line, prints };
    }
    const kind =
      error.name === 'Unsupported'
        ? 'unsupported'
        : error.name === 'BudgetExceeded'
          ? 'budget'
          : 'limit';
    return { output, note: { kind, text: error.message }, error: null, line, prints };
  }
}
