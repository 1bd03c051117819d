// Throughput of seedlab's WebAssembly build in Node and in Chromium, with its peers measured in
// the same run.
//
//   scripts/build.sh && node scripts/bench.mjs [--n 1000000] [--repeat 7] [--rounds 1]
//                                              [--no-chromium] [--pkg DIR]
//                                              [--navigations 7] [--no-page | --page-only]
//                                              [--page-baseline DIR]
//
// --rounds R repeats the whole measurement (native peers, Node, Chromium) R times and keeps
// each cell's best, for a machine shared with other work; --pkg times another build than
// www/pkg (e.g. an older one, for a before/after table).
//
// For each call (scripts/bench/cases.mjs) it prints the best of --repeat timings in millions of
// values per second, and the ratios to:
//   - the native library itself (NumPy, PyTorch, CPython), timed by python3 in the same run
//     (scripts/bench/peers.py), when python3 can import it;
//   - the fastest of the JS libraries that offer the same distribution, seeded, in the same
//     engine: @stdlib/random-base-mt19937, -randn, -box-muller, seedrandom, pure-rand (pinned dev
//     dependencies);
//   - Math.random (unseeded; Box-Muller for normals), for reference.
// "into" is the same call filling a reused array (the API's *Into methods), where the API has
// one; "floor" is what allocating and writing a fresh array of n costs in that engine.
// Then the page (scripts/bench/page.mjs): first output of embed.html?code=, the lesson's first
// run and first screen, and the JS and wasm bytes the first screen needs, best of --navigations
// navigations in Chromium (--no-page skips it, --page-only measures nothing else;
// --page-baseline DIR measures another build of www/ in the same run, for a before/after table).
// A benchmark, not a test: it prints figures and never fails on them.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { timeCases } from './bench/cases.mjs';
import { bundleCommonJs } from './bench/cjs-bundle.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const N = option('n', 1_000_000);
const pkgIndex = args.indexOf('--pkg');
const REPEAT = option('repeat', 7);
const ROUNDS = option('rounds', 1);
const CHROMIUM = !args.includes('--no-chromium');
const PAGE_ONLY = args.includes('--page-only');
const PAGE = CHROMIUM && !args.includes('--no-page');
const NAVIGATIONS = option('navigations', 7);

const root = new URL('../', import.meta.url);
const local = (path) => fileURLToPath(new URL(path, root));
const pkg =
  pkgIndex >= 0
    ? new URL(`${args[pkgIndex + 1]}/`, `file://${process.cwd()}/`)
    : new URL('www/pkg/', root);
const pkgFile = (name) => fileURLToPath(new URL(name, pkg));
if (!fs.existsSync(pkgFile('seedlab_bg.wasm'))) {
  console.error(`${pkgFile('seedlab_bg.wasm')} not found: run scripts/build.sh first`);
  process.exit(1);
}

/** The JS libraries, by the names cases.mjs uses, as `require` specifiers. */
const LIBRARIES = {
  stdlibMt19937: '@stdlib/random-base-mt19937',
  stdlibRandn: '@stdlib/random-base-randn',
  stdlibBoxMuller: '@stdlib/random-base-box-muller',
  seedrandom: 'seedrandom',
  pureXoroshiro: 'pure-rand/generator/xoroshiro128plus',
  pureFloat64: 'pure-rand/distribution/uniformFloat64',
  pureFloat32: 'pure-rand/distribution/uniformFloat32',
};

