#!/usr/bin/env bash
# The one command that sets up and runs every test, stopping at the first failure:
#   1. set-up (scripts/setup.sh)              7. browser tests of the crate, SIMD and scalar builds
#   2. formatting (cargo fmt --check)         8. build www/pkg (scripts/build.sh)
#   3. JS formatting and lints (Biome)        9. the typed JS API (scripts/check-dts.mjs)
#   4. clippy, native                        10. JS type check (tsc, against www/pkg/seedlab.d.ts)
#   5. clippy, wasm32                        11. Node tests of the built package and page (tests/node/)
#   6. native tests (cargo test)
# Exits non-zero, naming the failed step, if anything fails.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

TOTAL=11
step=0
current="(start)"
started=$SECONDS
if [ -t 1 ]; then bold=$'\033[1m' red=$'\033[1;31m' green=$'\033[1;32m' reset=$'\033[0m'; else bold='' red='' green='' reset=''; fi

section() {
  step=$((step + 1))
  current="$*"
  printf '\n%s==== [%d/%d] %s ====%s\n' "$bold" "$step" "$TOTAL" "$*" "$reset"
}

on_exit() {
  local status=$?
  if [ "$status" -ne 0 ]; then
    printf '\n%sFAILED at step %d/%d: %s (exit %d)%s\n' "$red" "$step" "$TOTAL" "$current" "$status" "$reset" >&2
  else
    printf '\n%sAll %d steps passed in %ds.%s\n' "$green" "$TOTAL" $((SECONDS - started)) "$reset"
  fi
}
trap on_exit EXIT

section "Set-up: toolchain, wasm-bindgen-cli, wasm-pack, Chromium, npm packages (binaryen)"
bash scripts/setup.sh

section "Formatting: cargo fmt --all -- --check"
cargo fmt --all -- --check

section "JS formatting and lints: biome ci --error-on-warnings (www/, tests/node/)"
node_modules/.bin/biome ci --error-on-warnings

section "Lints (native): cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets -- -D warnings

section "Lints (wasm32): cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings"
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
# The page's first-screen module: the crate without its `full-api` feature (scripts/build.sh).
CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/core" \
  cargo clippy --target wasm32-unknown-unknown --lib --release --no-default-features -- -D warnings

section "Native tests: cargo test"
cargo test

section "Browser tests: wasm-pack test --headless --chrome, SIMD and scalar builds (tests/web.rs in Debian's Chromium)"
# Debian's chromedriver, never a downloaded one; Chromium options come from ./webdriver.json.
# `--test web -- --nocapture` prints the exactness figures (values compared, bit-identical).
# First the SIMD128 build (.cargo/config.toml; tests/web/simd.rs also compares its SIMD and scalar
# paths), then the scalar build (no simd128, its own target directory): the same fixtures.
# The runner's 20 s default is too short for the debug build on a busy two-core machine.
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-180}"
wasm-pack test --mode no-install --headless --chrome --chromedriver "$(command -v chromedriver)" \
  -- --test web -- --nocapture
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C target-feature=-simd128" CARGO_TARGET_DIR=target/scalar \
  wasm-pack test --mode no-install --headless --chrome --chromedriver "$(command -v chromedriver)" \
  -- --test web -- --nocapture

section "Build: scripts/build.sh (www/pkg)"
SKIP_SETUP=1 bash scripts/build.sh

section "Typed JS API: node scripts/check-dts.mjs (no any, no snake_case in www/pkg/seedlab.d.ts)"
node scripts/check-dts.mjs

section "JS type check: tsc --noEmit, strict checkJs (www/, then tests/node/), against www/pkg"
node_modules/.bin/tsc -p tsconfig.json
node_modules/.bin/tsc -p tests/node/tsconfig.json

section "Node tests: node --test tests/node/ (JS API, number formatting, server, page in Chromium)"
node --test tests/node/
