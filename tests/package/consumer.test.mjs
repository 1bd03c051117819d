// The npm package as its users get it: the tarball `npm pack` made (scripts/pack.sh, which
// scripts/test.sh runs first), installed offline into a scratch project (target/npm/consumer/),
// then used three ways, each printing the course notebook's numbers, compared bit for bit:
//   - in Node: `import { RandomState } from 'seedlab'` (the "node" export; no init())
//   - bundled by esbuild into a page, in Chromium (`import init from 'seedlab'` and the .wasm
//     files imported as URLs, as a bundler user does)
//   - as plain ES modules from node_modules, in Chromium (`<script type="module">`, no bundler)
// The pages are served with seedlab's strict CSP. Also: the package's types, as tsc resolves
// them for a TypeScript user (bundler and Node resolution).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { executablePath, LAUNCH_ARGS } from '../node/browser.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = path.join(ROOT, 'target/npm');
const CONSUMER = path.join(OUT, 'consumer');
const BIN = path.join(ROOT, 'node_modules/.bin');

// np.random.seed(17); np.random.randn(5)  and  torch.manual_seed(17); torch.randn(5), as NumPy
// 2.4.6 and PyTorch 2.15.0 return them (float32 values widened exactly to Numbers).
const NOTEBOOK = {
  np: [
    0.27626589002131874, -1.854628078806505, 0.6239011113263563, 1.1453112895720903,
    1.0371904682278827,
  ],
  torch: [
    -1.41351318359375, 0.23363074660301208, 0.03403318300843239, 0.3499172627925873,
    -0.014521554112434387,
  ],
};

/** The consumer's files: the same check written as each kind of user writes it. */
const FILES = {
  'package.json': JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  // Node: the package's "node" export is ready on import.
  'node-check.mjs': `import { RandomState, TorchGenerator, build } from 'seedlab';
console.log(JSON.stringify({
  build,
  np: Array.from(new RandomState(17).randn(5)),
  torch: Array.from(new TorchGenerator(17).randn(5)),
}));
`,
  // A page: what the user's script shows.
  'show.js': `export function show(seedlab) {
  const out = document.getElementById('out');
  out.textContent = JSON.stringify({
    build: seedlab.build,
    np: Array.from(new seedlab.RandomState(17).randn(5)),
    torch: Array.from(new seedlab.TorchGenerator(17).randn(5)),
  });
  document.documentElement.classList.add('is-ready');
}
`,
  // Plain ES modules, no bundler: the browser entry from node_modules by its path.
  'plain.js': `import init, * as seedlab from './node_modules/seedlab/index.js';
import { show } from './show.js';
await init();
show(seedlab);
`,
  'plain.html': page('plain.js'),
  // A bundler: esbuild resolves 'seedlab' through the package's exports and copies the .wasm
  // files it is told to import (--loader:.wasm=file); their paths are relative to the bundle.
  'bundle-entry.js': `import init, * as seedlab from 'seedlab';
import compat from 'seedlab/compat/seedlab_bg.wasm';
import simd from 'seedlab/seedlab_bg.wasm';
import { show } from './show.js';
await init({ simd: new URL(simd, import.meta.url), compat: new URL(compat, import.meta.url) });
show(seedlab);
`,
  'bundled.html': page('dist/bundle-entry.js'),
  // TypeScript: the declarations the exports point to, with the API's types.
  'types.ts': `import init, { RandomState, TorchGenerator, build, type InitOptions } from 'seedlab';
const options: InitOptions = {};
await init(options);
const np: Float64Array = new RandomState(17).randn(5);
const torch: Float32Array = new TorchGenerator(17).randn(5);
const which: 'simd' | 'compat' | undefined = build;
export { np, torch, which };
`,
};

// Appended to each README example: compares a result with the value the README shows, bit for
// bit (typed arrays as arrays; Object.is for numbers).
const CHECK = `
function same(actual, expected) {
  if (ArrayBuffer.isView(actual)) actual = Array.from(actual);
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length &&
      expected.every((e, i) => same(actual[i], e));
  }
  return Object.is(actual, expected);
}
function check(actual, expected, line) {
  if (!same(actual, expected)) {
    const shown = (v) => JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? x + 'n' : x));
    throw new Error(\`README: \${line}\\n  gives \${shown(ArrayBuffer.isView(actual) ? Array.from(actual) : actual)}\`);
  }
}
`;

/** @param {string} script */
function page(script) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>consumer</title>
<script type="module" src="${script}"></script></head><body><pre id="out"></pre></body></html>
`;
}

/**
 * @param {string} command
 * @param {string[]} args
 */
function run(command, args) {
  return execFileSync(command, args, { cwd: CONSUMER, encoding: 'utf8', stdio: 'pipe' });
}

/** @param {string} json */
function assertNotebookNumbers(json, where) {
  const shown = JSON.parse(json);
  for (const key of /** @type {const} */ (['np', 'torch'])) {
    assert.equal(shown[key].length, 5, `${where}: ${key}`);
    shown[key].forEach((/** @type {number} */ value, /** @type {number} */ i) => {
      assert.ok(Object.is(value, NOTEBOOK[key][i]), `${where}: ${key}[${i}] ${value}`);
    });
  }
  console.log(`# ${where}: 10 of 10 notebook values bit-identical (build: ${shown.build})`);
  return shown;
}

