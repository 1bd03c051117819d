// The playground's histogram: bars of a large draw, scaled as a density, with the exact density
// drawn over them, in SVG (presentation attributes and CSS classes only; no inline styles).
import { svg } from './dom.js';

const MARGIN = { left: 58, right: 14, top: 54, bottom: 50 };

/** About `count` round tick values covering [min, max] (steps of 1, 2 or 5 times a power of 10). */
export function niceTicks(min, max, count = 6) {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks = [];
  const first = Math.ceil(min / step - 1e-9);
  for (let i = first; i * step <= max + step * 1e-9; i++) ticks.push(Number((i * step).toPrecision(12)));
  return ticks.length < 3 && count < 50 ? niceTicks(min, max, count * 2) : ticks;
}

/** Counts of values in the bins [edges[i], edges[i+1]) (the last bin includes its right edge). */
export function binCounts(values, edges) {
  const counts = new Array(edges.length - 1).fill(0);
  const lo = edges[0];
  const hi = edges[edges.length - 1];
  const uniform = edges.length > 2 && edges.every((e, i) => i === 0 || Math.abs(e - edges[i - 1] - (edges[1] - edges[0])) <= 1e-9 * Math.abs(hi - lo));
  const width = (hi - lo) / counts.length;
  let outside = 0;
  for (const v of values) {
    if (!(v >= lo && v <= hi)) {
      outside++;
      continue;
    }
    let i;
    if (uniform) {
      i = Math.min(counts.length - 1, Math.floor((v - lo) / width));
    } else {
      i = edges.findIndex((e, j) => j > 0 && v < e) - 1;
      if (i < 0) i = counts.length - 1;
    }
    counts[i]++;
  }
  return { counts, outside };
}

function tickLabel(value, step) {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e6 || abs < 1e-4) return value.toExponential(1).replace('e+', 'e');
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return value.toFixed(Math.min(decimals, 6));
}

/**
 * Draws into svgElement (emptied first), width CSS pixels wide (text stays at its CSS size):
 *   edges, counts, total   the histogram (bars show counts / (total * bin width))
 *   curve                  [[x, density], ...] the exact density, drawn as a line
 *   xLabel, yLabel         axis labels
 *   barLabel, curveLabel   legend texts
 */
export function renderHistogram(svgElement, { width = 640, edges, counts, total, curve, xLabel, yLabel, barLabel, curveLabel }) {
  const WIDTH = Math.max(280, Math.round(width));
  const HEIGHT = Math.round(Math.min(380, Math.max(260, WIDTH * 0.5)));
  const x0 = edges[0];
  const x1 = edges[edges.length - 1];
  const heights = counts.map((c, i) => c / (total * (edges[i + 1] - edges[i])));
  const yMax = Math.max(...heights, ...curve.map(([, y]) => y)) * 1.12 || 1;
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const sx = (x) => MARGIN.left + ((x - x0) / (x1 - x0)) * plotW;
  const sy = (y) => MARGIN.top + plotH - (y / yMax) * plotH;
  const r = (v) => Math.round(v * 100) / 100;

  const bars = svg(
    'g',
    { class: 'bars' },
    heights.map((h, i) =>
      svg('rect', {
        x: r(sx(edges[i])),
        y: r(sy(h)),
        width: r(Math.max(0, sx(edges[i + 1]) - sx(edges[i]) - (counts.length > 80 ? 0 : 1))),
        height: r(Math.max(0, sy(0) - sy(h))),
      }),
    ),
  );

  const line = svg('path', {
    class: 'density',
    d: curve.map(([x, y], i) => `${i ? 'L' : 'M'}${r(sx(x))},${r(sy(y))}`).join(''),
  });

  const xTicks = niceTicks(x0, x1, Math.max(3, Math.min(8, Math.floor(plotW / 70))));
  const xStep = xTicks.length > 1 ? xTicks[1] - xTicks[0] : 1;
  const yTicks = niceTicks(0, yMax, 5);
  const yStep = yTicks.length > 1 ? yTicks[1] - yTicks[0] : 1;

  const xAxis = svg(
    'g',
    { class: 'axis x-axis' },
    svg('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: sy(0), y2: sy(0) }),
    xTicks.map((t) =>
      svg(
        'g',
        null,
        svg('line', { x1: r(sx(t)), x2: r(sx(t)), y1: sy(0), y2: sy(0) + 5 }),
        svg('text', { x: r(sx(t)), y: sy(0) + 19, 'text-anchor': 'middle' }, tickLabel(t, xStep)),
      ),
    ),
    svg('text', { class: 'axis-label', x: MARGIN.left + plotW / 2, y: HEIGHT - 8, 'text-anchor': 'middle' }, xLabel),
  );

  const yAxis = svg(
    'g',
    { class: 'axis y-axis' },
    svg('line', { x1: MARGIN.left, x2: MARGIN.left, y1: MARGIN.top, y2: sy(0) }),
    yTicks.map((t) =>
      svg(
        'g',
        null,
        svg('line', { class: 'grid', x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: r(sy(t)), y2: r(sy(t)) }),
        svg('text', { x: MARGIN.left - 8, y: r(sy(t)) + 4, 'text-anchor': 'end' }, tickLabel(t, yStep)),
      ),
    ),
    svg(
      'text',
      {
        class: 'axis-label',
        x: 0,
        y: 0,
        transform: `translate(15 ${MARGIN.top + plotH / 2}) rotate(-90)`,
        'text-anchor': 'middle',
      },
      yLabel,
    ),
  );

  const legend = svg(
    'g',
    { class: 'legend', transform: `translate(${MARGIN.left} 16)` },
    svg('rect', { class: 'legend-bar', x: 0, y: -9, width: 18, height: 10 }),
    svg('text', { x: 26, y: 0 }, barLabel),
    svg('line', { class: 'density', x1: 0, x2: 18, y1: 16, y2: 16 }),
    svg('text', { x: 26, y: 20 }, curveLabel),
  );

  svgElement.setAttribute('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
  svgElement.setAttribute('width', WIDTH);
  svgElement.setAttribute('height', HEIGHT);
  svgElement.replaceChildren(yAxis, bars, line, xAxis, legend);
}
