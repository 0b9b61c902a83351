// The app page's cron card: the app.json cron entries of the current release, each with its next
// firing and its last run (linked to its output), run now, suspend and resume (for deployers). Its own file, and it loads its own data,
// so the app page only places it.

import { call, enc } from '../api.js';
import { h, fill, time, status, shortId } from '../dom.js';

/** A card that fills itself from GET {base}/cron, and again after each change. */
export function cronCard(ctx, base) {
  const card = h('section', { class: 'card', id: 'cron' }, h('h2', {}, 'Cron'), h('p', { class: 'hint' }, 'Loading…'));
  load(ctx, base, card);
  return card;
}

async function load(ctx, base, card) {
  const entries = await ctx.run(() => call('GET', `${base}/cron`, undefined, ctx.signal));
  if (!entries) return;
  const reload = () => load(ctx, base, card);
  fill(
    card,
    h('h2', {}, 'Cron'),
    entries.length === 0
      ? h('p', { class: 'hint' }, "The current release's app.json has no cron entries.")
      : h(
          'div',
          { class: 'scroll', tabindex: 0 },
          h(
            'table',
            {},
            h(
              'thead',
              {},
              h('tr', {}, ['schedule (UTC)', 'command', 'policy', 'next run', 'last run', ''].map((title) => h('th', {}, title))),
            ),
            h('tbody', {}, entries.map((entry) => row(ctx, base, entry, reload))),
          ),
        ),
  );
}

function row(ctx, base, entry, reload) {
  const path = `${base}/cron/${enc(entry.id)}`;
  const last = entry.lastRun;
  return h(
    'tr',
    { dataset: { cron: entry.id } },
    h('td', { class: 'mono' }, entry.schedule),
    h('td', { class: 'mono' }, entry.command),
    h('td', {}, entry.concurrencyPolicy),
    h('td', {}, entry.suspended ? h('span', { class: 'badge' }, 'suspended') : time(entry.nextRunAt)),
    // The run's page shows its output; the title carries its id whole.
    h('td', {}, last ? [status(last.status), ' ', h('a', { class: 'mono', title: last.id, href: `#/runs/${enc(last.id)}` }, shortId(last.id)), ' ', time(last.createdAt)] : '—'),
    h(
      'td',
      {},
      ctx.may('deployer') && [
        h(
          'button',
          {
            type: 'button',
            class: 'cron-run',
            onclick: async () => {
              if ((await ctx.run(() => call('POST', `${path}/run`, undefined, ctx.signal))) !== undefined) reload();
            },
          },
          'Run now',
        ),
        ' ',
        h(
          'button',
          {
            type: 'button',
            class: 'cron-suspend',
            onclick: async () => {
              const body = { suspended: !entry.suspended };
              if ((await ctx.run(() => call('PUT', path, body, ctx.signal))) !== undefined) reload();
            },
          },
          entry.suspended ? 'Resume' : 'Suspend',
        ),
      ],
    ),
  );
}
