// The apps list, and one app: its state, release, processes and their control, config, formation,
// releases and deployments. Each form or button shows only when the token's role may use it.

import { call, enc, upload } from '../api.js';
import { h, fill, time, status, shortId, confirmed } from '../dom.js';
import { cronCard } from './cron.js';

// The API's name rule as an HTML pattern. Chromium compiles patterns with the `v` flag, where a
// bare `-` at the end of a class is invalid: hence `\-`.
const NAME_PATTERN = '[a-z0-9]([a-z0-9\\-]{0,61}[a-z0-9])?';

export async function appsPage(view, ctx) {
  const list = h('tbody');
  const name = h('input', {
    id: 'new-app',
    name: 'name',
    required: true,
    maxlength: 63,
    pattern: NAME_PATTERN,
    placeholder: 'new-app-name',
    title: 'lower-case letters, digits and inner hyphens, at most 63',
  });
  fill(
    view,
    h(
      'section',
      { class: 'card' },
      h('h1', {}, 'Apps'),
      ctx.may('admin') &&
        h(
          'form',
          {
            id: 'create-app',
            class: 'row',
            onsubmit: async (e) => {
              e.preventDefault();
              const app = await ctx.run(() => call('POST', '/api/v1/apps', { name: name.value }, ctx.signal));
              if (app) ctx.go(`#/apps/${enc(app.name)}`);
            },
          },
          h('label', {}, 'New app ', name),
          h('button', { type: 'submit' }, 'Create'),
        ),
      h(
        'div',
        { class: 'scroll', tabindex: 0 },
        h('table', { id: 'apps' }, h('thead', {}, h('tr', {}, h('th', {}, 'app'), h('th', {}, 'release'), h('th', {}, 'latest deployment'), h('th', {}, 'created'))), list),
      ),
    ),
  );
  const apps = await ctx.run(() => call('GET', '/api/v1/apps', undefined, ctx.signal));
  if (!apps) return;
  fill(
    list,
    apps.length === 0 ? h('tr', {}, h('td', { colspan: 4, class: 'hint' }, 'No apps yet: create one above.')) : null,
    apps.map((app) =>
      h(
        'tr',
        {},
        h('td', {}, h('a', { href: `#/apps/${enc(app.name)}` }, app.name)),
        h('td', { class: 'mono' }, app.currentRelease ? app.currentRelease.image : '—'),
        h('td', {}, app.latestDeployment ? h('a', { href: `#/deployments/${enc(app.latestDeployment.id)}` }, status(app.latestDeployment.status)) : '—'),
        h('td', {}, time(app.createdAt)),
      ),
    ),
  );
}

export async function appPage(view, ctx, name) {
  const base = `/api/v1/apps/${enc(name)}`;
  const [app, deployments, config] = await Promise.all([
    ctx.run(() => call('GET', base, undefined, ctx.signal)),
    ctx.run(() => call('GET', `${base}/deployments`, undefined, ctx.signal)),
    ctx.run(() => call('GET', `${base}/config`, undefined, ctx.signal)),
  ]);
  if (!app || !deployments || !config) {
    fill(view, h('section', { class: 'card' }, h('h1', {}, name), h('a', { href: '#/apps' }, 'All apps')));
    return;
  }
  const reload = () => appPage(view, ctx, name);
  const deployer = ctx.may('deployer');
  fill(
    view,
    h('p', { class: 'crumbs' }, h('a', { href: '#/apps' }, 'Apps'), ' / ', name),
    h('h1', { id: 'app-name' }, name),
    h(
      'p',
      { class: 'row app-head' },
      h('span', {}, 'State: ', h('span', { id: 'app-state', class: `status ${app.state}` }, app.state)),
      h('a', { href: `#/apps/${enc(name)}/logs`, id: 'logs-link' }, 'Logs'),
      h('a', { href: `#/apps/${enc(name)}/runs`, id: 'runs-link' }, 'Runs'),
      deployer && h('a', { id: 'console-link', href: `#/apps/${enc(name)}/console` }, 'Open a console'),
    ),
    h('div', { class: 'grid' }, releaseCard(app), deployer && deployCard(ctx, base), processesCard(ctx, base, app)),
    configCard(ctx, base, config, reload),
    formationCard(ctx, base, app, reload),
    releasesCard(ctx, base, app, deployments),
    cronCard(ctx, base),
    deploymentsCard(deployments),
    ctx.may('admin') && deleteCard(ctx, base, name),
  );
}

