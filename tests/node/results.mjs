// The lesson's and the playground's results as the tests read them: one record with every
// field, where the code has a union (success or failure). A test reads the fields its case
// expects (lines on success; field and error on failure), and its assertions fail when the
// outcome is the other one.
/** @import { RunResult } from '../../www/lesson/runner.js' */
/** @import { DrawResult } from '../../www/playground/draw.js' */
/** @import { Distribution } from '../../www/playground/histogram.js' */
/** @import { Values } from '../../www/playground/libraries/spec.js' */

/**
 * @typedef {{ ok: boolean, lines: string[], key: string, number?: number,
 *   field: string | null, error: unknown }} RunOutcome
 */

/**
 * @typedef {{ ok: boolean, line: string, sample: Values, dist: Distribution, key: string,
 *   field: string | null, error: unknown }} DrawOutcome
 */

/**
 * @param {RunResult} result
 * @returns {RunOutcome}
 */
export const runOutcome = (result) => /** @type {RunOutcome} */ (/** @type {unknown} */ (result));

/**
 * @param {DrawResult} result
 * @returns {DrawOutcome}
 */
export const drawOutcome = (result) => /** @type {DrawOutcome} */ (/** @type {unknown} */ (result));
