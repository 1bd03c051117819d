// The interpreter's numpy module (www/python/modules/numpy/) against what NumPy 2.4.6 printed
// for the same cells (tests/fixtures/numpy_module.json, from generate_numpy_module.py): every
// case must print the recorded text character for character. Cases the page deliberately
// refuses are marked in the fixture; for them a clear "not supported here" note is accepted
// too (for cases that need seedlab's math ports, only when the wasm package lacks them), and
// any other refusal is a failure. Reductions print their results with .tolist() or as
// scalars, whose reprs round-trip, so they are compared to the bit.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import { Unsupported } from '../../www/python/errors.js';
import { Interpreter } from '../../www/python/interpreter.js';
import { standardModules } from '../../www/python/modules/index.js';
import { FLOAT32, FLOAT64, INT64, NDArray } from '../../www/python/modules/numpy/index.js';

const pkgUrl = new URL('../../www/pkg/', import.meta.url);
if (!fs.existsSync(new URL('seedlab_bg.wasm', pkgUrl))) {
  throw new Error('www/pkg/seedlab_bg.wasm not found: run scripts/build.sh first');
}
const pkg = await import(new URL('seedlab.js', pkgUrl).href);
pkg.initSync({ module: fs.readFileSync(new URL('seedlab_bg.wasm', pkgUrl)) });

/**
 * @typedef {{ group: string, code: string, output: string, unsupported?: string, needs_math?: boolean }} Case
 * needs_math: refused only while the package lacks seedlab's math ports (glibc's exp, log, pow,
 * ...; NumPy's tanh); with them the cell must print NumPy's text.
 */
/** @type {{ cases: Case[] }} */
const fixture = JSON.parse(
  fs.readFileSync(new URL('../fixtures/numpy_module.json', import.meta.url), 'utf8'),
);

/**
 * What a cell shows, as Jupyter shows it (stdout, display, the exception's last line), or the
 * note of a refusal.
 * @param {string} code @returns {{ out: string, unsupported: string | null }}
 */
function runCell(code) {
  const interp = new Interpreter({ modules: standardModules(pkg) });
  const r = interp.run(code);
  let out = r.stdout + (r.display !== null ? `${r.display}\n` : '');
  if (r.error instanceof Unsupported) return { out, unsupported: r.error.message };
  if (r.error)
    out += `${r.error.message === '' ? r.error.name : `${r.error.name}: ${r.error.message}`}\n`;
  return { out, unsupported: null };
}

const hasMathPorts = typeof (/** @type {any} */ (pkg).mathExpArray) === 'function';
if (!hasMathPorts)
  console.log('# the wasm package has no math ports: np.exp, np.log, float ** refuse');

const groups = [...new Set(fixture.cases.map((c) => c.group))];

describe('numpy module: cells print what NumPy 2.4.6 printed', () => {
  for (const group of groups) {
    test(group, () => {
      const cases = fixture.cases.filter((c) => c.group === group);
      const bad = [];
      let matched = 0;
      let refused = 0;
      for (const c of cases) {
        const { out, unsupported } = runCell(c.code);
        if (unsupported !== null) {
          if (c.unsupported && !(hasMathPorts && c.needs_math)) refused++;
          else bad.push(`${c.code}\n-- refused: ${unsupported}`);
        } else if (out === c.output) matched++;
        else bad.push(`${c.code}\n-- want:\n${c.output}-- got:\n${out}`);
      }
      console.log(
        `# numpy ${group}: ${matched} of ${cases.length} match NumPy's output; ${refused} refused as marked; ${bad.length} wrong`,
      );
      assert.equal(
        bad.length,
        0,
        `${bad.length} of ${cases.length} cells differ:\n\n${bad.slice(0, 10).join('\n\n')}`,
      );
    });
  }
});

describe('numpy module: JS API for other modules', () => {
  test('NDArray.fromBuffer wraps a typed array without copying', () => {
    const data = new Float64Array([0.5, 1.5, 2.5, 3.5, 4.5, 5.5]);
    const a = NDArray.fromBuffer(data, [2, 3], FLOAT64);
    assert.equal(a.repr(), 'array([[0.5, 1.5, 2.5],\n       [3.5, 4.5, 5.5]])');
    data[0] = -1;
    assert.equal(a.str(), '[[-1.   1.5  2.5]\n [ 3.5  4.5  5.5]]');
    assert.equal(
      NDArray.fromBuffer(new Float32Array([0.1, 0.2]), [2], FLOAT32).repr(),
      'array([0.1, 0.2], dtype=float32)',
    );
    assert.equal(NDArray.fromBuffer(BigInt64Array.of(1n, -2n), [2], INT64).str(), '[ 1 -2]');
  });

  test('np.random draws NumPy’s numbers, and names what it lacks as not supported', () => {
    assert.equal(runCell('import numpy as np\ntype(np.random).__name__').out, "'module'\n");
    assert.equal(
      runCell('import numpy as np\nnp.random.seed(17)\nnp.random.randn(3)').out,
      'array([ 0.27626589, -1.85462808,  0.62390111])\n',
    );
    assert.match(
      String(runCell('import numpy as np\nnp.random.vonmises(0, 1)').unsupported),
      /numpy\.random\.vonmises is not supported here/,
    );
  });

  test('reading np.empty before setting it is refused; after, it prints', () => {
    assert.match(String(runCell('import numpy as np\nnp.empty(3)').unsupported), /np\.empty/);
    assert.equal(
      runCell('import numpy as np\na = np.empty(3)\na[:] = 2\na').out,
      'array([2., 2., 2.])\n',
    );
  });
});
