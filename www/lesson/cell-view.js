// A live lesson cell in the page: the code (Python, R or Rust) with its editable fields, Run and
// Clear buttons, the run log, and errors shown beside the field that caused them.
import { errorText } from '../lang/field-error.js';
import { el, onCtrlEnter } from '../ui/dom.js';
import { clearFieldErrors, showFieldError } from '../ui/field-errors.js';
import { createRunLog } from '../ui/run-log.js';
import { codeLines, codeText, defaultValues, languageName, runCell } from './runner.js';

/** @import { Kernel } from './kernel.js' */
/** @import { Cell, CellField, RunResult } from './runner.js' */

/**
 * A mounted cell, as mountCell returns it.
 * @typedef {object} CellView
 * @property {Cell} cell
 * @property {HTMLFormElement} form
 * @property {() => Promise<RunResult & { number?: number }>} run   runs the cell (number: the
 *   run's), once the kernel has loaded what it needs
 * @property {() => void} clear
 * @property {() => Record<string, string>} values        the fields' texts
 * @property {(values: Record<string, string>) => void} setValues
 */

/**
 * Monospace inputs sized to their text (the `size` attribute: no style needed).
 * @param {HTMLInputElement} input
 */
function fitToText(input) {
  input.size = Math.max(1, input.value.length);
}

/**
 * The input of a field in the code.
 * @param {string} id
 * @param {CellField} spec
 * @param {string} value
 * @param {() => void} onInput
 */
function fieldInput(id, spec, value, onInput) {
  const input = el('input', {
    type: 'text',
    class: 'field',
    id,
    name: spec.name,
    'aria-label': spec.label,
    autocomplete: 'off',
    autocapitalize: 'off',
    spellcheck: 'false',
    'data-default': spec.value,
  });
  input.value = value;
  fitToText(input);
  input.addEventListener('input', () => {
    fitToText(input);
    onInput();
  });
  return input;
}

/**
 * The code with an input for each field, each line followed by the slot where an error about
 * a field on it shows. Returns { pre, inputs, errorSlots } (by field name).
 * @param {Cell} cell
 * @param {Record<string, string>} start   the fields' first texts
 * @param {() => void} onInput
 */
function codeView(cell, start, onInput) {
  /** @type {Map<string, HTMLInputElement>} */
  const inputs = new Map();
  /** @type {Map<string, HTMLElement>} */
  const errorSlots = new Map(); // field -> the element after that field's code line
  const lineNodes = codeLines(cell).map((parts) => {
    /** @type {string[]} */
    const fieldsHere = [];
    const line = el(
      'span',
      { class: 'code-line' },
      parts.length === 0 ? '\u200b' : null, // keeps an empty line's height
      parts.map((part) => {
        if (typeof part === 'string') return part;
        const spec = cell.fields.find((f) => f.name === part.field);
        if (!spec) throw new Error(`Cell ${cell.id} has no field ${part.field}`);
        const id = `cell-${cell.id}-${spec.name}`;
        const input = fieldInput(id, spec, start[spec.name], onInput);
        inputs.set(spec.name, input);
        fieldsHere.push(spec.name);
        return input;
      }),
    );
    const slot = el('span', { class: 'code-error', hidden: true });
    for (const name of fieldsHere) errorSlots.set(name, slot);
    return [line, slot];
  });
  const pre = el(
    'pre',
    { class: 'code', 'aria-label': `${languageName(cell)} code` },
    el('code', null, lineNodes.flat()),
  );
  return { pre, inputs, errorSlots };
}

/** The Run and Clear buttons with the keyboard hint. */
function toolbar() {
  const runButton = el('button', { type: 'submit', class: 'run-button' }, 'Run');
  const clearButton = el('button', { type: 'button', class: 'clear-button secondary' }, 'Clear');
  const hint = el(
    'span',
    { class: 'hint' },
    'or ',
    el('kbd', null, 'Ctrl'),
    '+',
    el('kbd', null, 'Enter'),
    ' in a field',
  );
  return {
    element: el('div', { class: 'cell-toolbar' }, runButton, clearButton, hint),
    clearButton,
  };
}

/**
 * Replaces host's contents with the live cell.
 *   options.kernel    the page's kernel (kernel.js)
 *   options.values    initial field texts, e.g. from the URL ({ seed: '42' })
 *   options.onChange  called with the cell after a field is edited
 * Returns { cell, run(), clear(), values(), setValues(values), form }.
 * @param {HTMLElement} host
 * @param {Cell} cell
 * @param {{ kernel: Kernel, values?: Record<string, string>, onChange?: (view: CellView) => void }} options
 * @returns {CellView}
 */
export function mountCell(host, cell, { kernel, values = {}, onChange = () => {} }) {
  const start = { ...defaultValues(cell), ...values };
  const { pre, inputs, errorSlots } = codeView(cell, start, () => onChange(api));
  const tools = toolbar();
  const list = el('ol', { class: 'runs', 'aria-label': 'Runs' });
  const status = el('p', { class: 'visually-hidden', role: 'status' });
  const form = el(
    'form',
    { class: 'cell-live', 'data-cell': cell.id, 'aria-label': cell.title, novalidate: true },
    pre,
    tools.element,
    list,
    status,
  );
  const log = createRunLog(list);

  /**
   * @param {string | null} field
   * @param {unknown} error
   */
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

  const clearErrors = () => clearFieldErrors(errorSlots.values(), inputs.values());
  const currentValues = () =>
    Object.fromEntries([...inputs].map(([name, input]) => [name, input.value]));

  async function run() {
    const values = currentValues();
    // Python cells load the modules their code imports; R and Rust cells need seedlab's full module.
    const needs = cell.run ? { full: true } : { code: codeText(cell, values) };
    const result = await kernel.whenReady(() => runCell(cell, values, kernel), needs);
    clearErrors();
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
    void run();
  });
  onCtrlEnter(form, () => void run());
  tools.clearButton.addEventListener('click', clear);

  host.replaceChildren(form);
  host.classList.add('is-live');

  /** @type {CellView} */
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
