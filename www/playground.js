// The playground: pick a library, function, seed (or none) and size; each Draw prints a row as
// Python would and plots a histogram of a large draw against the exact density.
import { errorText, FieldError } from './cells.js';
import { formatNumpyArray, formatTorchTensor } from './format.js';
import { el } from './dom.js';
import { errorIcon } from './icons.js';
import { binCounts, renderHistogram } from './plot.js';
import * as args from './python-args.js';
import { evalPython, pythonRepr } from './python-expr.js';
import { createRunLog } from './run-log.js';

export const SAMPLE_SIZE = 100_000;
const SAMPLE_TEXT = '100_000';

/** The settings, their defaults and their form controls' ids (play-<name>). */
export const PLAYGROUND_DEFAULTS = Object.freeze({
  lib: 'numpy',
  fn: 'randn',
  seed: '17',
  noseed: false,
  n: '5',
  low: '0',
  high: '10',
  loc: '0',
  scale: '1',
});

/** Which functions each library offers in seedlab's JS API, and which parameters each takes. */
export const FUNCTIONS = {
  numpy: ['rand', 'randn', 'randint', 'normal', 'uniform'],
  torch: ['rand', 'randn', 'randint'],
};
const PARAMETERS = {
  rand: [],
  randn: [],
  randint: ['low', 'high'],
  normal: ['loc', 'scale'],
  uniform: ['low', 'high'],
};

/** The Python that a set of settings stands for (as typed). */
export function playgroundCode(s) {
  const params = PARAMETERS[s.fn].map((p) => s[p]);
  const lines = [];
  if (s.lib === 'numpy') {
    const obj = s.noseed ? 'np.random' : 'rng';
    const call = (n) => `${obj}.${s.fn}(${[...params, n].join(', ')})`;
    lines.push('import numpy as np', '');
    if (!s.noseed) lines.push(`rng = np.random.RandomState(${s.seed})`);
    lines.push(`print(${call(s.n)})`, `sample = ${call(SAMPLE_TEXT)}  # plotted below`);
  } else {
    const call = (n) =>
      s.fn === 'randint' ? `torch.randint(${params.join(', ')}, (${n},))` : `torch.${s.fn}(${n})`;
    lines.push('import torch', '');
    if (!s.noseed) lines.push(`torch.manual_seed(${s.seed})`);
    lines.push(`print(${call(s.n)})`, `sample = ${call(SAMPLE_TEXT)}  # plotted below`);
  }
  return lines.join('\n');
}

const at = (field, f) => {
  try {
    return f();
  } catch (e) {
    throw e instanceof FieldError ? e : new FieldError(field, e);
  }
};

/**
 * Draws a row and the sample for settings s (texts as typed). Pure apart from the kernel's
 * generators. Returns { ok: true, line, sample, key } or { ok: false, field, error }.
 */
export function draw(s, kernel) {
  const owned = [];
  try {
    const value = (field) => at(field, () => evalPython(s[field]));
    const key = [s.lib, s.fn, s.noseed ? 'seed=none' : `seed=${safeRepr(s.seed)}`]
      .concat(PARAMETERS[s.fn].map((p) => `${p}=${safeRepr(s[p])}`), `n=${safeRepr(s.n)}`)
      .join(' ');
    let gen;
    if (s.lib === 'numpy') {
      if (s.noseed) gen = kernel.numpyGlobal;
      else {
        const seed = at('seed', () => args.numpySeed(value('seed')));
        gen = at('seed', () => new kernel.RandomState(seed));
        owned.push(gen);
      }
    } else if (s.noseed) gen = kernel.torchGlobal;
    else {
      const seed = at('seed', () => args.torchSeed(value('seed')));
      gen = at('seed', () => new kernel.TorchGenerator(seed));
      owned.push(gen);
    }

    const n = at('n', () => (s.lib === 'numpy' ? args.numpySize(value('n')) : args.torchSize(value('n'), s.fn)));
    let p = [];
    if (s.fn === 'randint') p = [at('low', () => args.intBound(value('low'))), at('high', () => args.intBound(value('high')))];
    if (s.fn === 'uniform') p = [at('low', () => args.realArg(value('low'))), at('high', () => args.realArg(value('high')))];
    if (s.fn === 'normal') p = [at('loc', () => args.realArg(value('loc'))), at('scale', () => args.realArg(value('scale')))];
    // The library's error says which argument was wrong: the size, or the parameters (low >= high,
    // scale < 0), which are blamed on the second one.
    const sizeError = /dimension|allocate|cannot be interpreted|argument 'size'/;
    const paramField = PARAMETERS[s.fn].length ? PARAMETERS[s.fn][1] : 'n';
    const call = (count) => {
      try {
        return gen[s.fn](...p, count);
      } catch (e) {
        throw new FieldError(sizeError.test(e.message) ? 'n' : paramField, e);
      }
    };
    const values = call(n);
    const isInt = s.fn === 'randint';
    const line =
      s.lib === 'numpy'
        ? formatNumpyArray(values, { dtype: isInt ? 'int64' : 'float64' })
        : formatTorchTensor(values, { dtype: isInt ? 'int64' : 'float32' });
    const sample = call(SAMPLE_SIZE);
    return { ok: true, line, sample, params: p, key };
  } catch (e) {
    if (e instanceof FieldError) return { ok: false, field: e.field, error: e.error };
    return { ok: false, field: null, error: e };
  } finally {
    for (const obj of owned) obj.free();
  }
}

