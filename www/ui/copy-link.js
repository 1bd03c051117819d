// The "Copy link to these settings" button: copies the page's URL (which holds the settings,
// see url-state.js) and says so; if the clipboard is not available, shows the link to copy.
import { el } from './dom.js';

/** @param {HTMLElement | null} tools  the element holding #copy-link and #copy-status */
export function setUpCopyLink(tools) {
  if (!tools) return;
  const button = tools.querySelector('#copy-link');
  const status = tools.querySelector('#copy-status');
  if (!button || !status) return;
  tools.hidden = false;
  button.addEventListener('click', async () => {
    const url = location.href;
    try {
      await navigator.clipboard.writeText(url);
      status.textContent = 'Link copied.';
    } catch {
      const field = el('input', {
        type: 'text',
        readonly: true,
        class: 'link-field',
        'aria-label': 'Link to these settings',
      });
      field.value = url;
      status.replaceChildren('Copy this link: ', field);
      field.focus();
      field.select();
    }
  });
}
