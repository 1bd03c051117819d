// A W3C WebDriver client (the classic HTTP protocol, over fetch) for the system browsers the
// page is checked in besides Chromium: Firefox (geckodriver), WebKitGTK (WebKitWebDriver driving
// MiniBrowser under Xvfb) and WPE WebKit (WPEWebDriver driving cog headless). No browser is
// downloaded: each engine is the Debian package setup.sh installs (geckodriver from crates.io).
// Not a test file; browser.mjs and webdriver-page.mjs use it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/**
 * An engine driven over WebDriver.
 * `build` is the seedlab build www/pkg/index.js loads there (WPE 2.38 has no WebAssembly SIMD).
 * @typedef {{ id: string, name: string, driver: string, display?: boolean,
 *   capabilities: Record<string, unknown>, requires: string[], build: 'simd' | 'compat' }}
 *   WebDriverEngine
 */

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** @type {WebDriverEngine[]} */
export const WEBDRIVER_ENGINES = [
  {
    id: 'firefox',
    name: 'Firefox',
    driver: 'geckodriver',
    requires: ['firefox-esr'],
    build: 'simd',
    capabilities: {
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: '/usr/bin/firefox-esr',
        args: ['-headless'],
        prefs: { 'browser.shell.checkDefaultBrowser': false, 'app.update.enabled': false },
      },
    },
  },
  {
    id: 'webkit',
    name: 'WebKitGTK',
    driver: 'WebKitWebDriver',
    display: true,
    requires: [MINIBROWSER, 'Xvfb'],
    build: 'simd',
    capabilities: { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } },
  },
  {
    id: 'wpe',
    name: 'WPE WebKit',
    driver: 'WPEWebDriver',
    requires: ['cog'],
    build: 'compat',
    capabilities: {
      'wpe:browserOptions': { binary: 'cog', args: ['--automation', '--platform=headless'] },
    },
  },
];

/** The absolute path of a program, or undefined. @param {string} name */
export function which(name) {
  if (name.includes('/')) return fs.existsSync(name) ? name : undefined;
  const home = process.env.CARGO_HOME ?? path.join(process.env.HOME ?? '/root', '.cargo');
  const dirs = [...(process.env.PATH ?? '').split(':'), path.join(home, 'bin')];
  return dirs.map((dir) => path.join(dir, name)).find((p) => p && fs.existsSync(p));
}

/** Why an engine cannot run here, or '' when it can. @param {WebDriverEngine} engine */
export function missing(engine) {
  const absent = [engine.driver, ...engine.requires].filter((p) => !which(p));
  return absent.length
    ? `not installed: ${absent.join(', ')} (scripts/setup.sh installs them)`
    : '';
}

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(address.port));
    });
  });
}

/**
 * Starts a process, keeping the last of its output for error messages.
 * @param {string} command
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} [env]
 */
function startProcess(command, args, env = process.env) {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (/** @type {Buffer} */ chunk) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, output: () => output };
}

/** Starts Xvfb on a display it picks itself (-displayfd): resolves to { display, stop() }. */
function startXvfb() {
  return new Promise((resolve, reject) => {
    const child = spawn(
      /** @type {string} */ (which('Xvfb')),
      ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
    );
    let number = '';
    const fd = /** @type {import('node:stream').Readable} */ (child.stdio[3]);
    fd.on('data', (chunk) => {
      number += chunk.toString();
      if (number.includes('\n')) {
        resolve({ display: `:${number.trim()}`, stop: () => child.kill() });
      }
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
  });
}

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the engine's WebDriver server (under its own Xvfb display if it needs one) on a free
 * port: resolves to { base (its URL), stop() } once it answers.
 * @param {WebDriverEngine} engine
 */
export async function startDriver(engine) {
  /** @type {Array<() => void>} */
  const stops = [];
  const stop = () => {
    for (const s of stops.reverse()) s();
  };
  try {
    const env = { ...process.env };
    if (engine.display) {
      const xvfb = await startXvfb();
      stops.push(xvfb.stop);
      env.DISPLAY = xvfb.display;
    }
    const port = await freePort();
    const driver = startProcess(
      /** @type {string} */ (which(engine.driver)),
      [`--port=${port}`],
      env,
    );
    stops.push(() => driver.child.kill());
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      const ready = await fetch(`${base}/status`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) break;
      if (i > 100 || driver.child.exitCode !== null) {
        throw new Error(`${engine.driver} did not start: ${driver.output()}`);
      }
      await sleep(100);
    }
    return { base, stop };
  } catch (e) {
    stop();
    throw e;
  }
}

export const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** A WebDriver session with the driver (and display) it started. */
export class WebDriverSession {
  /**
   * @param {WebDriverEngine} engine
   * @param {string} base  the driver's URL
   * @param {string} id  the session id
   * @param {Record<string, unknown>} capabilities  as the driver returned them
   * @param {() => void} stop  ends the driver and display
   */
  constructor(engine, base, id, capabilities, stop) {
    this.engine = engine;
    this.base = base;
    this.id = id;
    this.capabilities = capabilities;
    this.stop = stop;
  }

  /** The browser as its driver names it, e.g. "firefox 153.8.0", "MiniBrowser 2.50.6". */
  get browser() {
    return `${this.capabilities.browserName} ${this.capabilities.browserVersion}`;
  }

  /**
   * Starts the engine's driver and a session in a new browser.
   * @param {WebDriverEngine} engine
   */
  static async start(engine) {
    const { base, stop } = await startDriver(engine);
    try {
      const created = /** @type {{ sessionId: string, capabilities: Record<string, unknown> }} */ (
        await request(base, 'POST', '/session', {
          capabilities: { alwaysMatch: engine.capabilities },
        })
      );
      const session = new WebDriverSession(
        engine,
        base,
        created.sessionId,
        created.capabilities,
        stop,
      );
      await session.command('POST', '/timeouts', { script: 60_000, pageLoad: 60_000, implicit: 0 });
      return session;
    } catch (e) {
      stop();
      throw e;
    }
  }

  /**
   * A command in this session: /session/{id}{path}.
   * @param {'GET' | 'POST' | 'DELETE'} method
   * @param {string} suffix
   * @param {unknown} [body]
   */
  command(method, suffix, body) {
    return request(this.base, method, `/session/${this.id}${suffix}`, body);
  }

  /**
   * Runs a function body in the page (the current frame) with these arguments; resolves to
   * what it returns (a returned Promise is awaited by the browser).
   * @param {string} body
   * @param {unknown[]} [args]
   */
  execute(body, args = []) {
    return this.command('POST', '/execute/sync', { script: body, args });
  }

  /** Ends the session, the browser, the driver and the display. */
  async close() {
    try {
      await this.command('DELETE', '');
    } finally {
      this.stop();
    }
  }
}

/**
 * @param {string} base
 * @param {'GET' | 'POST' | 'DELETE'} method
 * @param {string} url
 * @param {unknown} [body]
 * @returns {Promise<unknown>}
 */
async function request(base, method, url, body) {
  const response = await fetch(base + url, {
    method,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
  });
  const text = await response.text();
  /** @type {{ value?: { error?: string, message?: string } & Record<string, unknown> }} */
  const json = text ? JSON.parse(text) : {};
  if (!response.ok) {
    const error = json.value ?? {};
    throw new Error(`WebDriver ${method} ${url}: ${error.error}: ${error.message}`);
  }
  return json.value ?? null;
}
