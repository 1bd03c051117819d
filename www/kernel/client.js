// The page's side of the Python kernel: one Web Worker (kernel/worker.js) holding named
// sessions, runs queued in order, and a watchdog that restarts the worker if a run executes for
// longer than WATCHDOG_MS (the interpreter's step budget normally stops runaway code long
// before; the time a run waits for code to load does not count).
//
//   const kernel = createKernelClient();
//   const result = await kernel.run('notebook', 'import numpy as np\nnp.random.randn(3)');
//   kernel.onRestart(() => ...);   // the worker was restarted: every session is gone
//
// The worker starts at once, and runs are posted to it at once: it queues them until seedlab's
// core module, which the page compiles (wasm-files.js) while the worker starts, has arrived.

import { compiledCore, takeKernelWorker } from './wasm-files.js';

/** @import { RunResult } from '../python/session.js' */

/** A run that executes for longer than this is stopped by restarting the worker. */
export const WATCHDOG_MS = 10_000;

/** What a run stopped by the watchdog shows. @type {RunResult} */
const STOPPED = {
  output: '',
  note: {
    kind: 'budget',
    text: `Stopped after ${WATCHDOG_MS / 1000} seconds; the Python kernel was restarted, so earlier variables are gone.`,
  },
  error: null,
  line: null,
  prints: [],
};

/**
 * @typedef {{ run(session: string, code: string): Promise<RunResult>,
 *   restart(session: string): Promise<void>, close(session: string): Promise<void>,
 *   onRestart(listener: () => void): void, ready: Promise<void> }} KernelClient
 * @typedef {{ resolve: (value: any) => void, reject: (error: Error) => void,
 *   timer: ReturnType<typeof setTimeout> | undefined }} Pending
 */

/**
 * Starts a kernel worker and sends it seedlab's core module. Resolves when the worker is ready;
 * `onMessage` gets every other message, `onFailure` the reason it could not start.
 * @param {(data: any) => void} onMessage
 * @param {(error: Error) => void} onFailure
 */
function startWorker(onMessage, onFailure) {
  const worker = takeKernelWorker();
  /** @type {Promise<void>} */
  const ready = new Promise((resolve, reject) => {
    /** @param {Error} error */
    const fail = (error) => {
      reject(error);
      onFailure(error);
    };
    worker.addEventListener('message', (event) => {
      if (event.data.type === 'ready') resolve();
      else if (event.data.type === 'failed') fail(new Error(event.data.message));
      else onMessage(event.data);
    });
    worker.addEventListener('error', (event) => fail(new Error(event.message)));
    compiledCore().then((core) => worker.postMessage({ type: 'start', core }), fail);
  });
  ready.catch(() => {}); // (a caller that awaits it sees the error)
  return { worker, ready };
}

/** @returns {KernelClient} */
export function createKernelClient() {
  /** @type {Map<number, Pending>} */
  const pending = new Map();
  /** @type {Array<() => void>} */
  const listeners = [];
  let nextId = 1;
  /** Why the worker could not start (its runs fail at once), or null. @type {Error | null} */
  let failure = null;

  /** @param {number} id @param {(entry: Pending) => void} settle */
  function finish(id, settle) {
    const entry = pending.get(id);
    if (!entry) return;
    clearTimeout(entry.timer);
    pending.delete(id);
    settle(entry);
  }

  /** Starts (on) or stops (off) the watchdog of run `id`. @param {number} id @param {boolean} on */
  function watch(id, on) {
    const entry = pending.get(id);
    if (!entry) return;
    clearTimeout(entry.timer);
    entry.timer = on ? setTimeout(restart, WATCHDOG_MS) : undefined;
  }

  /** @param {any} data */
  function onMessage(data) {
    if (data.type === 'started') watch(data.id, true);
    else if (data.type === 'loading') watch(data.id, false);
    else
      finish(data.id, (entry) => entry.resolve(data.type === 'result' ? data.result : undefined));
  }

  /** @param {Error} error */
  function onFailure(error) {
    failure = error;
    for (const [id] of pending) finish(id, (entry) => entry.reject(error));
  }

  let current = startWorker(onMessage, onFailure);

  /** Restarts the worker after a run outlived the watchdog; every session is lost. */
  function restart() {
    current.worker.terminate();
    for (const [id] of pending) finish(id, (entry) => entry.resolve(STOPPED));
    failure = null;
    current = startWorker(onMessage, onFailure);
    for (const listener of listeners) listener();
  }

  /** @param {object} message @returns {Promise<any>} */
  function send(message) {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, timer: undefined });
      current.worker.postMessage({ id, ...message });
    });
  }

  return {
    run: (session, code) => send({ type: 'run', session, code }),
    restart: (session) => send({ type: 'restart', session }),
    close: (session) => send({ type: 'close', session }),
    onRestart: (listener) => listeners.push(listener),
    get ready() {
      return current.ready;
    },
  };
}
