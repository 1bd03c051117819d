// The playground's histogram: bars of a large draw, scaled as a density, with the exact density
// drawn over them, in SVG (presentation attributes and CSS classes only; no inline styles).
import { svg } from '../ui/dom.js';
import { niceTicks, tickLabel } from './histogram.js';

const MARGIN = { left: 58, right: 14, top: 54, bottom: 50 };

/**
 * What renderHistogram draws.
 * @typedef {object} Histogram
 * @property {number} [width]   CSS pixels
 * @property {number[]} edges
 * @property {number[]} counts
 * @property {number} total     bars show counts / (total * bin width)
 * @property {Array<[number, number]>} curve   [[x, density], ...] the exact density
 * @property {string} xLabel
 * @property {string} yLabel
 * @property {string} barLabel
 * @property {string} curveLabel
 */

/**
 * The plot's size and its scales from data to SVG coordinates.
 * @typedef {object} Frame
 * @property {number} width
 * @property {number} height
 * @property {number} plotW
 * @property {number} plotH
 * @property {number} yMax
 * @property {(x: number) => number} sx
 * @property {(y: number) => number} sy
 */

/** @param {number} v */
const r = (v) => Math.round(v * 100) / 100;

/**
 * @param {Histogram} h
 * @param {number[]} heights
 * @returns {Frame}
 */
function frame(h, heights) {
  const width = Math.max(280, Math.round(h.width ?? 640));
  const height = Math.round(Math.min(380, Math.max(260, width * 0.5)));
  const x0 = h.edges[0];
  const x1 = h.edges[h.edges.length - 1];
  const yMax = Math.max(...heights, ...h.curve.map(([, y]) => y)) * 1.12 || 1;
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  return {
    width,
    height,
    plotW,
    plotH,
    yMax,
    sx: (x) => MARGIN.left + ((x - x0) / (x1 - x0)) * plotW,
    sy: (y) => MARGIN.top + plotH - (y / yMax) * plotH,
  };
}

/**
 * @param {Histogram} h
 * @param {number[]} heights
 * @param {Frame} f
 */
function bars({ edges, counts }, heights, { sx, sy }) {
  return svg(
    'g',
    { class: 'bars' },
    heights.map((height, i) =>
      svg('rect', {
        x: r(sx(edges[i])),
        y: r(sy(height)),
        width: r(Math.max(0, sx(edges[i + 1]) - sx(edges[i]) - (counts.length > 80 ? 0 : 1))),
        height: r(Math.max(0, sy(0) - sy(height))),
      }),
    ),
  );
}

/**
 * @param {Histogram} h
 * @param {Frame} f
 */
function xAxis({ edges, xLabel }, { width, height, plotW, sx, sy }) {
  const ticks = niceTicks(
    edges[0],
    edges[edges.length - 1],
    Math.max(3, Math.min(8, Math.floor(plotW / 70))),
  );
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
  return svg(
    'g',
    { class: 'axis x-axis' },
    svg('line', { x1: MARGIN.left, x2: width - MARGIN.right, y1: sy(0), y2: sy(0) }),
    ticks.map((t) =>
      svg(
        'g',
        null,
        svg('line', { x1: r(sx(t)), x2: r(sx(t)), y1: sy(0), y2: sy(0) + 5 }),
        svg('text', { x: r(sx(t)), y: sy(0) + 19, 'text-anchor': 'middle' }, tickLabel(t, step)),
      ),
    ),
    svg(
      'text',
      { class: 'axis-label', x: MARGIN.left + plotW / 2, y: height - 8, 'text-anchor': 'middle' },
      xLabel,
    ),
  );
}

/**
 * @param {Histogram} h
 * @param {Frame} f
 */
function yAxis({ yLabel }, { width, plotH, yMax, sy }) {
  const ticks = niceTicks(0, yMax, 5);
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
  return svg(
    'g',
    { class: 'axis y-axis' },
    svg('line', { x1: MARGIN.left, x2: MARGIN.left, y1: MARGIN.top, y2: sy(0) }),
    ticks.map((t) =>
      svg(
        'g',
        null,
        svg('line', {
          class: 'grid',
          x1: MARGIN.left,
          x2: width - MARGIN.right,
          y1: r(sy(t)),
          y2: r(sy(t)),
        }),
        svg(
          'text',
          { x: MARGIN.left - 8, y: r(sy(t)) + 4, 'text-anchor': 'end' },
          tickLabel(t, step),
        ),
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
}

/** @param {Histogram} h */
function legend({ barLabel, curveLabel }) {
  return svg(
    'g',
    { class: 'legend', transform: `translate(${MARGIN.left} 16)` },
    svg('rect', { class: 'legend-bar', x: 0, y: -9, width: 18, height: 10 }),
    svg('text', { x: 26, y: 0 }, barLabel),
    svg('line', { class: 'density', x1: 0, x2: 18, y1: 16, y2: 16 }),
    svg('text', { x: 26, y: 20 }, curveLabel),
  );
}

/**
 * Draws into svgElement (emptied first), h.width CSS pixels wide (text stays at its CSS size):
 *   edges, counts, total   the histogram (bars show counts / (total * bin width))
 *   curve                  [[x, density], ...] the exact density, drawn as a line
 *   xLabel, yLabel         axis labels
 *   barLabel, curveLabel   legend texts
 * @param {SVGSVGElement} svgElement
 * @param {Histogram} h
 */
export function renderHistogram(svgElement, h) {
  const { edges, counts, total, curve } = h;
  const heights = counts.map((c, i) => c / (total * (edges[i + 1] - edges[i])));
  const f = frame(h, heights);
  const line = svg('path', {
    class: 'density',
    d: curve.map(([x, y], i) => `${i ? 'L' : 'M'}${r(f.sx(x))},${r(f.sy(y))}`).join(''),
  });
  svgElement.setAttribute('viewBox', `0 0 ${f.width} ${f.height}`);
  svgElement.setAttribute('width', String(f.width));
  svgElement.setAttribute('height', String(f.height));
  svgElement.replaceChildren(yAxis(h, f), bars(h, heights, f), line, xAxis(h, f), legend(h));
}
