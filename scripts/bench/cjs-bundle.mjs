// Bundles CommonJS modules from node_modules into one classic script for the browser: each file
// becomes a function in a table, and a small require() resolves the specifiers Node resolved at
// bundling time. Enough for the benchmark's JS libraries (static require calls), with no bundler
// dependency. Node built-ins resolve to empty objects (the libraries only probe for them); a
// specifier Node cannot resolve (one quoted in a doc comment) throws only if it is ever loaded.
import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';

const REQUIRE_CALL = /\brequire\(\s*(['"])([^'"]+)\1\s*\)/g;

function resolve(requireFrom, spec) {
  try {
    return requireFrom.resolve(spec);
  } catch {
    return `missing:${spec}`;
  }
}

/**
 * A script that sets `globalThis[globalName]` to `{ name: module.exports }` for each of
 * `entries` ({ name: specifier }), resolved from `fromUrl` as Node resolves `require`.
 */
export function bundleCommonJs(entries, fromUrl, globalName) {
  const ids = new Map(); // absolute path or "builtin:x" -> index
  const sources = [];
  const add = (resolved) => {
    if (ids.has(resolved)) return ids.get(resolved);
    const id = sources.length;
    ids.set(resolved, id);
    sources.push(null);
    if (resolved.startsWith('builtin:')) {
      sources[id] = { body: 'module.exports = {};', deps: {} };
      return id;
    }
    if (resolved.startsWith('missing:')) {
      const message = JSON.stringify(`Cannot find module '${resolved.slice(8)}'`);
      sources[id] = { body: `throw new Error(${message});`, deps: {} };
      return id;
    }
    const text = fs.readFileSync(resolved, 'utf8');
    if (resolved.endsWith('.json')) {
      sources[id] = { body: `module.exports = ${text};`, deps: {} };
      return id;
    }
    const requireFrom = createRequire(resolved);
    const deps = {};
    for (const [, , spec] of text.matchAll(REQUIRE_CALL)) {
      if (spec in deps) continue;
      const bare = spec.replace(/^node:/, '');
      deps[spec] = add(
        builtinModules.includes(bare) ? `builtin:${bare}` : resolve(requireFrom, spec),
      );
    }
    sources[id] = { body: text, deps };
    return id;
  };
  const requireEntry = createRequire(fromUrl);
  const exported = Object.entries(entries).map(([name, spec]) => [
    name,
    add(requireEntry.resolve(spec)),
  ]);
  const table = sources
    .map(
      ({ body, deps }, id) =>
        `${id}: [function (module, exports, require) {\n${body}\n}, ${JSON.stringify(deps)}]`,
    )
    .join(',\n');
  return `(() => {
const table = {
${table}
};
const cache = {};
const load = (id) => {
  if (id in cache) return cache[id].exports;
  const module = { exports: {} };
  cache[id] = module;
  const [factory, deps] = table[id];
  factory.call(module.exports, module, module.exports, (spec) => load(deps[spec]));
  return module.exports;
};
globalThis[${JSON.stringify(globalName)}] = { ${exported.map(([name, id]) => `${JSON.stringify(name)}: load(${id})`).join(', ')} };
})();
`;
}
