// Makes the README's pictures, in Debian's Chromium (playwright-core):
//   docs/screenshot.png  the lesson's np.random.seed and RandomState sections after a few runs
//   docs/notebook.png    the notebook view after In [4] and In [2] ran twice
//
//   node scripts/screenshot.mjs [lesson | notebook] [OUT.png]    (after scripts/build.sh)
//
// The unseeded rows differ on every run, so the picture does too.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const which = process.argv[2] === 'notebook' ? 'notebook' : 'lesson';
const out = path.resolve(
  process.argv[3] ?? path.join(root, 'docs', which === 'notebook' ? 'notebook.png' : 'screenshot.png'),
);
const executablePath = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium']
  .filter(Boolean)
  .find((p) => fs.existsSync(p));
if (!executablePath) throw new Error('no Chromium found (set CHROMIUM_PATH)');

const { server, url } = await startServer({ port: 0 });
const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 940, height: 900 }, colorScheme: 'light' });
  if (which === 'notebook') {
    await notebook(page);
    process.exit(0);
  }
  await page.goto(url);
  await page.waitForSelector('html.is-ready');
  await page.click('#global-seed .run-button');
  await page.click('#global-seed .run-button');
  await page.click('#generators .run-button');
  await page.locator('#global-seed .run-button').focus();
  // Page coordinates (boundingBox() would be relative to the scrolled viewport).
  const [top, bottom] = await page.evaluate(() => [
    document.getElementById('global-seed').getBoundingClientRect().top + scrollY,
    document.querySelector('#generators .cell').getBoundingClientRect().bottom + scrollY,
  ]);
  const clip = { x: 0, y: Math.floor(top) - 16, width: 940, height: Math.ceil(bottom - top) + 32 };
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out, clip, fullPage: true });
  const size = fs.statSync(out).size;
  console.log(`${path.relative(root, out)}: ${clip.width}x${clip.height}, ${size} bytes`);
  if (size > 300_000) console.warn('warning: over 300 KB; the README picture should stay small');
} finally {
  await browser.close();
  server.close();
}

/** The notebook view after In [4] and In [2] ran a second time. @param {import('playwright-core').Page} page */
async function notebook(page) {
  try {
    await page.goto(`${url}notebook.html`);
    await page.waitForSelector('html.is-ready');
    for (const prompt of ['In [2]', 'In [4]']) {
      await page.click(`.nb-cell[data-prompt="${prompt}"] .run-button`);
      await page.waitForSelector(`.nb-cell[data-prompt="${prompt}"] .run[data-run="2"]`);
    }
    const [top, bottom] = await page.evaluate(() => [
      document.querySelector('.nb-cell[data-prompt="In [1]"]').getBoundingClientRect().top + scrollY,
      document.querySelector('.nb-cell[data-prompt="In [4]"]').getBoundingClientRect().bottom + scrollY,
    ]);
    const clip = { x: 0, y: Math.floor(top) - 16, width: 940, height: Math.ceil(bottom - top) + 32 };
    await page.screenshot({ path: out, clip, fullPage: true });
    console.log(`${path.relative(root, out)}: ${clip.width}x${clip.height}, ${fs.statSync(out).size} bytes`);
  } finally {
    await browser.close();
    server.close();
  }
}
