// Prepares a copy of www/ (scripts/dist.sh) for hosts that send no headers: puts seedlab's CSP
// into every .html page as <meta http-equiv="Content-Security-Policy"> (right after the charset,
// before anything the page loads) and checks that no .html, .js or .css file refers to a
// root-absolute path ("/..."), which would break when the site is served from a sub-path.
//
//   node scripts/dist-html.mjs DIR
//
// Exits 1, naming each file and reference, if a check fails.
import fs from 'node:fs';
import path from 'node:path';
import { CSP } from './serve.mjs';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/dist-html.mjs DIR');
  process.exit(2);
}

/** @param {string} root @returns {string[]} */
function files(root) {
  return fs.readdirSync(root, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(root, entry.name);
    return entry.isDirectory() ? files(full) : [full];
  });
}

const META = `<meta http-equiv="Content-Security-Policy" content="${CSP}">`;
const problems = [];
let pages = 0;
for (const file of files(dir)) {
  const ext = path.extname(file);
  if (!['.html', '.js', '.mjs', '.css'].includes(ext)) continue;
  let text = fs.readFileSync(file, 'utf8');
  // References that would leave a sub-path: src="/...", href="/...", url(/...), import '/...'.
  const absolute = [
    /\b(?:src|href|action)\s*=\s*["']\/(?!\/)[^"']*/g,
    /\burl\(\s*["']?\/(?!\/)[^)"']*/g,
    /\b(?:import|from)\s*\(?\s*["']\/(?!\/)[^"']*/g,
  ];
  for (const pattern of absolute) {
    for (const [match] of text.matchAll(pattern)) problems.push(`${file}: root-absolute ${match}`);
  }
  if (ext !== '.html') continue;
  pages += 1;
  const existing = text.match(/<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>/i);
  if (existing) {
    if (!existing[0].includes(`content="${CSP}"`)) problems.push(`${file}: another CSP: ${existing[0]}`);
    continue;
  }
  const charset = text.match(/<meta\s+charset=[^>]*>/i);
  const head = text.match(/<head[^>]*>/i);
  const anchor = charset ?? head;
  if (!anchor || anchor.index === undefined) {
    problems.push(`${file}: no <head> to put the CSP in`);
    continue;
  }
  const at = anchor.index + anchor[0].length;
  text = `${text.slice(0, at)}\n  ${META}${text.slice(at)}`;
  fs.writeFileSync(file, text);
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
if (pages === 0) {
  console.error(`${dir}: no .html page`);
  process.exit(2);
}
console.log(`[dist] CSP meta in ${pages} page(s); no root-absolute reference`);
