// The search view: query, matching mode, facet filters, results and pages, all mirrored in the URL.
import { h, clear, docText, snippetNodes, snippetText } from './dom.js';
import { getJson } from './api.js';
import { FILTERS, PAGE_SIZE, readState, toQuery, passageHref, searchQuery, navigate, followInPlace } from './state.js';

const LABELS = { type: 'Type', series: 'Series', status: 'Status', lang: 'Language', country: 'Country', year: 'Year' };
const MAX_SKIP = 1000;

const form = document.getElementById('search-form');
const input = document.getElementById('q');
const status = document.getElementById('search-status');
const results = document.getElementById('results');
const facets = document.getElementById('facets');
const pager = document.getElementById('pager');
let running;

export function initSearch() {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const state = readState();
    navigate(toQuery({ ...state, view: 'search', doc: '', q: input.value.trim(), mode: selectedMode(), page: 1 }));
  });
  for (const radio of form.querySelectorAll('input[name=mode]')) {
    radio.addEventListener('change', () => {
      const state = readState();
      if (state.q) navigate(toQuery({ ...state, mode: selectedMode(), page: 1 }));
    });
  }
}

function selectedMode() {
  return form.querySelector('input[name=mode]:checked')?.value ?? '';
}

export async function showSearch(state) {
  input.value = state.q;
  const radio = form.querySelector(`input[name=mode][value="${CSS.escape(state.mode)}"]`) ?? form.querySelector('input[name=mode][value=""]');
  radio.checked = true;
  document.title = state.q ? `${state.q} · Knowledge base` : 'Knowledge base';
  running?.abort();
  if (!state.q) {
    clear(results); clear(pager); clear(facets);
    status.textContent = 'Search passages of the guidance: words, identifiers (e.g. SP 800-61) or a question.';
    return;
  }
  running = new AbortController();
  status.textContent = 'Searching…';
  results.setAttribute('aria-busy', 'true');
  try {
    const response = await getJson(`/api/search?${searchQuery(state)}&facets=true`, running.signal);
    renderResults(state, response);
  } catch (error) {
    if (error.name === 'AbortError') return;
    clear(results); clear(pager);
    status.textContent = `Search failed: ${error.message}`;
  } finally {
    results.removeAttribute('aria-busy');
  }
}

function renderResults(state, response) {
  renderFacets(state, response.facets ?? {});
  clear(results);
  clear(pager);
  if (response.totalHits === 0) {
    renderEmpty(state);
    return;
  }
  const first = (state.page - 1) * PAGE_SIZE + 1;
  status.textContent = `${response.totalHits} passages for “${state.q}”` +
    (response.totalHits > PAGE_SIZE ? `, ${first}–${first + response.hits.length - 1} shown` : '');
  results.append(...response.hits.map((hit) => renderHit(state, hit)));
  renderPager(state, response.totalHits);
}

/** The words of a snippet to find the passage again in the document's text: its longest fragment. */
export function findText(snippet) {
  return snippetText(snippet).split('…').map((s) => s.trim()).sort((a, b) => b.length - a.length)[0] ?? '';
}

export function renderHit(state, hit) {
  const pages = hit.pageEnd > hit.pageStart ? `pages ${hit.pageStart}–${hit.pageEnd}` : `page ${hit.pageStart}`;
  const href = passageHref(state, hit.documentId, hit.pageStart, hit.pageEnd, findText(hit.snippet));
  return h('li', { class: 'hit' },
    h('h3', {}, h('a', { href, onclick: followInPlace, dir: 'auto', text: hit.title })),
    h('p', { class: 'meta' },
      hit.identifier && docText('span', hit.identifier, { class: 'identifier' }),
      hit.type && h('span', { text: hit.type }),
      hit.clause && docText('span', `clause ${hit.clause}`),
      h('span', { text: pages })),
    hit.headingPath && docText('p', hit.headingPath, { class: 'heading' }),
    h('p', { class: 'snippet', dir: 'auto', lang: hit.language || undefined }, ...snippetNodes(hit.snippet)),
    h('p', { class: 'actions' },
      h('a', { href, onclick: followInPlace, text: 'Read in context' }),
      h('a', { href: hit.link, target: '_blank', rel: 'noopener', text: `Open at ${pages}` })));
}

function renderFacets(state, counts) {
  clear(facets);
  for (const name of FILTERS) {
    const selected = state.filters[name] ?? [];
    const values = [...(counts[name] ?? [])];
    for (const value of selected) if (!values.some((v) => v.value === value)) values.push({ value, count: 0 });
    if (!values.length) continue;
    const group = h('fieldset', { class: 'facet' }, h('legend', { text: LABELS[name] }));
    for (const { value, count } of values.slice(0, 12)) {
      const box = h('input', { type: 'checkbox', name, value, checked: selected.includes(value) });
      box.addEventListener('change', () => toggleFilter(name, value, box.checked));
      group.append(h('label', {}, box, docText('span', value), h('span', { class: 'count', text: ` ${count}` })));
    }
    facets.append(group);
  }
}

function toggleFilter(name, value, on) {
  const state = readState();
  const current = state.filters[name] ?? [];
  // A year is one value (or a range), so choosing another replaces it.
  const next = on ? (name === 'year' ? [value] : [...current, value]) : current.filter((v) => v !== value);
  navigate(toQuery({ ...state, filters: { ...state.filters, [name]: next }, page: 1 }));
}

function renderEmpty(state) {
  const active = FILTERS.flatMap((name) => (state.filters[name] ?? []).map((value) => ({ name, value })));
  status.textContent = `No passages match “${state.q}”.`;
  if (!active.length) {
    results.append(h('li', { class: 'empty' }, 'Try other words, an identifier, or the “Meaning” matching mode.'));
    return;
  }
  const item = h('li', { class: 'empty' }, h('p', { text: 'Filters may be hiding results. Remove one:' }));
  const chips = h('p', { class: 'chips' });
  for (const { name, value } of active) {
    chips.append(h('button', {
      type: 'button', class: 'chip', text: `${LABELS[name]}: ${value} ✕`,
      onclick: () => toggleFilter(name, value, false),
    }));
  }
  chips.append(h('button', {
    type: 'button', class: 'secondary', text: 'Remove all filters',
    onclick: () => navigate(toQuery({ ...readState(), filters: {}, page: 1 })),
  }));
  item.append(chips);
  results.append(item);
}

function renderPager(state, total) {
  const last = Math.min(Math.ceil(total / PAGE_SIZE), Math.floor(MAX_SKIP / PAGE_SIZE) + 1);
  if (last <= 1) return;
  const link = (page, text, rel) => h('a', { href: toQuery({ ...state, page }), rel, onclick: followInPlace, text });
  pager.append(
    state.page > 1 ? link(state.page - 1, '← Previous', 'prev') : h('span'),
    h('span', { text: `Page ${state.page} of ${last}` }),
    state.page < last ? link(state.page + 1, 'Next →', 'next') : h('span'));
}