function releaseCard(app) {
  const release = app.currentRelease;
  return h(
    'section',
    { class: 'card', id: 'current-release' },
    h('h2', {}, 'Current release'),
    release
      ? h(
          'dl',
          {},
          h('dt', {}, 'image'),
          h('dd', { class: 'mono' }, release.image),
          h('dt', {}, 'release image'),
          h('dd', { class: 'mono' }, release.releaseImage),
          h('dt', {}, 'deployed'),
          h('dd', {}, time(release.deployedAt), ' by ', h('a', { href: `#/deployments/${enc(release.deploymentId)}` }, shortId(release.deploymentId))),
          app.url ? [h('dt', {}, 'url'), h('dd', {}, h('a', { href: app.url, rel: 'noopener' }, app.url))] : null,
        )
      : h('p', { class: 'hint' }, 'Nothing deployed yet.'),
  );
}

function processesCard(ctx, base, app) {
  const withAddress = app.processes.some((p) => p.address);
  return h(
    'section',
    { class: 'card', id: 'processes' },
    h('h2', {}, 'Processes'),
    ctx.may('deployer') && app.currentRelease ? controls(ctx, base, app) : null,
    app.engineError ? h('p', { class: 'warning' }, `The engine did not answer: ${app.engineError}`) : null,
    app.processes.length === 0
      ? h('p', { class: 'hint' }, 'No process containers.')
      : h(
          'div',
          { class: 'scroll', tabindex: 0 },
          h(
            'table',
            {},
            h(
              'thead',
              {},
              h('tr', {}, h('th', {}, 'type'), h('th', {}, 'state'), h('th', {}, 'restarts'), h('th', {}, 'started'), h('th', {}, 'container'), withAddress ? h('th', {}, 'address') : null),
            ),
            h(
              'tbody',
              {},
              app.processes.map((p) =>
                h(
                  'tr',
                  {},
                  h('td', {}, p.type),
                  h('td', {}, status(p.state)),
                  h('td', {}, p.restarts ?? '—'),
                  h('td', {}, time(p.startedAt)),
                  h('td', { class: 'mono', title: p.containerId }, (p.containerId || '').slice(0, 12)),
                  withAddress ? h('td', { class: 'mono' }, p.address || '—') : null,
                ),
              ),
            ),
          ),
        ),
  );
}

/** Restart, stop and start: each a deployment of its own kind, shown on its deployment page. */
function controls(ctx, base, app) {
  const operation = (action, label, question) =>
    confirmed({ id: action, class: action === 'stop' ? 'danger' : undefined }, label, question, async () => {
      const deployment = await ctx.run(() => call('POST', `${base}/${action}`, undefined, ctx.signal));
      if (deployment) ctx.go(`#/deployments/${enc(deployment.id)}`);
    });
  return h(
    'div',
    { class: 'row', id: 'process-control' },
    operation('restart', 'Restart', 'Replace every process container with a new one?'),
    app.state === 'stopped'
      ? operation('start', 'Start', 'Start the current release again?')
      : operation('stop', 'Stop', 'Stop every process container? The app answers 503 until started.'),
  );
}

function deployCard(ctx, base) {
  const image = h('input', { id: 'image', name: 'image', required: true, placeholder: 'registry.example/shop:1.4', autocomplete: 'off' });
  const timeout = h('input', { id: 'timeout', name: 'timeout', type: 'number', min: 1, max: 86400, placeholder: 'default' });
  const file = h('input', { id: 'context', name: 'context', type: 'file', required: true, accept: '.tar,.tar.gz,.tgz,application/x-tar,application/gzip' });
  const progress = h('progress', { id: 'upload-progress', max: 100, value: 0, hidden: true });
  const progressText = h('span', { class: 'hint', id: 'upload-percent' });
  const timeoutSeconds = () => (timeout.value ? Number(timeout.value) : undefined);
  return h(
    'section',
    { class: 'card', id: 'deploy' },
    h('h2', {}, 'Deploy'),
    h(
      'form',
      {
        id: 'deploy-image',
        onsubmit: async (e) => {
          e.preventDefault();
          const body = { image: image.value.trim() };
          if (timeoutSeconds()) body.taskTimeoutSeconds = timeoutSeconds();
          const deployment = await ctx.run(() => call('POST', `${base}/deployments`, body, ctx.signal));
          if (deployment) ctx.go(`#/deployments/${enc(deployment.id)}`);
        },
      },
      h('label', {}, 'Image ', image),
      h('label', {}, 'Task timeout (s) ', timeout),
      h('button', { type: 'submit' }, 'Deploy image'),
    ),
    h(
      'form',
      {
        id: 'deploy-context',
        onsubmit: async (e) => {
          e.preventDefault();
          progress.hidden = false;
          const query = timeoutSeconds() ? `?taskTimeoutSeconds=${timeoutSeconds()}` : '';
          const deployment = await ctx.run(() =>
            upload(`${base}/deployments${query}`, file.files[0], (fraction) => {
              progress.value = Math.round(fraction * 100);
              progressText.textContent = `${progress.value} %`;
            }),
          );
          if (deployment) ctx.go(`#/deployments/${enc(deployment.id)}`);
          else progress.hidden = true;
        },
      },
      h('label', {}, 'Build context (tar with a Dockerfile, optionally gzip) ', file),
      h('button', { type: 'submit' }, 'Upload and deploy'),
      progress,
      progressText,
    ),
  );
}

