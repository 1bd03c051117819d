// The playground form (already in the page): pick a library, function, seed (or none) and size;
// each Draw prints a row as the library would and plots a histogram of a large draw against the
// exact density. What each library offers is in libraries/; a draw itself is draw.js.
import { errorText } from '../lang/field-error.js';
import { el, onCtrlEnter } from '../ui/dom.js';
import { clearFieldErrors, showFieldError } from '../ui/field-errors.js';
import { createRunLog } from '../ui/run-log.js';
import { draw } from './draw.js';
import { createFigure } from './figure-view.js';
import { LIBRARIES, playgroundCode } from './libraries.js';
import { PLAYGROUND_DEFAULTS, SETTING_NAMES, settingEntries } from './settings.js';

/** @import { Kernel } from '../lesson/kernel.js' */
/** @import { ParamName, Settings } from './libraries/spec.js' */
/** @import { SettingName } from './settings.js' */

/** @typedef {Record<SettingName, HTMLInputElement | HTMLSelectElement>} Controls */

/**
 * A parameter's setting (shown only where the function takes it) and its label.
 * @typedef {{ setting: HTMLElement, label: HTMLElement | null, text: string }} ParamSetting
 */

/**
 * The element #play-<name> in form.
 * @template {Element} [E=HTMLElement]
 * @param {HTMLFormElement} form
 * @param {string} name
 * @returns {E}
 */
function part(form, name) {
  const found = form.querySelector(`#play-${name}`);
  if (!found) throw new Error(`The playground form has no #play-${name}`);
  return /** @type {E} */ (/** @type {unknown} */ (found));
}

/**
 * Each parameter's setting, and its label's text (a library may name the parameter otherwise).
 * @param {HTMLFormElement} form
 * @returns {Record<string, ParamSetting>}
 */
function paramSettings(form) {
  return Object.fromEntries(
    [...form.querySelectorAll('[data-param]')].map((node) => {
      const setting = /** @type {HTMLElement} */ (node);
      const label = /** @type {HTMLElement} */ (setting.querySelector('label'));
      const named = label.querySelector('input') ? null : label; // a checkbox's label holds it
      return [setting.dataset.param, { setting, label: named, text: label.textContent ?? '' }];
    }),
  );
}

/**
 * The settings as the controls hold them.
 * @param {Controls} controls
 * @returns {Settings}
 */
function readControls(controls) {
  /** @type {Record<string, string | boolean>} */
  const s = {};
  for (const [name, control] of Object.entries(controls)) {
    s[name] =
      control instanceof HTMLInputElement && control.type === 'checkbox'
        ? control.checked
        : control.value;
  }
  return /** @type {Settings} */ (/** @type {unknown} */ (s));
}

/**
 * Fills the function menu with libName's functions (when the library changed) and selects
 * wanted, or the library's default function.
 * @param {HTMLSelectElement} fnControl
 * @param {string} libName
 * @param {string} wanted
 */
function fillFunctions(fnControl, libName, wanted) {
  const lib = LIBRARIES[libName];
  const names = Object.keys(lib.functions);
  if (fnControl.dataset.lib !== libName) {
    fnControl.replaceChildren(...names.map((name) => el('option', { value: name }, name)));
    fnControl.dataset.lib = libName;
  }
  fnControl.value = names.includes(wanted) ? wanted : lib.defaultFn;
}

/**
 * Sets the controls to the settings given (others keep their values).
 * @param {Controls} controls
 * @param {Partial<Record<SettingName, string | boolean>>} s
 */
function writeControls(controls, s) {
  const lib =
    typeof s.lib === 'string' && LIBRARIES[s.lib]
      ? s.lib
      : controls.lib.value || PLAYGROUND_DEFAULTS.lib;
  controls.lib.value = lib;
  fillFunctions(
    /** @type {HTMLSelectElement} */ (controls.fn),
    lib,
    String(s.fn ?? controls.fn.value),
  );
  for (const [name, value] of Object.entries(s)) {
    const control = controls[/** @type {SettingName} */ (name)];
    if (!control || name === 'lib' || name === 'fn') continue;
    if (control instanceof HTMLInputElement && control.type === 'checkbox') {
      control.checked = value === true || value === '1' || value === 'true';
    } else {
      control.value = String(value);
    }
  }
}

/**
 * The form's parts that a draw and the settings touch.
 * @typedef {object} FormParts
 * @property {HTMLFormElement} form
 * @property {Controls} controls
 * @property {HTMLElement} code
 * @property {HTMLElement} status
 * @property {HTMLElement} noseedNote
 * @property {Record<string, ParamSetting>} params
 */

