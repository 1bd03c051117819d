// embed.html?cell=<cell id>&<field>=<value>...: one lesson cell on its own (title, caption, code,
// runs, and a link to the full lesson with the same values), run once on load. Its code and
// seedlab's core module load when embed.html asks for a cell, not for code.

import { loadFull, seedlab, startCore } from '../kernel/seedlab-wasm.js';
import { BUILD, compiledCore } from '../kernel/wasm-files.js';
import { SUPPORTED_BROWSERS } from '../ui/browsers.js';
import { el } from '../ui/dom.js';
import { cellEntries, readPrefixed, writeSettings } from '../ui/url-state.js';
import { mountCell } from './cell-view.js';
import { CELLS, CELLS_BY_ID } from './cells.js';
import { createKernel } from './kernel.js';

/** @import { CellView } from './cell-view.js' */

/**
 * @param {HTMLElement} root  the embed page's <main>
 * @param {string} cellId
 * @param {URLSearchParams} params  the page's, with the fields' values
 * @param {() => void} reportHeight  starts the height messages to the parent frame
 */
export async function mountEmbeddedCell(root, cellId, params, reportHeight) {
  const core = compiledCore();
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
    await startCore(await core);
  } catch (e) {
    host.replaceChildren(
      el(
        'p',
        { class: 'note' },
        'This browser could not run seedlab’s WebAssembly module. ' +
          `${SUPPORTED_BROWSERS} (${e instanceof Error && e.message ? e.message : e})`,
      ),
    );
    return;
  }
  document.documentElement.dataset.seedlabBuild = BUILD;
  const kernel = createKernel(seedlab, { loadFull });
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
  await view.run();
  document.documentElement.classList.add('is-ready');
}
