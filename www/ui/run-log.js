// The numbered list of runs under a cell: each run's printed rows, each marked "new" or
// "same as run k" by text and icon. New runs are announced (the list is aria-live).

import { RunHistory } from '../lesson/run-history.js';
import { el } from './dom.js';
import { newIcon, sameIcon } from './icons.js';

/**
 * A run log rendered into list (an <ol>); returns { add(key, lines), clear(), history }.
 * @param {HTMLElement} list
 */
export function createRunLog(list) {
  const history = new RunHistory();
  list.classList.add('runs');
  list.setAttribute('aria-live', 'polite');
  list.setAttribute('aria-relevant', 'additions');

  /**
   * @param {string} key
   * @param {string[]} lines
   */
  function add(key, lines) {
    const { number, rows } = history.record(key, lines);
    const item = el(
      'li',
      { class: 'run', 'data-run': number },
      el('span', { class: 'run-number' }, `Run ${number}`),
      el(
        'div',
        { class: 'run-rows' },
        rows.map(({ text, sameAs }) =>
          el(
            'div',
            { class: `run-row ${sameAs === null ? 'is-new' : 'is-same'}` },
            sameAs === null
              ? el('span', { class: 'mark' }, newIcon(), 'new')
              : el('span', { class: 'mark' }, sameIcon(), `same as run ${sameAs}`),
            el('pre', { class: 'printed' }, text),
          ),
        ),
      ),
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
