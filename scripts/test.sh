#!/usr/bin/env bash
# The one command that sets up and runs every test, stopping at the first failure:
#   1. set-up (scripts/setup.sh: toolchain, browsers and their WebDriver servers, npm packages)
#   2. formatting (cargo fmt --check)          3. JS formatting and lints (Biome)
#   4. clippy: native, native without the `wasm` feature, wasm32, the page's first-screen module
#   5. native tests without the `wasm` feature (cargo test --no-default-features: every fixture,
#      the doctests), and a check that such a build has no wasm-bindgen, js-sys or JS backend
#   6. the crate: rustdoc with -D warnings, `cargo publish --dry-run`
#   7. build (scripts/build.sh): www/pkg (SIMD build and its first-screen core, compat build, the
#      loader), the editor bundle and the page's bundles (www/dist/)
#   8. browser tests of the crate (tests/web.rs): Chromium (SIMD and compat builds), Firefox,
#      WebKitGTK (SIMD), WPE WebKit 2.38 (compat)
#   9. the typed JS API (scripts/check-dts.mjs)  10. JS type check (tsc)
#  11. Node tests (tests/node/): the JS API, its fuzz test, the page and embed in Chromium,
#      Firefox, WebKitGTK and WPE WebKit
#  12. dist/ (scripts/dist.sh) served from /course/seedlab/ with no CSP header: the page checks
#  13. the npm package (scripts/pack.sh): installed from its tarball, in Node, a bundle, a page
# Exits non-zero, naming the failed step, if anything fails.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

TOTAL=13
step=0
current="(start)"
started=$SECONDS
if [ -t 1 ]; then bold=$'\033[1m' red=$'\033[1;31m' green=$'\033[1;32m' reset=$'\033[0m'; else bold='' red='' green='' reset=''; fi

step_started=$SECONDS
timings=()

# Ends the current step's clock (its time goes into the summary) and starts the next step.
section() {
  [ "$step" -gt 0 ] && timings+=("$(printf '%4ds  [%d] %s' $((SECONDS - step_started)) "$step" "${current%%:*}")")
  step=$((step + 1))
  current="$*"
  step_started=$SECONDS
  printf '\n%s==== [%d/%d] %s ====%s\n' "$bold" "$step" "$TOTAL" "$*" "$reset"
}

on_exit() {
  local status=$?
  timings+=("$(printf '%4ds  [%d] %s' $((SECONDS - step_started)) "$step" "${current%%:*}")")
  printf '\nTime per step:\n'
  printf '  %s\n' "${timings[@]}"
  if [ "$status" -ne 0 ]; then
    printf '\n%sFAILED at step %d/%d: %s (exit %d)%s\n' "$red" "$step" "$TOTAL" "$current" "$status" "$reset" >&2
  else
    printf '\n%sAll %d steps passed in %ds.%s\n' "$green" "$TOTAL" $((SECONDS - started)) "$reset"
  fi
}
trap on_exit EXIT

section "Set-up: toolchain, wasm-bindgen-cli, wasm-pack, browsers and WebDriver servers, npm packages"
bash scripts/setup.sh

section "Formatting: cargo fmt --all -- --check"
cargo fmt --all -- --check

section "JS formatting and lints: biome ci --error-on-warnings (www/, tests/node/)"
node_modules/.bin/biome ci --error-on-warnings

section "Lints: cargo clippy -D warnings (native; native --no-default-features; wasm32; the wasm32 core)"
cargo clippy --all-targets -- -D warnings
cargo clippy --all-targets --no-default-features -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
# The page's first-screen module: the crate without its `full-api` feature (scripts/build.sh).
CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/core" \
  cargo clippy --target wasm32-unknown-unknown --lib --release --no-default-features --features wasm -- -D warnings

