// What the page shows lives in the URL, so a search, a document or a view can be shared and bookmarked.

export const FILTERS = ['type', 'series', 'status', 'lang', 'country', 'year'];
export const PAGE_SIZE = 10;

/** { view, q, mode, page, filters: { type: [...] ... }, doc, p, to, find } from a query string. */
export function readState(search = location.search) {
  const params = new URLSearchParams(search);
  const filters = {};
  for (const name of FILTERS) {
    const values = params.getAll(name).filter(Boolean);
    if (values.length) filters[name] = values;
  }
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const doc = params.get('doc') ?? '';
  return {
    view: doc ? 'document' : (params.get('view') || 'search'),
    q: params.get('q') ?? '',
    mode: params.get('mode') ?? '',
    page: Number.isFinite(page) && page > 0 ? page : 1,
    filters,
    doc,
    p: Number.parseInt(params.get('p') ?? '0', 10) || 0,
    to: Number.parseInt(params.get('to') ?? '0', 10) || 0,
    find: params.get('find') ?? '',
  };
}

/** Enough for a long quoted sentence or list item, short enough for a link. */
const MAX_FIND = 600;

/** At most max characters, ending at a word's end: the page looks for whole words, never half of one. */
function clipAtWord(text, max) {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(' ', max);
  return text.slice(0, space > 0 ? space : max);
}

/** The query string of a state; empty parts are left out. */
export function toQuery(state) {
  const params = new URLSearchParams();
  if (state.view && state.view !== 'search' && state.view !== 'document') params.set('view', state.view);
  if (state.q) params.set('q', state.q);
  if (state.mode) params.set('mode', state.mode);
  for (const name of FILTERS) for (const value of state.filters?.[name] ?? []) params.append(name, value);
  if (state.page > 1) params.set('page', String(state.page));
  if (state.doc) {
    params.set('doc', state.doc);
    if (state.p) params.set('p', String(state.p));
    if (state.to && state.to !== state.p) params.set('to', String(state.to));
    if (state.find) params.set('find', clipAtWord(state.find, MAX_FIND));
  }
  const query = params.toString();
  return query ? `?${query}` : location.pathname;
}

/** The link to a passage in the document view, keeping the search that led there. */
export function passageHref(current, documentId, pageStart, pageEnd, find) {
  return toQuery({ ...current, view: 'document', doc: documentId, p: pageStart, to: pageEnd, find });
}

/** The search API's query string for a state (the filters use the same names as the page's URL). */
export function searchQuery(state, top = PAGE_SIZE) {
  const params = new URLSearchParams({ q: state.q, top: String(top), skip: String((state.page - 1) * top) });
  if (state.mode) params.set('mode', state.mode);
  for (const name of FILTERS) for (const value of state.filters[name] ?? []) params.append(name, value);
  return params.toString();
}

let render = () => {};

/** Set once by app.js: what runs after the URL changed. */
export function onNavigate(fn) {
  render = fn;
}

export function navigate(query, { replace = false } = {}) {
  history[replace ? 'replaceState' : 'pushState'](null, '', query);
  render();
}

/** A real link (opens in a new tab with a modifier key), followed in place on a plain click. */
export function followInPlace(event) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(event.currentTarget.getAttribute('href'));
}
