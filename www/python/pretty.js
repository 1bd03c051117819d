// How Jupyter displays the value of a cell's last expression: IPython's pretty printer
// (IPython/lib/pretty.py, BSD-3-Clause, ported here), which is repr() for most objects but lays
// out lists, tuples, dicts and sets over several lines once they pass 79 columns, sorts sets,
// and shows at most 1,000 items of a sequence.
//
//   pretty(list of 20 floats)  ->  '[0.5219839097124932,\n 0.8066907771186791,\n ...]'

import { listSort } from './list-sort.js';
import { PyDictView } from './methods.js';
import { PyDict, PyList, PyObject, PySet, PyTuple } from './objects.js';
import { compare, repr, str, truthy } from './ops.js';

/** @typedef {import('./objects.js').Value} Value */

/** Where str.splitlines splits (Python's line boundaries). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: Python's line boundaries include \x1c-\x1e.
const LINE_BREAKS = /\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/;

const MAX_WIDTH = 79;
const MAX_SEQ_LENGTH = 1000;

class Group {
  /** @param {number} depth */
  constructor(depth) {
    this.depth = depth;
    /** @type {Breakable[]} */
    this.breakables = [];
    this.wantBreak = false;
  }
}

class Text {
  constructor() {
    /** @type {string[]} */
    this.objs = [];
    this.width = 0;
  }

  /** @param {PrettyPrinter} p @param {number} outputWidth */
  output(p, outputWidth) {
    for (const obj of this.objs) p.out += obj;
    return outputWidth + this.width;
  }

  /** @param {string} obj @param {number} width */
  add(obj, width) {
    this.objs.push(obj);
    this.width += width;
  }
}

class Breakable {
  /** @param {string} sep @param {number} width @param {PrettyPrinter} pretty */
  constructor(sep, width, pretty) {
    this.obj = sep;
    this.width = width;
    this.pretty = pretty;
    this.indentation = pretty.indentation;
    this.group = pretty.groupStack[pretty.groupStack.length - 1];
    this.group.breakables.push(this);
  }

  /** @param {PrettyPrinter} p @param {number} outputWidth */
  output(p, outputWidth) {
    this.group.breakables.shift();
    if (this.group.wantBreak) {
      p.out += `\n${' '.repeat(this.indentation)}`;
      return this.indentation;
    }
    if (this.group.breakables.length === 0) p.groupQueue.remove(this.group);
    p.out += this.obj;
    return outputWidth + this.width;
  }
}

class GroupQueue {
  /** @param {Group} group */
  constructor(group) {
    /** @type {Group[][]} */
    this.queue = [];
    this.enq(group);
  }

  /** @param {Group} group */
  enq(group) {
    while (group.depth > this.queue.length - 1) this.queue.push([]);
    this.queue[group.depth].push(group);
  }

  /** @returns {Group | undefined} */
  deq() {
    for (const stack of this.queue) {
      // Python: `for idx, group in enumerate(reversed(stack)): ... del stack[idx]` deletes by
      // the index into the reversed order, applied to the forward list: reproduced as written.
      const reversed = [...stack].reverse();
      for (let idx = 0; idx < reversed.length; idx++) {
        const group = reversed[idx];
        if (group.breakables.length > 0) {
          stack.splice(idx, 1);
          group.wantBreak = true;
          return group;
        }
      }
      for (const group of stack) group.wantBreak = true;
      stack.length = 0;
    }
    return undefined;
  }

  /** @param {Group} group */
  remove(group) {
    const stack = this.queue[group.depth];
    const i = stack ? stack.indexOf(group) : -1;
    if (i >= 0) stack.splice(i, 1);
  }
}

class PrettyPrinter {
  constructor() {
    this.out = '';
    this.outputWidth = 0;
    this.bufferWidth = 0;
    /** @type {(Text | Breakable)[]} */
    this.buffer = [];
    const root = new Group(0);
    this.groupStack = [root];
    this.groupQueue = new GroupQueue(root);
    this.indentation = 0;
    /** @type {Set<Value>} */
    this.stack = new Set();
  }

  /** @param {Group} group */
  breakOneGroup(group) {
    while (group.breakables.length > 0) {
      const x = /** @type {Text | Breakable} */ (this.buffer.shift());
      this.outputWidth = x.output(this, this.outputWidth);
      this.bufferWidth -= x.width;
    }
    while (this.buffer.length > 0 && this.buffer[0] instanceof Text) {
      const x = /** @type {Text} */ (this.buffer.shift());
      this.outputWidth = x.output(this, this.outputWidth);
      this.bufferWidth -= x.width;
    }
  }

  breakOuterGroups() {
    while (MAX_WIDTH < this.outputWidth + this.bufferWidth) {
      const group = this.groupQueue.deq();
      if (!group) return;
      this.breakOneGroup(group);
    }
  }

  /** @param {string} obj */
  text(obj) {
    const width = [...obj].length;
    if (this.buffer.length > 0) {
      let text = this.buffer[this.buffer.length - 1];
      if (!(text instanceof Text)) {
        text = new Text();
        this.buffer.push(text);
      }
      text.add(obj, width);
      this.bufferWidth += width;
      this.breakOuterGroups();
    } else {
      this.out += obj;
      this.outputWidth += width;
    }
  }

  breakable(sep = ' ') {
    const width = sep.length;
    const group = this.groupStack[this.groupStack.length - 1];
    if (group.wantBreak) {
      this.flush();
      this.out += `\n${' '.repeat(this.indentation)}`;
      this.outputWidth = this.indentation;
      this.bufferWidth = 0;
    } else {
      this.buffer.push(new Breakable(sep, width, this));
      this.bufferWidth += width;
      this.breakOuterGroups();
    }
  }

