#!/usr/bin/env bash
# Makes dist/: the page for any static host (GitHub Pages, Apache, nginx, `python3 -m http.server`),
# none of which sends seedlab's Content-Security-Policy header.
#
#   scripts/dist.sh                 (SKIP_BUILD=1 uses the existing www/pkg)
#
# dist/ is a copy of everything www/ holds after the build (pages, scripts, styles, images, pkg/,
# the page's bundles www/dist/ (so dist/dist/), the editor bundle, and whatever else is there),
# without TypeScript declarations, with:
#   - the CSP as <meta http-equiv="Content-Security-Policy"> in every .html page (the same
#     policy scripts/serve.mjs sends as a header; scripts/dist-html.mjs),
#   - a check that no page or module refers to a root-absolute path, so that the site works
#     from a sub-path such as https://example.org/course/seedlab/,
#   - .nojekyll, so that GitHub Pages serves the files as they are.
# tests/node (SEEDLAB_SITE=dist) serves it from /course/seedlab/ with no CSP header and runs the
# page checks there.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
say() { printf '[dist] %s\n' "$*"; }

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  bash scripts/build.sh
fi
for built in www/pkg/index.js www/pkg/core/seedlab_bg.wasm www/pkg/compat/seedlab_bg.wasm www/dist/main.js; do
  [ -f "$built" ] || { echo "[dist] ERROR: $built missing: run scripts/build.sh" >&2; exit 1; }
done

rm -rf dist
mkdir dist
# Everything in www/, whatever it holds; type declarations are for editors, not browsers.
(cd www && find . -type f ! -name '*.d.ts' -print0) |
  while IFS= read -r -d '' file; do
    mkdir -p "dist/$(dirname "$file")"
    cp "www/$file" "dist/$file"
  done
touch dist/.nojekyll
node scripts/dist-html.mjs dist
say "dist/: $(find dist -type f | wc -l) files, $(du -sh dist | cut -f1)"
