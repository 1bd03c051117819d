// The Python kernel's Web Worker: runs code in named sessions off the page's thread, so that
// the page stays responsive whatever the code does (the step budget stops endless loops; the
// client's watchdog restarts the worker as a last resort).
//
// Messages in:  { id, type: 'run', session, code } | { id, type: 'restart', session }
//               | { id, type: 'close', session }
// Messages out: { type: 'ready' } | { type: 'failed', message }
//               | { id, type: 'result', result: RunResult } | { id, type: 'done' }

import init, * as seedlab from '../pkg/seedlab.js';
import { Session } from '../python/session.js';

/** @import { RunResult } from '../python/session.js' */

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

/** @param {MessageEvent<{ id: number, type: string, session: string, code?: string }>} event */
function onMessage(event) {
  const { id, type, session: name, code } = event.data;
  if (type === 'run') {
    /** @type {RunResult} */
    const result = session(name).run(code ?? '');
    postMessage({ id, type: 'result', result });
  } else if (type === 'restart') {
    sessions.get(name)?.restart();
    postMessage({ id, type: 'done' });
  } else if (type === 'close') {
    sessions.delete(name);
    postMessage({ id, type: 'done' });
  }
}

init().then(
  () => {
    addEventListener('message', onMessage);
    postMessage({ type: 'ready' });
  },
  (/** @type {unknown} */ error) => postMessage({ type: 'failed', message: String(error) }),
);