describe('the npm package, installed from its tarball', () => {
  /** @type {string} */
  let tarball;

  before(() => {
    const found = fs.readdirSync(OUT).filter((f) => /^seedlab-.*\.tgz$/.test(f));
    assert.equal(found.length, 1, `one seedlab-*.tgz in ${OUT}: run scripts/pack.sh`);
    tarball = path.join(OUT, found[0]);
    fs.rmSync(CONSUMER, { recursive: true, force: true });
    fs.mkdirSync(CONSUMER, { recursive: true });
    for (const [name, text] of Object.entries(FILES)) {
      fs.writeFileSync(path.join(CONSUMER, name), text);
    }
    // --offline: from the tarball alone (the package has no dependencies).
    run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball]);
  });

  test('installs with no dependencies of its own', () => {
    const lock = JSON.parse(fs.readFileSync(path.join(CONSUMER, 'package-lock.json'), 'utf8'));
    assert.deepEqual(Object.keys(lock.packages).sort(), ['', 'node_modules/seedlab']);
    const manifest = JSON.parse(
      fs.readFileSync(path.join(CONSUMER, 'node_modules/seedlab/package.json'), 'utf8'),
    );
    assert.equal(manifest.name, 'seedlab');
    assert.ok(!JSON.stringify(manifest.exports).includes('initSync'));
  });

  test('Node: import { RandomState } from "seedlab", no init()', () => {
    const shown = assertNotebookNumbers(run('node', ['node-check.mjs']), 'Node');
    assert.equal(shown.build, 'simd');
  });

  test('the README: every `// →` in its examples is what the call gives (in Node)', () => {
    const readme = fs.readFileSync(path.join(CONSUMER, 'node_modules/seedlab/README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)]
      .map((m) => m[1])
      .filter((block) => block.includes('// →'));
    assert.ok(blocks.length >= 3, `${blocks.length} example blocks`);
    let checks = 0;
    blocks.forEach((block, b) => {
      // `expr; // → value` becomes a check of expr against value; `const x = expr; // → value`
      // checks x.
      const lines = block.split('\n').map((line) => {
        const m = line.match(/^(\s*)(?:const (\w+) = )?(.*?);\s*\/\/ → (.*)$/);
        if (!m) return line;
        checks++;
        const [, indent, name, expr, value] = m;
        const actual = name ?? `(${expr})`;
        const declare = name ? `const ${name} = ${expr}; ` : '';
        return `${indent}${declare}check(${actual}, ${value}, ${JSON.stringify(line.trim())});`;
      });
      const file = path.join(CONSUMER, `readme-${b}.mjs`);
      fs.writeFileSync(file, `${lines.join('\n')}\n${CHECK}`);
      run('node', [file]);
    });
    console.log(`# README: ${checks} example values, each equal to what the package returns`);
    assert.ok(checks >= 15, `${checks} checks`);
  });

  test('TypeScript: the exports resolve to typed declarations (bundler and Node resolution)', () => {
    for (const resolution of ['bundler', 'nodenext']) {
      const module = resolution === 'bundler' ? 'esnext' : 'nodenext';
      run(path.join(BIN, 'tsc'), [
        '--ignoreConfig',
        '--noEmit',
        '--strict',
        '--target',
        'es2022',
        '--module',
        module,
        '--moduleResolution',
        resolution,
        '--lib',
        'es2023,dom',
        '--types',
        '',
        'types.ts',
      ]);
    }
  });

  describe('in Chromium, under the strict CSP', {
    skip: executablePath ? false : 'no Chromium found',
  }, () => {
    /** @type {import('playwright-core').Browser} */
    let browser;
    /** @type {import('node:http').Server} */
    let server;
    /** @type {string} */
    let url;

    before(async () => {
      run(path.join(BIN, 'esbuild'), [
        'bundle-entry.js',
        '--bundle',
        '--format=esm',
        '--platform=browser',
        '--loader:.wasm=file',
        '--outdir=dist',
        '--log-level=warning',
      ]);
      ({ server, url } = await startServer({ port: 0, root: CONSUMER }));
      browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS });
    });

    after(async () => {
      await browser?.close();
      server?.close();
    });

    /** @param {string} file */
    async function shownOn(file) {
      const page = await browser.newPage();
      /** @type {string[]} */
      const problems = [];
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('response', (r) => {
        // (Chromium asks for /favicon.ico by itself; the test pages name none.)
        if (r.status() >= 400 && !r.url().endsWith('/favicon.ico'))
          problems.push(`HTTP ${r.status()} for ${r.url()}`);
      });
      page.on('console', (m) => {
        if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
          problems.push(m.text());
      });
      await page.goto(url + file);
      await page.waitForSelector('html.is-ready', { timeout: 10_000 });
      const text = (await page.locator('#out').textContent()) ?? '';
      assert.deepEqual(problems, []);
      await page.close();
      return text;
    }

    test('bundled by esbuild', async () => {
      const files = fs.readdirSync(path.join(CONSUMER, 'dist'));
      assert.equal(files.filter((f) => f.endsWith('.wasm')).length, 2, files.join(', '));
      const shown = assertNotebookNumbers(await shownOn('bundled.html'), 'esbuild bundle');
      assert.equal(shown.build, 'simd');
    });

    test('plain <script type="module">, no bundler', async () => {
      const shown = assertNotebookNumbers(await shownOn('plain.html'), 'plain ES modules');
      assert.equal(shown.build, 'simd');
    });
  });
});
