// Inline SVG built from data, like dom.js's h(): attributes set one by one, every text as a text node.
const NS = 'http://www.w3.org/2000/svg';

/** Creates an SVG element; props: text, on{Event} handlers, anything else as an attribute. */
export function s(tag, props = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') el.textContent = value;
    else if (name.startsWith('on')) el.addEventListener(name.slice(2).toLowerCase(), value);
    else el.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}
