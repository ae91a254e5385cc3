// The chat: a streamed answer (POST /api/ask as server-sent events) whose [n] markers open the cited passages.
import { h, clear, docText } from './dom.js';
import { send, readEvents } from './api.js';
import { readState, passageHref, followInPlace } from './state.js';

const HISTORY_TURNS = 8;
const form = document.getElementById('ask-form');
const question = document.getElementById('question');
const mode = document.getElementById('ask-mode');
const useFilters = document.getElementById('ask-filters');
const sendButton = document.getElementById('ask-send');
const chat = document.getElementById('chat');
let history = [];

export function initAsk() {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = question.value.trim();
    if (text) ask(text);
  });
  // Enter sends, Shift+Enter starts a new line.
  question.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  document.getElementById('ask-new').addEventListener('click', () => {
    history = [];
    clear(chat);
    question.focus();
  });
}

function requestBody(text) {
  const body = { question: text, history: history.slice(-HISTORY_TURNS), mode: mode.value };
  if (useFilters.checked) {
    const state = readState();
    const { year, ...lists } = state.filters;
    body.filters = { ...lists, year: year?.[0] };
    if (state.mode) body.searchMode = state.mode;
  }
  return body;
}

async function ask(text) {
  const body = requestBody(text);
  question.value = '';
  sendButton.disabled = true;
  const answer = h('div', { class: 'answer-text', dir: 'auto', text: 'Searching the documents…' });
  const reply = h('li', { class: 'turn assistant', 'aria-busy': 'true' }, answer);
  chat.append(h('li', { class: 'turn user' }, docText('p', text)), reply);
  reply.scrollIntoView({ block: 'nearest' });
  let streamed = '';
  let finished = false;
  try {
    const response = await send('/api/ask', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify(body),
    });
    for await (const { event, data } of readEvents(response)) {
      const payload = JSON.parse(data);
      if (event === 'sources') {
        answer.textContent = payload.sources.length ? `Found ${payload.sources.length} passages; answering…` : 'Nothing found; answering…';
      } else if (event === 'delta') {
        streamed += payload.text;
        answer.textContent = streamed;
      } else if (event === 'done') {
        finished = true;
        renderAnswer(reply, payload);
        history.push({ role: 'user', text }, { role: 'assistant', text: payload.text });
      } else if (event === 'error') {
        finished = true;
        showError(reply, payload.message);
      }
    }
    if (!finished) showError(reply, 'The answer stopped before it was complete.');
  } catch (error) {
    showError(reply, error.message);
  } finally {
    reply.removeAttribute('aria-busy');
    sendButton.disabled = false;
  }
}

function showError(reply, message) {
  reply.classList.add('error');
  reply.replaceChildren(h('p', { text: `No answer: ${message}` }));
}

const KINDS = {
  extractive: ['Quoted from the sources', 'No model wrote this: these are sentences of the passages, as written.'],
  generated: ['Written by the model', 'A model wrote this from the passages; check the cited sources.'],
};

function renderAnswer(reply, result) {
  reply.replaceChildren();
  if (result.kind === 'not-found') {
    reply.classList.add('not-found');
    reply.append(docText('p', result.text, { class: 'answer-text' }),
      h('p', { class: 'hint', text: 'The knowledge base has no passage that answers this. Try other words, or ask without filters.' }));
    return;
  }
  const [label, explanation] = KINDS[result.kind] ?? [result.kind, ''];
  reply.append(h('p', { class: `badge ${result.kind}`, title: explanation }, h('strong', { text: label }), ` — ${explanation}`));
  if (result.flagged) reply.append(h('p', { class: 'warning', text: 'This answer cites no valid source: do not rely on it.' }));
  const byMarker = new Map([...(result.sources ?? []), ...(result.citations ?? [])].map((c) => [c.marker, c]));
  // A question naming several countries is answered per country, each part from that country's documents only.
  const parts = result.byCountry?.length > 1 ? result.byCountry : [];
  if (!parts.length) reply.append(h('div', { class: 'answer-text', dir: 'auto' }, ...withMarkers(result.text, byMarker, result.kind === 'extractive')));
  for (const part of parts) {
    const name = part.namedAs === part.country ? part.country : `${part.namedAs} (${part.country})`;
    reply.append(h('section', { class: `country-part ${part.kind}`, 'aria-label': name },
      docText('h3', name),
      h('div', { class: 'answer-text', dir: 'auto' }, ...withMarkers(part.text, byMarker, part.kind === 'extractive'))));
  }
  if (result.citations?.length) {
    const list = h('ol', { class: 'sources', 'aria-label': 'Cited passages' });
    for (const c of result.citations) {
      const pages = c.pageEnd > c.pageStart ? `pp. ${c.pageStart}–${c.pageEnd}` : `p. ${c.pageStart}`;
      list.append(h('li', { value: c.marker },
        h('a', { href: citationHref(c), onclick: followInPlace, dir: 'auto', text: c.title }),
        docText('span', [c.identifier, c.clause && `clause ${c.clause}`, pages].filter(Boolean).join(' · '), { class: 'meta' }),
        h('a', { href: c.link, target: '_blank', rel: 'noopener', text: `PDF ${pages}` })));
    }
    reply.append(list);
  }
}

function citationHref(c, find) {
  return passageHref(readState(), c.documentId, c.pageStart, c.pageEnd, find || c.passage.split(/\s+/).slice(0, 30).join(' '));
}

/**
 * The answer's text with each [n] a link to passage n; a marker without a source stays text. An extractive answer's
 * sentences are the passage's own words, so the link highlights the quoted sentence rather than the passage's start.
 */
function withMarkers(text, byMarker, quoted) {
  let previous = '';
  return text.split(/(\[\d+\])/).filter(Boolean).map((part) => {
    const citation = /^\[(\d+)\]$/.test(part) ? byMarker.get(Number(part.slice(1, -1))) : null;
    if (!citation) {
      previous = part;
      return document.createTextNode(part);
    }
    const find = quoted ? previous.replace(/^[\s•·-]+/, '').trim() : '';
    return h('a', { class: 'marker', href: citationHref(citation, find), onclick: followInPlace, title: `${citation.title}, p. ${citation.pageStart}`, text: part });
  });
}
