// Which browsers run seedlab, as the page tells a reader whose browser cannot. The page loads
// the SIMD128 build where the engine has WebAssembly SIMD, else the compat build
// (kernel/wasm-files.js, as pkg/index.js does); the oldest engine the tests run is Safari 16.0's
// (WebKit 2.38, with the compat build).
export const SUPPORTED_BROWSERS =
  'seedlab runs in current Chrome, Edge and Firefox, and in Safari 16 or newer.';
