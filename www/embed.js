// One lesson cell on its own, for an iframe in a course page: embed.html?cell=global-seed&seed=17
// (fields as in lesson/cells.js, without the "<cell>." prefix the full page uses), or your own
// code: embed.html?code=<URL-encoded Python> (notebook/embed-code-view.js).
//
// Whenever its height changes, the frame tells its parent, so the parent can size the iframe:
//   parent.postMessage({ type: 'seedlab:height', cell: 'global-seed', height: 412 }, '*')
// height is in CSS pixels. (It carries nothing private, hence the '*' target origin.)

import { mountEmbeddedCode } from './notebook/embed-code-view.js';

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
  } else {
    const { mountEmbeddedCell } = await import('./lesson/embed-cell-view.js');
    await mountEmbeddedCell(root, cellId, params, reportHeight);
  }
}

main();
