// CPython 3.11's list.sort (Objects/listobject.c, listsort: Tim Peters's adaptive, stable natural
// merge sort, with the powersort merge order new in 3.11), ported so that a sort makes exactly the
// comparisons CPython makes, in the same order: which pair raises "'<' not supported between
// instances of 'str' and 'int'", and what a class's __lt__ sees (and prints), are then
// CPython's, and the same in every JS engine (each engine's Array.prototype.sort compares in its
// own order). A port of the algorithm, function by function: count_run, binarysort,
// gallop_left / gallop_right, merge_lo / merge_hi with galloping mode, merge_at, powerloop and
// found_new_run (powersort), merge_force_collapse. (3.13 changed count_run, so later versions
// compare differently.)
//
//   listSort(keys, values, lt)   sorts keys (and values alongside, unless null) in place;
//                                lt(a, b) is Python's `a < b` as a boolean, and may throw: the
//                                exception propagates and the arrays hold a permutation of their
//                                input, as CPython leaves a list whose sort raised.

/** @template K, V @typedef {(a: K, b: K) => boolean} LessThan */

/** When a merge gets into galloping mode, it stays while a run wins this often in a row. */
const MIN_GALLOP = 7;

/**
 * The minimum run length for n elements: n below 64, else a k in [32, 64] such that n / k is
 * close to, but strictly less than, a power of 2 (merge_compute_minrun).
 * @param {number} n
 */
function minRun(n) {
  let r = 0;
  while (n >= 64) {
    r |= n & 1;
    n = Math.floor(n / 2);
  }
  return n + r;
}

/**
 * The power of the run [s1, s1 + n1) followed by one of length n2, in a list of n: the first bit
 * where the binary expansions of the two runs' midpoints over n differ (powerloop).
 * @param {number} s1 @param {number} n1 @param {number} n2 @param {number} n
 */
function powerLoop(s1, n1, n2, n) {
  let result = 0;
  // 2 * the midpoints, so that they are integers.
  let a = 2 * s1 + n1;
  let b = a + n1 + n2;
  for (;;) {
    result++;
    if (a >= n) {
      // Both quotient bits are 1.
      a -= n;
      b -= n;
    } else if (b >= n) {
      break; // a's bit is 0, b's is 1
    }
    a *= 2;
    b *= 2;
  }
  return result;
}

/**
 * Sorts keys in place by lt, stably, moving values (when not null) in step.
 * @template K, V
 * @param {K[]} keys
 * @param {V[] | null} values
 * @param {LessThan<K, V>} lt
 */
export function listSort(keys, values, lt) {
  const n = keys.length;
  if (n < 2) return;
  new MergeState(keys, values, lt).sort();
}

/** @template K, V */
class MergeState {
  /**
   * @param {K[]} keys
   * @param {V[] | null} values
   * @param {LessThan<K, V>} lt
   */
  constructor(keys, values, lt) {
    this.keys = keys;
    this.values = values;
    this.lt = lt;
    this.minGallop = MIN_GALLOP;
    /** The pending runs: start, length and power (powersort's depth) of each. @type {number[]} */
    this.runBase = [];
    /** @type {number[]} */
    this.runLen = [];
    /** @type {number[]} */
    this.runPower = [];
  }

  sort() {
    const { keys } = this;
    let lo = 0;
    let remaining = keys.length;
    const minrun = minRun(remaining);
    do {
      let [n, descending] = this.countRun(lo, lo + remaining);
      if (descending) this.reverse(lo, lo + n);
      // A short run is extended to min(minrun, remaining) by binary insertion.
      if (n < minrun) {
        const force = Math.min(remaining, minrun);
        this.binarySort(lo, lo + force, lo + n);
        n = force;
      }
      this.foundNewRun(n);
      this.runBase.push(lo);
      this.runLen.push(n);
      this.runPower.push(0); // (set when the next run is found)
      lo += n;
      remaining -= n;
    } while (remaining);
    this.mergeForceCollapse();
  }

