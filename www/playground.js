// The playground: pick a library, function, seed (or none) and size; each Draw prints a row as
// the library would and plots a histogram of a large draw against the exact density. What each
// library offers is in playground-libs.js.
import { errorText, FieldError } from './cells.js';
import { el } from './dom.js';
import { errorIcon } from './icons.js';
import { binCounts, renderHistogram } from './plot.js';
import { blame, distribution, LIBRARIES, libraryCode, SAMPLE_SIZE, samples } from './playground-libs.js';
import { evalPython, pythonRepr } from './python-expr.js';
import { createRunLog } from './run-log.js';

export { SAMPLE_SIZE };

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
  pop: '10',
  replace: false,
});

/** The settings that are checkboxes (true/false; '1' in the URL). */
const CHECKBOXES = new Set(['noseed', 'replace']);

/** Which functions each library offers in seedlab's JS API: { numpy: ['rand', ...], ... }. */
export const FUNCTIONS = Object.fromEntries(
  Object.entries(LIBRARIES).map(([name, lib]) => [name, Object.keys(lib.functions)]),
);

/** The code that a set of settings stands for (as typed). */
export function playgroundCode(s) {
  return libraryCode(s);
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
 * generators. Returns { ok: true, line, sample, dist, key } (sample and dist null when nothing
 * is plotted) or { ok: false, field, error }.
 */
export function draw(s, kernel) {
  const lib = LIBRARIES[s.lib];
  if (!lib.functions[s.fn]) s = { ...s, fn: lib.defaultFn }; // as the form would select
  const spec = lib.functions[s.fn];
  const owned = [];
  try {
    const noseed = Boolean(s.noseed) && !lib.noSeedNote;
    const settings = { ...s, noseed };
    const key = [s.lib, s.fn, noseed ? 'seed=none' : `seed=${safeRepr(s.seed)}`]
      .concat(spec.params.map((p) => `${p}=${p === 'replace' ? Boolean(s.replace) : safeRepr(s[p])}`), `n=${safeRepr(s.n)}`)
      .join(' ');
    const seed = noseed ? undefined : at('seed', () => lib.seed(s.seed));
    const { gen, owned: isOwned } = at('seed', () => lib.generator(settings, seed, kernel));
    if (isOwned) owned.push(gen);
    const n = at('n', () => lib.size(s.n, s.fn, s));
    const p = {};
    for (const name of spec.params) p[name] = at(name, () => lib.param(name, s[name], s));
    const call = (count) => {
      try {
        return lib.call(gen, s.fn, spec, p, count, kernel, s);
      } catch (e) {
        throw new FieldError(blame(spec, e), e);
      }
    };
    const line = lib.print(spec, call(n));
    const plotted = samples(spec, settings);
    const sample = plotted ? call(SAMPLE_SIZE) : null;
    return { ok: true, line, sample, dist: plotted ? distribution(spec, p) : null, params: p, key };
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
  const codeBlock = code.closest('pre');
  const noseedNote = $('noseed-note');
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

  // The libraries, and each one's functions (filled in when the library changes).
  controls.lib.replaceChildren(
    ...Object.entries(LIBRARIES).map(([name, lib]) => el('option', { value: name }, lib.label)),
  );
  // Each parameter's setting, and its label's text (a library may name the parameter otherwise).
  const params = Object.fromEntries(
    [...form.querySelectorAll('[data-param]')].map((setting) => {
      const label = setting.querySelector('label');
      const named = label.querySelector('input') ? null : label; // a checkbox's label holds it
      return [setting.dataset.param, { setting, label: named, text: label.textContent }];
    }),
  );

  function read() {
    const s = {};
    for (const [name, control] of Object.entries(controls)) {
      s[name] = control.type === 'checkbox' ? control.checked : control.value;
    }
    return s;
  }

  function fillFunctions(libName, wanted) {
    const lib = LIBRARIES[libName];
    const names = Object.keys(lib.functions);
    if (controls.fn.dataset.lib !== libName) {
      controls.fn.replaceChildren(...names.map((name) => el('option', { value: name }, name)));
      controls.fn.dataset.lib = libName;
    }
    controls.fn.value = names.includes(wanted) ? wanted : lib.defaultFn;
  }

  function write(s) {
    const lib = s.lib && LIBRARIES[s.lib] ? s.lib : controls.lib.value || PLAYGROUND_DEFAULTS.lib;
    controls.lib.value = lib;
    fillFunctions(lib, s.fn ?? controls.fn.value);
    for (const [name, value] of Object.entries(s)) {
      const control = controls[name];
      if (!control || name === 'lib' || name === 'fn') continue;
      if (control.type === 'checkbox') control.checked = value === true || value === '1' || value === 'true';
      else control.value = value;
    }
    sync();
  }

  /** Shows what applies to the current settings and the code they stand for. */
  function sync() {
    const lib = LIBRARIES[controls.lib.value];
    fillFunctions(controls.lib.value, controls.fn.value);
    const spec = lib.functions[controls.fn.value];
    for (const [param, { setting, label, text }] of Object.entries(params)) {
      setting.hidden = !spec.params.includes(param);
      if (label) label.textContent = spec.labels?.[param] ?? text;
    }
    controls.noseed.disabled = Boolean(lib.noSeedNote);
    noseedNote.textContent = lib.noSeedNote ?? '';
    noseedNote.hidden = !lib.noSeedNote;
    controls.seed.disabled = controls.noseed.checked && !lib.noSeedNote;
    codeBlock.setAttribute('aria-label', `${lib.lang === 'rust' ? 'Rust' : lib.lang === 'r' ? 'R' : 'Python'} code`);
    code.textContent = playgroundCode(settings());
  }

  /** The settings as they apply: "no seed" only where the library has an unseeded generator. */
  function settings() {
    const s = read();
    if (LIBRARIES[s.lib].noSeedNote) s.noseed = false;
    return s;
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
    const name = field && controls[field] && $(`${field}-error`) ? field : 'n';
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
    const s = settings();
    const lib = LIBRARIES[s.lib];
    const result = draw(s, kernel);
    if (!result.ok) {
      showError(result.field, result.error);
      return result;
    }
    log.add(result.key, [result.line]);
    status.textContent = '';
    const spec = result.dist ? histogramSpec(...result.dist) : null;
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
      `Histogram of sample, ${SAMPLE_SIZE.toLocaleString('en-US')} values from ${lib.source(s)}, ` +
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
    /** [key, value, default] entries for the URL (checkboxes: '1' when checked). */
    entries() {
      const s = read();
      return Object.keys(PLAYGROUND_DEFAULTS).map((name) =>
        CHECKBOXES.has(name)
          ? [`play.${name}`, s[name] ? '1' : '', PLAYGROUND_DEFAULTS[name] ? '1' : '']
          : [`play.${name}`, s[name], PLAYGROUND_DEFAULTS[name]],
      );
    },
  };
}
