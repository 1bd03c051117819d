// An error shown beside the field it is about: the text under the field's line with a warning
// icon, and the field marked invalid and pointing at it (aria-invalid, aria-describedby).
import { el } from './dom.js';
import { errorIcon } from './icons.js';

/**
 * Shows text in slot (which needs an id when input is given) and marks input as described by it.
 * @param {HTMLElement} slot
 * @param {HTMLElement | null | undefined} input
 * @param {string} text
 */
export function showFieldError(slot, input, text) {
  slot.replaceChildren(errorIcon(), el('span', { class: 'error-text' }, text));
  slot.hidden = false;
  if (input) {
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', slot.id);
  }
}

/**
 * Hides and empties the error slots and unmarks the inputs.
 * @param {Iterable<HTMLElement>} slots
 * @param {Iterable<Element>} inputs
 */
export function clearFieldErrors(slots, inputs) {
  for (const slot of slots) {
    slot.hidden = true;
    slot.replaceChildren();
  }
  for (const input of inputs) {
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
  }
}
