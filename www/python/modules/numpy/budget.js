// The page's limits for array work: arrays of at most 1,000,000 values (the rule every call on
// the page follows), and the step budget, charged for work over many elements so that a loop
// of array operations stops like any other endless loop.
//
// Array operators (a + b) reach no interpreter; the work is charged to the one that last called
// a numpy function or method, which is the one running.

import { PageLimit } from '../../errors.js';

/** The most values an array may have on this page. */
export const MAX_VALUES = 1_000_000;

/** @type {{ charge: (n: number) => void } | null} */
let current = null;

/** Records the running interpreter (called on every numpy call). @param {any} interp */
export function useInterpreter(interp) {
  if (interp) current = interp;
}

/**
 * Charges work over n elements to the running interpreter's step budget. An element of array
 * work here costs about as much as two interpreter steps (interp.charge counts one per 64).
 * @param {number} n
 */
export function chargeWork(n) {
  if (n > 256 && current) current.charge(n * 32);
}

/** Refuses arrays beyond the page's size limit. @param {number} n */
export function checkSize(n) {
  if (n > MAX_VALUES) {
    throw new PageLimit(
      `This page makes arrays of at most 1,000,000 values (NumPy would make ${n.toLocaleString('en-US')}).`,
    );
  }
}
