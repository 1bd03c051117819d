// The playground's figure: the histogram of a draw's sample against the exact density, with its
// caption, redrawn at the new size when the figure's width changes.
import { binCounts, histogramSpec } from './histogram.js';
import { renderHistogram } from './histogram-view.js';
import { SAMPLE_SIZE } from './libraries/spec.js';
/** @import { Distribution } from './histogram.js' */
/** @import { Histogram } from './histogram-view.js' */

/**
 * @param {{ figure: HTMLElement, plot: SVGSVGElement, caption: HTMLElement }} parts
 * @returns {{ show(sample: Iterable<number> | null, dist: Distribution | null, source: string): void }}
 */
export function createFigure({ figure, plot, caption }) {
  /** @type {Histogram | null} */
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

  /**
   * Plots sample (the values of source, following dist), or hides the figure when there is
   * nothing to plot.
   * @param {Iterable<number> | null} sample
   * @param {Distribution | null} dist
   * @param {string} source   what the caption names, e.g. "np.random.randn"
   */
  function show(sample, dist, source) {
    const spec = dist ? histogramSpec(...dist) : null;
    if (!spec || !sample) {
      figure.hidden = true;
      lastPlot = null;
      return;
    }
    const { counts, outside } = binCounts(sample, spec.edges);
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
      `Histogram of sample, ${SAMPLE_SIZE.toLocaleString('en-US')} values from ${source}, ` +
      `with the exact ${spec.perInteger ? 'probabilities' : 'density'} of ${spec.name}` +
      (outside
        ? ` (${outside.toLocaleString('en-US')} values lie outside the plotted range).`
        : '.');
  }

  return { show };
}
