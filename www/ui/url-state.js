// Seeds and settings in the URL, so that a shared link reproduces the page. Only values that
// differ from their defaults are written, with history.replaceState (no new history entries).
//
//   index.html?global-seed.seed=42&play.lib=torch    cell fields are "<cell id>.<field>",
//                                                   playground settings "play.<setting>"
//   embed.html?cell=global-seed&seed=42              one cell: its fields without a prefix

/** @import { Cell } from '../lesson/runner.js' */

/**
 * A setting for the URL: [key, value, default value] (written only when value differs).
 * @typedef {[string, unknown, unknown]} SettingEntry
 */

/**
 * The query string for these settings: entries are [key, value, defaultValue]; entries whose
 * value equals the default are left out. Returns '' or '?a=1&b=2'.
 * @param {Iterable<SettingEntry>} entries
 */
export function settingsQuery(entries) {
  const params = new URLSearchParams();
  for (const [key, value, defaultValue] of entries) {
    if (value !== undefined && value !== null && String(value) !== String(defaultValue)) {
      params.set(key, String(value));
    }
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * Replaces the current URL's query with these settings (keeping the path and the #fragment).
 * @param {Iterable<SettingEntry>} entries
 */
export function writeSettings(entries) {
  const url = location.pathname + settingsQuery(entries) + location.hash;
  if (url !== location.pathname + location.search + location.hash) {
    history.replaceState(history.state, '', url);
  }
}

/**
 * The values under "<prefix>.<name>" (or "<name>" when prefix is ''): { name: value }.
 * @param {URLSearchParams} params
 * @param {string} prefix
 * @param {string[]} names
 * @returns {Record<string, string>}
 */
export function readPrefixed(params, prefix, names) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const name of names) {
    const key = prefix ? `${prefix}.${name}` : name;
    const value = params.get(key);
    if (value !== null) out[name] = value;
  }
  return out;
}

/**
 * The [key, value, default] entries of a mounted cell's fields, for writeSettings.
 * @param {{ cell: Cell, values(): Record<string, string> }} view
 * @param {string} [prefix]
 * @returns {SettingEntry[]}
 */
export function cellEntries(view, prefix = view.cell.id) {
  const values = view.values();
  return view.cell.fields.map((f) => [
    prefix ? `${prefix}.${f.name}` : f.name,
    values[f.name],
    f.value,
  ]);
}
