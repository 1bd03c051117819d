#!/usr/bin/env bash
# Builds what the page and the npm package load, into www/:
#   www/pkg/seedlab.js + seedlab_bg.wasm           the whole API, SIMD128 (.cargo/config.toml),
#                                                   with wasm-bindgen's externref table
#   www/pkg/core/seedlab.js + seedlab_bg.wasm      the page's first-screen module: the same crate
#                                                   without its `full-api` feature (the common
#                                                   calls of NumPy's legacy RandomState), SIMD128
#   www/pkg/compat/seedlab.js + seedlab_bg.wasm    the whole API, scalar and without reference
#                                                   types, for engines without SIMD (Safari
#                                                   16.0-16.3); it has no core of its own
#   www/pkg/index.js + index.d.ts                  the npm package's entry, which loads the build
#                                                   the engine can run; simd-support.js the same
#                                                   test for the page (scripts/pkg-index.mjs)
#   www/vendor/codemirror.js                       the code editor (esbuild)
#   www/dist/                                      the page's JavaScript bundles (scripts/bundle.mjs;
#                                                   not the top-level dist/ of scripts/dist.sh)
# Each .wasm is shrunk with binaryen's wasm-opt (npm) and checked to give the same numbers as
# before; the core and the compat module are checked to give the SIMD module's numbers.
#
#   scripts/build.sh            (SKIP_SETUP=1 skips scripts/setup.sh, e.g. when test.sh ran it)
#   SIMD=0 scripts/build.sh     the compat module only: www/pkg/compat/ (see src/simd.rs), e.g.
#                               to time the scalar paths; the page needs the whole build
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf '[build] %s\n' "$*"; }
die() { printf '[build] ERROR: %s\n' "$*" >&2; exit 1; }

if [ "${SKIP_SETUP:-0}" != 1 ]; then
  bash scripts/setup.sh
fi

WASM_OPT=node_modules/.bin/wasm-opt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
target_dir=${CARGO_TARGET_DIR:-target}

# --- wasm-opt pass ---------------------------------------------------------------------------
# wasm-opt from the npm package binaryen (pinned in package-lock.json; setup.sh's `npm ci` installs
# it). It reads the features the module uses from its target_features section, so no --enable-*
# list is needed. Any failure stops the build: a shipped .wasm is always the optimised one, and it
# must load and give the same numbers as the plain build. NO_WASM_OPT=1 skips the pass on purpose.
# `optimise WASM GLUE` runs the pass on one module (loaded with its JS glue) and prints the
# module's fingerprint (scripts/wasm-smoke.mjs) on stdout.
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

# `same_numbers PART WHOLE` checks that a module's fingerprint gives the whole module's numbers
# for every entry it has (the core has RandomState's alone).
same_numbers() {
  node -e '
    const [part, whole] = process.argv.slice(1).map((text) => JSON.parse(text));
    const differ = Object.keys(part).filter((k) => JSON.stringify(part[k]) !== JSON.stringify(whole[k]));
    if (differ.length) { console.error(`different numbers in ${differ}`); process.exit(1); }
  ' "$1" "$2"
}

# --- SIMD build: www/pkg/ --------------------------------------------------------------------
# --mode no-install: use the wasm-bindgen on PATH (setup.sh matched it to Cargo.lock) and never
# download one. --no-pack: no package.json/README copy (scripts/pack.sh makes the npm package).
# (Cargo.toml turns off wasm-pack's own wasm-opt, which it would download.)
full_print=""
if [ "${SIMD:-1}" != 0 ]; then
  say "wasm-pack build --target web --out-dir www/pkg --release (SIMD128)"
  wasm-pack build --mode no-install --target web --out-dir www/pkg --no-pack --release
  rm -f www/pkg/.gitignore www/pkg/package.json # in case a wasm-pack version still writes them
  full_print=$(optimise www/pkg/seedlab_bg.wasm www/pkg/seedlab.js)

  # --- the first-screen module: www/pkg/core/ ------------------------------------------------
  # The same crate with its `wasm` feature but without `full-api`: the bindings of NumPy's
  # legacy RandomState without its sampling methods and further distributions (src/wasm/mod.rs),
  # which is all the lesson's first cells and most embedded snippets run. The page loads it
  # first and the full module when a run needs more (www/kernel/seedlab-wasm.js). cargo build +
  # wasm-bindgen, as wasm-pack runs them, in a target directory of its own so that the two builds
  # do not rebuild each other; SIMD128 as the full module (engines without it load the compat
  # build alone). It must give the full module's numbers for every RandomState call the
  # fingerprint makes.
  say "cargo build --lib --release --no-default-features --features wasm -> www/pkg/core"
  CARGO_TARGET_DIR="$target_dir/core" \
    cargo build --lib --release --target wasm32-unknown-unknown --no-default-features --features wasm
  rm -rf www/pkg/core
  wasm-bindgen --target web --out-dir www/pkg/core --out-name seedlab \
    "$target_dir/core/wasm32-unknown-unknown/release/seedlab.wasm"
  core_print=$(optimise www/pkg/core/seedlab_bg.wasm www/pkg/core/seedlab.js)
  same_numbers "$core_print" "$full_print" || die "www/pkg/core gives different numbers from www/pkg"
  say "www/pkg/core gives the full module's numbers"
fi

# --- compat build: www/pkg/compat/ -----------------------------------------------------------
# No simd128, and no reference types: Rust's std comes precompiled with them, so its
# target_features section says +reference-types and wasm-bindgen would give the module an
# externref table; scripts/wasm-drop-feature.mjs takes that entry out, so wasm-bindgen keeps JS
# objects in a JS array instead. Safari 16.0's engine (WebKit 2.38) runs that, where the externref
# table code traps with "Out of bounds table access" once its baseline JIT compiles it. Its own
# target directory, so that switching does not rebuild everything.
say "cargo build --release (scalar, no reference types) -> www/pkg/compat"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C target-feature=-simd128,-reference-types" \
  CARGO_TARGET_DIR="$target_dir/compat" \
  cargo build --lib --release --target wasm32-unknown-unknown
node scripts/wasm-drop-feature.mjs "$target_dir/compat/wasm32-unknown-unknown/release/seedlab.wasm" \
  "$tmp/compat-raw.wasm" reference-types
rm -rf www/pkg/compat
wasm-bindgen --target web --out-dir www/pkg/compat --out-name seedlab "$tmp/compat-raw.wasm"
if grep -q externref www/pkg/compat/seedlab.js; then
  die "www/pkg/compat/seedlab.js still uses an externref table"
fi
compat_print=$(optimise www/pkg/compat/seedlab_bg.wasm www/pkg/compat/seedlab.js)
if [ -z "$full_print" ]; then
  say "SIMD=0: built www/pkg/compat only"
  exit 0
fi
[ "$full_print" = "$compat_print" ] || die "the compat build gives different numbers from the SIMD build"
say "the compat build gives the same numbers as the SIMD build"
node scripts/pkg-index.mjs www/pkg

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

for wasm in www/pkg/seedlab_bg.wasm www/pkg/core/seedlab_bg.wasm www/pkg/compat/seedlab_bg.wasm; do
  size=$(stat -c %s "$wasm")
  say "$wasm: $(awk -v b="$size" 'BEGIN { printf "%.1f KiB (%d bytes)", b / 1024, b }')"
done
