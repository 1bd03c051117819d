// The ways a run can stop early, each shown differently on the page:
//   PyError        a Python exception, printed as Python's last traceback line
//                  ("ValueError: Seed must be between 0 and 2**32 - 1")
//   Unsupported    code outside the subset this interpreter runs: a note naming the construct
//                  ("`class` is not supported here"), never a wrong answer
//   BudgetExceeded the step budget ran out (an endless loop, most likely)
//   PageLimit      the page refusing a call Python would make (over 1,000,000 values)

/** A Python exception: String(e) reads like the last line of a traceback. */
export class PyError extends Error {
  /**
   * @param {string} type  the exception class name, e.g. 'ValueError'
   * @param {string} message  str(exception); '' for a bare `raise KeyError`
   */
  constructor(type, message = '') {
    super(message);
    this.name = type;
    /** @type {any[] | undefined} the exception's args when they are not [message] (KeyError's key) */
    this.args = undefined;
    /** @type {number | undefined} the source line being run, when known */
    this.line = undefined;
    /** @type {number | undefined} */
    this.col = undefined;
  }

  /** Python's exception class name. */
  get type() {
    return this.name;
  }

  /** @override */
  toString() {
    return this.message === '' ? this.name : `${this.name}: ${this.message}`;
  }
}

/** Code outside the supported subset of Python or of a library. */
export class Unsupported extends Error {
  /**
   * @param {string} what  the construct, e.g. '`class`' or 'np.random.poisson'
   * @param {number} [line]
   */
  constructor(what, line) {
    super(`${what} is not supported here`);
    this.name = 'Unsupported';
    this.what = what;
    this.line = line;
  }
}

/** The run took more steps than its budget allows. */
export class BudgetExceeded extends Error {
  /** @param {number} steps */
  constructor(steps) {
    super(
      `Stopped after ${steps.toLocaleString('en-US')} steps: this code runs too long for the ` +
        'page (an endless loop?).',
    );
    this.name = 'BudgetExceeded';
    this.steps = steps;
    /** @type {number | undefined} */
    this.line = undefined;
  }
}

/** The page refusing something Python would do (e.g. a billion values): not a Python error. */
export class PageLimit extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'PageLimit';
    /** @type {number | undefined} */
    this.line = undefined;
  }
}

/**
 * Why a run stopped early.
 * @typedef {PyError | Unsupported | BudgetExceeded | PageLimit} RunError
 */

/** Shorthands for the exceptions raised most often. */
export const typeError = (/** @type {string} */ message) => new PyError('TypeError', message);
export const valueError = (/** @type {string} */ message) => new PyError('ValueError', message);
export const indexError = (/** @type {string} */ message) => new PyError('IndexError', message);
export const keyError = (/** @type {string} */ message) => new PyError('KeyError', message);
export const nameError = (/** @type {string} */ name) =>
  new PyError('NameError', `name '${name}' is not defined`);
export const attributeError = (/** @type {string} */ message) =>
  new PyError('AttributeError', message);
export const zeroDivision = (/** @type {string} */ message) =>
  new PyError('ZeroDivisionError', message);
export const overflowError = (/** @type {string} */ message) =>
  new PyError('OverflowError', message);
export const runtimeError = (/** @type {string} */ message) => new PyError('RuntimeError', message);
