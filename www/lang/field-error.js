// Errors that know which field they are about. The code that reads or uses a field's value runs
// inside atField(field, ...), which wraps whatever it throws as a FieldError for that field, so
// the page can show the error beside it. errorText words any error as the language prints it.
// Pure, no DOM.

/** An error raised while reading or using a field's value, with the field it is about. */
export class FieldError extends Error {
  constructor(field, error) {
    super(error.message);
    this.field = field;
    this.error = error;
  }
}

/** f(), with what it throws wrapped as a FieldError for field (an inner FieldError stays). */
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
 */
export function errorText(error) {
  if (error && (error.name === 'PageLimit' || error.verbatim)) return error.message;
  const name = error?.name ? error.name : 'Error';
  return `${name}: ${error && error.message !== undefined ? error.message : error}`;
}
