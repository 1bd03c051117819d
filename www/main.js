// Runs the page's code cells with seedlab (WebAssembly) and prints the results as Python would.
import init, { RandomState, TorchGenerator } from './pkg/seedlab.js';
import { formatNumpyArray, formatTorchTensor } from './format.js';

const $ = (id) => document.getElementById(id);

/**
 * A seed as the user typed it: integers become BigInt (so values beyond 2**53 stay exact),
 * anything else is passed on as a Number for the library to reject as Python would.
 */
function parseSeed(text) {
  const t = text.trim().replace(/_/g, '');
  if (/^[-+]?\d+$/.test(t)) return BigInt(t);
  return t === '' ? NaN : Number(t);
}

/** "ValueError: message", the last line of the traceback Python would print. */
function pythonError(e) {
  return `${e && e.name ? e.name : 'Error'}: ${e && e.message !== undefined ? e.message : e}`;
}

/** Calls f(obj), then frees obj's WebAssembly memory. */
function using(obj, f) {
  try {
    return f(obj);
  } finally {
    obj.free();
  }
}

/** Runs f and returns its text, or the Python-style error line if it throws. */
function attempt(f) {
  try {
    return f();
  } catch (e) {
    return pythonError(e);
  }
}

const cells = {
  // np.random.seed(s); print(np.random.randn(5)), twice: one global state, reseeded each time
  'out-np-seed': ({ seed }) =>
    attempt(() =>
      using(new RandomState(seed), (global) => {
        const first = formatNumpyArray(global.randn(5));
        global.seed(seed);
        return first + '\n' + formatNumpyArray(global.randn(5));
      }),
    ),
  // print(np.random.RandomState(s).randn(5)), twice: two separate objects
  'out-np-rs': ({ rsSeed }) =>
    attempt(() =>
      [0, 1].map(() => using(new RandomState(rsSeed), (rs) => formatNumpyArray(rs.randn(5)))).join('\n'),
    ),
  // torch.manual_seed(s); print(torch.randn(5))
  'out-torch': ({ seed }) =>
    attempt(() => using(new TorchGenerator(seed), (gen) => formatTorchTensor(gen.randn(5)))),
};

function run() {
  const seedText = $('seed').value.trim();
  const rsSeedText = $('rs-seed').value.trim();
  const seeds = { seed: parseSeed(seedText), rsSeed: parseSeed(rsSeedText) };

  // Show the seeds inside the Python code as typed.
  for (const span of document.querySelectorAll('span.seed')) {
    span.textContent = span.dataset.seed === 'rs-seed' ? rsSeedText : seedText;
  }
  for (const [id, cell] of Object.entries(cells)) {
    $(id).textContent = cell(seeds);
  }
  $('status').textContent = `Ran with seed ${seedText} and RandomState seed ${rsSeedText}.`;
}

async function main() {
  const status = $('status');
  try {
    await init();
  } catch (e) {
    status.textContent =
      'Could not load the WebAssembly module, so the outputs shown are the precomputed ones ' +
      `for the default seeds. (${e && e.message ? e.message : e})`;
    return;
  }
  const form = $('controls');
  form.hidden = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  run();
  status.textContent = 'Ready: edit a seed and press Run.';
}

main();
