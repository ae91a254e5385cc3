// The service's HTTP API, same origin. A stored API key goes with every call (reads may need one too).

const KEY = 'kb.apiKey';

export const apiKey = {
  get: () => sessionStorage.getItem(KEY) ?? '',
  set: (value) => (value ? sessionStorage.setItem(KEY, value) : sessionStorage.removeItem(KEY)),
};

export function headers(extra = {}) {
  const result = { Accept: 'application/json', ...extra };
  const key = apiKey.get();
  if (key) result['X-Api-Key'] = key;
  return result;
}

/** An API refusal: its ProblemDetails detail (or status) as the message. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export async function failure(response) {
  let message = `${response.status} ${response.statusText}`;
  try {
    const problem = await response.json();
    message = problem.detail || problem.title || message;
  } catch { /* not JSON: keep the status line */ }
  return new ApiError(response.status, message);
}

export async function getJson(url, signal) {
  const response = await fetch(url, { headers: headers(), signal });
  if (!response.ok) throw await failure(response);
  return response.json();
}

export async function send(url, init) {
  const response = await fetch(url, { ...init, headers: headers(init.headers) });
  if (!response.ok) throw await failure(response);
  return response;
}

/** Server-sent events from a fetch response (EventSource cannot POST): yields { event, data }. */
export async function* readEvents(response) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let event = 'message';
  let data = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end;
    while ((end = buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + (buffer.startsWith('\r\n', end) ? 2 : 1));
      if (line === '') {
        if (data.length) yield { event, data: data.join('\n') };
        event = 'message';
        data = [];
      } else if (line.startsWith('event:')) {
        event = line.slice(6).trim();
      } else if (line.startsWith('data:')) {
        data.push(line.slice(5).replace(/^ /, ''));
      }
    }
  }
  if (data.length) yield { event, data: data.join('\n') };
}
