// Checks the TypeScript declarations wasm-bindgen generated for seedlab's JS API: no `any` and no
// snake_case parameter name in a public signature.
//
//   node scripts/check-dts.mjs [www/pkg/seedlab.d.ts]   (after scripts/build.sh)
//   node scripts/check-dts.mjs --whole FILE.d.ts...     every line of each file (the npm package's
//                                                      declarations, which have no loader section)
//
// It checks every declaration generated from the crate: the type aliases, classes and functions
// that precede wasm-bindgen's own loader section (`export type InitInput` onwards: `InitOutput`
// lists the raw wasm exports, and `initSync` / `__wbg_init` are wasm-bindgen's, not ours).
// Exits 1, listing each offending line, if a signature fails; 2 if the file is not as expected.
import fs from 'node:fs';

const whole = process.argv[2] === '--whole';
const files = whole
  ? process.argv.slice(3)
  : [process.argv[2] ?? new URL('../www/pkg/seedlab.d.ts', import.meta.url).pathname];
const problems = [];
let signatures = 0;
for (const file of files) check(file);

/** Checks one declaration file, adding to problems and signatures. */
function check(file) {
const lines = fs.readFileSync(file, 'utf8').split('\n');

let loader = lines.findIndex((line) => line.startsWith('export type InitInput'));
if (whole) {
  loader = lines.length;
} else if (loader < 0) {
  console.error(`${file}: no "export type InitInput" line; is this wasm-bindgen's --target web output?`);
  process.exit(2);
}

let inComment = false;
lines.slice(0, loader).forEach((text, i) => {
  const line = text.trim();
  // Doc comments may say anything.
  if (line.startsWith('/*')) inComment = true;
  if (inComment) {
    if (line.includes('*/')) inComment = false;
    return;
  }
  if (line === '' || line === '}' || line.startsWith('//')) return;
  signatures += 1;
  const where = `${file}:${i + 1}: ${line}`;
  if (/\bany\b/.test(line)) problems.push(`"any" in ${where}`);
  // Parameter names: an identifier followed by ':' or '?:' inside the parentheses.
  const params = line.match(/\(([^()]*)\)/)?.[1] ?? '';
  for (const [, name] of params.matchAll(/(?:^|,)\s*(?:\.\.\.)?([A-Za-z_$][\w$]*)\??\s*:/g)) {
    if (name.includes('_')) problems.push(`snake_case parameter "${name}" in ${where}`);
  }
});
}

// A check that read nothing would pass anything: insist on the API being there.
if (signatures < 50) {
  console.error(`${files.join(', ')}: only ${signatures} declaration lines; expected the whole API`);
  process.exit(2);
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`${problems.length} problem(s) in the generated declarations`);
  process.exit(1);
}
console.log(`${files.join(', ')}: ${signatures} declaration lines, no "any" and no snake_case parameter`);