  /** Moves element `from` of keys/values to slot `to`. @param {number} to @param {number} from */
  move(to, from) {
    this.keys[to] = this.keys[from];
    if (this.values) this.values[to] = this.values[from];
  }

  /** Reverses [lo, hi). @param {number} lo @param {number} hi */
  reverse(lo, hi) {
    const { keys, values } = this;
    for (hi--; lo < hi; lo++, hi--) {
      [keys[lo], keys[hi]] = [keys[hi], keys[lo]];
      if (values) [values[lo], values[hi]] = [values[hi], values[lo]];
    }
  }

  /**
   * Binary insertion sort of [lo, hi), whose [lo, start) is sorted (binarysort).
   * @param {number} lo @param {number} hi @param {number} start
   */
  binarySort(lo, hi, start) {
    const { keys, values, lt } = this;
    if (lo === start) start++;
    for (; start < hi; start++) {
      let l = lo;
      let r = start;
      const pivot = keys[r];
      do {
        const p = l + ((r - l) >> 1);
        if (lt(pivot, keys[p])) r = p;
        else l = p + 1;
      } while (l < r);
      for (let p = start; p > l; p--) keys[p] = keys[p - 1];
      keys[l] = pivot;
      if (values) {
        const value = values[start];
        for (let p = start; p > l; p--) values[p] = values[p - 1];
        values[l] = value;
      }
    }
  }

  /**
   * The length of the run starting at lo (within [lo, hi)): the longest ascending
   * (a[0] <= a[1] <= ...) or strictly descending one (count_run).
   * @param {number} lo @param {number} hi
   * @returns {[number, boolean]}  [length, descending]
   */
  countRun(lo, hi) {
    const { keys, lt } = this;
    let p = lo + 1;
    if (p === hi) return [1, false];
    let n = 2;
    if (lt(keys[p], keys[p - 1])) {
      for (p++; p < hi; p++, n++) if (!lt(keys[p], keys[p - 1])) break;
      return [n, true];
    }
    for (p++; p < hi; p++, n++) if (lt(keys[p], keys[p - 1])) break;
    return [n, false];
  }

