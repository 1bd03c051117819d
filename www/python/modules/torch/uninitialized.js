// torch.empty's memory is uninitialised: torch shows whatever the allocator returned. The page
// tracks which elements of such a buffer have not been written yet, and refuses to read them
// (a note instead of digits that torch would not print), while shape, dtype and size work and
// writes (t[...] = x, t += ... after a full write, fill) make elements readable.

import { Unsupported } from '../../errors.js';

/** buffer -> mask of elements never written (1 = uninitialised). @type {WeakMap<object, Uint8Array>} */
const UNINITIALIZED = new WeakMap();

/** Marks a new buffer as uninitialised. @param {object} buffer @param {number} n */
export function markUninitialized(buffer, n) {
  if (n > 0) UNINITIALIZED.set(buffer, new Uint8Array(n).fill(1));
}

/**
 * Throws unless every element of the view has been written.
 * @param {import('../../nd/strided.js').Strided} s
 */
export function assertInitialized(s) {
  const mask = UNINITIALIZED.get(s.data);
  if (!mask) return;
  for (const p of s.offsets()) {
    if (mask[p]) {
      throw new Unsupported(
        "reading torch.empty's contents before they are written (torch shows whatever its memory held)",
      );
    }
  }
}

/** Records writes to these buffer positions. @param {object} buffer @param {Iterable<number>} positions */
export function markWritten(buffer, positions) {
  const mask = UNINITIALIZED.get(buffer);
  if (!mask) return;
  for (const p of positions) mask[p] = 0;
  if (mask.every((v) => v === 0)) UNINITIALIZED.delete(buffer);
}