function configCard(ctx, base, config, reload) {
  const key = h('input', { id: 'config-key', name: 'key', required: true, maxlength: 255, placeholder: 'NAME', autocomplete: 'off' });
  const value = h('input', { id: 'config-value', name: 'value', type: 'password', required: true, autocomplete: 'off' });
  const names = Object.keys(config).sort();
  return h(
    'section',
    { class: 'card', id: 'config' },
    h('h2', {}, 'Config'),
    names.length === 0
      ? h('p', { class: 'hint' }, 'No config variables.')
      : h(
          'div',
          { class: 'scroll', tabindex: 0 },
          h(
            'table',
            {},
            h(
              'tbody',
              {},
              names.map((name) => {
                const shown = h('span', { class: 'mono secret' }, '••••••••');
                let revealed = false;
                return h(
                  'tr',
                  { dataset: { key: name } },
                  h('td', { class: 'mono' }, name),
                  h('td', {}, shown),
                  h(
                    'td',
                    { class: 'actions' },
                    ctx.may('deployer') && [
                      h(
                        'button',
                        {
                          type: 'button',
                          class: 'link reveal',
                          onclick: (e) => {
                            revealed = !revealed;
                            shown.textContent = revealed ? config[name] : '••••••••';
                            e.target.textContent = revealed ? 'Hide' : 'Reveal';
                          },
                        },
                        'Reveal',
                      ),
                      h(
                        'button',
                        {
                          type: 'button',
                          class: 'link edit',
                          onclick: () => {
                            key.value = name;
                            value.value = config[name];
                            value.focus();
                          },
                        },
                        'Edit',
                      ),
                      h(
                        'button',
                        {
                          type: 'button',
                          class: 'link danger remove',
                          onclick: async () => {
                            const rest = { ...config };
                            delete rest[name];
                            if ((await ctx.run(() => call('PATCH', `${base}/config`, { [name]: null }, ctx.signal))) !== undefined) reload();
                          },
                        },
                        'Remove',
                      ),
                    ],
                  ),
                );
              }),
            ),
          ),
        ),
    ctx.may('deployer') &&
      h(
        'form',
        {
          id: 'config-form',
          class: 'row',
          onsubmit: async (e) => {
            e.preventDefault();
            const changed = await ctx.run(() => call('PATCH', `${base}/config`, { [key.value.trim()]: value.value }, ctx.signal));
            if (changed !== undefined) reload();
          },
        },
        h('label', {}, 'Name ', key),
        h('label', {}, 'Value ', value),
        h('button', { type: 'submit' }, 'Set'),
      ),
    h('p', { class: 'hint' }, 'A change to an app with a release starts a config deployment at once; before the first release, values wait for it.'),
  );
}

function formationCard(ctx, base, app, reload) {
  const types = { web: 1, ...(app.formation || {}) };
  const inputs = Object.keys(types).map((type) => [type, h('input', { type: 'number', min: 0, max: 1000, value: types[type], name: type, id: `scale-${type}` })]);
  const newType = h('input', { name: 'type', placeholder: 'worker', maxlength: 63, autocomplete: 'off', id: 'scale-new-type' });
  const newCount = h('input', { type: 'number', min: 0, max: 1000, name: 'count', placeholder: '0', id: 'scale-new-count' });
  if (!ctx.may('deployer')) {
    return h('section', { class: 'card', id: 'formation' }, h('h2', {}, 'Formation'), h('p', {}, Object.entries(types).map(([type, count]) => `${type}=${count}`).join(' ')));
  }
  return h(
    'section',
    { class: 'card', id: 'formation' },
    h('h2', {}, 'Formation'),
    h(
      'form',
      {
        id: 'formation-form',
        class: 'row',
        onsubmit: async (e) => {
          e.preventDefault();
          const body = Object.fromEntries(inputs.map(([type, input]) => [type, Number(input.value)]));
          if (newType.value.trim()) body[newType.value.trim()] = Number(newCount.value || 0);
          const answer = await ctx.run(() => call('PUT', `${base}/formation`, body, ctx.signal));
          // A running release is scaled at once by a SCALE deployment; else the formation waits.
          if (answer?.kind === 'SCALE') ctx.go(`#/deployments/${enc(answer.id)}`);
          else if (answer !== undefined) reload();
        },
      },
      inputs.map(([type, input]) => h('label', {}, `${type} `, input)),
      h('label', {}, 'add type ', newType),
      h('label', {}, 'its count ', newCount),
      h('button', { type: 'submit' }, 'Scale'),
    ),
    h('p', { class: 'hint' }, app.currentRelease ? 'Applied at once: a scale deployment adds or removes containers.' : 'Applied at the next deployment.'),
  );
}

