#!/usr/bin/env bash
# Builds the WebAssembly package into www/pkg/ (seedlab.js + seedlab_bg.wasm), then shrinks the
# .wasm with Debian's wasm-opt when it is available and the result provably still works.
#
#   scripts/build.sh            (SKIP_SETUP=1 skips scripts/setup.sh, e.g. when test.sh ran it)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf '[build] %s\n' "$*"; }

if [ "${SKIP_SETUP:-0}" != 1 ]; then
  bash scripts/setup.sh
fi

# --mode no-install: use the wasm-bindgen on PATH (setup.sh matched it to Cargo.lock) and never
# download one. --no-pack: no package.json/README copy; www/pkg is served, not published.
# (Cargo.toml turns off wasm-pack's own wasm-opt, which it would download.)
say "wasm-pack build --target web --out-dir www/pkg --release"
wasm-pack build --mode no-install --target web --out-dir www/pkg --no-pack --release
rm -f www/pkg/.gitignore www/pkg/package.json # in case a wasm-pack version still writes them

wasm=www/pkg/seedlab_bg.wasm
[ -f "$wasm" ] || { echo "[build] ERROR: $wasm was not produced" >&2; exit 1; }

# --- optional wasm-opt pass ------------------------------------------------------------------
# Rust 1.95 emits these post-MVP features by default for wasm32-unknown-unknown; binaryen 108
# predates those defaults, so each one has to be enabled explicitly.
WASM_OPT_FEATURES=(
  --enable-bulk-memory
  --enable-nontrapping-float-to-int
  --enable-sign-ext
  --enable-mutable-globals
  --enable-multivalue
  --enable-reference-types
)

if [ "${NO_WASM_OPT:-0}" = 1 ]; then
  say "NO_WASM_OPT=1: skipping wasm-opt"
elif command -v wasm-opt >/dev/null 2>&1; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  cp "$wasm" "$tmp/plain.wasm"
  say "$(wasm-opt --version): wasm-opt -O3 ${WASM_OPT_FEATURES[*]}"
  # Optimise; repair the table export binaryen < 110 gets wrong (see fix-table-exports.mjs);
  # re-validate; then check the result loads and gives the same numbers as the plain build.
  if wasm-opt -O3 "${WASM_OPT_FEATURES[@]}" "$tmp/plain.wasm" -o "$tmp/opt.wasm" &&
     node scripts/fix-table-exports.mjs "$tmp/plain.wasm" "$tmp/opt.wasm" &&
     wasm-opt --quiet "${WASM_OPT_FEATURES[@]}" "$tmp/opt.wasm" -o /dev/null &&
     before=$(node scripts/wasm-smoke.mjs "$tmp/plain.wasm") &&
     after=$(node scripts/wasm-smoke.mjs "$tmp/opt.wasm") &&
     [ "$before" = "$after" ]; then
    cp "$tmp/opt.wasm" "$wasm"
    say "wasm-opt: $(stat -c %s "$tmp/plain.wasm") -> $(stat -c %s "$wasm") bytes; loads and gives the same output"
  else
    echo "[build] WARNING: wasm-opt failed, or its output did not load or changed the results;" \
         "keeping the unoptimised .wasm" >&2
    cp "$tmp/plain.wasm" "$wasm"
  fi
else
  say "WARNING: wasm-opt not found (Debian package binaryen); keeping the unoptimised .wasm"
fi

size=$(stat -c %s "$wasm")
say "$wasm: $(awk -v b="$size" 'BEGIN { printf "%.1f KiB (%d bytes)", b / 1024, b }')"
