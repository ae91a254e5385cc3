// The Compare view: countries (or a region) × topics, one POST /api/compare per topic so the grid fills column by
// column with a progress line; a cell opens its passages, each linking to the passage in context and to the PDF page.
import { h, clear, focusOn, snippetNodes, snippetText } from './dom.js';
import { getJson, send } from './api.js';
import { readState, passageHref, followInPlace } from './state.js';

const PASSAGES = 3;
export const VERDICTS = {
  addressed: ['●', 'Addressed'],
  mentioned: ['◐', 'Mentioned only'],
  'not-found': ['○', 'Not found'],
  'no-documents': ['–', 'No documents'],
};

const form = document.getElementById('compare-form');
const countryBox = document.getElementById('compare-countries');
const region = document.getElementById('compare-region');
const topicBox = document.getElementById('compare-topics');
const ownTopic = document.getElementById('compare-own-topic');
const status = document.getElementById('compare-status');
const grid = document.getElementById('compare-grid');
const detail = document.getElementById('compare-detail');
const exports = document.getElementById('compare-export');
let loaded = false;
let run = null;

export function initCompare() {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    compare();
  });
  document.getElementById('compare-csv').addEventListener('click', downloadCsv);
  document.getElementById('compare-md').addEventListener('click', downloadMarkdown);
}

export async function showCompare() {
  document.title = 'Compare · Knowledge base';
  if (loaded) return;
  status.textContent = 'Loading countries and topics…';
  try {
    const [collection, topics] = await Promise.all([getJson('/api/collection'), getJson('/api/compare/topics')]);
    fillChoices(collection, topics);
    loaded = true;
    status.textContent = '';
    if (restoreChoices()) compare();
  } catch (error) {
    status.textContent = `The choices could not be loaded: ${error.message}`;
  }
}

function fillChoices(collection, topics) {
  clear(countryBox);
  for (const r of collection.regions) {
    region.append(h('option', { value: r.region, text: `${r.region} (${r.countries.length})` }));
    countryBox.append(h('fieldset', { class: 'choices' }, h('legend', { text: r.region }),
      r.countries.map((c) => h('label', {}, h('input', { type: 'checkbox', name: 'country', value: c.code }), ` ${c.name}`))));
  }
  clear(topicBox);
  for (const t of topics) {
    topicBox.append(h('label', { title: t.definition ?? '' }, h('input', { type: 'checkbox', name: 'topic', value: t.id }), ` ${t.title}`));
  }
}

/** A comparison's address, so it can be bookmarked or shared: ?view=compare&countries=BJ,TG&topics=…&own=… */
function remember(request) {
  const params = new URLSearchParams({ view: 'compare' });
  if (request.rows.countries) params.set('countries', request.rows.countries.join(','));
  else params.set('region', request.rows.region);
  params.set('topics', request.topics.filter((t) => typeof t === 'string').join(','));
  if (ownTopic.value.trim()) params.set('own', ownTopic.value.trim());
  history.replaceState(null, '', `?${params}`);
}

/** Ticks what the address names; true when it names a comparison to run. */
function restoreChoices() {
  const params = new URLSearchParams(location.search);
  const countries = (params.get('countries') ?? '').split(',').filter(Boolean);
  for (const input of form.querySelectorAll('input[name=country]')) input.checked = countries.includes(input.value);
  region.value = params.get('region') ?? '';
  const chosen = (params.get('topics') ?? '').split(',').filter(Boolean);
  for (const input of form.querySelectorAll('input[name=topic]')) input.checked = chosen.includes(input.value);
  ownTopic.value = params.get('own') ?? '';
  return Boolean(rows()) && topics().length > 0;
}

/** The request's rows: the countries ticked, else the region chosen. */
function rows() {
  const countries = [...form.querySelectorAll('input[name=country]:checked')].map((i) => i.value);
  if (countries.length) return { countries };
  return region.value ? { region: region.value } : null;
}

function topics() {
  const chosen = [...form.querySelectorAll('input[name=topic]:checked')].map((i) => i.value);
  const own = ownTopic.value.trim();
  return own ? [...chosen, { title: own }] : chosen;
}

async function compare() {
  const request = { rows: rows(), topics: topics() };
  if (!request.rows) return say('Choose countries or a region.');
  if (!request.topics.length) return say('Choose topics, or write your own.');
  run?.controller.abort();
  remember(request);
  const controller = new AbortController();
  run = { controller, request, rows: null, topics: [], cells: new Map() };
  const current = run;
  clear(detail);
  clear(grid);
  exports.hidden = true;
  grid.setAttribute('aria-busy', 'true');
  try {
    for (const [i, topic] of request.topics.entries()) {
      say(`Comparing: topic ${i + 1} of ${request.topics.length}…`);
      const response = await send('/api/compare', {
        method: 'POST', signal: controller.signal,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ rows: request.rows, topics: [topic], maxPassages: PASSAGES }),
      });
      const report = await response.json();
      if (run !== current) return;
      if (!current.rows) {
        current.rows = report.rows;
        if (!report.rows.length) return say('No documents match these rows.');
        drawGrid(current, request.topics.length);
      }
      current.topics.push(report.topics[0]);
      for (const cell of report.cells) current.cells.set(`${cell.row}\u0000${cell.topic}`, cell);
      fillColumn(current, i, report.topics[0]);
    }
    say(`${current.rows.length} rows × ${current.topics.length} topics. Select a cell to read its passages.`);
    exports.hidden = false;
  } catch (error) {
    if (error.name !== 'AbortError') say(`The comparison failed: ${error.message}`);
  } finally {
    if (run === current) grid.removeAttribute('aria-busy');
  }
}