function safeRepr(text) {
  try {
    return pythonRepr(evalPython(text));
  } catch {
    return String(text).trim();
  }
}

// ---------------------------------------------------------------------------------------------
// The histogram's bins and exact density for each function

const normalPdf = (loc, scale) => (x) => Math.exp(-0.5 * ((x - loc) / scale) ** 2) / (scale * Math.sqrt(2 * Math.PI));

function evenEdges(lo, hi, bins) {
  return Array.from({ length: bins + 1 }, (_, i) => (i === bins ? hi : lo + ((hi - lo) * i) / bins));
}

function fmt(x) {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6)));
}

/** { edges, curve, name } for the histogram of fn with parameters p, or null if degenerate. */
export function histogramSpec(fn, p) {
  if (fn === 'randn' || fn === 'normal') {
    const [loc, scale] = fn === 'randn' ? [0, 1] : p;
    if (!(scale > 0) || !Number.isFinite(scale)) return null;
    const lo = loc - 4.5 * scale;
    const hi = loc + 4.5 * scale;
    const pdf = normalPdf(loc, scale);
    const curve = evenEdges(lo, hi, 240).map((x) => [x, pdf(x)]);
    const name = fn === 'randn' ? 'the standard normal N(0, 1)' : `the normal N(${fmt(loc)}, ${fmt(scale)}²)`;
    return { edges: evenEdges(lo, hi, 60), curve, name };
  }
  if (fn === 'rand' || fn === 'uniform') {
    const [a, b] = fn === 'rand' ? [0, 1] : [Math.min(...p), Math.max(...p)];
    if (!(b > a)) return null;
    const d = 1 / (b - a);
    return { edges: evenEdges(a, b, 50), curve: [[a, d], [b, d]], name: `the uniform distribution on [${fmt(a)}, ${fmt(b)})` };
  }
  // randint: one bar per integer (or per group of integers), centred on the integers.
  const low = Number(p[0]);
  const high = Number(p[1]);
  const span = high - low;
  if (!(span >= 1)) return null;
  const group = Math.ceil(span / 60);
  const edges = [];
  for (let e = low - 0.5; e < high - 0.5; e += group) edges.push(e);
  edges.push(high - 0.5);
  const d = 1 / span;
  return {
    edges,
    curve: [[low - 0.5, d], [high - 0.5, d]],
    name: `the discrete uniform distribution on ${fmt(low)}, …, ${fmt(high - 1)}`,
    perInteger: group === 1,
  };
}

// ---------------------------------------------------------------------------------------------
// The form

