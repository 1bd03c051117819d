// The Python kernel's Web Worker: runs code in named sessions off the page's thread, so that
// the page stays responsive whatever the code does (the step budget stops endless loops; the
// client's watchdog restarts the worker as a last resort).
//
// Messages in:  { type: 'start', core: WebAssembly.Module }  (seedlab's core module, compiled
//                 by the page; the messages below may come before it and wait for it)
//               | { id, type: 'run', session, code } | { id, type: 'restart', session }
//               | { id, type: 'close', session }
// Messages out: { type: 'ready' } | { type: 'failed', message }
//               | { id, type: 'started' }  (the run's code is loaded and executing: the
//                 client's watchdog runs) | { id, type: 'loading' }  (waiting for seedlab's
//                 full module: it does not) | { id, type: 'result', result: RunResult }
//               | { id, type: 'done' }
//
// A run loads what it needs first (the interpreter's modules it imports, seedlab's full module
// when the core is not enough: seedlab-wasm.js); after the first run, the full module loads in
// the background, as later runs of a session need it.

import { Session } from '../python/session.js';
import { loadFull, runWhenReady, seedlab, startCore } from './seedlab-wasm.js';

/** @import { RunResult } from '../python/session.js' */

/** @type {(module: WebAssembly.Module) => void} */
let startWith = () => {};
/** The core module, instantiated once the page has sent it. */
const started = new Promise((resolve) => {
  startWith = resolve;
}).then((module) => startCore(/** @type {WebAssembly.Module} */ (module)));
started.then(
  () => postMessage({ type: 'ready' }),
  (/** @type {unknown} */ error) => postMessage({ type: 'failed', message: String(error) }),
);

/** @type {Map<string, Session>} */
const sessions = new Map();

/** @param {string} name */
function session(name) {
  let s = sessions.get(name);
  if (!s) {
    s = new Session(seedlab);
    sessions.set(name, s);
  }
  return s;
}

/** @param {number} id @param {Session} s @param {string} code */
async function run(id, s, code) {
  await Promise.all([started, s.prepare(code)]);
  /** @type {RunResult} */
  const result = await runWhenReady(s, code, {
    running: () => postMessage({ id, type: 'started' }),
    loading: () => postMessage({ id, type: 'loading' }),
  });
  postMessage({ id, type: 'result', result });
  setTimeout(() => loadFull().catch(() => {}), 0); // for later runs (a failure shows then)
}

/** @param {{ id: number, type: string, session: string, code?: string }} message */
async function handle({ id, type, session: name, code }) {
  if (type === 'run') {
    await run(id, session(name), code ?? '');
  } else if (type === 'restart') {
    sessions.get(name)?.restart();
    postMessage({ id, type: 'done' });
  } else if (type === 'close') {
    sessions.delete(name);
    postMessage({ id, type: 'done' });
  }
}

/** Messages are handled one after another, in the order they came. */
let queue = Promise.resolve();

addEventListener('message', (/** @type {MessageEvent} */ event) => {
  const message = event.data;
  if (message.type === 'start') {
    startWith(message.core);
    return;
  }
  queue = queue
    .then(() => handle(message))
    .catch((/** @type {unknown} */ error) => {
      // A failure of the kernel itself (seedlab could not load, a bug), not of the user's code.
      /** @type {RunResult} */
      const result = {
        output: '',
        note: { kind: 'limit', text: `The Python kernel failed: ${String(error)}` },
        error: null,
        line: null,
        prints: [],
      };
      postMessage({ id: message.id, type: 'result', result });
    });
});
