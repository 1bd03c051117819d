// The lesson page's "Try your own code" cell: the course notebook's code (or the code in the
// page's address, ?code=...) in an editable cell with a session of its own. The editor bundle
// loads when the cell comes near the screen.

import { mountCodeCell } from './code-cell-view.js';
import { COURSE_NOTEBOOK_CODE } from './course-notebook.js';

/** @import { KernelClient } from '../kernel/client.js' */

/**
 * @param {HTMLElement} host
 * @param {{ kernel: KernelClient, code: string | null, onChange: () => void }} options
 *   kernel: a Python kernel of its own (kernel/client.js)
 */
export function mountOwnCode(host, { kernel, code, onChange }) {
  const cell = mountCodeCell(host, {
    code: code ?? COURSE_NOTEBOOK_CODE,
    label: 'Your Python code',
    kernel,
    session: 'own',
    onChange,
  });
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        void cell.editor.upgrade();
      }
    },
    { rootMargin: '400px' },
  );
  observer.observe(host);
  host.addEventListener('focusin', () => void cell.editor.upgrade(), { once: true });
  return {
    cell,
    /** @returns {import('../ui/url-state.js').SettingEntry[]} */
    entries: () => [['code', cell.editor.code, COURSE_NOTEBOOK_CODE]],
  };
}
