// The JSON API client of the web app. The bearer token lives in this module's
// memory only (never in localStorage, sessionStorage, a cookie or a URL): a
// reload signs the user out, which is the price of keeping it out of storage.
//
// Every call resolves with the parsed JSON body (or null for 204) and rejects
// with an ApiError carrying the server's {"error":{"code","field","message"}}.

// An error answer of the API. `status` is the HTTP status (0 when the server
// could not be reached), `field` the request field it names ("" when none).
export class ApiError extends Error {
  constructor(status, code, field, message) {
    super(message || `request failed (${status})`);
    this.status = status;
    this.code = code || '';
    this.field = field || '';
  }
}

let token = null;
let onSignedOut = () => {};
let onActivity = () => {};

// Installs the session token (null to forget it).
export function setToken(value) {
  token = value;
}

// True when a session token is held.
export function hasToken() {
  return token !== null;
}

// `handler()` runs when an authenticated call answers 401 (the session ended
// on the server: idle, absolute timeout, password change, disabled account).
export function onSessionEnded(handler) {
  onSignedOut = handler;
}

// `handler()` runs after every successful authenticated call (it refreshed
// the server's idle timer).
export function onServerActivity(handler) {
  onActivity = handler;
}

// Builds "/api/v1<path>?query" from `path` and an object of query parameters
// (null, undefined and '' values are left out).
export function apiUrl(path, query) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query || {})) {
    if (value !== null && value !== undefined && value !== '') params.append(key, String(value));
  }
  const text = params.toString();
  return `/api/v1${path}${text ? `?${text}` : ''}`;
}

// `credentialCheck`: the request itself checks a password (POST
// /auth/password), so its 401 means a wrong password, not an ended session.
async function send(method, path, { body, query, accept = 'application/json', credentialCheck = false } = {}) {
  const headers = { Accept: accept };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(apiUrl(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
  } catch {
    throw new ApiError(0, 'unreachable', '', 'The server could not be reached. Check the connection and try again.');
  }
  if (response.status === 401 && token && !credentialCheck) {
    token = null;
    onSignedOut();
  } else if (response.ok && token) {
    onActivity();
  }
  return response;
}

async function errorOf(response) {
  let error = {};
  try {
    error = (await response.json()).error || {};
  } catch {
    // Not JSON (a proxy's page): the status says enough.
  }
  return new ApiError(response.status, error.code, error.field, error.message);
}

// Sends a request and returns its JSON body (null when empty).
export async function call(method, path, options) {
  const response = await send(method, path, options);
  if (!response.ok) throw await errorOf(response);
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

// Sends a GET and returns the body as a Blob (files, CSV, bundles) with the
// file name from Content-Disposition when there is one.
export async function download(path, { query, accept = '*/*' } = {}) {
  const response = await send('GET', path, { query, accept });
  if (!response.ok) throw await errorOf(response);
  const disposition = response.headers.get('Content-Disposition') || '';
  const match = disposition.match(/filename="?([^";]+)"?/);
  return { blob: await response.blob(), filename: match ? match[1] : '' };
}

export const api = {
  get: (path, query) => call('GET', path, { query }),
  post: (path, body, options) => call('POST', path, { ...options, body: body === undefined ? {} : body }),
  put: (path, body) => call('PUT', path, { body }),
  patch: (path, body) => call('PATCH', path, { body }),
  del: (path) => call('DELETE', path),
};
