// The two row markers' icons (decorative: the text beside them says the same thing).
import { svg } from './dom.js';

/** @param {...SVGElement} children */
function icon(...children) {
  return svg(
    'svg',
    {
      class: 'icon',
      viewBox: '0 0 16 16',
      width: 16,
      height: 16,
      'aria-hidden': 'true',
      focusable: 'false',
    },
    ...children,
  );
}

/** Two bars: "=" for a row equal to an earlier one. */
export function sameIcon() {
  return icon(
    svg('path', {
      d: 'M3 5.5h10M3 10.5h10',
      'stroke-width': 2.2,
      'stroke-linecap': 'round',
      class: 'icon-stroke',
    }),
  );
}

/** A four-pointed star for a row never seen before. */
export function newIcon() {
  return icon(
    svg('path', {
      d: 'M8 1.5 9.6 6.4 14.5 8 9.6 9.6 8 14.5 6.4 9.6 1.5 8 6.4 6.4Z',
      class: 'icon-fill',
    }),
  );
}

/** A warning triangle for an error beside a field. */
export function errorIcon() {
  return icon(
    svg('path', { d: 'M8 1.8 15 14H1Z', class: 'icon-fill' }),
    svg('path', {
      d: 'M8 6v4M8 11.8v.2',
      'stroke-width': 1.8,
      'stroke-linecap': 'round',
      class: 'icon-cutout',
    }),
  );
}
