#!/usr/bin/env bash
# Makes the npm package `seedlab` from the crate: builds www/pkg (scripts/build.sh, wasm-pack),
# lays the package out in target/npm/seedlab/ and packs it with `npm pack` into
# target/npm/seedlab-<version>.tgz (the version is Cargo.toml's).
#
#   scripts/pack.sh                 (SKIP_BUILD=1 packs the existing www/pkg)
#   npm publish target/npm/seedlab-<version>.tgz      to publish it (not done by any script here)
#
# The package (npm/ holds the files that are not built):
#   index.js, index.d.ts     browsers and bundlers: `await init()` loads the SIMD or compat build
#   node.js, node.d.ts       Node >= 20 (the "node" export condition): ready on import
#   seedlab.js, seedlab.d.ts, seedlab_bg.wasm       the SIMD build (wasm-bindgen's bindings; the
#                                                   declarations without wasm-bindgen's loader
#                                                   section, whose raw exports are typed `any`)
#   compat/seedlab.js, compat/seedlab_bg.wasm       the compat build
#   README.md, LICENSE-MIT, LICENSE-APACHE
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf '[pack] %s\n' "$*"; }
die() { printf '[pack] ERROR: %s\n' "$*" >&2; exit 1; }

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  bash scripts/build.sh
fi
for f in index.js index.d.ts seedlab.js seedlab.d.ts seedlab_bg.wasm compat/seedlab.js compat/seedlab_bg.wasm; do
  [ -f "www/pkg/$f" ] || die "www/pkg/$f missing: run scripts/build.sh"
done

version=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
[ -n "$version" ] || die "no version in Cargo.toml"

out=target/npm
pkg=$out/seedlab
rm -rf "$pkg"
mkdir -p "$pkg/compat"
cp www/pkg/index.js www/pkg/index.d.ts www/pkg/seedlab.js www/pkg/seedlab_bg.wasm "$pkg/"
cp www/pkg/compat/seedlab.js www/pkg/compat/seedlab_bg.wasm "$pkg/compat/"
cp npm/node.js npm/node.d.ts npm/README.md LICENSE-MIT LICENSE-APACHE "$pkg/"
# The API's declarations: everything before wasm-bindgen's loader section (index.d.ts and node.d.ts
# declare the package's own init()).
# The classes' [Symbol.dispose]() needs TypeScript's esnext.disposable library: the reference
# makes the declarations work with any `lib` setting.
{
  echo '/// <reference lib="esnext.disposable" />'
  awk '/^export type InitInput/ { exit } { print }' www/pkg/seedlab.d.ts
} >"$pkg/seedlab.d.ts"
node -e '
  const fs = require("node:fs");
  const [template, out, version] = process.argv.slice(1);
  const manifest = JSON.parse(fs.readFileSync(template, "utf8"));
  manifest.version = version;
  fs.writeFileSync(out, JSON.stringify(manifest, null, 2) + "\n");
' npm/package.json "$pkg/package.json" "$version"

node scripts/check-dts.mjs --whole "$pkg/seedlab.d.ts" "$pkg/index.d.ts" "$pkg/node.d.ts"

# Every file the manifest lists must be there, and nothing else may ship.
node -e '
  const fs = require("node:fs");
  const path = require("node:path");
  const dir = process.argv[1];
  const listed = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).files;
  const missing = listed.filter((f) => !fs.existsSync(path.join(dir, f)));
  if (missing.length) { console.error("[pack] ERROR: missing " + missing.join(", ")); process.exit(1); }
' "$pkg"

tarball=$(cd "$out" && npm pack ./seedlab --silent)
say "$out/$tarball: $(stat -c %s "$out/$tarball") bytes, seedlab@$version"
tar -tzf "$out/$tarball" | sed 's/^/[pack]   /'