function nativePeers() {
  try {
    const out = execFileSync(
      'python3',
      [local('scripts/bench/peers.py'), '--n', String(N), '--repeat', String(REPEAT)],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    return JSON.parse(out);
  } catch {
    return { times: {}, versions: {} };
  }
}

function timeInNode() {
  const require = createRequire(import.meta.url);
  const libs = Object.fromEntries(Object.entries(LIBRARIES).map(([k, spec]) => [k, require(spec)]));
  return import(new URL('seedlab.js', pkg).href).then((seedlab) => {
    seedlab.initSync({ module: fs.readFileSync(pkgFile('seedlab_bg.wasm')) });
    return timeCases(seedlab, libs, N, REPEAT);
  });
}

async function timeInBrowser() {
  const { timeInChromium } = await import('./bench/chromium.mjs');
  if (!chromiumPath) return null;
  return timeInChromium({
    executablePath: chromiumPath,
    files: {
      '/pkg/seedlab.js': pkgFile('seedlab.js'),
      '/pkg/seedlab_bg.wasm': pkgFile('seedlab_bg.wasm'),
      '/cases.mjs': local('scripts/bench/cases.mjs'),
    },
    libsScript: bundleCommonJs(LIBRARIES, import.meta.url, '__benchLibs'),
    n: N,
    repeat: REPEAT,
  });
}

const PEER_NAMES = {
  numpy_legacy_randn: 'NumPy',
  numpy_legacy_rand: 'NumPy',
  numpy_generator_standard_normal: 'NumPy',
  numpy_generator_random: 'NumPy',
  torch_randn: 'PyTorch',
  torch_rand: 'PyTorch',
  cpython_gauss: 'CPython',
};

const rate = (seconds) => (seconds ? (N / seconds / 1e6).toFixed(1) : '-');
const ratio = (mine, theirs) => (mine && theirs ? (theirs / mine).toFixed(2) : '-');

function printTable(engine, { results, floor }, peers) {
  const hasInto = results.some((r) => r.into !== null);
  console.log(`\n### ${engine}: M values/s; ratios are seedlab's rate / the peer's\n`);
  const head = ['call', 'seedlab', 'native peer', 'seedlab / native'];
  if (hasInto) head.push('seedlab into', 'into / native');
  head.push('fastest JS library (same distribution)', 'seedlab / JS library');
  head.push('Math.random', 'seedlab / Math.random');
  console.log(`| ${head.join(' | ')} |`);
  console.log(`|${head.map(() => '---').join('|')}|`);
  for (const r of results) {
    const [libName, libTime] = Object.entries(r.js).sort((a, b) => a[1] - b[1])[0];
    const peer = peers.times[r.peer];
    const cells = [r.call, rate(r.seedlab)];
    cells.push(
      peer ? `${PEER_NAMES[r.peer]} ${rate(peer)}` : `${PEER_NAMES[r.peer]}: not installed`,
    );
    cells.push(ratio(r.seedlab, peer));
    if (hasInto) cells.push(rate(r.into), ratio(r.into, peer));
    cells.push(`${libName} ${rate(libTime)}`, ratio(r.seedlab, libTime));
    cells.push(rate(r.math), ratio(r.seedlab, r.math));
    console.log(`| ${cells.join(' | ')} |`);
  }
  console.log(
    `\nfloor: a fresh Float64Array of ${N}, filled with a constant: ${rate(floor)} M values/s`,
  );
}

/** The faster of two measurements, cell by cell (null where there is none). */
function best(a, b) {
  if (!a) return b;
  if (!b) return a;
  const min = (x, y) =>
    x === null || x === undefined ? y : y === null || y === undefined ? x : Math.min(x, y);
  if (typeof a === 'number') return min(a, b);
  if (Array.isArray(a)) return a.map((x, i) => best(x, b[i]));
  return Object.fromEntries(
    Object.keys(a).map((k) => [k, typeof a[k] === 'string' ? a[k] : best(a[k], b[k])]),
  );
}

const chromiumPath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find(fs.existsSync);

async function benchPage() {
  if (!chromiumPath) {
    console.log('\nChromium not found: the page was not measured');
    return;
  }
  const { measurePage, printPageTable } = await import('./bench/page.mjs');
  const i = args.indexOf('--page-baseline');
  const baseline = i >= 0 ? args[i + 1] : undefined;
  printPageTable(
    await measurePage({ executablePath: chromiumPath, navigations: NAVIGATIONS, baseline }),
    NAVIGATIONS,
    baseline ? 'baseline' : undefined,
  );
}

if (PAGE_ONLY) {
  await benchPage();
  process.exit(0);
}

let peers = null;
let node = null;
let browser = null;
for (let round = 0; round < ROUNDS; round++) {
  const measured = nativePeers();
  peers = peers
    ? { times: best(peers.times, measured.times), versions: measured.versions }
    : measured;
  node = best(node, await timeInNode());
  if (CHROMIUM) browser = best(browser, await timeInBrowser());
}
const v = peers.versions;
console.log(
  `seedlab benchmark: ${N} values per call, best of ${REPEAT}${ROUNDS > 1 ? ` in each of ${ROUNDS} rounds` : ''}; ` +
    `native peers: Python ${v.python ?? '-'}, NumPy ${v.numpy ?? '-'}, PyTorch ${v.torch ?? '-'} ` +
    `(CPU kernel ${v.torch_cpu_capability ?? '-'})`,
);
printTable(`Node ${process.version}`, node, peers);
if (CHROMIUM) {
  if (browser) {
    const version = browser.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium';
    printTable(`Chromium (${version})`, browser, peers);
  } else {
    console.log('\nChromium not found: skipped');
  }
}
if (PAGE) await benchPage();
