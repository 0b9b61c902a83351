// The admin pages: API tokens (list, create with the value shown once, revoke) and the audit log
// (newest first, filtered by app and actor). Other roles get neither link nor page.

import { call, enc } from '../api.js';
import { h, fill, time, confirmed } from '../dom.js';

function adminOnly(view, ctx, title) {
  if (ctx.may('admin')) return false;
  fill(view, h('section', { class: 'card' }, h('h1', {}, title), h('p', {}, 'Only an admin token opens this page.')));
  return true;
}

export async function tokensPage(view, ctx) {
  if (adminOnly(view, ctx, 'Tokens')) return;
  const list = h('div', { class: 'scroll', tabindex: 0 });
  const created = h('div', { id: 'created-token', 'aria-live': 'polite' });
  const load = async () => {
    const tokens = await ctx.run(() => call('GET', '/api/v1/tokens', undefined, ctx.signal));
    if (tokens) fill(list, tokensTable(ctx, tokens, load));
  };
  fill(view, h('h1', {}, 'Tokens'), createCard(ctx, created, load), h('section', { class: 'card' }, h('h2', {}, 'All tokens'), list));
  await load();
}

function createCard(ctx, created, load) {
  const name = h('input', { id: 'token-name', name: 'name', required: true, maxlength: 100, autocomplete: 'off', placeholder: 'ci-deployer' });
  const role = h('select', { id: 'token-role', name: 'role' }, ['viewer', 'deployer', 'admin'].map((r) => h('option', { value: r }, r)));
  const apps = h('input', { id: 'token-apps', name: 'apps', maxlength: 4000, autocomplete: 'off', placeholder: 'every app' });
  const expires = h('input', { id: 'token-expires', name: 'expiresAt', type: 'datetime-local' });
  return h(
    'section',
    { class: 'card' },
    h('h2', {}, 'Create a token'),
    h(
      'form',
      {
        id: 'token-form',
        class: 'row',
        onsubmit: async (e) => {
          e.preventDefault();
          const body = { name: name.value.trim(), role: role.value };
          const limited = apps.value.split(/[\s,]+/).filter(Boolean);
          if (limited.length) body.apps = limited;
          if (expires.value) body.expiresAt = new Date(expires.value).toISOString();
          const token = await ctx.run(() => call('POST', '/api/v1/tokens', body, ctx.signal));
          if (!token) return;
          name.value = '';
          apps.value = '';
          expires.value = '';
          // The value exists only in this answer: the gateway keeps its hash.
          fill(
            created,
            h(
              'div',
              { class: 'once' },
              h('p', {}, h('strong', {}, `Token “${token.name}” created.`), ' Copy its value now: it is shown this once.'),
              h('code', { id: 'new-token-value', class: 'mono' }, token.token),
              h('button', { type: 'button', class: 'link', onclick: () => fill(created) }, 'Done, hide it'),
            ),
          );
          await load();
        },
      },
      h('label', {}, 'Name ', name),
      h('label', {}, 'Role ', role),
      h('label', {}, 'Limited to apps (comma-separated) ', apps),
      h('label', {}, 'Expires ', expires),
      h('button', { type: 'submit' }, 'Create'),
    ),
    created,
  );
}

function tokensTable(ctx, tokens, load) {
  if (tokens.length === 0) return h('p', { class: 'hint' }, 'No tokens yet.');
  return h(
    'table',
    { id: 'tokens' },
    h('thead', {}, h('tr', {}, h('th', {}, 'name'), h('th', {}, 'role'), h('th', {}, 'apps'), h('th', {}, 'created'), h('th', {}, 'by'), h('th', {}, 'expires'), h('th', {}, 'revoked'))),
    h(
      'tbody',
      {},
      tokens.map((token) =>
        h(
          'tr',
          { dataset: { token: token.id, name: token.name } },
          h('td', {}, token.name),
          h('td', {}, token.role),
          h('td', {}, token.apps ? token.apps.join(', ') : 'every app'),
          h('td', {}, time(token.createdAt)),
          h('td', {}, token.createdBy),
          h('td', {}, token.expiresAt ? time(token.expiresAt) : 'never'),
          h(
            'td',
            { class: 'actions' },
            token.revokedAt
              ? h('span', { class: 'revoked' }, time(token.revokedAt))
              : confirmed({ class: 'danger revoke' }, 'Revoke', `Refuse “${token.name}” from now on?`, async () => {
                  if ((await ctx.run(() => call('DELETE', `/api/v1/tokens/${enc(token.id)}`, undefined, ctx.signal))) !== undefined) await load();
                }),
          ),
        ),
      ),
    ),
  );
}

export async function auditPage(view, ctx) {
  if (adminOnly(view, ctx, 'Audit log')) return;
  const app = h('input', { id: 'audit-app', name: 'app', maxlength: 100, autocomplete: 'off', placeholder: 'any app' });
  const actor = h('input', { id: 'audit-actor', name: 'actor', maxlength: 100, autocomplete: 'off', placeholder: 'anyone' });
  const list = h('div', { class: 'scroll', tabindex: 0 });
  const load = async () => {
    const params = new URLSearchParams();
    if (app.value.trim()) params.set('app', app.value.trim());
    if (actor.value.trim()) params.set('actor', actor.value.trim());
    const entries = await ctx.run(() => call('GET', `/api/v1/audit?${params}`, undefined, ctx.signal));
    if (entries) fill(list, auditTable(entries));
  };
  fill(
    view,
    h('h1', {}, 'Audit log'),
    h(
      'section',
      { class: 'card' },
      h(
        'form',
        {
          id: 'audit-filter',
          class: 'row',
          onsubmit: (e) => {
            e.preventDefault();
            load();
          },
        },
        h('label', {}, 'App ', app),
        h('label', {}, 'Actor ', actor),
        h('button', { type: 'submit' }, 'Filter'),
      ),
      h('p', { class: 'hint' }, 'Newest first: every change and every refused request; never a config value or a token.'),
      list,
    ),
  );
  await load();
}

function auditTable(entries) {
  if (entries.length === 0) return h('p', { class: 'hint' }, 'No entries.');
  return h(
    'table',
    { id: 'audit' },
    h(
      'thead',
      {},
      h('tr', {}, h('th', {}, 'at'), h('th', {}, 'actor'), h('th', {}, 'role'), h('th', {}, 'action'), h('th', {}, 'app'), h('th', {}, 'target'), h('th', {}, 'outcome'), h('th', {}, 'from')),
    ),
    h(
      'tbody',
      {},
      entries.map((entry) =>
        h(
          'tr',
          { dataset: { entry: entry.id } },
          h('td', {}, time(entry.at)),
          h('td', {}, entry.actor ?? '—'),
          h('td', {}, entry.role ?? '—'),
          h('td', { class: 'mono' }, entry.action),
          h('td', {}, entry.app ?? ''),
          h('td', { class: 'mono' }, entry.target ?? ''),
          h('td', { class: `outcome ${entry.outcome}` }, entry.status ? `${entry.outcome} (${entry.status})` : entry.outcome),
          h('td', { class: 'mono' }, entry.sourceAddress ?? ''),
        ),
      ),
    ),
  );
}
