// The public REST API, as the pages call it: the token from this browser session, JSON in and
// out, and every failure turned into an ApiError that carries the problem+json the server sent.

const TOKEN_KEY = 'slipway.token';
const ROLES = ['viewer', 'deployer', 'admin'];

// Who the token is ({actor, role, apps}), asked once per page load and sign-in.
let caller = null;

export const session = {
  token: () => sessionStorage.getItem(TOKEN_KEY),
  signIn: (token) => {
    caller = null;
    sessionStorage.setItem(TOKEN_KEY, token);
  },
  signOut: () => {
    caller = null;
    sessionStorage.removeItem(TOKEN_KEY);
  },
};

/** The signed-in token's actor, role and apps, from GET /api/v1/session. */
export async function whoAmI(signal) {
  if (!caller) caller = await call('GET', '/api/v1/session', undefined, signal);
  return caller;
}

/** Whether a caller's role holds role: the roles grow one on the other, viewer < deployer < admin. */
export function holds(who, role) {
  return ROLES.indexOf(who.role) >= ROLES.indexOf(role);
}

/** A refused or failed call: {title, detail, errors} as the server's problem+json gave them. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

function headers(extra) {
  return { Authorization: `Bearer ${session.token()}`, ...extra };
}

/** Reads a non-2xx answer into an ApiError; a body that is no problem+json still gives a title. */
export async function failure(response) {
  let problem = { title: `${response.status} ${response.statusText}`.trim() };
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try {
      problem = { ...problem, ...(await response.json()) };
    } catch {
      // An unreadable body: the status line says enough.
    }
  }
  return new ApiError(response.status, problem);
}

/** One JSON call; resolves to the parsed body, or null for 204. */
export async function call(method, path, body, signal) {
  let response;
  try {
    response = await fetch(path, {
      method,
      signal,
      headers: headers(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, { title: 'The gateway cannot be reached', detail: e.message });
  }
  if (!response.ok) throw await failure(response);
  return response.status === 204 ? null : response.json();
}

/**
 * Uploads a build context. XMLHttpRequest, not fetch: only it reports upload progress.
 * onProgress gets the fraction sent (0..1).
 */
export function upload(path, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Authorization', `Bearer ${session.token()}`);
    xhr.setRequestHeader('Content-Type', /\.(tgz|gz)$/i.test(file.name) ? 'application/gzip' : 'application/x-tar');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError(0, { title: 'The upload failed', detail: 'the connection was lost' }));
    xhr.onload = () => {
      let body = {};
      try {
        body = JSON.parse(xhr.responseText || '{}');
      } catch {
        body = {};
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new ApiError(xhr.status, { title: `${xhr.status} ${xhr.statusText}`, ...body }));
    };
    xhr.send(file);
  });
}

export const enc = encodeURIComponent;
