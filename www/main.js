// Wires the lesson page: loads seedlab, turns each static cell into a live one, mounts the
// playground, keeps the settings in the URL and runs everything once.

import { mountCell } from './lesson/cell-view.js';
import { CELLS_BY_ID } from './lesson/cells.js';
import { createKernel } from './lesson/kernel.js';
import { mountOwnCode } from './notebook/own-code-view.js';
import init, * as seedlab from './pkg/seedlab.js';
import { mountPlayground } from './playground/form-view.js';
import { SETTING_NAMES } from './playground/settings.js';
import { setUpCopyLink } from './ui/copy-link.js';
import { cellEntries, readPrefixed, writeSettings } from './ui/url-state.js';

const status = /** @type {HTMLElement} */ (document.getElementById('status'));
/** @import { CellView } from './lesson/cell-view.js' */

async function main() {
  try {
    await init();
  } catch (e) {
    status.textContent =
      'Could not load the WebAssembly module, so the outputs shown are the precomputed ones ' +
      `for the values in the code. (${e instanceof Error && e.message ? e.message : e})`;
    return;
  }
  const kernel = createKernel(seedlab);
  const params = new URLSearchParams(location.search);

  /** @type {CellView[]} */
  const views = [];
  /** @type {ReturnType<typeof mountPlayground> | null} */
  let playground = null;
  /** @type {ReturnType<typeof mountOwnCode> | null} */
  let ownCode = null;
  const saveSettings = () =>
    writeSettings([
      ...views.flatMap((view) => cellEntries(view)),
      ...(ownCode ? ownCode.entries() : []),
      ...(playground ? playground.entries() : []),
    ]);

  /** @type {NodeListOf<HTMLElement>} */
  const hosts = document.querySelectorAll('.cell[data-cell]');
  for (const host of hosts) {
    const cell = CELLS_BY_ID[host.dataset.cell ?? ''];
    if (!cell) continue;
    const values = readPrefixed(
      params,
      cell.id,
      cell.fields.map((f) => f.name),
    );
    const view = mountCell(host, cell, { kernel, values, onChange: saveSettings });
    views.push(view);
    view.run();
  }

  const ownHost = document.getElementById('own-code-cell');
  if (ownHost) {
    ownCode = mountOwnCode(ownHost, { code: params.get('code'), onChange: saveSettings });
    void ownCode.cell.run();
  }

  const form = document.getElementById('play-form');
  if (form instanceof HTMLFormElement) {
    const values = readPrefixed(params, 'play', SETTING_NAMES);
    playground = mountPlayground(form, { kernel, values, onChange: saveSettings });
    playground.draw();
  }

  setUpCopyLink(document.getElementById('page-tools'));
  status.textContent = 'Ready: every cell has run once. Edit a value and press Run.';
  performance.mark('seedlab-ready'); // ms since navigation start: the tests report it
  document.documentElement.classList.add('is-ready');
}

main();
