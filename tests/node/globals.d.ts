// What the browser tests' scripts record on the page's window (for the type check only).
interface Window {
  /** CSP violations, "<directive> <blocked URI>" (browser.mjs). */
  __cspViolations: string[];
  /** The messages a test page received from its seedlab frame (embed.test.mjs). */
  __messages: Array<{ type: string; cell: string; height: number }>;
  /** Errors thrown or logged after load, in the engines driven over WebDriver (browser.mjs). */
  __seedlabProblems: string[];
}
