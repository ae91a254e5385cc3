// The collection picture: GET /api/collection drawn as an SVG timeline, years across, countries (or regions) down.
// A mark of one document opens it; a mark of several lists them below the picture.
import { h, clear, focusOn } from './dom.js';
import { s } from './svg.js';
import { getJson } from './api.js';
import { followInPlace } from './state.js';

const LABEL_WIDTH = 190;
const COLUMN = 30;
const ROW = 24;
const TOP = 34;
const TYPES = {
  'national-strategy': ['National strategy', '#0b5cad'],
  'national-policy': ['National policy', '#5a8dd6'],
  'national-law': ['National law', '#6f42c1'],
  'itu-t-recommendation': ['ITU-T Recommendation', '#116329'],
  'itu-d-report': ['ITU-D report', '#2da44e'],
  'itu-d-contribution': ['ITU-D contribution', '#7bc96f'],
  'itu-resolution': ['ITU resolution', '#4d7c0f'],
  standard: ['Standard', '#a40e26'],
  guide: ['Guide', '#bc4c00'],
  glossary: ['Glossary', '#8a4b00'],
};
const OTHER = ['Other', '#57606a'];

const status = document.getElementById('collection-status');
const chart = document.getElementById('collection-chart');
const legend = document.getElementById('collection-legend');
const picked = document.getElementById('collection-picked');
const byRegion = document.getElementById('collection-by-region');
let collection = null;

export function initCollection() {
  byRegion.addEventListener('change', draw);
}

export async function showCollection() {
  document.title = 'Collection · Knowledge base';
  status.textContent = 'Loading the collection…';
  try {
    collection = await getJson('/api/collection');
    draw();
  } catch (error) {
    status.textContent = `The collection could not be loaded: ${error.message}`;
  }
}

/** Rows of the picture: one per country under its region's heading, or one per region. */
function rows() {
  const international = collection.international.length ? [{ label: 'International (no country)', key: 'intl', documents: collection.international, heading: false }] : [];
  if (byRegion.checked) {
    return [...collection.regions.map((r) => ({ label: r.region, key: r.region, documents: r.countries.flatMap((c) => c.documents.map((d) => ({ ...d, country: c.name }))) })), ...international];
  }
  const result = [];
  for (const region of collection.regions) {
    result.push({ label: `${region.region} · ${region.documentCount}`, heading: true });
    for (const country of region.countries) result.push({ label: country.name, key: country.code, documents: country.documents });
  }
  if (international.length) result.push({ label: 'No country', heading: true }, ...international);
  return result;
}

function years() {
  const list = [];
  if (collection.firstYear) for (let y = collection.firstYear; y <= collection.lastYear; y++) list.push(y);
  const undated = [...collection.international, ...collection.regions.flatMap((r) => r.countries.flatMap((c) => c.documents))].some((d) => !d.year);
  if (undated) list.push(null);
  return list;
}

function draw() {
  clear(chart);
  clear(legend);
  clear(picked);
  if (!collection.documentCount) {
    status.textContent = 'The collection is empty: add documents first.';
    return;
  }
  const countries = collection.regions.reduce((n, r) => n + r.countries.length, 0);
  status.textContent = `${collection.documentCount} documents: ${countries} countries in ${collection.regions.length} regions, ${collection.international.length} of no country.`;
  const lines = rows();
  const columns = years();
  const width = LABEL_WIDTH + columns.length * COLUMN + 8;
  const height = TOP + lines.length * ROW + 4;
  const svg = s('svg', { width, height, viewBox: `0 0 ${width} ${height}`, class: 'timeline', 'aria-labelledby': 'collection-title collection-status' });
  columns.forEach((year, i) => {
    const x = LABEL_WIDTH + i * COLUMN + COLUMN / 2;
    // Every year is a column; labels on every other year when there are many, so they do not collide.
    if (columns.length <= 20 || i % 2 === 0 || year === null) {
      svg.append(s('text', { x, y: TOP - 10, class: 'year', 'text-anchor': 'middle', text: year === null ? 'n.d.' : `’${String(year).slice(2)}` }));
    }
    svg.append(s('line', { x1: x, x2: x, y1: TOP - 4, y2: height, class: 'grid' }));
  });
  lines.forEach((line, i) => {
    const y = TOP + i * ROW + ROW / 2;
    if (line.heading) {
      svg.append(s('text', { x: 4, y: y + 5, class: 'region', text: line.label }));
      return;
    }
    svg.append(s('text', { x: 12, y: y + 5, class: 'country', text: line.label }));
    columns.forEach((year, c) => {
      const documents = line.documents.filter((d) => (d.year ?? null) === year);
      if (documents.length) svg.append(mark(line, year, documents, LABEL_WIDTH + c * COLUMN + COLUMN / 2, y));
    });
  });
  chart.append(svg);
  drawLegend(lines);
}

function typeOf(document) {
  return TYPES[document.type] ?? OTHER;
}

function describe(d) {
  return [d.identifier ?? d.title, typeOf(d)[0], d.language, d.year].filter(Boolean).join(' · ');
}

/** A mark: a circle in the colour of its documents' type (the commonest), its count inside when more than one. */
function mark(line, year, documents, x, y) {
  const [, colour] = typeOf(documents[0]);
  const when = year ?? 'no year';
  const label = documents.length === 1
    ? `${line.label}, ${when}: ${describe(documents[0])}`
    : `${line.label}, ${when}: ${documents.length} documents`;
  const single = documents.length === 1;
  const link = s('a', {
    href: single ? `?doc=${encodeURIComponent(documents[0].id)}` : '#collection-picked',
    class: 'mark',
    'aria-label': label,
    onclick: single ? followInPlace : (event) => { event.preventDefault(); pick(line, when, documents); },
  },
  s('title', { text: single ? label : `${label}:\n${documents.map(describe).join('\n')}` }),
  s('circle', { cx: x, cy: y, r: documents.length === 1 ? 7 : 10, fill: colour }),
  documents.length > 1 ? s('text', { x, y: y + 4, 'text-anchor': 'middle', class: 'count-in', text: String(documents.length) }) : null);
  return link;
}

/** The documents of a mark, listed below the picture as links to the document view. */
function pick(line, when, documents) {
  clear(picked);
  const heading = h('h3', { text: `${line.label}, ${when}: ${documents.length} documents` });
  picked.append(heading, h('ul', {}, documents.map((d) =>
    h('li', {}, h('a', { href: `?doc=${encodeURIComponent(d.id)}`, onclick: followInPlace, dir: 'auto', text: d.title }),
      h('span', { class: 'meta', text: ` ${[d.country, typeOf(d)[0], d.language, d.year].filter(Boolean).join(' · ')}` })))));
  focusOn(heading);
}

/** Which colour is which type: named in words, so the picture does not rely on colour alone (titles name it too). */
function drawLegend(lines) {
  const used = new Set(lines.flatMap((l) => (l.documents ?? []).map((d) => typeOf(d)[0])));
  const items = [...Object.values(TYPES), OTHER].filter(([name]) => used.has(name));
  legend.append(h('ul', { class: 'legend', 'aria-label': 'Document types' }, items.map(([name, colour]) =>
    // An SVG swatch: the page's policy allows no inline style attributes.
    h('li', {}, s('svg', { width: 14, height: 14, 'aria-hidden': 'true' }, s('circle', { cx: 7, cy: 7, r: 6, fill: colour })), ` ${name}`)),
  h('li', { class: 'meta', text: 'A number in a mark: that many documents (select it to list them).' })));
}
