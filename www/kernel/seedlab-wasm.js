// seedlab's WebAssembly as the page uses it: two modules built from the same crate (the core:
// the common calls of NumPy's legacy RandomState; the full module: the whole API; see
// wasm-files.js), seen as one package. `seedlab` resolves each name to the full module once that
// has loaded, before that to the core's; a name only the full module has throws PartNotLoaded
// until then. A RandomState made by the core moves to the full module (its whole state, so its
// stream goes on exactly) when code first calls a method the core leaves out (choice, shuffle,
// poisson, ...). The two modules compute the same numbers (scripts/build.sh and
// tests/node/core-wasm.test.mjs check it). On an engine without WebAssembly SIMD the compat build
// has no core: startCore loads its full module, and `seedlab` is that module from the start.
//
//   await startCore(compiledModule);      // (or with no argument: fetches the core itself)
//   const result = await runWhenReady(session, code);   // a Session over `seedlab`

import initCore, * as core from '../pkg/core/seedlab.js';
import { importedModules } from '../python/session.js';
import { BUILD, CORE_WASM, FULL_WASM, needFullModule } from './wasm-files.js';

/** @import { Session } from '../python/session.js' */
/** @typedef {typeof import('../pkg/seedlab.js')} SeedlabPackage */

/** A name of seedlab's API that only the full module has, used before that module loaded. */
export class PartNotLoaded extends Error {
  /** @param {string} name */
  constructor(name) {
    super(`seedlab's ${name} is in its full WebAssembly module, which has not loaded yet`);
    this.name = 'PartNotLoaded';
  }
}

/** @type {SeedlabPackage | null} */
let full = null;
/** @type {Promise<void> | null} */
let fullLoading = null;

/** Whether the full module has loaded. */
export function fullLoaded() {
  return full !== null;
}

/**
 * Instantiates the core module (from a compiled module, its URL by default: wasm-files.js's
 * CORE_WASM, which in the compat build is its full module, loaded by loadFull).
 * @param {WebAssembly.Module | URL} [module]
 */
export async function startCore(module = CORE_WASM) {
  if (BUILD === 'compat') await loadFull(module);
  else await initCore({ module_or_path: module });
}

/**
 * Loads the full module (once; from a compiled module or a URL, its own by default); `seedlab`
 * uses it from then on.
 * @param {WebAssembly.Module | URL} [module]
 */
export function loadFull(module = FULL_WASM) {
  // (The compat build has bindings of its own, without the externref table; the same API.)
  fullLoading ??= /** @type {Promise<SeedlabPackage>} */ (
    BUILD === 'compat' ? import('../pkg/compat/seedlab.js') : import('../pkg/seedlab.js')
  ).then(
    async (pkg) => {
      await pkg.default({ module_or_path: module });
      full = pkg;
    },
    (error) => {
      fullLoading = null; // a later call tries again
      throw error;
    },
  );
  return fullLoading;
}

/**
 * A RandomState of the core module that moves to the full module when a method the core leaves
 * out is called: get_state there, set_state here (key, position and cached gaussian: all of
 * the legacy generator's state).
 * @param {InstanceType<typeof core.RandomState>} made
 */
function movable(made) {
  /** @type {any} */
  let rng = made;
  return new Proxy(
    {},
    {
      get(_, name) {
        if (!(name in rng)) {
          if (!full) throw new PartNotLoaded(`RandomState.${String(name)}`);
          const { key, pos, hasGauss, cachedGaussian } = rng.getState();
          const moved = new full.RandomState(0);
          moved.setState('MT19937', key, pos, hasGauss, cachedGaussian);
          rng.free();
          rng = moved;
        }
        const value = rng[name];
        return typeof value === 'function' ? value.bind(rng) : value;
      },
    },
  );
}

/** The core's RandomState class, making movable generators. */
const CoreRandomState = new Proxy(core.RandomState, {
  construct: (target, args) => movable(new target(...args)),
});

/** seedlab's API over both modules (see above). */
export const seedlab = /** @type {SeedlabPackage} */ (
  new Proxy(
    {},
    {
      get(_, name) {
        if (full) return /** @type {any} */ (full)[name];
        if (typeof name !== 'string' || name === 'then') return undefined;
        if (name === 'RandomState') return CoreRandomState;
        if (name in core) return /** @type {any} */ (core)[name];
        throw new PartNotLoaded(name);
      },
    },
  )
);

/**
 * Runs code in a session once it can: after loading the code of the modules it imports, on the
 * core module alone if that is all the run needs. Code that imports torch, random or jax waits
 * for the full module (fetched alongside their code); so does a session that ran before, since
 * what an abandoned run changed in it could not be undone. Otherwise a run that reaches for the
 * full module before it has loaded is thrown away (its output unseen, the session restarted) and
 * run again once it has. `hooks.running` is called as the code starts
 * executing (each attempt), `hooks.loading` as it waits for seedlab's full module.
 * @param {Session} session  a Session over `seedlab`
 * @param {string} code
 * @param {{ running?: () => void, loading?: () => void }} [hooks]
 */
export async function runWhenReady(session, code, { running = () => {}, loading = () => {} } = {}) {
  const needsFull = !session.fresh || needFullModule(importedModules(code));
  if (needsFull && !full) loadFull().catch(() => {}); // (awaited below, with the code's modules)
  await session.prepare(code);
  if (needsFull && !full) {
    loading();
    await loadFull();
  }
  try {
    running();
    return session.run(code);
  } catch (error) {
    if (!(error instanceof PartNotLoaded)) throw error;
    loading();
    await loadFull();
    session.restart();
    running();
    return session.run(code);
  }
}
