#!/usr/bin/env bash
# Builds the WebAssembly package into www/pkg/, in two builds with the same API and numbers:
#   www/pkg/seedlab.js + seedlab_bg.wasm                SIMD128 (.cargo/config.toml), with
#                                                       wasm-bindgen's externref table
#   www/pkg/compat/seedlab.js + seedlab_bg.wasm         scalar and without reference types, for
#                                                       engines without SIMD (Safari 16.0-16.3)
#   www/pkg/index.js + index.d.ts                       the entry that loads the one the engine
#                                                       can run (scripts/pkg-index.mjs)
# Each .wasm is shrunk with binaryen's wasm-opt (npm) and checked to give the same numbers as
# before, and the compat build the same numbers as the SIMD build.
#
#   scripts/build.sh            (SKIP_SETUP=1 skips scripts/setup.sh, e.g. when test.sh ran it)
#   SIMD=0 scripts/build.sh     the scalar module only: www/pkg/compat/ (see src/simd.rs)
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

# --- wasm-opt pass ---------------------------------------------------------------------------
# wasm-opt from the npm package binaryen (pinned in package-lock.json; setup.sh's `npm ci` installs
# it). It reads the features the module uses from its target_features section, so no --enable-*
# list is needed. Any failure stops the build: a shipped .wasm is always the optimised one, and it
# must load and give the same numbers as the plain build. NO_WASM_OPT=1 skips the pass on purpose.
# Prints the module's fingerprint (scripts/wasm-smoke.mjs) on stdout.
optimise() {
  local wasm=$1 glue=$2 before after
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
  local size
  size=$(stat -c %s "$wasm")
  say "$wasm: $(awk -v b="$size" 'BEGIN { printf "%.1f KiB (%d bytes)", b / 1024, b }')" >&2
  printf '%s\n' "$before"
}

# --- SIMD build: www/pkg/ --------------------------------------------------------------------
# --mode no-install: use the wasm-bindgen on PATH (setup.sh matched it to Cargo.lock) and never
# download one. --no-pack: no package.json/README copy (scripts/pack.sh makes the npm package).
# (Cargo.toml turns off wasm-pack's own wasm-opt, which it would download.)
simd_print=""
if [ "${SIMD:-1}" != 0 ]; then
  say "wasm-pack build --target web --out-dir www/pkg --release (SIMD128)"
  wasm-pack build --mode no-install --target web --out-dir www/pkg --no-pack --release
  rm -f www/pkg/.gitignore www/pkg/package.json # in case a wasm-pack version still writes them
  [ -f www/pkg/seedlab_bg.wasm ] || die "www/pkg/seedlab_bg.wasm was not produced"
  simd_print=$(optimise www/pkg/seedlab_bg.wasm www/pkg/seedlab.js)
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
  CARGO_TARGET_DIR=target/compat \
  cargo build --lib --release --target wasm32-unknown-unknown
node scripts/wasm-drop-feature.mjs target/compat/wasm32-unknown-unknown/release/seedlab.wasm \
  "$tmp/compat-raw.wasm" reference-types
rm -rf www/pkg/compat
wasm-bindgen --target web --out-dir www/pkg/compat --out-name seedlab "$tmp/compat-raw.wasm"
if grep -q externref www/pkg/compat/seedlab.js; then
  die "www/pkg/compat/seedlab.js still uses an externref table"
fi
compat_print=$(optimise www/pkg/compat/seedlab_bg.wasm www/pkg/compat/seedlab.js)
if [ -n "$simd_print" ]; then
  [ "$simd_print" = "$compat_print" ] || die "the compat build gives different numbers from the SIMD build"
  say "the compat build gives the same numbers as the SIMD build"
  node scripts/pkg-index.mjs www/pkg
fi
