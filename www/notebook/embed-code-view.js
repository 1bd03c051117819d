// embed.html?code=<URL-encoded Python>: the code in an editable cell of its own, run once on
// load. Each run's output is the text of its <pre data-output> (ui/output-log.js). The code the
// reader edits goes back into the URL, and the link to the full page carries it.

import { createKernelClient } from '../kernel/client.js';
import { el } from '../ui/dom.js';
import { writeSettings } from '../ui/url-state.js';
import { mountCodeCell } from './code-cell-view.js';

/**
 * @param {HTMLElement} root  the embed page's <main>
 * @param {string} code
 * @param {() => void} reportHeight  starts the height messages to the parent frame
 */
export async function mountEmbeddedCode(root, code, reportHeight) {
  const kernel = createKernelClient(); // first: its worker starts while the page is built
  document.title = 'Your code · seedlab';
  const host = el('div', { class: 'cell code-cell-host' });
  const fullPageLink = /** @type {HTMLAnchorElement} */ (
    el('a', { target: '_blank', rel: 'noopener' }, 'seedlab: identical randomness via seeding')
  );
  /** @param {string} text */
  const linkTo = (text) => {
    const full = new URL('./', location.href);
    full.searchParams.set('code', text);
    full.hash = 'own-code';
    fullPageLink.href = full.href;
  };
  root.replaceChildren(
    el('h1', { class: 'embed-title' }, 'Your code'),
    host,
    el('p', { class: 'embed-credit' }, fullPageLink),
  );
  linkTo(code);
  reportHeight();
  const cell = mountCodeCell(host, {
    code,
    label: 'Python code',
    kernel,
    session: 'embed',
    onChange: (text) => {
      writeSettings([['code', text, '']]);
      linkTo(text);
    },
  });
  await cell.run();
  document.documentElement.classList.add('is-ready');
  void cell.editor.upgrade();
}
