#!/usr/bin/env bash
# Builds the package, then serves www/ at http://127.0.0.1:PORT/ (default 8000) with the
# Content-Security-Policy the page must work under (see scripts/serve.mjs).
#
#   scripts/serve.sh [PORT]          (SKIP_BUILD=1 serves the existing build)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

port="${1:-8000}"
if ! [[ "$port" =~ ^[0-9]+$ ]] || [ "$port" -gt 65535 ]; then
  echo "usage: scripts/serve.sh [PORT]" >&2
  exit 2
fi

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  bash scripts/build.sh
fi

exec node scripts/serve.mjs "$port"
