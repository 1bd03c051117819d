// Bundles the page's ES modules (www/) into www/dist/ with esbuild (a pinned dev dependency), so
// that the browser fetches a few minified files instead of a waterfall of ~100 small ones:
//
//   node scripts/bundle.mjs          (scripts/build.sh runs it)
//
// Each entry below becomes www/dist/<name>.js, built on its own: the page scripts, the Python
// kernel's worker, two parts that a page imports with import() and that share little with it
// (the lesson cell of embed.html, the "Try your own code" cell), and the tiny script that starts
// compiling the wasm while the others load, with the module it shares with them. An import of another entry stays
// an import of that entry's bundle. What an entry loads with import() otherwise (the
// interpreter's torch, random and jax modules, seedlab's full wasm bindings, the playground) goes
// into chunks, fetched only then; code those share with the entry goes into chunks too, which
// the entry imports (one more round of requests, in parallel). The HTML pages load dist/<name>.js; www/'s plain modules stay
// the source (the Node tests import them). The CodeMirror bundle (www/vendor/, built before)
// stays a file of its own. Linked source maps point back to www/.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import * as esbuild from 'esbuild';

const www = fileURLToPath(new URL('../www/', import.meta.url));
const outdir = path.join(www, 'dist');

/** The entry points, under www/; www/dist/<file name> each. */
const ENTRIES = [
  'kernel/wasm-files.js',
  'kernel/start-core.js',
  'main.js',
  'embed.js',
  'notebook-page.js',
  'kernel/worker.js',
  'lesson/embed-cell-view.js',
  'notebook/own-code-view.js',
];

/** Each entry's source file -> the specifier of its bundle, from any file in www/dist/. */
const BUNDLES = new Map(ENTRIES.map((entry) => [path.join(www, entry), `./${path.basename(entry)}`]));

/**
 * Keeps an import of another entry an import of that entry's bundle.
 * @param {string} self  the entry being built
 * @returns {esbuild.Plugin}
 */
const otherEntriesExternal = (self) => ({
  name: 'other-entries-external',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      const file = path.resolve(args.resolveDir, args.path);
      const bundle = BUNDLES.get(file);
      return bundle && file !== self ? { path: bundle, external: true } : undefined;
    });
  },
});

fs.rmSync(outdir, { recursive: true, force: true });
const results = await Promise.all(
  ENTRIES.map((entry) =>
    esbuild.build({
      entryPoints: [path.join(www, entry)],
      plugins: [otherEntriesExternal(path.join(www, entry))],
      outdir,
      // Flat, so that kernel/client.js's `new URL('./worker.js', import.meta.url)` finds the
      // worker's bundle from whichever file the client lands in, as it finds kernel/worker.js
      // unbundled. (Chunks two builds share by content share a name, hence a file.)
      entryNames: '[name]',
      chunkNames: 'chunk-[hash]',
      bundle: true,
      splitting: true,
      format: 'esm',
      minify: true,
      target: 'esnext', // the source's own syntax, which browsers run unbundled as well
      external: ['../vendor/codemirror.js'],
      sourcemap: 'linked',
      sourcesContent: false,
      metafile: true,
      logLevel: 'warning',
    }),
  ),
);

/**
 * Makes an entry import every chunk it needs up front: a browser learns of a chunk's own imports
 * only once it has fetched and parsed the chunk, so a chain entry -> chunk -> chunk -> chunk
 * costs a round of requests (and a parse) per link; imported from the entry, they are fetched
 * together. (Each chunk still runs after the ones it imports, as ES modules do.) The source map
 * gets the added first line. Returns the chunks.
 * @param {esbuild.Metafile} metafile
 * @param {string} entry  its path in the metafile
 */
function importChunksUpFront(metafile, entry) {
  /** @type {Set<string>} */
  const chunks = new Set();
  const visit = (/** @type {string} */ file) => {
    for (const { path: imported, kind } of metafile.outputs[file].imports) {
      if (kind === 'import-statement' && !imported.startsWith('.') && !chunks.has(imported)) {
        chunks.add(imported);
        visit(imported);
      }
    }
  };
  visit(entry);
  if (chunks.size === 0) return chunks;
  const line = [...chunks].map((chunk) => `import"./${path.basename(chunk)}";`).join('');
  const file = path.resolve(entry);
  fs.writeFileSync(file, `${line}\n${fs.readFileSync(file, 'utf8')}`);
  const map = JSON.parse(fs.readFileSync(`${file}.map`, 'utf8'));
  map.mappings = `;${map.mappings}`;
  fs.writeFileSync(`${file}.map`, JSON.stringify(map));
  return chunks;
}

/** Size and gzip size of files (paths relative to the working directory, as in the metafile). */
const sizes = (/** @type {string[]} */ files) => {
  const bytes = files.map((file) => fs.readFileSync(path.resolve(file)));
  const raw = bytes.reduce((sum, b) => sum + b.length, 0);
  const gzip = bytes.reduce((sum, b) => sum + zlib.gzipSync(b).length, 0);
  return `${(raw / 1000).toFixed(1)} KB (${(gzip / 1000).toFixed(1)} KB gzip)`;
};
for (const [i, { metafile }] of results.entries()) {
  const files = Object.keys(metafile.outputs).filter((file) => file.endsWith('.js'));
  const entry = files.find((file) => metafile.outputs[file].entryPoint?.endsWith(ENTRIES[i]));
  if (!entry) throw new Error(`no bundle for ${ENTRIES[i]}`);
  const upFront = [entry, ...importChunksUpFront(metafile, entry)];
  console.log(
    `[bundle] ${entry}: ${sizes(upFront)} in ${upFront.length} files; ` +
      `${files.length - upFront.length} chunks loaded when needed`,
  );
}
