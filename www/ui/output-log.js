// The numbered runs of a code cell. Each run's output is one <pre data-output> whose text is
// exactly what Python printed (the contract tests and embedders rely on); each printed line is a
// span marked "new" or "same as run k", the mark drawn by CSS from a data attribute so that it
// stays outside that text. The page's own notes (unsupported code, a stopped run) come after it.
//
//   const log = createOutputLog(list);
//   log.add(code, { output: '[1 2 3]\n', note: null, error: null, line: null });

import { RunHistory } from '../lesson/run-history.js';
import { el } from './dom.js';

/** The lines of an output, without the empty string after its last newline. @param {string} text */
function outputLines(text) {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** @import { RunResult } from '../python/session.js' */

/**
 * A run log rendered into list (an <ol>).
 * @param {HTMLElement} list
 */
export function createOutputLog(list) {
  const history = new RunHistory();
  list.classList.add('runs', 'output-runs');
  list.setAttribute('aria-live', 'polite');
  list.setAttribute('aria-relevant', 'additions');

  /**
   * Appends a run of `key` (the code that ran) with its result.
   * @param {string} key @param {RunResult} result
   */
  function add(key, result) {
    const lines = outputLines(result.output);
    const { number, rows } = history.record(key, lines);
    const errorRow = result.error === null ? -1 : rows.length - 1;
    /** @type {Array<Node | string>} */
    const printed = [];
    rows.forEach(({ text, sameAs }, i) => {
      const kind = i === errorRow ? 'is-error' : sameAs === null ? 'is-new' : 'is-same';
      const mark = i === errorRow ? 'error' : sameAs === null ? 'new' : `same as run ${sameAs}`;
      printed.push(el('span', { class: `out-line ${kind}`, 'data-mark': mark }, text), '\n');
    });
    const item = el(
      'li',
      { class: 'run', 'data-run': number },
      el('span', { class: 'run-number' }, `Run ${number}`),
      el('pre', { class: 'run-output', 'data-output': '' }, printed),
      lines.length === 0 && !result.note ? el('p', { class: 'hint' }, 'No output.') : null,
      result.error !== null && result.line !== null
        ? el('p', { class: 'hint' }, `Raised at line ${result.line} of the code.`)
        : null,
      result.note ? noteElement(result) : null,
    );
    list.append(item);
    return { number, rows, item };
  }

  function clear() {
    history.clear();
    list.replaceChildren();
  }

  return { add, clear, history };
}

/** The page's note about a run (not Python's output). @param {RunResult} result */
function noteElement(result) {
  const note = /** @type {NonNullable<RunResult['note']>} */ (result.note);
  const where = result.line === null ? '' : `Line ${result.line}: `;
  return el('p', { class: `run-note note-${note.kind}`, role: 'note' }, where + note.text);
}
