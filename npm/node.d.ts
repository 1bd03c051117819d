// seedlab for Node.js (>= 20): ready to use on import, no init() needed.
export * from './seedlab.js';
export type { InitOptions, WasmSource } from './index.js';
import type { InitOptions } from './index.js';

/** Whether this engine runs WebAssembly SIMD128: Node 20 does. */
export const simdSupported: true;

/** The build loaded at import. */
export const build: 'simd';

/** Resolves at once: the module was loaded when this one was imported. */
export default function init(options?: InitOptions): Promise<void>;
