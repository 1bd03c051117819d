// What NumPy's and torch's printers share for a 1-D array: the values as numbers, the items they
// look at when an array is summarised, and an integer's text. Pure, no DOM.

/**
 * @param {ArrayLike<number | bigint>} values
 * @returns {number[]}
 */
export function toArray(values) {
  return Array.from(values, Number);
}

/**
 * The items NumPy looks at: all of them, or the edge items when the array is summarised.
 * @param {number[]} arr
 * @param {number} threshold
 * @param {number} edgeitems
 */
export function summarise(arr, threshold, edgeitems) {
  if (arr.length > threshold && 2 * edgeitems < arr.length) {
    return {
      lead: arr.slice(0, edgeitems),
      trail: arr.slice(arr.length - edgeitems),
      summary: true,
    };
  }
  return { lead: [], trail: arr, summary: false };
}

/**
 * An integer as its exact decimal text (a BigInt's); other values as String(v) writes them.
 * @param {number} v
 */
export function intString(v) {
  return Number.isInteger(v) ? BigInt(v).toString() : String(v);
}