/** Wires the playground form (already in the page). Returns { values(), setValues(), draw() }. */
export function mountPlayground(form, { kernel, values = {}, onChange = () => {} }) {
  const $ = (name) => form.querySelector(`#play-${name}`);
  const controls = Object.fromEntries(Object.keys(PLAYGROUND_DEFAULTS).map((name) => [name, $(name)]));
  const code = $('code');
  const figure = $('figure');
  const plot = $('histogram');
  const caption = $('caption');
  const status = $('status');
  const log = createRunLog($('runs'));
  let lastPlot = null;
  let lastWidth = 0;
  // Redraw at the new size when the figure's width changes (text keeps its size in pixels).
  new ResizeObserver(() => {
    const width = figure.clientWidth;
    if (lastPlot && width && width !== lastWidth) {
      lastWidth = width;
      renderHistogram(plot, { ...lastPlot, width });
    }
  }).observe(figure);

  function read() {
    const s = {};
    for (const [name, control] of Object.entries(controls)) {
      s[name] = control.type === 'checkbox' ? control.checked : control.value;
    }
    return s;
  }

  function write(s) {
    for (const [name, value] of Object.entries(s)) {
      const control = controls[name];
      if (!control) continue;
      if (control.type === 'checkbox') control.checked = value === true || value === '1' || value === 'true';
      else if (control.tagName === 'SELECT') {
        if ([...control.options].some((o) => o.value === value)) control.value = value;
      } else control.value = value;
    }
    sync();
  }

  /** Shows what applies to the current settings and the Python they stand for. */
  function sync() {
    const lib = controls.lib.value;
    for (const option of controls.fn.options) option.disabled = !FUNCTIONS[lib].includes(option.value);
    if (!FUNCTIONS[lib].includes(controls.fn.value)) controls.fn.value = 'randn';
    const fn = controls.fn.value;
    for (const field of form.querySelectorAll('[data-for]')) {
      field.hidden = !field.dataset.for.split(' ').includes(fn);
    }
    controls.seed.disabled = controls.noseed.checked;
    code.textContent = playgroundCode(read());
  }

  function clearErrors() {
    for (const slot of form.querySelectorAll('.field-error')) {
      slot.hidden = true;
      slot.replaceChildren();
    }
    for (const control of Object.values(controls)) {
      control.removeAttribute('aria-invalid');
      control.removeAttribute('aria-describedby');
    }
  }

  function showError(field, error) {
    const name = field && controls[field] ? field : 'n';
    const slot = $(`${name}-error`);
    const text = errorText(error);
    slot.replaceChildren(errorIcon(), el('span', { class: 'error-text' }, text));
    slot.hidden = false;
    controls[name].setAttribute('aria-invalid', 'true');
    controls[name].setAttribute('aria-describedby', slot.id);
    status.textContent = `Not drawn: ${text}`;
  }

  function drawNow() {
    clearErrors();
    const s = read();
    const result = draw(s, kernel);
    if (!result.ok) {
      showError(result.field, result.error);
      return result;
    }
    log.add(result.key, [result.line]);
    status.textContent = '';
    const spec = histogramSpec(s.fn, result.params);
    const lib = s.lib === 'numpy' ? 'np.random' : 'torch';
    if (!spec) {
      figure.hidden = true;
      lastPlot = null;
      return result;
    }
    const { counts, outside } = binCounts(result.sample, spec.edges);
    lastPlot = {
      edges: spec.edges,
      counts,
      total: SAMPLE_SIZE,
      curve: spec.curve,
      xLabel: 'value',
      yLabel: spec.perInteger ? 'probability' : 'density',
      barLabel: `sample: ${SAMPLE_SIZE.toLocaleString('en-US')} draws`,
      curveLabel: spec.perInteger ? 'exact probability' : 'exact density',
    };
    figure.hidden = false;
    renderHistogram(plot, { ...lastPlot, width: figure.clientWidth });
    caption.textContent =
      `Histogram of sample, ${SAMPLE_SIZE.toLocaleString('en-US')} values from ${lib}.${s.fn}, ` +
      `with the exact ${spec.perInteger ? 'probabilities' : 'density'} of ${spec.name}` +
      (outside ? ` (${outside.toLocaleString('en-US')} values lie outside the plotted range).` : '.');
    return result;
  }

  form.addEventListener('input', () => {
    sync();
    onChange();
  });
  form.addEventListener('change', () => {
    sync();
    onChange();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    drawNow();
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      drawNow();
    }
  });
  $('clear').addEventListener('click', () => {
    clearErrors();
    log.clear();
    status.textContent = 'Cleared.';
  });

  write({ ...PLAYGROUND_DEFAULTS, ...values });
  form.hidden = false;

  return {
    values: read,
    setValues: write,
    draw: drawNow,
    /** [key, value, default] entries for the URL. */
    entries() {
      const s = read();
      return Object.keys(PLAYGROUND_DEFAULTS).map((name) => [
        `play.${name}`,
        name === 'noseed' ? (s.noseed ? '1' : '') : s[name],
        name === 'noseed' ? '' : PLAYGROUND_DEFAULTS[name],
      ]);
    },
  };
}

