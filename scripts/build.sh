#!/usr/bin/env bash
# Builds the WebAssembly package into www/pkg/ (seedlab.js + seedlab_bg.wasm), then shrinks the
# .wasm with binaryen's wasm-opt (npm) and checks that the result still gives the same numbers;
# the page's first-screen module into www/pkg/core/ (the crate without its `full-api` feature:
# the common calls of NumPy's legacy RandomState), checked to give the full module's numbers; the
# editor bundle (www/vendor/); and the page's JavaScript bundles (www/dist/, scripts/bundle.mjs).
#
#   scripts/build.sh            (SKIP_SETUP=1 skips scripts/setup.sh, e.g. when test.sh ran it)
#   SIMD=0 scripts/build.sh     the scalar module, without WebAssembly SIMD (see src/simd.rs)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf '[build] %s\n' "$*"; }
die() { printf '[build] ERROR: %s\n' "$*" >&2; exit 1; }

if [ "${SKIP_SETUP:-0}" != 1 ]; then
  bash scripts/setup.sh
fi

# WebAssembly SIMD128 is on by default (.cargo/config.toml); SIMD=0 turns it off, building in a
# target directory of its own so that switching does not rebuild everything.
if [ "${SIMD:-1}" = 0 ]; then
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C target-feature=-simd128"
  export CARGO_TARGET_DIR=target/scalar
  say "SIMD=0: scalar build (no simd128)"
fi

# --mode no-install: use the wasm-bindgen on PATH (setup.sh matched it to Cargo.lock) and never
# download one. --no-pack: no package.json/README copy; www/pkg is served, not published.
# (Cargo.toml turns off wasm-pack's own wasm-opt, which it would download.)
say "wasm-pack build --target web --out-dir www/pkg --release"
wasm-pack build --mode no-install --target web --out-dir www/pkg --no-pack --release
rm -f www/pkg/.gitignore www/pkg/package.json # in case a wasm-pack version still writes them

# --- wasm-opt pass ---------------------------------------------------------------------------
# wasm-opt from the npm package binaryen (pinned in package-lock.json; setup.sh's `npm ci` installs
# it). It reads the features the module uses from its target_features section, so no --enable-*
# list is needed. Any failure stops the build: a shipped .wasm is always the optimised one, and it
# must load and give the same numbers as the plain build. NO_WASM_OPT=1 skips the pass on purpose.
# `optimise WASM GLUE` runs the pass on one module (loaded with its JS glue) and prints the
# module's fingerprint (scripts/wasm-smoke.mjs) on stdout.
WASM_OPT=node_modules/.bin/wasm-opt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
optimise() {
  local wasm=$1 glue=$2 before after
  [ -f "$wasm" ] || die "$wasm was not produced"
  before=$(node scripts/wasm-smoke.mjs "$wasm" "$glue") || die "$wasm does not load"
  if [ "${NO_WASM_OPT:-0}" = 1 ]; then
    say "NO_WASM_OPT=1: skipping wasm-opt" >&2
  else
    [ -x "$WASM_OPT" ] || die "$WASM_OPT not found: run npm ci (scripts/setup.sh does)"
    cp "$wasm" "$tmp/plain.wasm"
    say "$("$WASM_OPT" --version): wasm-opt -O3 $wasm" >&2
    "$WASM_OPT" -O3 "$tmp/plain.wasm" -o "$tmp/opt.wasm" || die "wasm-opt failed"
    after=$(node scripts/wasm-smoke.mjs "$tmp/opt.wasm" "$glue") || die "the optimised $wasm does not load"
    [ "$before" = "$after" ] || die "the optimised $wasm gives different numbers from the plain one"
    cp "$tmp/opt.wasm" "$wasm"
    say "wasm-opt: $(stat -c %s "$tmp/plain.wasm") -> $(stat -c %s "$wasm") bytes; loads and gives the same output" >&2
  fi
  printf '%s\n' "$before"
}

full_print=$(optimise www/pkg/seedlab_bg.wasm www/pkg/seedlab.js)

# --- the first-screen module: www/pkg/core/ --------------------------------------------------
# The same crate without its `full-api` feature: the bindings of NumPy's legacy RandomState
# without its sampling methods and further distributions (src/wasm/mod.rs), which is all the
# lesson's first cells and most embedded snippets run. The page loads it
# first and the full module when a run needs more (www/kernel/seedlab-wasm.js). cargo build +
# wasm-bindgen, as wasm-pack runs them, in a target directory of its own so that the two builds
# do not rebuild each other; the same SIMD setting. It must give the full module's numbers for
# every RandomState call the fingerprint makes. (Where Cargo.toml puts the bindings themselves
# behind a `wasm` feature, the core build turns that one on.)
core_features=(--no-default-features)
if grep -q '^wasm = ' Cargo.toml; then core_features+=(--features wasm); fi
say "cargo build --lib --release ${core_features[*]} -> www/pkg/core"
CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/core" \
  cargo build --lib --release --target wasm32-unknown-unknown "${core_features[@]}"
rm -rf www/pkg/core
wasm-bindgen --target web --out-dir www/pkg/core --out-name seedlab \
  "${CARGO_TARGET_DIR:-target}/core/wasm32-unknown-unknown/release/seedlab.wasm"
core_print=$(optimise www/pkg/core/seedlab_bg.wasm www/pkg/core/seedlab.js)
node -e '
  const [core, full] = process.argv.slice(1).map((text) => JSON.parse(text));
  const differ = Object.keys(core).filter((k) => JSON.stringify(core[k]) !== JSON.stringify(full[k]));
  if (differ.length) { console.error(`the core module differs from the full one in ${differ}`); process.exit(1); }
' "$core_print" "$full_print" || die "www/pkg/core gives different numbers from www/pkg"
say "www/pkg/core gives the full module's numbers"

# --- the code editor: CodeMirror 6 from npm (pinned in package-lock.json), bundled by esbuild into
# one ES module the page loads when an editor is needed; its types are the entry's re-exports.
ESBUILD=node_modules/.bin/esbuild
[ -x "$ESBUILD" ] || die "$ESBUILD not found: run npm ci (scripts/setup.sh does)"
mkdir -p www/vendor
"$ESBUILD" scripts/vendor/codemirror.mjs --bundle --minify --format=esm --target=es2020 \
  --legal-comments=eof --log-level=warning --outfile=www/vendor/codemirror.js
cp scripts/vendor/codemirror.mjs www/vendor/codemirror.d.ts
say "www/vendor/codemirror.js: $(stat -c %s www/vendor/codemirror.js) bytes"

# --- the page's JavaScript: www/dist/ (scripts/bundle.mjs) -------------------------------------
node scripts/bundle.mjs

for wasm in www/pkg/seedlab_bg.wasm www/pkg/core/seedlab_bg.wasm; do
  size=$(stat -c %s "$wasm")
  say "$wasm: $(awk -v b="$size" 'BEGIN { printf "%.1f KiB (%d bytes)", b / 1024, b }')"
done
