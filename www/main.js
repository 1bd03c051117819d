// Wires the lesson page: loads seedlab, turns each static cell into a live one and runs it once
// (the first cell and those on screen first, the others after, a cell at a time so that the
// page stays responsive), then mounts the "Try your own code" cell and the playground (their code
// loads only then), keeping the settings in the URL.

import { createKernelClient } from './kernel/client.js';
import { loadFull, seedlab, startCore } from './kernel/seedlab-wasm.js';
import { BUILD, compiledCore } from './kernel/wasm-files.js';
import { mountCell } from './lesson/cell-view.js';
import { CELLS_BY_ID } from './lesson/cells.js';
import { createKernel } from './lesson/kernel.js';
import { SETTING_NAMES } from './playground/settings.js';
import { loadModules } from './python/modules/index.js';
import { SUPPORTED_BROWSERS } from './ui/browsers.js';
import { setUpCopyLink } from './ui/copy-link.js';
import { cellEntries, readPrefixed, writeSettings } from './ui/url-state.js';

/** @import { CellView } from './lesson/cell-view.js' */
/** @import { Kernel } from './lesson/kernel.js' */
/** @typedef {import('./ui/url-state.js').SettingEntry} SettingEntry */

const status = /** @type {HTMLElement} */ (document.getElementById('status'));
const params = new URLSearchParams(location.search);

/** Lets the browser paint and handle input before the next piece of work. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Whether an element is (partly) on the first screen: the one at the top of the page, or at the
 * element the address's #fragment names (the browser may scroll there only after the first
 * cells have run).
 * @param {Element} element
 */
function onFirstScreen(element) {
  const id = decodeURIComponent(location.hash.slice(1));
  const anchor = id ? document.getElementById(id) : null;
  const top = anchor ? anchor.getBoundingClientRect().top : 0;
  const box = element.getBoundingClientRect();
  return box.bottom > top && box.top < top + innerHeight;
}

/**
 * Mounts and runs the lesson's cells, the first one first, then those on screen, then the rest,
 * a cell at a time; resolves when every one has run once.
 * @param {Kernel} kernel
 * @param {CellView[]} views  filled in as cells mount
 * @param {() => void} saveSettings
 */
async function runLesson(kernel, views, saveSettings) {
  const hosts = [
    .../** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('.cell[data-cell]')),
  ].filter((host) => CELLS_BY_ID[host.dataset.cell ?? '']);
  /** @param {HTMLElement} host */
  const mountAndRun = async (host) => {
    const cell = CELLS_BY_ID[host.dataset.cell ?? ''];
    const values = readPrefixed(
      params,
      cell.id,
      cell.fields.map((f) => f.name),
    );
    const view = mountCell(host, cell, { kernel, values, onChange: saveSettings });
    views.push(view);
    await view.run();
  };
  const [first, ...rest] = hosts;
  if (first) await mountAndRun(first); // before anything asks for the page's layout
  const onScreenNow = rest.filter(onFirstScreen);
  for (const host of onScreenNow) await mountAndRun(host);
  // The first screen is done: the cells below need seedlab's full module and the interpreter's
  // other modules (as does the playground), so fetch them while the legacy ones run.
  Promise.all([loadFull(), loadModules()]).catch(() => {}); // (a run that needs them reports)
  for (const host of rest.filter((host) => !onScreenNow.includes(host))) {
    await nextTask();
    await mountAndRun(host);
  }
}

async function main() {
  try {
    await startCore(await compiledCore());
  } catch (e) {
    status.textContent =
      'This browser could not run seedlab’s WebAssembly module, so the outputs shown are the ' +
      `precomputed ones for the values in the code. ${SUPPORTED_BROWSERS} ` +
      `(${e instanceof Error && e.message ? e.message : e})`;
    return;
  }
  document.documentElement.dataset.seedlabBuild = BUILD;
  const kernel = createKernel(seedlab, { loadFull });

  /** @type {CellView[]} */
  const views = [];
  /** @type {{ entries(): SettingEntry[] } | null} */
  let playground = null;
  /** @type {{ entries(): SettingEntry[] } | null} */
  let ownCode = null;
  const saveSettings = () =>
    writeSettings([
      ...views.flatMap((view) => cellEntries(view)),
      ...(ownCode ? ownCode.entries() : []),
      ...(playground ? playground.entries() : []),
    ]);

  await runLesson(kernel, views, saveSettings);
  setUpCopyLink(document.getElementById('page-tools'));

  // The "Try your own code" cell runs in the kernel's worker while the playground loads; the page
  // is ready when it has run too (its output changes the height of everything above the
  // playground, which engines without scroll anchoring, such as Safari, do not compensate).
  let ownCodeRun = Promise.resolve();
  const ownHost = document.getElementById('own-code-cell');
  if (ownHost) {
    const { mountOwnCode } = await import('./notebook/own-code-view.js');
    const mounted = mountOwnCode(ownHost, {
      kernel: createKernelClient(),
      code: params.get('code'),
      onChange: saveSettings,
    });
    ownCode = mounted;
    ownCodeRun = mounted.cell.run();
  }

  const form = document.getElementById('play-form');
  if (form instanceof HTMLFormElement) {
    // The playground draws from every library: the full module and every interpreter module.
    const [{ mountPlayground }] = await Promise.all([
      import('./playground/form-view.js'),
      loadFull(),
      loadModules(),
    ]);
    const values = readPrefixed(params, 'play', SETTING_NAMES);
    const mounted = mountPlayground(form, { kernel, values, onChange: saveSettings });
    playground = mounted;
    await nextTask();
    mounted.draw();
  }

  await ownCodeRun;
  status.textContent = 'Ready: every cell has run once. Edit a value and press Run.';
  performance.mark('seedlab-ready'); // ms since navigation start: the tests report it
  document.documentElement.classList.add('is-ready');
}

main();
