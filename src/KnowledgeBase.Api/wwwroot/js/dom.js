// Building the page from data: every text goes in through textContent, never as HTML.

/** Creates an element; props: class, text, dir, on{Event} handlers, anything else as an attribute. */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') el.className = value;
    else if (name === 'text') el.textContent = value;
    else if (name.startsWith('on')) el.addEventListener(name.slice(2).toLowerCase(), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Document text: written as text, direction taken from its own first strong character (Arabic shows RTL). */
export function docText(tag, text, props = {}) {
  return h(tag, { dir: 'auto', ...props, text: text ?? '' });
}

export function clear(el) {
  el.replaceChildren();
  return el;
}

const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/**
 * The API's snippet is HTML-escaped text with <mark> around matched terms. Rather than trusting it as HTML, it is
 * checked to be exactly that (no other tag, no other entity) and rebuilt as text nodes and <mark> elements;
 * anything else is shown as plain text.
 */
export function snippetNodes(snippet) {
  const parts = String(snippet ?? '').split(/(<mark>|<\/mark>)/);
  const verified = parts.every((p) => p === '<mark>' || p === '</mark>' || !/[<>]|&(?!amp;|lt;|gt;|quot;|#39;)/.test(p));
  if (!verified) return [document.createTextNode(String(snippet ?? ''))];
  const nodes = [];
  let inMark = false;
  for (const part of parts) {
    if (part === '<mark>') { inMark = true; continue; }
    if (part === '</mark>') { inMark = false; continue; }
    if (!part) continue;
    const text = part.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]);
    nodes.push(inMark ? h('mark', { text }) : document.createTextNode(text));
  }
  return nodes;
}

/** The snippet as plain text, for finding it again in the document. */
export function snippetText(snippet) {
  return snippetNodes(snippet).map((n) => n.textContent).join('');
}

/** Moves focus to a heading or region so keyboard and screen-reader users land where the content changed. */
export function focusOn(el) {
  if (!el) return;
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  el.focus({ preventScroll: false });
}