section "Native tests without the wasm feature: cargo test --no-default-features (fixtures, doctests)"
# What a Rust user who turns the JS bindings off builds: no wasm-bindgen, js-sys or
# getrandom's JS backend, for any target (checked in the dependency tree, build deps included).
cargo build --no-default-features
if cargo tree --no-default-features --edges normal,build --target all --prefix none |
  grep -E '^(wasm-bindgen|js-sys|console_error_panic_hook) '; then
  echo "the build without the wasm feature depends on the crates above" >&2
  exit 1
fi
cargo test --no-default-features

section "The crate for crates.io: rustdoc -D warnings; cargo publish --dry-run"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --all-features
# Packs the crate (Cargo.toml's include list: sources, README, licences), builds it from the
# package as a user would, and stops before uploading. It reads the crates.io index, which the
# registry mirror serves; no token is needed. --allow-dirty: a developer's uncommitted work.
cargo publish --dry-run --allow-dirty
cargo package --list --allow-dirty | awk 'END { print NR " files in the crate" }'

section "Build: scripts/build.sh (www/pkg: SIMD build, its core, compat build, the loader; www/dist)"
SKIP_SETUP=1 bash scripts/build.sh

section "Browser tests of the crate (tests/web.rs) in Chromium, Firefox, WebKitGTK and WPE WebKit"
# Each exactness table says the engine it came from (from the user agent: WebKitGTK and WPE
# report Safari's version tokens). The whole suite runs in one page: the runner's default 20 s
# is too short for the slower engines.
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-600}"
echo "== Chromium $(chromium --version 2>/dev/null | awk '{print $2}'), SIMD128 build (wasm-pack test --chrome)"
# Debian's chromedriver, never a downloaded one; Chromium options come from ./webdriver.json.
wasm-pack test --mode no-install --headless --chrome --chromedriver "$(command -v chromedriver)" \
  -- --test web -- --nocapture
echo "== Firefox $(firefox-esr --version 2>/dev/null | awk '{print $NF}'), SIMD128 build (wasm-pack test --firefox)"
wasm-pack test --mode no-install --headless --firefox --geckodriver "$(command -v geckodriver)" \
  -- --test web -- --nocapture
# WebKit's JIT (2.38 and 2.50 alike) now and then miscomputes the unoptimised test module (the
# debug profile): zeros in SIMD lanes, a garbage slice length. The WebKit engines therefore run
# the release-profile tests, the code users get (see the README's "Browsers").
echo "== WebKitGTK $(dpkg-query -W -f='${Version}' libwebkit2gtk-4.1-0 2>/dev/null) (MiniBrowser), SIMD128 build, release profile"
node scripts/browser-fixtures.mjs webkit --release
echo "== WPE WebKit $(dpkg-query -W -f='${Version}' libwpewebkit-1.1-0 2>/dev/null) (cog; Safari 16.0's engine), compat build, release profile"
node scripts/browser-fixtures.mjs wpe --compat --release
# The same release-profile compat build (one build fewer than a debug one of its own).
echo "== Chromium, compat build (scalar, no reference types: www/pkg/compat), release profile"
node scripts/browser-fixtures.mjs chromium --compat --release

section "Typed JS API: node scripts/check-dts.mjs (no any, no snake_case in www/pkg/seedlab.d.ts)"
node scripts/check-dts.mjs

section "JS type check: tsc --noEmit, strict checkJs (www/, then tests/node/), against www/pkg"
node_modules/.bin/tsc -p tsconfig.json
node_modules/.bin/tsc -p tests/node/tsconfig.json

section "Node tests: node --test tests/node/ (JS API and its fuzz test; page and embed in every engine)"
node --test tests/node/

section "Static hosting: scripts/dist.sh; the page checks on dist/ at /course/seedlab/, no CSP header"
SKIP_BUILD=1 bash scripts/dist.sh
SEEDLAB_SITE=dist SEEDLAB_ENGINES=chromium,firefox,wpe \
  node --test tests/node/page.test.mjs tests/node/embed.test.mjs tests/node/page-generators.test.mjs

section "npm package: scripts/pack.sh; the tarball installed offline, in Node, a bundle, a page"
SKIP_BUILD=1 bash scripts/pack.sh
node --test tests/package/