/**
 * The settings as they apply: "no seed" only where the library has an unseeded generator.
 * @param {FormParts} parts
 */
function appliedSettings({ controls }) {
  const s = readControls(controls);
  if (LIBRARIES[s.lib].noSeedNote) s.noseed = false;
  return s;
}

/**
 * Shows what applies to the current settings and the code they stand for.
 * @param {FormParts} parts
 */
function sync(parts) {
  const { controls, params, noseedNote, code } = parts;
  const lib = LIBRARIES[controls.lib.value];
  fillFunctions(
    /** @type {HTMLSelectElement} */ (controls.fn),
    controls.lib.value,
    controls.fn.value,
  );
  const spec = lib.functions[controls.fn.value];
  for (const [param, { setting, label, text }] of Object.entries(params)) {
    setting.hidden = !spec.params.includes(/** @type {ParamName} */ (param));
    if (label) label.textContent = spec.labels?.[/** @type {ParamName} */ (param)] ?? text;
  }
  const noseed = /** @type {HTMLInputElement} */ (controls.noseed);
  noseed.disabled = Boolean(lib.noSeedNote);
  noseedNote.textContent = lib.noSeedNote ?? '';
  noseedNote.hidden = !lib.noSeedNote;
  controls.seed.disabled = noseed.checked && !lib.noSeedNote;
  const language = lib.lang === 'rust' ? 'Rust' : lib.lang === 'r' ? 'R' : 'Python';
  code.closest('pre')?.setAttribute('aria-label', `${language} code`);
  code.textContent = playgroundCode(appliedSettings(parts));
}

/** @param {FormParts} parts */
function clearErrors({ form, controls }) {
  clearFieldErrors(form.querySelectorAll('.field-error'), Object.values(controls));
}

/**
 * Shows error beside the field it is about (beside n when the form has no place for it).
 * @param {FormParts} parts
 * @param {string | null} field
 * @param {unknown} error
 */
function showError({ form, controls, status }, field, error) {
  const name =
    field && field in controls && form.querySelector(`#play-${field}-error`) ? field : 'n';
  const text = errorText(error);
  showFieldError(part(form, `${name}-error`), controls[/** @type {SettingName} */ (name)], text);
  status.textContent = `Not drawn: ${text}`;
}

/**
 * Wires the playground form (already in the page). Returns { values(), setValues(), draw(),
 * entries() }.
 * @param {HTMLFormElement} form
 * @param {{ kernel: Kernel, values?: Partial<Record<SettingName, string>>, onChange?: () => void }} options
 */
export function mountPlayground(form, { kernel, values = {}, onChange = () => {} }) {
  /** @type {FormParts} */
  const parts = {
    form,
    controls: /** @type {Controls} */ (
      Object.fromEntries(SETTING_NAMES.map((name) => [name, part(form, name)]))
    ),
    code: part(form, 'code'),
    status: part(form, 'status'),
    noseedNote: part(form, 'noseed-note'),
    params: paramSettings(form),
  };
  const { controls, status } = parts;
  const log = createRunLog(part(form, 'runs'));
  const figure = createFigure({
    figure: part(form, 'figure'),
    plot: part(form, 'histogram'),
    caption: part(form, 'caption'),
  });

  // The libraries, and each one's functions (filled in when the library changes).
  controls.lib.replaceChildren(
    ...Object.entries(LIBRARIES).map(([name, lib]) => el('option', { value: name }, lib.label)),
  );

  function drawNow() {
    clearErrors(parts);
    const s = appliedSettings(parts);
    const result = draw(s, kernel);
    if (!result.ok) {
      showError(parts, result.field, result.error);
      return result;
    }
    log.add(result.key, [result.line]);
    status.textContent = '';
    figure.show(result.sample, result.dist, LIBRARIES[s.lib].source(s));
    return result;
  }

  const changed = () => {
    sync(parts);
    onChange();
  };
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    drawNow();
  });
  onCtrlEnter(form, drawNow);
  part(form, 'clear').addEventListener('click', () => {
    clearErrors(parts);
    log.clear();
    status.textContent = 'Cleared.';
  });

  /** @param {Partial<Record<SettingName, string | boolean>>} s */
  const setValues = (s) => {
    writeControls(controls, s);
    sync(parts);
  };
  setValues({ ...PLAYGROUND_DEFAULTS, ...values });
  form.hidden = false;

  return {
    values: () => readControls(controls),
    setValues,
    draw: drawNow,
    /** [key, value, default] entries for the URL (checkboxes: '1' when checked). */
    entries: () => settingEntries(readControls(controls)),
  };
}
