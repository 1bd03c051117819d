// Every snippet of tests/fixtures/python_snippets.json (recorded from CPython 3.11, NumPy 2.4.6
// and PyTorch 2.15.0 by tests/fixtures/generate_snippets.py) run through the interpreter in
// Node: the output must be what Python printed, character for character. The same for the
// training-run snippets of tests/fixtures/training_snippets.json (torch.nn, nn.init, DataLoader,
// dropout; tests/fixtures/generate_training_snippets.py), where a snippet marked "expect":
// "unsupported" must instead stop with the page's "not supported here" note, after printing
// exactly the beginning of what Python printed.
//
// SNIPPET=<id substring> node --test tests/node/python-snippets.test.mjs  runs a subset.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { loadModules } from '../../www/python/modules/index.js';
import { Session } from '../../www/python/session.js';

const pkgUrl = new URL('../../www/pkg/', import.meta.url);
const pkg = await import(new URL('seedlab.js', pkgUrl).href);
pkg.initSync({ module: fs.readFileSync(new URL('seedlab_bg.wasm', pkgUrl)) });
await loadModules(); // the interpreter's modules beyond numpy load when first imported: all, here

const fixture = JSON.parse(
  fs.readFileSync(new URL('../fixtures/python_snippets.json', import.meta.url), 'utf8'),
);
const training = JSON.parse(
  fs.readFileSync(new URL('../fixtures/training_snippets.json', import.meta.url), 'utf8'),
);
const only = process.env.SNIPPET;
const snippets = fixture.snippets.filter(
  (/** @type {{ id: string }} */ s) => !only || s.id.includes(only),
);
const trainingSnippets = training.snippets.filter(
  (/** @type {{ id: string }} */ s) => !only || s.id.includes(only),
);

/** The first differing line, for a readable failure. @param {string} got @param {string} want */
function firstDifference(got, want) {
  const a = got.split('\n');
  const b = want.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i])
      return `line ${i + 1}:\n  got:  ${JSON.stringify(a[i])}\n  want: ${JSON.stringify(b[i])}`;
  }
  return '(no line differs)';
}

test(`the snippets print what Python printed (${snippets.length} snippets)`, () => {
  /** @type {string[]} */
  const failures = [];
  let compared = 0;
  let matched = 0;
  for (const snippet of snippets) {
    if (!snippet.deterministic) continue;
    compared++;
    const result = new Session(pkg).run(snippet.code);
    if (result.note) {
      failures.push(`${snippet.id}: the page says "${result.note.text}"`);
    } else if (result.output !== snippet.output) {
      failures.push(`${snippet.id}: ${firstDifference(result.output, snippet.output)}`);
    } else {
      matched++;
    }
  }
  console.log(`python snippets: ${matched} of ${compared} print exactly what Python printed`);
  assert.equal(failures.length, 0, `${failures.length} snippets differ:\n${failures.join('\n')}`);
});

test(`the training-run snippets print what Python printed (${trainingSnippets.length} snippets)`, () => {
  /** @type {string[]} */
  const failures = [];
  let compared = 0;
  let matched = 0;
  let refused = 0;
  for (const snippet of trainingSnippets) {
    if (!snippet.deterministic) continue;
    compared++;
    const result = new Session(pkg).run(snippet.code);
    if (snippet.expect === 'unsupported') {
      if (result.note?.kind !== 'unsupported') {
        failures.push(
          `${snippet.id}: expected a "not supported here" note, got ${JSON.stringify(result.output)}`,
        );
      } else if (!snippet.output.startsWith(result.output)) {
        failures.push(
          `${snippet.id}: before its note: ${firstDifference(result.output, snippet.output)}`,
        );
      } else {
        refused++;
      }
    } else if (result.note) {
      failures.push(`${snippet.id}: the page says "${result.note.text}"`);
    } else if (result.output !== snippet.output) {
      failures.push(`${snippet.id}: ${firstDifference(result.output, snippet.output)}`);
    } else {
      matched++;
    }
  }
  console.log(
    `training snippets: ${matched} of ${compared - refused} print exactly what Python printed; ${refused} refused as expected`,
  );
  assert.ok(compared > 0 || only, 'no training snippets compared');
  assert.equal(failures.length, 0, `${failures.length} snippets differ:\n${failures.join('\n')}`);
});

test('math functions whose glibc results no port reproduces are a note, not a near miss', () => {
  for (const name of ['sin', 'cos', 'tan', 'atan2', 'hypot', 'fsum', 'lgamma']) {
    const result = new Session(pkg).run(`import math\nprint(math.exp(1))\nmath.${name}(0.5)`);
    assert.equal(result.output, '2.718281828459045\n', name);
    assert.equal(result.note?.kind, 'unsupported', name);
    assert.match(result.note?.text ?? '', new RegExp(`math\\.${name}`));
  }
  // A name the real module does not have is Python's AttributeError.
  assert.equal(
    new Session(pkg).run('import math\nmath.sine(1)').error,
    "AttributeError: module 'math' has no attribute 'sine'",
  );
});
