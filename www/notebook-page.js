// Wires the notebook view (notebook.html): each code cell of the course notebook becomes an
// editable cell, all sharing one kernel session as a Jupyter notebook's cells do. "Restart the
// session" forgets every import, variable and generator state.

import { createKernelClient } from './kernel/client.js';
import { mountCodeCell } from './notebook/code-cell-view.js';
import { COURSE_NOTEBOOK } from './notebook/course-notebook.js';
import { el } from './ui/dom.js';

const SESSION = 'notebook';

async function main() {
  const kernel = createKernelClient();
  const status = /** @type {HTMLElement} */ (document.getElementById('notebook-status'));
  const tools = /** @type {HTMLElement} */ (document.getElementById('notebook-tools'));
  /** @type {import('./notebook/code-cell-view.js').CodeCell[]} */
  const cells = [];
  for (const host of /** @type {NodeListOf<HTMLElement>} */ (
    document.querySelectorAll('.nb-cell')
  )) {
    const notebookCell = COURSE_NOTEBOOK.find((c) => c.prompt === host.dataset.prompt);
    if (!notebookCell) continue;
    const recorded = host.querySelector('pre.output');
    const cellHost = el('div', { class: 'nb-live' });
    host.replaceChildren(el('p', { class: 'prompt' }, notebookCell.prompt), cellHost);
    if (recorded) {
      const summary = el('summary', null, 'What the notebook printed');
      host.append(el('details', { class: 'nb-recorded' }, summary, recorded));
    }
    cells.push(
      mountCodeCell(cellHost, {
        code: notebookCell.code,
        label: `Python code of ${notebookCell.prompt}`,
        kernel,
        session: SESSION,
      }),
    );
  }
  kernel.onRestart(() => {
    status.textContent = 'A run took too long, so the session was restarted: run In [1] again.';
  });
  /** @type {HTMLButtonElement} */ (document.getElementById('run-all')).addEventListener(
    'click',
    async () => {
      for (const cell of cells) await cell.run();
      status.textContent = 'Ran every cell, in order.';
    },
  );
  /** @type {HTMLButtonElement} */ (document.getElementById('restart')).addEventListener(
    'click',
    async () => {
      await kernel.restart(SESSION);
      status.textContent = 'Session restarted: imports, variables and generator states are gone.';
    },
  );
  tools.hidden = false;
  for (const cell of cells) await cell.run();
  document.documentElement.classList.add('is-ready');
  for (const cell of cells) void cell.editor.upgrade();
}

main();
