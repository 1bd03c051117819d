// The page's own limits, the same whichever language a field is read in: at most PAGE_MAX_N
// values per call (Python, R or Rust would go on; the browser tab should not), and a PageLimit
// error, which is not the language's, saying so. Pure, no DOM.

/** The page refusing something the language would do (e.g. a billion values): not its error. */
export class PageLimit extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'PageLimit';
  }
}

/** The most values one call draws on this page; Python would go on, the browser tab should not. */
export const PAGE_MAX_N = 1_000_000;
/** From this many values on, NumPy and torch fail to allocate; seedlab reports it as they do. */
const HOPELESS_N = 2 ** 37;

const FORMAT_N = new Intl.NumberFormat('en-US');

/**
 * n, or a PageLimit when it is beyond what one call may draw on this page.
 * @param {number} n
 * @param {string} [language]
 */
export function pageLimit(n, language = 'Python') {
  if (n > PAGE_MAX_N && n < HOPELESS_N) {
    throw new PageLimit(
      `This page draws at most ${FORMAT_N.format(PAGE_MAX_N)} values per call (${language} would draw ${FORMAT_N.format(n)}).`,
    );
  }
  return n;
}
