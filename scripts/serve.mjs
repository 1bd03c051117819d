// A small static file server for www/ (no dependencies), with the Content-Security-Policy the
// page must work under.
//
//   node scripts/serve.mjs [PORT] [ROOT]      defaults: 8000, www/ next to this script
//
// In tests:  const { server, url } = await startServer({ port: 0 });  ...  server.close();
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** @type {Record<string, string>} */
export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.ts': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

const DEFAULT_ROOT = fileURLToPath(new URL('../www/', import.meta.url));

/**
 * The headers of every response: the CSP (none when csp is null, as a plain static host sends
 * none) and a few hardening headers.
 * @param {string | null} csp
 * @returns {Record<string, string>}
 */
function securityHeaders(csp) {
  return {
    ...(csp === null ? {} : { 'Content-Security-Policy': csp }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}

/**
 * The request handler: serves files under root (an absolute directory path), with the CSP
 * header csp (default: CSP; null: no CSP header, as GitHub Pages or `python3 -m http.server`).
 * @param {string} [root]
 * @param {{ csp?: string | null }} [options]
 * @returns {http.RequestListener}
 */
export function createHandler(root = DEFAULT_ROOT, { csp = CSP } = {}) {
  const base = path.resolve(root);
  const SECURITY_HEADERS = securityHeaders(csp);
  /**
   * @param {http.ServerResponse} res
   * @param {number} status
   * @param {string} body
   * @param {Record<string, string>} [headers]
   */
  const send = (res, status, body, headers = {}) => {
    res.writeHead(status, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/plain; charset=utf-8',
      ...headers,
    });
    res.end(body);
  };
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      send(res, 400, 'Bad Request\n');
      return;
    }
    // Refuse anything that could leave root: "..", NUL bytes, backslashes.
    if (pathname.includes('\0') || pathname.includes('\\') || pathname.split('/').includes('..')) {
      send(res, 403, 'Forbidden\n');
      return;
    }
    let file = path.join(base, pathname);
    if (file !== base && !file.startsWith(base + path.sep)) {
      send(res, 403, 'Forbidden\n');
      return;
    }

    fs.stat(file, (err, st) => {
      if (!err && st.isDirectory()) {
        if (!pathname.endsWith('/')) {
          // Redirect so that relative URLs in index.html resolve inside the directory.
          send(res, 301, 'Moved Permanently\n', { Location: pathname + '/' });
          return;
        }
        file = path.join(file, 'index.html');
      }
      fs.stat(file, (err2, st2) => {
        if (err2 || !st2.isFile()) {
          send(res, 404, 'Not Found\n');
          return;
        }
        const type = MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
        res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': st2.size });
        if (req.method === 'HEAD') {
          res.end();
          return;
        }
        fs.createReadStream(file)
          .on('error', () => res.destroy())
          .pipe(res);
      });
    });
  };
}

/**
 * Starts the server. port 0 picks a free port. Resolves to { server, port, url }.
 * @param {{ port?: number, host?: string, root?: string, csp?: string | null }} [options]
 * @returns {Promise<{ server: http.Server, port: number, url: string }>}
 */
export function startServer({ port = 8000, host = '127.0.0.1', root = DEFAULT_ROOT, csp = CSP } = {}) {
  const server = http.createServer(createHandler(root, { csp }));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({ server, port: actual, url: `http://${host}:${actual}/` });
    });
  });
}

// Run as a CLI when executed directly (not when imported by tests).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 8000);
  const root = process.argv[3] ? path.resolve(process.argv[3]) : DEFAULT_ROOT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve.mjs: bad port ${process.argv[2]}`);
    process.exit(2);
  }
  const { url } = await startServer({ port, root });
  console.log(`Serving ${root} at ${url}  (Ctrl+C to stop)`);
}
