// Entry point: shows the view the URL names and runs what it describes (a search, a document).
import { readState, onNavigate, followInPlace } from './state.js';
import { initSearch, showSearch } from './search.js';
import { initDocument, showDocument } from './document.js';
import { initAsk } from './ask.js';
import { initUpload } from './upload.js';
import { initCollection, showCollection } from './collection.js';
import { initCompare, showCompare } from './compare.js';

const views = {
  search: document.getElementById('search-view'),
  document: document.getElementById('document-view'),
  ask: document.getElementById('ask-view'),
  upload: document.getElementById('upload-view'),
  collection: document.getElementById('collection-view'),
  compare: document.getElementById('compare-view'),
};

function render() {
  const state = readState();
  const view = views[state.view] ? state.view : 'search';
  for (const [name, section] of Object.entries(views)) section.hidden = name !== view;
  for (const link of document.querySelectorAll('nav a[data-view]')) {
    const current = link.dataset.view === view || (view === 'document' && link.dataset.view === 'search');
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  if (view === 'search') showSearch(state);
  else if (view === 'document') showDocument(state);
  else if (view === 'collection') showCollection();
  else if (view === 'compare') showCompare();
  else document.title = `${view === 'ask' ? 'Ask' : 'Upload'} · Knowledge base`;
}

for (const link of document.querySelectorAll('nav a[data-view], #home')) link.addEventListener('click', followInPlace);
onNavigate(render);
window.addEventListener('popstate', render);
initSearch();
initDocument();
initAsk();
initUpload();
initCollection();
initCompare();
render();
