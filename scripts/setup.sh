#!/usr/bin/env bash
# Installs what building and testing seedlab needs, and only what is missing:
#   - Rust target wasm32-unknown-unknown, rustfmt and clippy (rustup)
#   - wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock (cargo install)
#   - wasm-pack (cargo install)
#   - the browsers the tests run in, and their WebDriver servers (apt, unless SETUP_BROWSERS=0):
#     chromium + chromium-driver; firefox-esr (+ geckodriver, cargo install); webkit2gtk-driver
#     (WebKitGTK's MiniBrowser) + xvfb; wpewebkit-driver + cog (WPE WebKit 2.38, Safari 16.0's
#     engine)
#   - node_modules from package-lock.json (npm ci; includes binaryen, whose wasm-opt build.sh runs)
# Safe to run again: when everything is present it only checks, in a few seconds.
# Downloads come from package registries only (crates.io, Debian, npm): wasm-pack is never
# allowed to fetch its own wasm-bindgen, chromedriver or wasm-opt, and no browser is downloaded.
#
#   SETUP_BROWSERS=0 scripts/setup.sh     build tools only (the GitHub Pages workflow)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

# cargo installs into ~/.cargo/bin; make it visible even in a non-login shell.
if ! command -v cargo >/dev/null 2>&1 && [ -f "$HOME/.cargo/env" ]; then
  # shellcheck disable=SC1091
  . "$HOME/.cargo/env"
fi
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

command -v cargo >/dev/null 2>&1 || die "cargo not found: install Rust with rustup (https://rustup.rs) first"
command -v node >/dev/null 2>&1 || die "node not found: install Node.js 20 or newer first"
command -v npm >/dev/null 2>&1 || die "npm not found: install Node.js 20 or newer (with npm) first"

# --- Rust target and components ---------------------------------------------------------------
if command -v rustup >/dev/null 2>&1; then
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
  installed_components=$(rustup component list --installed)
  for component in rustfmt clippy; do
    if ! grep -q "^${component}" <<<"$installed_components"; then
      say "rustup component add $component"
      rustup component add "$component"
    fi
  done
else
  say "WARNING: rustup not found; assuming the wasm32-unknown-unknown target, rustfmt and clippy are installed"
fi

# --- wasm-bindgen-cli: must equal the wasm-bindgen crate version in Cargo.lock -----------------
if [ ! -f Cargo.lock ]; then
  say "Cargo.lock missing: cargo generate-lockfile"
  cargo generate-lockfile
fi
want_bindgen=$(awk '
  /^\[\[package\]\]/ { in_pkg = 0 }
  $0 == "name = \"wasm-bindgen\"" { in_pkg = 1; next }
  in_pkg && /^version = / { gsub(/version = |"/, ""); print; exit }
' Cargo.lock)
[ -n "$want_bindgen" ] || die "no wasm-bindgen package in Cargo.lock"

have_bindgen=""
if command -v wasm-bindgen >/dev/null 2>&1; then
  have_bindgen=$(wasm-bindgen --version | awk '{print $2}')
fi
if [ "$have_bindgen" != "$want_bindgen" ]; then
  say "wasm-bindgen-cli ${have_bindgen:-missing}, Cargo.lock wants $want_bindgen: cargo install wasm-bindgen-cli --version $want_bindgen"
  # No --locked: its lock file pins a dependency that has since been yanked.
  cargo install wasm-bindgen-cli --version "$want_bindgen" --force
fi

# --- wasm-pack ---------------------------------------------------------------------------------
if ! command -v wasm-pack >/dev/null 2>&1; then
  say "cargo install wasm-pack"
  cargo install wasm-pack
fi

# --- geckodriver (Firefox's WebDriver server), from crates.io -----------------------------------
GECKODRIVER_VERSION=0.37.1
if [ "${SETUP_BROWSERS:-1}" != 0 ]; then
  have_gecko=""
  if command -v geckodriver >/dev/null 2>&1; then
    have_gecko=$(geckodriver --version | awk 'NR == 1 { print $2 }')
  fi
  if [ "$have_gecko" != "$GECKODRIVER_VERSION" ]; then
    say "geckodriver ${have_gecko:-missing}: cargo install geckodriver --version $GECKODRIVER_VERSION"
    cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked --force
  fi
fi

# --- Debian packages: the browsers and their WebDriver servers -----------------------------------
debs=()
if [ "${SETUP_BROWSERS:-1}" != 0 ]; then
  debs=(chromium chromium-driver firefox-esr webkit2gtk-driver xvfb wpewebkit-driver cog)
fi
if [ "${#debs[@]}" -eq 0 ]; then
  :
elif command -v dpkg-query >/dev/null 2>&1; then
  missing_debs=()
  for pkg in "${debs[@]}"; do
    if [ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)" != "install ok installed" ]; then
      missing_debs+=("$pkg")
    fi
  done
  if [ "${#missing_debs[@]}" -gt 0 ]; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
      command -v sudo >/dev/null 2>&1 || die "need root or sudo to install: ${missing_debs[*]}"
      sudo="sudo"
    fi
    say "apt-get install ${missing_debs[*]}"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing_debs[@]}"
  fi
else
  say "WARNING: not a Debian system; install ${debs[*]} yourself"
fi

# --- Node packages: playwright-core (never downloads a browser itself), binaryen (wasm-opt) ------
# npm writes node_modules/.package-lock.json on every install: reinstall when the lock file is newer.
if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] ||
   [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi

say "ok: $(rustc --version | awk '{print $1, $2}'), wasm-bindgen $want_bindgen, $(wasm-pack --version)," \
    "node $(node --version)"
