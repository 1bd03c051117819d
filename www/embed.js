// One lesson cell on its own, for an iframe in a course page: embed.html?cell=global-seed&seed=17
// (fields as in lesson/cells.js, without the "<cell>." prefix the full page uses).
//
// Whenever its height changes, the frame tells its parent, so the parent can size the iframe:
//   parent.postMessage({ type: 'seedlab:height', cell: 'global-seed', height: 412 }, '*')
// height is in CSS pixels. (It carries nothing private, hence the '*' target origin.)

import { mountCell } from './lesson/cell-view.js';
import { CELLS, CELLS_BY_ID } from './lesson/cells.js';
import { createKernel } from './lesson/kernel.js';
import { mountEmbeddedCode } from './notebook/embed-code-view.js';
import init, * as seedlab from './pkg/seedlab.js';
import { el } from './ui/dom.js';
import { cellEntries, readPrefixed, writeSettings } from './ui/url-state.js';

/** @import { CellView } from './lesson/cell-view.js' */

export const HEIGHT_MESSAGE = 'seedlab:height';

const root = /** @type {HTMLElement} */ (document.getElementById('embed'));
const params = new URLSearchParams(location.search);
const cellId = params.get('cell') ?? '';

/** Posts the document's height to the parent whenever it changes. */
function reportHeight() {
  if (window.parent === window) return;
  let last = -1;
  const post = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: HEIGHT_MESSAGE, cell: cellId, height }, '*');
    }
  };
  new ResizeObserver(post).observe(document.documentElement);
  post();
}

async function main() {
  const code = params.get('code');
  if (code !== null) {
    await mountEmbeddedCode(root, code, reportHeight);
    return;
  }
  const cell = CELLS_BY_ID[cellId];
  if (!cell) {
    root.replaceChildren(
      el(
        'p',
        { class: 'note' },
        `No seedlab cell named “${cellId}”. Use cell=`,
        CELLS.map((c, i) => [i ? ', ' : '', el('code', null, c.id)]),
      ),
    );
    reportHeight();
    return;
  }
  document.title = `${cell.title} · seedlab`;
  const host = el('div', { class: 'cell' });
  const fullPage = new URL('./', location.href);
  const fullPageLink = el(
    'a',
    { href: fullPage.href, target: '_blank', rel: 'noopener' },
    'seedlab: identical randomness via seeding',
  );
  root.replaceChildren(
    el('h1', { class: 'embed-title' }, cell.title),
    el('p', { class: 'embed-caption' }, cell.caption),
    host,
    el('p', { class: 'embed-credit' }, fullPageLink),
  );
  reportHeight();

  try {
    await init();
  } catch (e) {
    host.replaceChildren(
      el(
        'p',
        { class: 'note' },
        `Could not load the WebAssembly module: ${e instanceof Error && e.message ? e.message : e}`,
      ),
    );
    return;
  }
  const kernel = createKernel(seedlab);
  const names = cell.fields.map((f) => f.name);
  /** @param {CellView} view */
  const updateLinks = (view) => {
    const entries = cellEntries(view, '');
    writeSettings([['cell', cell.id, ''], ...entries]);
    const full = new URL('./', location.href);
    for (const [key, value, defaultValue] of cellEntries(view)) {
      if (value !== defaultValue) full.searchParams.set(key, String(value));
    }
    full.hash = cell.id;
    fullPageLink.href = full.href;
  };
  const view = mountCell(host, cell, {
    kernel,
    values: readPrefixed(params, '', names),
    onChange: updateLinks,
  });
  updateLinks(view);
  view.run();
  document.documentElement.classList.add('is-ready');
}

main();
