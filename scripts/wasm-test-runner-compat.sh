#!/usr/bin/env bash
# cargo's runner for the compat build's browser tests (scripts/browser-fixtures.mjs --compat):
# the test module without the `reference-types` entry that Rust's precompiled std puts in its
# target_features section (scripts/wasm-drop-feature.mjs), so that wasm-bindgen-test-runner's
# wasm-bindgen keeps JS objects in a JS array instead of an externref table, as the compat build
# of the page does (scripts/build.sh). Then wasm-bindgen-test-runner, with the same arguments.
set -euo pipefail
wasm=$1
shift
compat="${wasm%.wasm}-compat.wasm"
node "$(dirname "${BASH_SOURCE[0]}")/wasm-drop-feature.mjs" "$wasm" "$compat" reference-types
exec wasm-bindgen-test-runner "$compat" "$@"
