// The interpreter's `torch` module against what CPython 3.11 + torch 2.15.0 (AVX2 kernels)
// printed for the same snippets: tests/fixtures/torch_module.json, recorded by
// tests/fixtures/generate_torch_module.py. Each snippet runs in a new session, as a Jupyter
// cell; its output (stdout, then the display of a last bare expression, or the exception's last
// traceback line) must be the recorded text, character for character. Snippets whose result
// torch computes in a way the page cannot reproduce must stop with "... is not supported here".
// Run scripts/build.sh first (www/pkg).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';

const root = new URL('../../', import.meta.url);
const pkgUrl = new URL('www/pkg/', root);
if (!fs.existsSync(new URL('seedlab_bg.wasm', pkgUrl))) {
  throw new Error('www/pkg/seedlab_bg.wasm not found: run scripts/build.sh first');
}
const pkg = await import(new URL('seedlab.js', pkgUrl).href);
pkg.initSync({ module: fs.readFileSync(new URL('seedlab_bg.wasm', pkgUrl)) });
const { Session } = await import(new URL('www/python/session.js', root).href);
const { loadModules } = await import(new URL('www/python/modules/index.js', root).href);
await loadModules(); // the interpreter's modules beyond numpy load when first imported: all, here

const fixture = JSON.parse(
  fs.readFileSync(new URL('tests/fixtures/torch_module.json', root), 'utf8'),
);

/** Object addresses (a torch.Generator's repr) differ from run to run in Python too. */
const normalise = (/** @type {string} */ s) => s.replace(/0x[0-9a-f]+/g, '0x…');

/**
 * Runs a snippet in a new session: what it printed, and the page's "not supported" note if any.
 * @param {string} code @returns {{ text: string, unsupported: string | null }}
 */
function run(code) {
  const r = new Session(pkg).run(code);
  return { text: r.output, unsupported: r.note?.kind === 'unsupported' ? r.note.text : null };
}

/** The fixture's cases by group ('printing', 'reductions', ...). */
const groups = new Map();
for (const c of fixture.cases) {
  if (!groups.has(c.group)) groups.set(c.group, []);
  groups.get(c.group).push(c);
}

const totals = { matched: 0, unsupportedAsExpected: 0, total: 0 };

describe(`torch module against torch ${fixture.torch} (${fixture.cases.length} snippets)`, () => {
  test('the fixture covers every area', () => {
    for (const key of [
      'printing',
      'reductions',
      'arithmetic',
      'indexing',
      'shapes and factories',
      'random',
      'calls',
    ]) {
      assert.ok(
        (groups.get(key)?.length ?? 0) >= 50,
        `fewer than 50 '${key}' cases in the fixture`,
      );
    }
    assert.ok(fixture.cases.length >= 3000, `only ${fixture.cases.length} cases`);
  });

  for (const [key, cases] of groups) {
    test(`${key}: ${cases.length} snippets`, (t) => {
      const failures = [];
      let matched = 0;
      let unsupported = 0;
      for (const c of cases) {
        const got = run(c.code);
        totals.total++;
        if (c.expect === 'unsupported') {
          if (got.unsupported !== null) {
            unsupported++;
            totals.unsupportedAsExpected++;
          } else
            failures.push(`${c.name}: expected a "not supported here" note, got:\n${got.text}`);
        } else if (got.unsupported === null && normalise(got.text) === normalise(c.output)) {
          matched++;
          totals.matched++;
        } else {
          failures.push(
            `${c.name}\n--- code\n${c.code}\n--- torch printed\n${c.output}--- the page printed\n${got.unsupported ?? got.text}`,
          );
        }
      }
      t.diagnostic(
        `${matched} of ${cases.length - unsupported} printed exactly what torch printed; ${unsupported} correctly not supported`,
      );
      assert.equal(
        failures.length,
        0,
        `${failures.length} of ${cases.length} differ:\n\n${failures.slice(0, 5).join('\n\n')}`,
      );
    });
  }

  test('summary', (t) => {
    t.diagnostic(
      `${totals.matched} of ${totals.total - totals.unsupportedAsExpected} snippets printed exactly what torch printed; ${totals.unsupportedAsExpected} correctly reported as not supported`,
    );
    assert.equal(totals.total, fixture.cases.length);
  });
});

describe('torch module sessions', () => {
  test('each session has its own default generator, seeded from entropy on import', () => {
    const a = run('import torch\ntorch.initial_seed()').text;
    const b = run('import torch\ntorch.initial_seed()').text;
    assert.notEqual(a, b);
    assert.match(a, /^\d+\n$/);
  });

  test('a session keeps its generator state from cell to cell', () => {
    const session = new Session(pkg);
    session.run('import torch\ntorch.manual_seed(17)');
    const first = 'tensor([-1.4135,  0.2336,  0.0340,  0.3499, -0.0145])\n';
    assert.equal(session.run('torch.randn(5)').output, first);
    assert.notEqual(session.run('torch.randn(5)').output, first);
  });

  test('torch.seed() reseeds from entropy and returns the seed', () => {
    const r = new Session(pkg).run(
      'import torch\ns = torch.seed()\nprint(s == torch.initial_seed(), 0 <= s < 2**64)',
    );
    assert.equal(r.output, 'True True\n');
  });

  test('tensor work counts against the step budget', () => {
    const session = new Session(pkg, { budget: 200_000 });
    const r = session.run('import torch\nwhile True:\n    x = torch.zeros(100000) + 1');
    assert.equal(r.note?.kind, 'budget');
  });

  test('more than 1,000,000 elements is the page refusing, not a Python error', () => {
    assert.equal(new Session(pkg).run('import torch\ntorch.zeros(1001, 1000)').note?.kind, 'limit');
    assert.equal(new Session(pkg).run('import torch\ntorch.randn(2000000)').note?.kind, 'limit');
  });
});
