// Errors that know which field they are about. The code that reads or uses a field's value runs
// inside atField(field, ...), which wraps whatever it throws as a FieldError for that field, so
// the page can show the error beside it. errorText words any error as the language prints it.
// Pure, no DOM.

/** An error raised while reading or using a field's value, with the field it is about. */
export class FieldError extends Error {
  /**
   * @param {string} field
   * @param {unknown} error
   */
  constructor(field, error) {
    super(error instanceof Error ? error.message : String(error));
    this.field = field;
    this.error = error;
  }
}

/**
 * f(), with what it throws wrapped as a FieldError for field (an inner FieldError stays).
 * @template T
 * @param {string} field
 * @param {() => T} f
 * @returns {T}
 */
export function atField(field, f) {
  try {
    return f();
  } catch (e) {
    if (e instanceof FieldError) throw e;
    throw new FieldError(field, e);
  }
}

/**
 * "ValueError: message" for Python errors; the plain message for the page's own limits and for
 * errors that carry their whole text (rustc's, R's).
 * @param {unknown} error
 * @returns {string}
 */
export function errorText(error) {
  // Any thrown value: an Error (seedlab's, PythonError, RError, ...) or, in principle, anything.
  const e = /** @type {{ name?: string, message: string, verbatim?: boolean } | null} */ (error);
  if (e && (e.name === 'PageLimit' || e.verbatim)) return e.message;
  const name = e?.name ? e.name : 'Error';
  return `${name}: ${e && e.message !== undefined ? e.message : error}`;
}
