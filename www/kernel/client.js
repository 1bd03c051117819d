// The page's side of the Python kernel: one Web Worker (kernel/worker.js) holding named
// sessions, runs queued in order, and a watchdog that restarts the worker if a run outlives
// WATCHDOG_MS (the interpreter's step budget normally stops runaway code long before).
//
//   const kernel = createKernelClient();
//   const result = await kernel.run('notebook', 'import numpy as np\nnp.random.randn(3)');
//   kernel.onRestart(() => ...);   // the worker was restarted: every session is gone

/** @import { RunResult } from '../python/session.js' */

/** A run that takes longer than this is stopped by restarting the worker. */
export const WATCHDOG_MS = 10_000;

/**
 * @typedef {{ run(session: string, code: string): Promise<RunResult>,
 *   restart(session: string): Promise<void>, close(session: string): Promise<void>,
 *   onRestart(listener: () => void): void, ready: Promise<void> }} KernelClient
 */

/** @returns {KernelClient} */
export function createKernelClient() {
  const workerUrl = new URL('./worker.js', import.meta.url);
  /** @type {Map<number, { resolve: (value: any) => void, timer: ReturnType<typeof setTimeout> }>} */
  const pending = new Map();
  /** @type {Array<() => void>} */
  const listeners = [];
  let nextId = 1;
  /** @type {Worker} */
  let worker;
  /** @type {Promise<void>} */
  let ready;

  function start() {
    worker = new Worker(workerUrl, { type: 'module' });
    ready = new Promise((resolve, reject) => {
      worker.addEventListener('message', (event) => {
        const data = event.data;
        if (data.type === 'ready') resolve();
        else if (data.type === 'failed') reject(new Error(data.message));
        else settle(data.id, data.type === 'result' ? data.result : undefined);
      });
      worker.addEventListener('error', (event) => reject(new Error(event.message)));
    });
  }

  /** @param {number} id @param {unknown} value */
  function settle(id, value) {
    const entry = pending.get(id);
    if (!entry) return;
    clearTimeout(entry.timer);
    pending.delete(id);
    entry.resolve(value);
  }

  /** Restarts the worker after a run outlived the watchdog; every session is lost. */
  function restartWorker() {
    worker.terminate();
    const stopped = {
      output: '',
      note: {
        kind: 'budget',
        text: `Stopped after ${WATCHDOG_MS / 1000} seconds; the Python kernel was restarted, so earlier variables are gone.`,
      },
      error: null,
      line: null,
      prints: [],
    };
    for (const [id] of pending) settle(id, stopped);
    start();
    for (const listener of listeners) listener();
  }

  /** @param {object} message @returns {Promise<any>} */
  async function send(message) {
    await ready;
    const id = nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(restartWorker, WATCHDOG_MS);
      pending.set(id, { resolve, timer });
      worker.postMessage({ id, ...message });
    });
  }

  start();
  return {
    run: (session, code) => send({ type: 'run', session, code }),
    restart: (session) => send({ type: 'restart', session }),
    close: (session) => send({ type: 'close', session }),
    onRestart: (listener) => listeners.push(listener),
    get ready() {
      return ready;
    },
  };
}
