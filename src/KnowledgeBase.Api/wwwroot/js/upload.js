// Upload for key holders: multipart POST /api/documents, then the job polled until every file has its outcome.
import { h, docText } from './dom.js';
import { apiKey, send, getJson } from './api.js';
import { readState, toQuery, followInPlace } from './state.js';

const POLL_MS = 1000;
const form = document.getElementById('upload-form');
const keyInput = document.getElementById('api-key');
const filesInput = document.getElementById('files');
const drop = document.getElementById('drop');
const status = document.getElementById('upload-status');
const jobs = document.getElementById('jobs');
let dropped = [];

export function initUpload() {
  keyInput.value = apiKey.get();
  keyInput.addEventListener('input', () => apiKey.set(keyInput.value.trim()));
  filesInput.addEventListener('change', () => { dropped = [...filesInput.files]; describeChoice(); });
  for (const name of ['dragenter', 'dragover']) {
    drop.addEventListener(name, (event) => { event.preventDefault(); drop.classList.add('over'); });
  }
  for (const name of ['dragleave', 'drop']) drop.addEventListener(name, () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    dropped = [...event.dataTransfer.files];
    describeChoice();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    upload();
  });
}

function describeChoice() {
  status.textContent = dropped.length ? `${dropped.length} file(s) chosen: ${dropped.map((f) => f.name).join(', ')}` : '';
}

async function upload() {
  if (!apiKey.get()) {
    status.textContent = 'Enter the API key first.';
    keyInput.focus();
    return;
  }
  if (!dropped.length) {
    status.textContent = 'Choose or drop at least one file.';
    return;
  }
  const body = new FormData();
  for (const file of dropped) body.append('files', file, file.name);
  status.textContent = 'Uploading…';
  try {
    const response = await send('/api/documents', { method: 'POST', body });
    const job = await response.json();
    status.textContent = `Uploaded ${dropped.length} file(s); ingesting.`;
    dropped = [];
    filesInput.value = '';
    const item = h('li', { class: 'job' });
    jobs.prepend(item);
    await watch(item, job);
  } catch (error) {
    status.textContent = error.status === 401 || error.status === 403 ? `The key was refused: ${error.message}` : `Upload failed: ${error.message}`;
  }
}

async function watch(item, job) {
  for (;;) {
    renderJob(item, job);
    if (job.state === 'completed' || job.state === 'failed') {
      const count = (state) => job.files.filter((f) => f.state === state).length;
      status.textContent = `Job finished: ${count('succeeded')} added, ${count('skipped-duplicate')} already indexed, ${count('failed')} failed.`;
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    job = await getJson(`/api/jobs/${encodeURIComponent(job.id)}`);
  }
}

const STATES = { queued: 'waiting', running: 'ingesting…', succeeded: 'done', 'skipped-duplicate': 'already indexed', failed: 'failed' };

function renderJob(item, job) {
  const files = h('ul', {});
  for (const file of job.files) {
    const row = h('li', { class: `file ${file.state}`, 'data-state': file.state },
      docText('span', file.name, { class: 'name' }), h('span', { class: 'state', text: STATES[file.state] ?? file.state }));
    if (file.reason) row.append(docText('span', file.reason, { class: 'reason' }));
    if (file.documentId) {
      row.append(h('a', { href: toQuery({ ...readState(), view: 'document', doc: file.documentId, p: 0, find: '' }), onclick: followInPlace, text: 'Open' }));
    }
    files.append(row);
  }
  item.replaceChildren(h('p', {}, h('strong', { text: `Job ${job.id.slice(0, 8)}` }), ` — ${job.state}`, job.message ? `: ${job.message}` : ''), files);
}
