// Runs the crate's browser tests (tests/web.rs: every fixture, through the JS-facing layer) in one
// engine and one build, as `wasm-pack test` does for Chromium and Firefox, for the engines and
// builds wasm-pack cannot drive:
//
//   node scripts/browser-fixtures.mjs ENGINE [--compat] [--release] [FILTER]
//     ENGINE    chromium | firefox | webkit (WebKitGTK's MiniBrowser, under Xvfb) |
//               wpe (WPE WebKit 2.38, Safari 16.0's engine, cog headless)
//     --compat  the compat build (scalar, no reference types: what www/pkg/compat/ ships),
//               which Safari 16.0's engine needs; default: the SIMD128 build
//     --release the tests built with the release profile (optimised, as users get the module)
//     FILTER    run only the tests whose names contain it
//
// It runs `cargo test --target wasm32-unknown-unknown --test web -- --nocapture` with
// wasm-bindgen-test-runner as cargo's runner. The runner drives Chromium and Firefox through
// their drivers itself; for WebKit it knows only macOS's safaridriver and sends it no
// capabilities, so this script starts the engine's own WebDriver server (tests/node/
// webdriver.mjs: the same engines and capabilities as the page tests) behind a small proxy that
// adds the capabilities to the new-session request, and points SAFARIDRIVER_REMOTE at it.
// Each exactness table the tests print names the browser from its user agent.
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDriver, WEBDRIVER_ENGINES, which } from '../tests/node/webdriver.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const [engineId, ...rest] = process.argv.slice(2);
const compat = rest.includes('--compat');
const release = rest.includes('--release');
const filters = rest.filter((arg) => arg !== '--compat' && arg !== '--release');
const ENGINE_IDS = ['chromium', 'firefox', ...WEBDRIVER_ENGINES.map((e) => e.id)];
if (!engineId || !ENGINE_IDS.includes(engineId) || filters.length > 1) {
  console.error(
    `usage: node scripts/browser-fixtures.mjs ${ENGINE_IDS.join('|')} [--compat] [--release] [FILTER]`,
  );
  process.exit(2);
}

const runner = which('wasm-bindgen-test-runner');
if (!runner) {
  console.error('wasm-bindgen-test-runner not found: run scripts/setup.sh');
  process.exit(2);
}

/** @type {NodeJS.ProcessEnv} */
const env = {
  ...process.env,
  // The whole suite runs in one page: the default budget (20 s) is too short for slower engines.
  WASM_BINDGEN_TEST_TIMEOUT: process.env.WASM_BINDGEN_TEST_TIMEOUT ?? '600',
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER: compat
    ? path.join(ROOT, 'scripts/wasm-test-runner-compat.sh')
    : runner,
};
if (compat) {
  env.CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS = '-C target-feature=-simd128,-reference-types';
  env.CARGO_TARGET_DIR = path.join(ROOT, 'target/compat');
}

/** @type {() => Promise<void> | void} */
let stop = () => {};
if (engineId === 'chromium') {
  env.CHROMEDRIVER = which('chromedriver');
} else if (engineId === 'firefox') {
  env.GECKODRIVER = which('geckodriver');
} else {
  const engine = /** @type {import('../tests/node/webdriver.mjs').WebDriverEngine} */ (
    WEBDRIVER_ENGINES.find((e) => e.id === engineId)
  );
  const driver = await startDriver(engine);
  /** @type {string[]} */
  const sessions = [];
  const proxy = await startCapabilityProxy(driver.base, engine.capabilities, sessions);
  stop = async () => {
    // The runner closes its window only; ending the session ends the browser too (killing the
    // driver alone would leave it running).
    for (const id of sessions) {
      await fetch(`${driver.base}/session/${id}`, { method: 'DELETE' }).catch(() => {});
    }
    proxy.close();
    driver.stop();
  };
  env.SAFARIDRIVER_REMOTE = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (proxy.address()).port}/`;
}
console.log(
  `[browser-fixtures] tests/web.rs in ${engineId}, ${compat ? 'compat (scalar, no reference types)' : 'SIMD128'} build${release ? ', release profile' : ''}`,
);

const cargo = spawn(
  'cargo',
  [
    'test',
    ...(release ? ['--release'] : []),
    '--target',
    'wasm32-unknown-unknown',
    '--test',
    'web',
    '--',
    '--nocapture',
    ...filters,
  ],
  { cwd: ROOT, env, stdio: 'inherit' },
);
const code = await new Promise((resolve) => cargo.on('exit', (c, signal) => resolve(c ?? signal)));
await stop();
process.exit(typeof code === 'number' ? code : 1);

/**
 * A proxy to a WebDriver server that merges capabilities into each new-session request, and
 * notes the sessions created.
 * @param {string} base
 * @param {Record<string, unknown>} capabilities
 * @param {string[]} sessions
 */
function startCapabilityProxy(base, capabilities, sessions) {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', async () => {
      if (req.method === 'POST' && req.url === '/session') {
        const request = body ? JSON.parse(body) : {};
        request.capabilities ??= {};
        request.capabilities.alwaysMatch = { ...request.capabilities.alwaysMatch, ...capabilities };
        delete request.desiredCapabilities;
        body = JSON.stringify(request);
      }
      try {
        const response = await fetch(base + req.url, {
          method: req.method,
          headers: { 'Content-Type': 'application/json; charset=utf-8' },
          body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
        });
        const text = await response.text();
        if (req.method === 'POST' && req.url === '/session' && response.ok) {
          const id = JSON.parse(text).value?.sessionId;
          if (id) sessions.push(id);
        }
        res.writeHead(response.status, { 'Content-Type': 'application/json; charset=utf-8' });
        res.end(text);
      } catch (e) {
        res.writeHead(502);
        res.end(String(e));
      }
    });
  });
  return new Promise(
    /** @param {(server: http.Server) => void} resolve */
    (resolve) => server.listen(0, '127.0.0.1', () => resolve(server)),
  );
}
