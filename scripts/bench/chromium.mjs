// Runs the benchmark's cases inside headless Chromium (Debian's, driven by playwright-core): a
// blank page on a made-up origin whose files are served from this checkout (www/pkg, the
// cases module, the bundled JS libraries), cross-origin isolated for fine-grained timers.
import fs from 'node:fs';
import { chromium } from 'playwright-core';

const ORIGIN = 'http://bench.seedlab.invalid';
/** Debian's Chromium, headless, quiet (no background traffic that would disturb timings). */
export const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm' };

/**
 * Times the cases in Chromium: `{ results, floor, userAgent }` as `timeCases` returns them.
 * `files` maps URL paths to local files; `libsScript` is the bundled JS libraries.
 */
export async function timeInChromium({ executablePath, files, libsScript, n, repeat }) {
  const browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      const headers = {
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
      };
      if (path === '/') {
        return route.fulfill({
          body: '<!doctype html><title>bench</title>',
          contentType: 'text/html',
          headers,
        });
      }
      const file = files[path];
      if (!file) return route.fulfill({ status: 404, body: '' });
      const type = TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream';
      return route.fulfill({ body: fs.readFileSync(file), contentType: type, headers });
    });
    await page.goto(`${ORIGIN}/`);
    await page.addScriptTag({ content: libsScript });
    const result = await page.evaluate(
      async ({ n, repeat }) => {
        const seedlab = await import('/pkg/seedlab.js');
        await seedlab.default({ module_or_path: '/pkg/seedlab_bg.wasm' });
        const { timeCases } = await import('/cases.mjs');
        return {
          ...timeCases(seedlab, globalThis.__benchLibs, n, repeat),
          userAgent: navigator.userAgent,
        };
      },
      { n, repeat },
    );
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return result;
  } finally {
    await browser.close();
  }
}
