// Which printed rows have been seen before. Each run of a cell prints some rows; a row is "the
// same as run k" when run k printed the same text at the same position for the same code (the
// same cell and field values), and "new" otherwise. Pure, no DOM.
export class RunHistory {
  constructor() {
    this.clear();
  }

  clear() {
    this.count = 0;
    this.firstSeen = new Map(); // `${key}\0${position}\0${text}` -> run number
  }

  /**
   * Records a run of the code identified by key that printed lines.
   * Returns { number, rows: [{ text, sameAs }] } with sameAs the earliest run number that printed
   * this row, or null when the row is new.
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
