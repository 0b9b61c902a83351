// The web UI: hash routes (#/apps, #/apps/{app}, #/apps/{app}/logs, #/apps/{app}/runs, #/runs/{id},
// #/deployments/{id}, #/manifests, #/tokens, #/audit), each a page drawn from the public REST API. A
// route change aborts the previous page's calls and streams. Pages offer only what the token's role
// may do (GET /api/v1/session tells it); the API refuses the rest anyway.

import { ApiError, holds, session, whoAmI } from './api.js';
import { h, fill } from './dom.js';
import { appsPage, appPage } from './pages/apps.js';
import { deploymentPage } from './pages/deployment.js';
import { manifestPage } from './pages/manifest.js';
import { appLogsPage } from './pages/logs.js';
import { runsPage, runPage } from './pages/runs.js';
import { tokensPage, auditPage } from './pages/admin.js';
import { consolePage } from './pages/console.js';

const view = document.getElementById('view');
const problemBox = document.getElementById('problem');
const nav = document.getElementById('nav');

const routes = [
  [/^#\/apps\/?$/, appsPage],
  [/^#\/apps\/([a-z0-9-]{1,63})$/, appPage],
  [/^#\/apps\/([a-z0-9-]{1,63})\/console$/, consolePage],
  [/^#\/deployments\/([A-Za-z0-9-]{1,64})$/, deploymentPage],
  [/^#\/manifests$/, manifestPage],
  [/^#\/apps\/([a-z0-9-]{1,63})\/logs$/, appLogsPage],
  [/^#\/apps\/([a-z0-9-]{1,63})\/runs$/, runsPage],
  [/^#\/runs\/([A-Za-z0-9-]{1,64})$/, runPage],
  [/^#\/tokens$/, tokensPage],
  [/^#\/audit$/, auditPage],
];

let current = null;

/** What every page gets: its abort signal, the shared problem banner, and may(role) for what to offer. */
function context(controller) {
  return {
    signal: controller.signal,
    may: () => false,
    show: showProblem,
    clear: clearProblem,
    go: (hash) => {
      location.hash = hash;
    },
    /** Runs an API action: clears the banner first, shows what fails, signs out on a 401. */
    async run(action) {
      clearProblem();
      try {
        return await action();
      } catch (e) {
        if (e.name === 'AbortError') return undefined;
        if (e instanceof ApiError && e.status === 401) {
          session.signOut();
          route();
        }
        showProblem(e);
        return undefined;
      }
    },
  };
}

export function showProblem(error) {
  const problem = error.problem || { title: error.message };
  fill(
    problemBox,
    h('strong', {}, problem.title || 'Something failed'),
    problem.detail ? h('span', {}, ` — ${problem.detail}`) : null,
    Array.isArray(problem.errors) && problem.errors.length
      ? h(
          'ul',
          {},
          problem.errors.map((e) =>
            h('li', {}, [e.file, e.line ? `${e.line}:${e.column}` : null, e.path].filter(Boolean).join(' '), ` ${e.message}`),
          ),
        )
      : null,
    h('button', { type: 'button', class: 'link', 'aria-label': 'Dismiss', onclick: clearProblem }, '×'),
  );
  problemBox.hidden = false;
}

export function clearProblem() {
  problemBox.hidden = true;
  problemBox.replaceChildren();
}

function signInPage(ctx) {
  nav.hidden = true;
  const input = h('input', {
    id: 'token',
    name: 'token',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
    placeholder: 'SLIPWAY_API_TOKEN',
  });
  fill(
    view,
    h(
      'form',
      {
        id: 'sign-in',
        class: 'card narrow',
        onsubmit: async (e) => {
          e.preventDefault();
          session.signIn(input.value.trim());
          const who = await ctx.run(() => whoAmI(ctx.signal));
          if (who !== undefined) route();
        },
      },
      h('h1', {}, 'Sign in'),
      h(
        'p',
        { class: 'hint' },
        'The API token: SLIPWAY_API_TOKEN, or the one the gateway printed at its first start (kept in <data dir>/api-token). It stays in this browser tab only.',
      ),
      h('label', {}, 'API token ', input),
      h('button', { type: 'submit' }, 'Sign in'),
    ),
  );
  input.focus();
}

async function route() {
  current?.abort();
  current = new AbortController();
  const ctx = context(current);
  clearProblem();
  if (!session.token()) {
    signInPage(ctx);
    return;
  }
  const who = await ctx.run(() => whoAmI(ctx.signal));
  if (!who || ctx.signal.aborted) return;
  ctx.may = (role) => holds(who, role);
  nav.hidden = false;
  nav.querySelectorAll('[data-role]').forEach((link) => {
    link.hidden = !ctx.may(link.dataset.role);
  });
  document.getElementById('who').textContent = `${who.actor} (${who.role})`;
  if (!location.hash || location.hash === '#' || location.hash === '#/') {
    location.replace('#/apps');
    return;
  }
  for (const [pattern, page] of routes) {
    const match = location.hash.match(pattern);
    if (match) {
      view.replaceChildren();
      page(view, ctx, ...match.slice(1).map(decodeURIComponent));
      return;
    }
  }
  fill(view, h('section', { class: 'card' }, h('h1', {}, 'Not found'), h('p', {}, 'No page at this address. '), h('a', { href: '#/apps' }, 'All apps')));
}

document.getElementById('sign-out').addEventListener('click', () => {
  session.signOut();
  route();
});
window.addEventListener('hashchange', route);
route();
