// Tests of the static server scripts/serve.mjs: MIME types, CSP header, index.html, traversal.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CSP, startServer } from '../../scripts/serve.mjs';

/**
 * GET with the path sent exactly as given (fetch would normalise "..", which we want to test).
 * @param {number} port
 * @param {string} rawPath
 * @returns {Promise<{ status: number | undefined, headers: http.IncomingHttpHeaders, body: Buffer }>}
 */
function get(port, rawPath) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method: 'GET' }, (res) => {
      /** @type {Buffer[]} */
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('scripts/serve.mjs', () => {
  /** @type {string} */
  let tmp;
  /** @type {http.Server} */
  let server;
  /** @type {number} */
  let port;

  before(async () => {
    // A throwaway root with one file of each kind, and a secret next to (outside) it.
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'seedlab-serve-'));
    const root = path.join(tmp, 'www');
    fs.mkdirSync(path.join(root, 'pkg'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
    fs.writeFileSync(path.join(root, 'main.js'), 'export {};');
    fs.writeFileSync(path.join(root, 'style.css'), 'body {}');
    fs.writeFileSync(path.join(root, 'pkg', 'index.html'), 'pkg index');
    fs.writeFileSync(
      path.join(root, 'pkg', 'm.wasm'),
      Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]),
    );
    fs.writeFileSync(path.join(tmp, 'secret.txt'), 'secret');
    ({ server, port } = await startServer({ port: 0, root }));
  });

  after(() => {
    server?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('serves index.html for / with text/html and the CSP header', async () => {
    const r = await get(port, '/');
    assert.equal(r.status, 200);
    assert.match(r.headers['content-type'] ?? '', /^text\/html/);
    assert.equal(r.headers['content-security-policy'], CSP);
    assert.equal(CSP, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'");
    assert.equal(r.body.toString(), '<!doctype html><title>t</title>');
  });

  test('MIME types: JavaScript, CSS, WebAssembly', async () => {
    assert.match((await get(port, '/main.js')).headers['content-type'] ?? '', /^text\/javascript/);
    assert.match((await get(port, '/style.css')).headers['content-type'] ?? '', /^text\/css/);
    const wasm = await get(port, '/pkg/m.wasm');
    assert.equal(wasm.status, 200);
    assert.equal(wasm.headers['content-type'], 'application/wasm');
    assert.equal(wasm.body.length, 8);
  });

  test('directories: redirect to the trailing slash, then index.html', async () => {
    const r = await get(port, '/pkg');
    assert.equal(r.status, 301);
    assert.equal(r.headers.location, '/pkg/');
    assert.equal((await get(port, '/pkg/')).body.toString(), 'pkg index');
  });

  test('missing files: 404 (with the CSP header too)', async () => {
    const r = await get(port, '/nope.js');
    assert.equal(r.status, 404);
    assert.equal(r.headers['content-security-policy'], CSP);
  });

  test('refuses path traversal', async () => {
    for (const p of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/pkg/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
    ]) {
      const r = await get(port, p);
      assert.ok(r.status === 403 || r.status === 404, `${p}: status ${r.status}`);
      assert.notEqual(r.body.toString(), 'secret', p);
    }
  });
});
