// The document view: metadata, editions, the passage highlighted in its pages, the original at the page, similar passages.
import { h, clear, docText, focusOn } from './dom.js';
import { getJson } from './api.js';
import { readState, toQuery, navigate, followInPlace } from './state.js';
import { renderHit } from './search.js';

const title = document.getElementById('doc-title');
const meta = document.getElementById('doc-meta');
const editions = document.getElementById('doc-editions');
const open = document.getElementById('doc-open');
const status = document.getElementById('doc-status');
const text = document.getElementById('doc-text');
const similar = document.getElementById('doc-similar');
let running;

export function initDocument() {
  document.getElementById('doc-back').addEventListener('click', () => {
    const state = readState();
    navigate(toQuery({ ...state, doc: '', view: 'search' }));
  });
}

export async function showDocument(state) {
  running?.abort();
  running = new AbortController();
  const { signal } = running;
  for (const el of [meta, editions, open, text, similar]) clear(el);
  title.textContent = 'Loading…';
  status.textContent = '';
  let detail;
  try {
    const id = encodeURIComponent(state.doc);
    let content;
    [detail, content] = await Promise.all([
      getJson(`/api/documents/${id}`, signal),
      getJson(`/api/documents/${id}/text`, signal),
    ]);
    renderDocument(state, detail, content);
    focusOn(document.getElementById('passage') ?? title);
  } catch (error) {
    if (error.name === 'AbortError') return;
    title.textContent = 'Document not available';
    status.textContent = error.message;
    return;
  }
  try {
    await renderSimilar(state, detail, signal);
  } catch (error) {
    if (error.name !== 'AbortError') similar.append(h('li', { class: 'empty', text: `Similar passages unavailable: ${error.message}` }));
  }
}

function renderDocument(state, detail, content) {
  document.title = `${detail.title} · Knowledge base`;
  title.textContent = detail.title;
  const m = detail.metadata ?? {};
  const rows = [
    ['Identifier', m.identifier], ['Type', m.type], ['Status', detail.status], ['Year', m.year],
    ['Language', detail.language], ['Country', m.countryName ?? m.countryCode], ['Pages', detail.pageCount],
    ['File', detail.fileName],
  ];
  for (const [name, value] of rows) {
    if (value === undefined || value === null || value === '') continue;
    meta.append(h('div', {}, h('dt', { text: name }), docText('dd', String(value))));
  }
  renderEditions(state, detail);
  const page = state.p || 1;
  if (detail.hasFile) {
    // Browsers' PDF viewers open at #page=N; other originals have no pages to jump to.
    const pdf = detail.mediaType === 'application/pdf';
    open.append(h('a', {
      id: 'doc-open-link', class: 'button', href: pdf ? `${detail.file}#page=${page}` : detail.file, target: '_blank', rel: 'noopener',
      text: pdf ? `Open the PDF at page ${page}` : `Open the original (${detail.fileName})`,
    }));
  }
  renderPages(state, content.pages);
}

function renderEditions(state, detail) {
  const chain = detail.editions ?? [];
  if (detail.status === 'superseded') {
    const current = chain.find((e) => e.status === 'in-force');
    editions.append(h('p', { class: 'warning' }, 'This edition is superseded.',
      current ? [' In force: ', editionLink(state, current)] : ''));
  }
  if (chain.length < 2) return;
  const list = h('ol', { class: 'editions' });
  for (const edition of chain) {
    const label = [edition.identifier, edition.approvalDate, edition.modificationKind].filter(Boolean).join(' · ');
    const item = edition.documentId === detail.id
      ? h('li', { 'aria-current': 'true' }, docText('strong', label), ` (${edition.status}, this document)`)
      : h('li', {}, editionLink(state, edition, label), ` (${edition.status})`);
    list.append(item);
  }
  editions.append(h('h3', { text: 'Editions' }), list);
}

function editionLink(state, edition, label = edition.identifier) {
  return h('a', { href: toQuery({ ...state, doc: edition.documentId, p: 0, to: 0, find: '' }), onclick: followInPlace, dir: 'auto', text: label });
}

function renderPages(state, pages) {
  if (!pages.length) {
    status.textContent = 'No text was extracted from this document.';
    return;
  }
  const from = state.p || pages[0].number;
  const to = Math.max(state.to || from, from);
  const shown = pages.filter((p) => p.number >= from - 1 && p.number <= to + 1);
  let found = false;
  for (const page of shown.length ? shown : pages.slice(0, 2)) {
    const body = h('div', { class: 'page-text', dir: 'auto' });
    const at = !found && state.find && page.number >= from - 1 ? locate(page.text, state.find) : null;
    if (at) {
      found = true;
      body.append(page.text.slice(0, at.start), h('mark', { id: 'passage', tabindex: '-1', text: page.text.slice(at.start, at.end) }), page.text.slice(at.end));
    } else {
      body.textContent = page.isImageOnly ? '(This page is an image; no text was extracted.)' : page.text;
    }
    const note = page.source === 'ocr' ? h('p', { class: 'ocr-note', text: `Text from OCR, confidence ${Math.round(page.ocrConfidence)}%` }) : null;
    text.append(h('section', { class: 'page', 'aria-label': `Page ${page.number}` }, h('h4', { text: `Page ${page.number}` }), note, body));
  }
  status.textContent = state.find
    ? (found ? `Passage highlighted on page ${from}${to > from ? `–${to}` : ''}.` : `Showing page ${from}; the passage could not be located exactly.`)
    : '';
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where the passage's words occur in a page, whatever the line breaks: the whole passage, else its longest run of
 * words found, widened by the length of the words before and after that run.
 */
export function locate(pageText, find) {
  const words = find.split(/\s+/).filter(Boolean).slice(0, 60);
  for (const size of [words.length, 16, 10, 6]) {
    if (size > words.length || size < 1) continue;
    for (let start = 0; start + size <= words.length; start += Math.max(1, size >> 1)) {
      const match = new RegExp(words.slice(start, start + size).map(escape).join('\\s+'), 'iu').exec(pageText);
      if (!match) continue;
      const before = words.slice(0, start).join(' ').length;
      const after = words.slice(start + size).join(' ').length;
      return {
        start: Math.max(0, match.index - (before && before + 1)),
        end: Math.min(pageText.length, match.index + match[0].length + (after && after + 1)),
      };
    }
  }
  return null;
}

async function renderSimilar(state, detail, signal) {
  const seed = firstSentence(state.find) || detail.title;
  const response = await getJson(`/api/search?${new URLSearchParams({ q: seed, top: '6' })}`, signal);
  const others = response.hits.filter((hit) => !(hit.documentId === detail.id && hit.pageStart === (state.p || hit.pageStart)));
  const base = { ...state, q: state.q, doc: '' };
  if (!others.length) similar.append(h('li', { class: 'empty', text: 'No similar passages.' }));
  similar.append(...others.slice(0, 5).map((hit) => renderHit(base, hit)));
}

function firstSentence(find) {
  const sentence = (find ?? '').split(/(?<=[.!?؟])\s/)[0] ?? '';
  return sentence.split(/\s+/).slice(0, 25).join(' ');
}
