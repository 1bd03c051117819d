// Tiny DOM helpers. Attributes only (never style attributes, which the page's CSP blocks).
const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Attributes: false, null and undefined leave one out; true writes it empty.
 * @typedef {Record<string, string | number | boolean | null | undefined>} Attrs
 */
/**
 * Children: nodes, texts (numbers too), nested arrays; null, undefined and false are skipped.
 * @typedef {Node | string | number | boolean | null | undefined | Child[]} Child
 */

/**
 * @template {Element} E
 * @param {E} node
 * @param {Attrs | null | undefined} attrs
 * @param {Child[]} children
 * @returns {E}
 */
function build(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of /** @type {unknown[]} */ (children).flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/**
 * el('p', { class: 'x' }, 'text', otherNode)
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Attrs | null} [attrs]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/**
 * svg('rect', { x: 0, y: 0, width: 10, height: 10 })
 * @template {keyof SVGElementTagNameMap} K
 * @param {K} tag
 * @param {Attrs | null} [attrs]
 * @param {...Child} children
 * @returns {SVGElementTagNameMap[K]}
 */
export function svg(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

/**
 * Calls action on Ctrl+Enter (Cmd+Enter on a Mac) anywhere in form.
 * @param {HTMLFormElement} form
 * @param {() => void} action
 */
export function onCtrlEnter(form, action) {
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      action();
    }
  });
}
