// A live lesson cell in the page: the code (Python, R or Rust) with its editable fields, Run and
// Clear buttons, the run log, and errors shown beside the field that caused them.
import { errorText } from '../lang/field-error.js';
import { el } from '../ui/dom.js';
import { clearFieldErrors, showFieldError } from '../ui/field-errors.js';
import { createRunLog } from '../ui/run-log.js';
import { codeLines, defaultValues, languageName, runCell } from './runner.js';

/** Monospace inputs sized to their text (the `size` attribute: no style needed). */
function fitToText(input) {
  input.size = Math.max(1, input.value.length);
}

/**
 * Replaces host's contents with the live cell.
 *   options.kernel    the page's kernel (kernel.js)
 *   options.values    initial field texts, e.g. from the URL ({ seed: '42' })
 *   options.onChange  called with the cell after a field is edited
 * Returns { cell, run(), clear(), values(), setValues(values), form }.
 */
export function mountCell(host, cell, { kernel, values = {}, onChange = () => {} }) {
  const prefix = `cell-${cell.id}`;
  const inputs = new Map();
  const errorSlots = new Map(); // field -> the element after that field's code line
  const start = { ...defaultValues(cell), ...values };

  const lineNodes = codeLines(cell).map((parts) => {
    const fieldsHere = [];
    const line = el(
      'span',
      { class: 'code-line' },
      parts.length === 0 ? '\u200b' : null, // keeps an empty line's height
      parts.map((part) => {
        if (typeof part === 'string') return part;
        const spec = cell.fields.find((f) => f.name === part.field);
        const input = el('input', {
          type: 'text',
          class: 'field',
          id: `${prefix}-${spec.name}`,
          name: spec.name,
          'aria-label': spec.label,
          autocomplete: 'off',
          autocapitalize: 'off',
          spellcheck: 'false',
          'data-default': spec.value,
        });
        input.value = start[spec.name];
        fitToText(input);
        input.addEventListener('input', () => {
          fitToText(input);
          onChange(api);
        });
        inputs.set(spec.name, input);
        fieldsHere.push(spec.name);
        return input;
      }),
    );
    const slot = el('span', { class: 'code-error', hidden: true });
    for (const name of fieldsHere) errorSlots.set(name, slot);
    return [line, slot];
  });

  const runButton = el('button', { type: 'submit', class: 'run-button' }, 'Run');
  const clearButton = el('button', { type: 'button', class: 'clear-button secondary' }, 'Clear');
  const list = el('ol', { class: 'runs', 'aria-label': 'Runs' });
  const status = el('p', { class: 'visually-hidden', role: 'status' });
  const form = el(
    'form',
    { class: 'cell-live', 'data-cell': cell.id, 'aria-label': cell.title, novalidate: true },
    el(
      'pre',
      { class: 'code', 'aria-label': `${languageName(cell)} code` },
      el('code', null, lineNodes.flat()),
    ),
    el(
      'div',
      { class: 'cell-toolbar' },
      runButton,
      clearButton,
      el(
        'span',
        { class: 'hint' },
        'or ',
        el('kbd', null, 'Ctrl'),
        '+',
        el('kbd', null, 'Enter'),
        ' in a field',
      ),
    ),
    list,
    status,
  );
  const log = createRunLog(list);

  function showError(field, error) {
    const text = errorText(error);
    const slot = (field && errorSlots.get(field)) || errorSlots.values().next().value;
    const input = field ? inputs.get(field) : null;
    if (slot) {
      if (input) slot.id = `${input.id}-error`;
      showFieldError(slot, input, text);
    }
    status.textContent = `Not run: ${text}`;
  }

  function clearErrors() {
    clearFieldErrors(errorSlots.values(), inputs.values());
  }

  function currentValues() {
    return Object.fromEntries([...inputs].map(([name, input]) => [name, input.value]));
  }

  function run() {
    clearErrors();
    const result = runCell(cell, currentValues(), kernel);
    if (!result.ok) {
      showError(result.field, result.error);
      return result;
    }
    const { number } = log.add(result.key, result.lines);
    status.textContent = '';
    return { ...result, number };
  }

  function clear() {
    clearErrors();
    log.clear();
    status.textContent = 'Cleared.';
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run();
    }
  });
  clearButton.addEventListener('click', clear);

  host.replaceChildren(form);
  host.classList.add('is-live');

  const api = {
    cell,
    form,
    run,
    clear,
    values: currentValues,
    setValues(next) {
      for (const [name, value] of Object.entries(next)) {
        const input = inputs.get(name);
        if (input) {
          input.value = value;
          fitToText(input);
        }
      }
    },
  };
  return api;
}
