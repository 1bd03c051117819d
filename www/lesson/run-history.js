// Which printed rows have been seen before. Each run of a cell prints some rows; a row is "the
// same as run k" when run k printed the same text at the same position for the same code (the
// same cell and field values), and "new" otherwise. Pure, no DOM.
/** @typedef {{ text: string, sameAs: number | null }} RunRow */

export class RunHistory {
  /** How many runs so far. */
  count = 0;
  /**
   * The run that first printed each row: `${key}\0${position}\0${text}` -> run number.
   * @type {Map<string, number>}
   */
  firstSeen = new Map();

  clear() {
    this.count = 0;
    this.firstSeen = new Map();
  }

  /**
   * Records a run of the code identified by key that printed lines.
   * Returns { number, rows: [{ text, sameAs }] } with sameAs the earliest run number that printed
   * this row, or null when the row is new.
   * @param {string} key
   * @param {string[]} lines
   * @returns {{ number: number, rows: RunRow[] }}
   */
  record(key, lines) {
    const number = ++this.count;
    const rows = lines.map((text, position) => {
      const id = `${key}\0${position}\0${text}`;
      const sameAs = this.firstSeen.get(id) ?? null;
      if (sameAs === null) this.firstSeen.set(id, number);
      return { text, sameAs };
    });
    return { number, rows };
  }
}
