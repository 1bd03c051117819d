// www/python/list-sort.js against CPython 3.11's list.sort (tests/fixtures/list_sort.json, from
// tests/fixtures/generate_list_sort.py): for lists of every size from 0 to 2049 and many shapes,
// the same comparisons in the same order, the same final order, and, when a comparison raises
// partway, the same order the list is left in. Then what that gives the interpreter: sorted()'s
// TypeError names the pair CPython compares first, and a class's __lt__ is called as CPython
// calls it.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { test } from 'node:test';
import { Interpreter } from '../../www/python/interpreter.js';
import { listSort } from '../../www/python/list-sort.js';

const fixture = JSON.parse(
  fs.readFileSync(new URL('../fixtures/list_sort.json', import.meta.url), 'utf8'),
);

/** @typedef {{ value: number, index: number }} Item */

const sha256 = (/** @type {string} */ text) =>
  crypto.createHash('sha256').update(text).digest('hex');

/** An order as the fixture records it. @param {number[]} order */
const orderJson = (order) =>
  order.length <= 64 ? order : sha256(order.map((i) => `${i},`).join(''));

/**
 * Sorts the values as listSort does, logging each comparison; `failAt` makes that comparison
 * throw. @param {number[]} values @param {number} [failAt]
 */
function run(values, failAt) {
  const items = values.map((value, index) => ({ value, index }));
  /** @type {string[]} */
  const log = [];
  let raised = false;
  try {
    listSort(items, null, (/** @type {Item} */ a, /** @type {Item} */ b) => {
      log.push(`${a.index}<${b.index},`);
      if (log.length === failAt) throw new Error('stop');
      return a.value < b.value;
    });
  } catch (error) {
    if (!(error instanceof Error && error.message === 'stop')) throw error;
    raised = true;
  }
  return { log, order: items.map((item) => item.index), raised };
}

test('listSort makes CPython 3.11’s comparisons, in its order, for every case', () => {
  let comparisons = 0;
  for (const c of fixture.cases) {
    const what = `${c.shape}, n = ${c.values.length}`;
    const { log, order, raised } = run(c.values);
    assert.equal(raised, false);
    assert.deepEqual(
      log.slice(0, 64).map((entry) => entry.slice(0, -1)),
      c.first,
      `${what}: first comparisons`,
    );
    assert.equal(log.length, c.comparisons, `${what}: number of comparisons`);
    assert.equal(sha256(log.join('')), c.sha256, `${what}: comparison log`);
    assert.deepEqual(orderJson(order), c.order, `${what}: final order`);
    comparisons += log.length;
  }
  console.log(
    `# list.sort: ${fixture.cases.length} of ${fixture.cases.length} cases, ${comparisons} comparisons, as ${fixture.generator}`,
  );
});

test('a comparison that raises leaves the list in CPython’s order', () => {
  const failing = fixture.cases.filter((/** @type {{ failAt?: number }} */ c) => c.failAt);
  assert.ok(failing.length > 100);
  for (const c of failing) {
    const { log, order, raised } = run(c.values, c.failAt);
    assert.equal(raised, true);
    assert.equal(log.length, c.failAt);
    // Nothing lost or duplicated, and where CPython leaves each element.
    assert.deepEqual(
      [...order].sort((a, b) => a - b),
      c.values.map((/** @type {number} */ _, /** @type {number} */ i) => i),
    );
    assert.deepEqual(orderJson(order), c.orderAfterFailure, `${c.shape}, n = ${c.values.length}`);
  }
});

/** Runs Python code in a fresh interpreter; its stdout, or its error. @param {string} code */
function python(code) {
  const result = new Interpreter().run(code);
  return result.error ? String(result.error) : result.stdout;
}

test('the interpreter sorts as CPython: its errors and __lt__ calls', () => {
  // CPython compares 'a' < 1 first (count_run: items[1] < items[0]).
  assert.equal(
    python('sorted([1, "a"])'),
    "TypeError: '<' not supported between instances of 'str' and 'int'",
  );
  assert.equal(
    python('sorted([1, 2, "a", 3])'),
    "TypeError: '<' not supported between instances of 'str' and 'int'",
  );
  assert.equal(
    python(
      [
        'class K:',
        '    def __init__(self, v):',
        '        self.v = v',
        '    def __lt__(self, other):',
        '        print(self.v, other.v)',
        '        return self.v < other.v',
        'xs = [K(v) for v in [3, 1, 2, 5, 4]]',
        'xs.sort()',
        'print([k.v for k in xs])',
        'print([k.v for k in sorted(xs, key=lambda k: -k.v, reverse=True)])',
      ].join('\n'),
    ),
    // As CPython 3.11 prints it.
    '1 3\n2 1\n2 3\n2 1\n5 2\n5 3\n4 3\n4 5\n[1, 2, 3, 4, 5]\n[1, 2, 3, 4, 5]\n',
  );
});