  /**
   * Where key goes in the sorted a[base .. base + n), left of any equal elements: the k with
   * a[k-1] < key <= a[k], searched from `hint` (gallop_left).
   * @param {K} key @param {K[]} a @param {number} base @param {number} n @param {number} hint
   */
  gallopLeft(key, a, base, n, hint) {
    const { lt } = this;
    const at = base + hint;
    let lastofs = 0;
    let ofs = 1;
    if (lt(a[at], key)) {
      // a[hint] < key: gallop right, until a[hint + lastofs] < key <= a[hint + ofs].
      const maxofs = n - hint;
      while (ofs < maxofs) {
        if (!lt(a[at + ofs], key)) break;
        lastofs = ofs;
        ofs = ofs * 2 + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      lastofs += hint;
      ofs += hint;
    } else {
      // key <= a[hint]: gallop left, until a[hint - ofs] < key <= a[hint - lastofs].
      const maxofs = hint + 1;
      while (ofs < maxofs) {
        if (lt(a[at - ofs], key)) break;
        lastofs = ofs;
        ofs = ofs * 2 + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      const k = lastofs;
      lastofs = hint - ofs;
      ofs = hint - k;
    }
    // a[lastofs] < key <= a[ofs]: binary search in between.
    lastofs++;
    while (lastofs < ofs) {
      const m = lastofs + ((ofs - lastofs) >> 1);
      if (lt(a[base + m], key)) lastofs = m + 1;
      else ofs = m;
    }
    return ofs;
  }

  /**
   * As gallopLeft, but right of any equal elements: the k with a[k-1] <= key < a[k]
   * (gallop_right).
   * @param {K} key @param {K[]} a @param {number} base @param {number} n @param {number} hint
   */
  gallopRight(key, a, base, n, hint) {
    const { lt } = this;
    const at = base + hint;
    let lastofs = 0;
    let ofs = 1;
    if (lt(key, a[at])) {
      // key < a[hint]: gallop left, until a[hint - ofs] <= key < a[hint - lastofs].
      const maxofs = hint + 1;
      while (ofs < maxofs) {
        if (!lt(key, a[at - ofs])) break;
        lastofs = ofs;
        ofs = ofs * 2 + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      const k = lastofs;
      lastofs = hint - ofs;
      ofs = hint - k;
    } else {
      // a[hint] <= key: gallop right, until a[hint + lastofs] <= key < a[hint + ofs].
      const maxofs = n - hint;
      while (ofs < maxofs) {
        if (lt(key, a[at + ofs])) break;
        lastofs = ofs;
        ofs = ofs * 2 + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      lastofs += hint;
      ofs += hint;
    }
    lastofs++;
    while (lastofs < ofs) {
      const m = lastofs + ((ofs - lastofs) >> 1);
      if (lt(key, a[base + m])) ofs = m;
      else lastofs = m + 1;
    }
    return ofs;
  }

  /**
   * Merges the runs [pa, pa + na) and [pb, pb + nb) (pb = pa + na), na <= nb, through a copy of
   * the first; a[pa + na - 1] belongs at the end of the merge (merge_lo).
   * @param {number} pa @param {number} na @param {number} pb @param {number} nb
   */
  mergeLo(pa, na, pb, nb) {
    const { keys, values, lt } = this;
    const tempKeys = keys.slice(pa, pa + na);
    const tempValues = values ? values.slice(pa, pa + na) : null;
    let dest = pa;
    let a = 0; // into the copy
    let b = pb;
    const fromA = () => {
      keys[dest] = tempKeys[a];
      if (values && tempValues) values[dest] = tempValues[a];
      dest++;
      a++;
    };
    const fromB = () => {
      this.move(dest++, b++);
    };
    // The last element of the copy belongs at the end: B's rest, then it (CopyB).
    const copyB = () => {
      for (let i = 0; i < nb; i++) fromB();
      fromA();
      na = 0;
    };
    try {
      fromB();
      if (--nb === 0) return;
      if (na === 1) return copyB();
      let minGallop = this.minGallop;
      for (;;) {
        let acount = 0; // times A won in a row
        let bcount = 0; // times B won in a row
        for (;;) {
          if (lt(keys[b], tempKeys[a])) {
            fromB();
            bcount++;
            acount = 0;
            if (--nb === 0) return;
            if (bcount >= minGallop) break;
          } else {
            fromA();
            acount++;
            bcount = 0;
            if (--na === 1) return copyB();
            if (acount >= minGallop) break;
          }
        }
        // One run wins consistently: gallop, until neither does.
        minGallop++;
        do {
          minGallop -= minGallop > 1 ? 1 : 0;
          this.minGallop = minGallop;
          let k = this.gallopRight(keys[b], tempKeys, a, na, 0);
          acount = k;
          if (k) {
            for (let i = 0; i < k; i++) fromA();
            na -= k;
            if (na === 1) return copyB();
            // (na == 0 only if the comparison is inconsistent)
            if (na === 0) return;
          }
          fromB();
          if (--nb === 0) return;
          k = this.gallopLeft(tempKeys[a], keys, b, nb, 0);
          bcount = k;
          if (k) {
            for (let i = 0; i < k; i++) fromB();
            nb -= k;
            if (nb === 0) return;
          }
          fromA();
          if (--na === 1) return copyB();
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        minGallop++; // penalised for leaving galloping mode
        this.minGallop = minGallop;
      }
    } finally {
      // Done, or a comparison raised: what is left of the copy fills the gap (dest + na == b).
      while (na > 0) {
        fromA();
        na--;
      }
    }
  }

  /**
   * Merges the runs [pa, pa + na) and [pb, pb + nb) (pb = pa + na), na >= nb, from the right,
   * through a copy of the second; b[pb] belongs at the start of the merge (merge_hi).
   * @param {number} pa @param {number} na @param {number} pb @param {number} nb
   */
  mergeHi(pa, na, pb, nb) {
    const { keys, values, lt } = this;
    const tempKeys = keys.slice(pb, pb + nb);
    const tempValues = values ? values.slice(pb, pb + nb) : null;
    let dest = pb + nb - 1;
    let a = pa + na - 1; // the last of A, in place
    let b = nb - 1; // the last of B, in the copy
    const fromA = () => {
      this.move(dest--, a--);
    };
    const fromB = () => {
      keys[dest] = tempKeys[b];
      if (values && tempValues) values[dest] = tempValues[b];
      dest--;
      b--;
    };
    // The first element of the copy belongs at the front: A's rest, then it (CopyA).
    const copyA = () => {
      for (let i = 0; i < na; i++) fromA();
      fromB();
      nb = 0;
    };
    try {
      fromA();
      if (--na === 0) return;
      if (nb === 1) return copyA();
      let minGallop = this.minGallop;
      for (;;) {
        let acount = 0;
        let bcount = 0;
        for (;;) {
          if (lt(tempKeys[b], keys[a])) {
            fromA();
            acount++;
            bcount = 0;
            if (--na === 0) return;
            if (acount >= minGallop) break;
          } else {
            fromB();
            bcount++;
            acount = 0;
            if (--nb === 1) return copyA();
            if (bcount >= minGallop) break;
          }
        }
        minGallop++;
        do {
          minGallop -= minGallop > 1 ? 1 : 0;
          this.minGallop = minGallop;
          let k = na - this.gallopRight(tempKeys[b], keys, pa, na, na - 1);
          acount = k;
          if (k) {
            for (let i = 0; i < k; i++) fromA();
            na -= k;
            if (na === 0) return;
          }
          fromB();
          if (--nb === 1) return copyA();
          k = nb - this.gallopLeft(keys[a], tempKeys, 0, nb, nb - 1);
          bcount = k;
          if (k) {
            for (let i = 0; i < k; i++) fromB();
            nb -= k;
            if (nb === 1) return copyA();
            // (nb == 0 only if the comparison is inconsistent)
            if (nb === 0) return;
          }
          fromA();
          if (--na === 0) return;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        minGallop++;
        this.minGallop = minGallop;
      }
    } finally {
      // Done, or a comparison raised: what is left of the copy fills the gap (dest - nb == a).
      while (nb > 0) {
        fromB();
        nb--;
      }
    }
  }

  /** Merges the pending runs i and i + 1 (merge_at). @param {number} i */
  mergeAt(i) {
    const { runBase, runLen, keys } = this;
    let pa = runBase[i];
    let na = runLen[i];
    const pb = runBase[i + 1];
    let nb = runLen[i + 1];
    runLen[i] = na + nb;
    runBase.splice(i + 1, 1);
    runLen.splice(i + 1, 1);
    this.runPower.splice(i + 1, 1);
    // Where does B's first element go in A? What comes before it is already in place.
    const k = this.gallopRight(keys[pb], keys, pa, na, 0);
    pa += k;
    na -= k;
    if (na === 0) return;
    // Where does A's last element go in B? What comes after it is already in place.
    nb = this.gallopLeft(keys[pa + na - 1], keys, pb, nb, nb - 1);
    if (nb <= 0) return;
    if (na <= nb) this.mergeLo(pa, na, pb, nb);
    else this.mergeHi(pa, na, pb, nb);
  }

  /**
   * A run of length n2 follows the last pending one: computes that one's power (the depth of the
   * boundary between them in a binary merge tree over the whole list) and first merges the
   * pending runs of greater power (found_new_run).
   * @param {number} n2
   */
  foundNewRun(n2) {
    const { runBase, runLen, runPower } = this;
    const last = runLen.length - 1;
    if (last < 0) return;
    const power = powerLoop(runBase[last], runLen[last], n2, this.keys.length);
    while (runLen.length > 1 && runPower[runLen.length - 2] > power) {
      this.mergeAt(runLen.length - 2);
    }
    runPower[runLen.length - 1] = power;
  }

  /** Merges every pending run into one (merge_force_collapse). */
  mergeForceCollapse() {
    const p = this.runLen;
    while (p.length > 1) {
      let n = p.length - 2;
      if (n > 0 && p[n - 1] < p[n + 1]) n--;
      this.mergeAt(n);
    }
  }
}