/** The successful deployments: each earlier one can run again; the running one cannot. */
function releasesCard(ctx, base, app, deployments) {
  const running = app.currentRelease?.deploymentId;
  // The gateway keeps the release images of an app's last 10 successful deployments, no more.
  const releases = deployments.filter((d) => d.status === 'SUCCEEDED').slice(0, 10);
  return h(
    'section',
    { class: 'card', id: 'releases' },
    h('h2', {}, 'Releases'),
    releases.length === 0
      ? h('p', { class: 'hint' }, 'No successful deployment yet.')
      : h(
          'div',
          { class: 'scroll', tabindex: 0 },
          h(
            'table',
            {},
            h('thead', {}, h('tr', {}, h('th', {}, 'deployed'), h('th', {}, 'image'), h('th', {}, 'deployment'), h('th', {}, ''))),
            h(
              'tbody',
              {},
              releases.map((d) =>
                h(
                  'tr',
                  { dataset: { deployment: d.id } },
                  h('td', {}, time(d.finishedAt)),
                  h('td', { class: 'mono' }, d.image),
                  h('td', {}, h('a', { href: `#/deployments/${enc(d.id)}` }, shortId(d.id)), ` ${d.kind.toLowerCase()}`),
                  h(
                    'td',
                    {},
                    d.id === running
                      ? h('span', { class: 'badge' }, 'running')
                      : ctx.may('deployer') &&
                        h(
                          'button',
                          {
                            type: 'button',
                            class: 'rollback',
                            onclick: async () => {
                              const rollback = await ctx.run(() => call('POST', `${base}/rollback`, { release: d.id }, ctx.signal));
                              if (rollback) ctx.go(`#/deployments/${enc(rollback.id)}`);
                            },
                          },
                          'Roll back to this',
                        ),
                  ),
                ),
              ),
            ),
          ),
        ),
  );
}

function deploymentsCard(deployments) {
  return h(
    'section',
    { class: 'card', id: 'deployments' },
    h('h2', {}, 'Deployments'),
    deployments.length === 0
      ? h('p', { class: 'hint' }, 'No deployments yet.')
      : h(
          'div',
          { class: 'scroll', tabindex: 0 },
          h(
            'table',
            {},
            h('thead', {}, h('tr', {}, h('th', {}, 'created'), h('th', {}, 'kind'), h('th', {}, 'status'), h('th', {}, 'image'), h('th', {}, 'reason'))),
            h(
              'tbody',
              {},
              deployments.map((d) =>
                h(
                  'tr',
                  { dataset: { deployment: d.id } },
                  h('td', {}, h('a', { href: `#/deployments/${enc(d.id)}` }, time(d.createdAt))),
                  h('td', {}, d.kind.toLowerCase()),
                  h('td', {}, status(d.status)),
                  h('td', { class: 'mono' }, d.image || '—'),
                  h('td', { class: 'reason' }, d.reason || ''),
                ),
              ),
            ),
          ),
        ),
  );
}

function deleteCard(ctx, base, name) {
  const confirmation = h('input', { id: 'delete-confirm', name: 'confirm', autocomplete: 'off', placeholder: name });
  const button = h('button', { type: 'submit', class: 'danger', disabled: true }, 'Delete for good');
  confirmation.addEventListener('input', () => {
    button.disabled = confirmation.value !== name;
  });
  return h(
    'section',
    { class: 'card', id: 'delete' },
    h('h2', {}, 'Delete app'),
    h(
      'form',
      {
        class: 'row',
        onsubmit: async (e) => {
          e.preventDefault();
          if (confirmation.value !== name) return;
          if ((await ctx.run(() => call('DELETE', base, undefined, ctx.signal))) !== undefined) ctx.go('#/apps');
        },
      },
      h('label', {}, `Stops and removes its containers, images and history. Type “${name}” to confirm `, confirmation),
      button,
    ),
  );
}
