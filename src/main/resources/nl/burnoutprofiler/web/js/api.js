// Fetch helpers for /api/v1: same-origin cookie, CSRF header on state-changing calls, problem+json errors.
import { t } from './i18n.js';

/** An HTTP error with the RFC 9457 problem body (or a stand-in one). status 0 = network failure. */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }

  /** Field problems of a 400, [] when none. */
  get fieldErrors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

let session;        // undefined = not asked yet, null = not signed in
let sessionRequest;

/** The page the user is on, as a relative URL login.html can send them back to. */
export function currentPage() {
  const file = location.pathname.split('/').pop() || 'index.html';
  return file + location.search;
}

export function goToLogin() {
  location.assign('login.html?next=' + encodeURIComponent(currentPage()));
}

/**
 * Only a page of this site may be the target after sign-in: a relative path that stays on our origin.
 * Anything else (other hosts, //host, javascript:) falls back to index.html.
 */
export function safeNext(next) {
  if (!next || /^[a-z][a-z0-9+.-]*:/i.test(next) || next.startsWith('//') || next.includes('\\')) {
    return 'index.html';
  }
  try {
    const url = new URL(next, location.href);
    if (url.origin !== location.origin) return 'index.html';
    return url.pathname + url.search + url.hash;
  } catch {
    return 'index.html';
  }
}

async function readProblem(response) {
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try {
      return await response.json();
    } catch {
      // fall through to a stand-in
    }
  }
  return { status: response.status, title: response.statusText };
}

async function send(method, path, body, { csrf = true } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (method !== 'GET' && method !== 'HEAD') {
    headers['Content-Type'] = 'application/json';
    if (csrf) {
      const current = await getSession();
      if (current && current.csrfToken) headers['X-CSRF-Token'] = current.csrfToken;
    }
  }
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body)
    });
  } catch {
    throw new ApiError(0, { title: 'Network error', detail: t('error.network') });
  }
}

/** The signed-in user ({username, displayName, role, csrfToken}) or null. Asked once per page. */
export function getSession({ refresh = false } = {}) {
  if (refresh) {
    session = undefined;
    sessionRequest = undefined;
  }
  if (session !== undefined) return Promise.resolve(session);
  if (!sessionRequest) {
    sessionRequest = (async () => {
      const response = await send('GET', '/api/v1/session');
      if (response.status === 401) {
        session = null;
      } else if (response.ok) {
        session = await response.json();
      } else {
        sessionRequest = undefined;
        throw new ApiError(response.status, await readProblem(response));
      }
      return session;
    })();
  }
  return sessionRequest;
}

export async function signIn(username, password) {
  const response = await send('POST', '/api/v1/session', { username, password }, { csrf: false });
  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  session = await response.json();
  return session;
}

export async function signOut() {
  const response = await send('DELETE', '/api/v1/session');
  session = null;
  if (!response.ok && response.status !== 401) {
    throw new ApiError(response.status, await readProblem(response));
  }
}

/**
 * Calls the API and returns the parsed JSON (null for 204). A 401 sends the browser to the sign-in page;
 * every other failure throws an ApiError.
 */
export async function api(method, path, body) {
  const response = await send(method, path, body);
  if (response.status === 401) {
    goToLogin();
    throw new ApiError(401, await readProblem(response));
  }
  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  if (response.status === 204) return null;
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

export const getJson = (path) => api('GET', path);
export const postJson = (path, body) => api('POST', path, body);

let catalogueRequest;
/** The observation catalogue, fetched once per page. */
export function getCatalogue() {
  if (!catalogueRequest) {
    catalogueRequest = getJson('/api/v1/catalogue').catch((e) => {
      catalogueRequest = undefined;
      throw e;
    });
  }
  return catalogueRequest;
}

/** A sentence for the user about an ApiError (or any error). */
export function describeError(error) {
  if (!(error instanceof ApiError)) return t('error.generic', { status: error && error.message });
  if (error.status === 0) return t('error.network');
  const detail = error.problem.detail;
  switch (error.status) {
    case 403: return detail ? `${t('error.forbidden')} (${detail})` : t('error.forbidden');
    case 404: return t('error.notFound');
    case 409: return detail || t('error.conflict');
    default: return detail || error.problem.title || t('error.generic', { status: error.status });
  }
}

/** Removes what this browser tab kept of intakes and previews (sessionStorage keys starting bp-). */
export function clearLocalWork() {
  try {
    for (let i = sessionStorage.length - 1; i >= 0; i--) {
      const key = sessionStorage.key(i);
      if (key && key.startsWith('bp-')) sessionStorage.removeItem(key);
    }
  } catch {
    // storage unavailable: nothing was kept
  }
}
