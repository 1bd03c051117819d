// The playground's settings: their defaults, which are checkboxes, and their entries in the
// page's URL (play.<setting>). Pure, no DOM.
/** @import { Settings } from './libraries/spec.js' */

/**
 * The settings, their defaults and their form controls' ids (play-<name>).
 * @type {Readonly<Settings>}
 */
export const PLAYGROUND_DEFAULTS = Object.freeze({
  lib: 'numpy',
  fn: 'randn',
  seed: '17',
  noseed: false,
  n: '5',
  low: '0',
  high: '10',
  loc: '0',
  scale: '1',
  pop: '10',
  replace: false,
});

/** @typedef {keyof Settings} SettingName */

/** @type {SettingName[]} */
export const SETTING_NAMES = /** @type {SettingName[]} */ (Object.keys(PLAYGROUND_DEFAULTS));

/** The settings that are checkboxes (true/false; '1' in the URL). */
export const CHECKBOXES = new Set(['noseed', 'replace']);

/**
 * [key, value, default] entries for the URL (checkboxes: '1' when checked).
 * @param {Settings} s
 * @returns {Array<[string, string | boolean, string | boolean]>}
 */
export function settingEntries(s) {
  return SETTING_NAMES.map((name) =>
    CHECKBOXES.has(name)
      ? [`play.${name}`, s[name] ? '1' : '', PLAYGROUND_DEFAULTS[name] ? '1' : '']
      : [`play.${name}`, s[name], PLAYGROUND_DEFAULTS[name]],
  );
}