function say(text) {
  status.textContent = text;
}

function drawGrid(current, topicCount) {
  const head = h('tr', {}, h('th', { scope: 'col', text: 'Country' }),
    Array.from({ length: topicCount }, (_, i) => h('th', { scope: 'col', 'data-column': i, text: '…' })));
  const body = current.rows.map((row) => h('tr', {}, h('th', { scope: 'row', dir: 'auto', text: row.label }),
    Array.from({ length: topicCount }, (_, i) => h('td', { 'data-column': i }, h('span', { class: 'pending', text: '…' })))));
  grid.append(h('table', { class: 'compare' }, h('thead', {}, head), h('tbody', {}, body)));
}

/** One topic's column: its heading, then a button per row showing the verdict as symbol and words, not colour alone. */
function fillColumn(current, column, topic) {
  const heading = grid.querySelector(`thead th[data-column="${column}"]`);
  heading.textContent = topic.title;
  if (topic.definition) heading.title = topic.definition;
  current.rows.forEach((row, r) => {
    const cell = current.cells.get(`${row.key}\u0000${topic.id}`);
    const [symbol, label] = VERDICTS[cell?.verdict] ?? ['?', cell?.verdict ?? 'unknown'];
    const td = grid.querySelectorAll('tbody tr')[r].querySelector(`td[data-column="${column}"]`);
    td.replaceChildren(h('button', {
      type: 'button', class: `verdict ${cell?.verdict ?? ''}`,
      'aria-label': `${row.label}, ${topic.title}: ${label}`,
      onclick: () => showCell(row, topic, cell),
    }, h('span', { 'aria-hidden': 'true', text: symbol }), ` ${label}`));
  });
}

function showCell(row, topic, cell) {
  clear(detail);
  const [, label] = VERDICTS[cell.verdict] ?? ['', cell.verdict];
  const heading = h('h3', { dir: 'auto', text: `${row.label} × ${topic.title}: ${label}` });
  detail.append(heading, h('p', { class: 'meta', text: `Score ${cell.score}; ${cell.matchedPassages} matching passages in ${row.documents.length} documents.` }));
  if (topic.definition) detail.append(h('p', { class: 'hint', text: topic.definition }));
  if (!cell.passages.length) {
    detail.append(h('p', { text: cell.verdict === 'no-documents' ? 'The collection holds no document of this row.' : 'No passage of these documents passed the threshold.' }));
  }
  const list = h('ol', { class: 'results compact' });
  for (const p of cell.passages) {
    const pages = p.pageEnd > p.pageStart ? `pp. ${p.pageStart}–${p.pageEnd}` : `p. ${p.pageStart}`;
    list.append(h('li', { class: 'hit' },
      h('h4', {}, h('a', { href: passageHref(readState(), p.documentId, p.pageStart, p.pageEnd, snippetText(p.snippet)), onclick: followInPlace, dir: 'auto', text: p.title })),
      h('p', { class: 'meta', text: [p.clause && `clause ${p.clause}`, p.headingPath, pages, p.language, p.year].filter(Boolean).join(' · ') }),
      h('p', { class: 'snippet', dir: 'auto' }, snippetNodes(p.snippet)),
      h('p', { class: 'actions' }, h('a', { href: p.link, target: '_blank', rel: 'noopener', text: `Open the PDF at ${pages}` }))));
  }
  detail.append(list);
  focusOn(heading);
}

async function downloadCsv() {
  try {
    const response = await send('/api/compare?format=csv', {
      method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'text/csv' },
      body: JSON.stringify({ ...run.request, maxPassages: PASSAGES }),
    });
    save(await response.blob(), 'comparison.csv');
  } catch (error) {
    say(`The CSV could not be made: ${error.message}`);
  }
}

/** A Markdown table of the verdicts, then each cell's best passage with its page, for a report draft. */
function downloadMarkdown() {
  const escape = (text) => String(text ?? '').replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
  const lines = [`| Country | ${run.topics.map((t) => escape(t.title)).join(' | ')} |`, `|---|${run.topics.map(() => '---').join('|')}|`];
  const evidence = [];
  for (const row of run.rows) {
    const verdicts = run.topics.map((t) => {
      const cell = run.cells.get(`${row.key}\u0000${t.id}`);
      const [symbol, label] = VERDICTS[cell?.verdict] ?? ['?', cell?.verdict];
      const best = cell?.passages[0];
      if (best) evidence.push(`- **${escape(row.label)} × ${escape(t.title)}** (${label}): ${escape(best.title)}, p. ${best.pageStart} — “${escape(snippetText(best.snippet))}”`);
      return `${symbol} ${label}`;
    });
    lines.push(`| ${escape(row.label)} | ${verdicts.join(' | ')} |`);
  }
  const text = [...lines, '', '## Evidence', '', ...evidence, ''].join('\n');
  save(new Blob([text], { type: 'text/markdown' }), 'comparison.md');
}

function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
