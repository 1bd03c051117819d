// Tiny DOM helpers. Attributes only (never style attributes, which the page's CSP blocks).
const SVG_NS = 'http://www.w3.org/2000/svg';

function build(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** el('p', { class: 'x' }, 'text', otherNode) */
export function el(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** svg('rect', { x: 0, y: 0, width: 10, height: 10 }) */
export function svg(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}