  breakLine() {
    const group = this.groupQueue.deq();
    if (group) this.breakOneGroup(group);
    this.flush();
    this.out += `\n${' '.repeat(this.indentation)}`;
    this.outputWidth = this.indentation;
    this.bufferWidth = 0;
  }

  beginGroup(indent = 0, open = '') {
    if (open) this.text(open);
    const group = new Group(this.groupStack[this.groupStack.length - 1].depth + 1);
    this.groupStack.push(group);
    this.groupQueue.enq(group);
    this.indentation += indent;
  }

  endGroup(dedent = 0, close = '') {
    this.indentation -= dedent;
    const group = /** @type {Group} */ (this.groupStack.pop());
    if (group.breakables.length === 0) this.groupQueue.remove(group);
    if (close) this.text(close);
  }

  flush() {
    for (const data of this.buffer) this.outputWidth += data.output(this, this.outputWidth);
    this.buffer = [];
    this.bufferWidth = 0;
  }

  /** Items of a sequence, with '...' after MAX_SEQ_LENGTH of them. @param {Value[]} items @param {(x: Value, i: number) => void} each */
  enumerate(items, each) {
    for (let i = 0; i < items.length; i++) {
      if (i >= MAX_SEQ_LENGTH) {
        this.text(',');
        this.breakable();
        this.text('...');
        return;
      }
      each(items[i], i);
    }
  }

  /** @param {Value} obj */
  pretty(obj) {
    const cycle = obj instanceof PyObject && this.stack.has(obj);
    if (obj instanceof PyObject) this.stack.add(obj);
    this.beginGroup();
    try {
      if (obj instanceof PyList) this.sequence(obj.items, '[', ']', cycle, false);
      else if (obj instanceof PyTuple && obj.constructor === PyTuple)
        this.sequence(obj.items, '(', ')', cycle, true);
      else if (obj instanceof PyDict && obj.constructor === PyDict) this.dict(obj, cycle);
      else if (obj instanceof PySet) this.set(obj, cycle);
      else if (
        obj instanceof PyObject &&
        typeof (/** @type {any} */ (obj).reprPretty) === 'function'
      ) {
        /** @type {any} */ (obj).reprPretty(this, cycle);
      } else this.reprLines(repr(obj));
    } finally {
      this.endGroup();
      if (obj instanceof PyObject && !cycle) this.stack.delete(obj);
    }
  }

  /** _repr_pprint: the repr, its lines joined by hard breaks. @param {string} text */
  reprLines(text) {
    const lines = text.split(LINE_BREAKS);
    if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
    this.beginGroup();
    lines.forEach((line, i) => {
      if (i > 0) this.breakLine();
      this.text(line);
    });
    this.endGroup();
  }

  /** @param {Value[]} items @param {string} start @param {string} end @param {boolean} cycle @param {boolean} tuple */
  sequence(items, start, end, cycle, tuple) {
    if (cycle) {
      this.text(`${start}...${end}`);
      return;
    }
    const step = start.length;
    this.beginGroup(step, start);
    this.enumerate(items, (x, i) => {
      if (i) {
        this.text(',');
        this.breakable();
      }
      this.pretty(x);
    });
    if (items.length === 1 && tuple) this.text(',');
    this.endGroup(step, end);
  }

  /** @param {PyDict} d @param {boolean} cycle */
  dict(d, cycle) {
    if (cycle) {
      this.text('{...}');
      return;
    }
    this.beginGroup(1, '{');
    this.enumerate(
      [...d.map.values()].map(([k]) => k),
      (key, i) => {
        if (i) {
          this.text(',');
          this.breakable();
        }
        this.pretty(key);
        this.text(': ');
        const entry = [...d.map.values()][i];
        this.pretty(entry[1]);
      },
    );
    this.endGroup(1, '}');
  }

  /** @param {PySet} s @param {boolean} cycle */
  set(s, cycle) {
    const [start, end] = s.frozen ? ['frozenset({', '})'] : ['{', '}'];
    if (cycle) {
      this.text(`${start}...${end}`);
      return;
    }
    if (s.map.size === 0) {
      this.text(`${s.typeName}()`);
      return;
    }
    const step = start.length;
    this.beginGroup(step, start);
    let items = [...s.map.values()];
    if (items.length < MAX_SEQ_LENGTH) items = sortedForPprint(items);
    this.enumerate(items, (x, i) => {
      if (i) {
        this.text(',');
        this.breakable();
      }
      this.pretty(x);
    });
    this.endGroup(step, end);
  }
}

/** IPython's _sorted_for_pprint: sorted, else sorted by str, else as is. @param {Value[]} items */
function sortedForPprint(items) {
  const lt = (/** @type {Value} */ a, /** @type {Value} */ b) => truthy(compare('<', a, b));
  const byLess = (/** @type {(v: Value) => Value} */ key) => {
    const sorted = [...items];
    listSort(sorted.map(key), sorted, lt); // sorted(items, key=key), as CPython sorts
    return sorted;
  };
  try {
    return byLess((v) => v);
  } catch {
    try {
      return byLess((v) => str(v));
    } catch {
      return items;
    }
  }
}

/**
 * The text Jupyter shows for a value (IPython.lib.pretty.pretty).
 * @param {Value} value @returns {string}
 */
export function pretty(value) {
  const printer = new PrettyPrinter();
  printer.pretty(value);
  printer.flush();
  return printer.out;
}

void PyDictView;
