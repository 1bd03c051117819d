// A code cell: an editor for Python, Run (or Ctrl/Cmd+Enter) and Clear, and the numbered runs of
// its output. The code runs in a kernel session, which several cells may share (the notebook
// view) or have alone (the "Try your own code" cell, the embed view).
//
//   const cell = mountCodeCell(host, { code, label, kernel, session: 'own' });
//   await cell.run();

import { createCodeEditor } from '../editor/code-editor.js';
import { el } from '../ui/dom.js';
import { createOutputLog } from '../ui/output-log.js';

/** @import { KernelClient } from '../kernel/client.js' */

/**
 * @typedef {{ code: string, label: string, kernel: KernelClient, session: string,
 *   prompt?: string, onChange?: (code: string) => void, onRun?: () => void }} CodeCellOptions
 * @typedef {ReturnType<typeof mountCodeCell>} CodeCell
 */

/**
 * @param {HTMLElement} host
 * @param {CodeCellOptions} options
 */
export function mountCodeCell(host, { code, label, kernel, session, prompt, onChange, onRun }) {
  const editorHost = el('div', { class: 'code-cell-editor' });
  const runButton = el('button', { type: 'button', class: 'run-button' }, 'Run');
  const clearButton = el('button', { type: 'button', class: 'clear-button secondary' }, 'Clear');
  const status = el('span', { class: 'hint', role: 'status' });
  const runs = el('ol', { class: 'code-cell-runs', 'aria-label': `Runs of ${label}` });
  const log = createOutputLog(runs);
  host.classList.add('code-cell');
  const parts = [
    prompt ? el('span', { class: 'prompt', 'aria-hidden': 'true' }, prompt) : [],
    editorHost,
    el(
      'div',
      { class: 'cell-toolbar' },
      runButton,
      clearButton,
      el('span', { class: 'hint' }, 'Ctrl+Enter runs the code.'),
      status,
    ),
    runs,
  ];
  host.replaceChildren(...parts.flat());
  const editor = createCodeEditor(editorHost, {
    code,
    label,
    onRun: () => void run(),
    onChange,
  });

  let running = false;
  async function run() {
    if (running) return;
    running = true;
    runButton.disabled = true;
    host.setAttribute('aria-busy', 'true');
    status.textContent = 'Running…';
    const source = editor.code;
    try {
      const result = await kernel.run(session, source);
      log.add(source, result);
    } finally {
      running = false;
      runButton.disabled = false;
      host.removeAttribute('aria-busy');
      status.textContent = '';
    }
    onRun?.();
  }

  runButton.addEventListener('click', () => void run());
  clearButton.addEventListener('click', () => log.clear());
  return { run, editor, log, element: host };
}
