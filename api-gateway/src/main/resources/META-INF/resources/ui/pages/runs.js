// An app's one-off runs, newest first, with a form that starts a non-interactive one; and one run:
// its status, exit code and output, streamed live and resumed with Last-Event-ID after a drop.

import { call, enc } from '../api.js';
import { followStream } from '../events.js';
import { h, fill, time, status, duration, shortId } from '../dom.js';

const ACTIVE = ['QUEUED', 'RUNNING'];

export async function runsPage(view, ctx, name) {
  const base = `/api/v1/apps/${enc(name)}`;
  const runs = await ctx.run(() => call('GET', `${base}/runs`, undefined, ctx.signal));
  const head = [h('p', { class: 'crumbs' }, h('a', { href: '#/apps' }, 'Apps'), ' / ', h('a', { href: `#/apps/${enc(name)}` }, name), ' / runs'), h('h1', {}, `Runs of ${name}`)];
  if (!runs) {
    fill(view, head);
    return;
  }
  fill(view, head, ctx.may('deployer') ? startCard(ctx, base) : null, h('section', { class: 'card' }, h('h2', {}, 'History'), runsTable(runs)));
}

function startCard(ctx, base) {
  const command = h('input', { id: 'run-command', name: 'command', required: true, maxlength: 4096, placeholder: 'rake db:migrate', autocomplete: 'off' });
  const timeout = h('input', { id: 'run-timeout', name: 'timeout', type: 'number', min: 1, max: 86400, placeholder: 'default' });
  return h(
    'section',
    { class: 'card' },
    h('h2', {}, 'Start a run'),
    h(
      'form',
      {
        id: 'run-form',
        class: 'row',
        onsubmit: async (e) => {
          e.preventDefault();
          const body = { command: command.value };
          if (timeout.value) body.timeoutSeconds = Number(timeout.value);
          const run = await ctx.run(() => call('POST', `${base}/runs`, body, ctx.signal));
          if (run) ctx.go(`#/runs/${enc(run.id)}`);
        },
      },
      h('label', {}, 'Command or process type ', command),
      h('label', {}, 'Timeout (s) ', timeout),
      h('button', { type: 'submit' }, 'Run'),
    ),
    h('p', { class: 'hint' }, 'In a new container of the current release, with the app’s config; its changes are discarded.'),
  );
}

function runsTable(runs) {
  if (runs.length === 0) return h('p', { class: 'hint' }, 'No runs yet.');
  return h(
    'div',
    { class: 'scroll', tabindex: 0 },
    h(
      'table',
      { id: 'runs' },
      h('thead', {}, h('tr', {}, h('th', {}, 'created'), h('th', {}, 'command'), h('th', {}, 'trigger'), h('th', {}, 'status'), h('th', {}, 'exit code'), h('th', {}, 'took'))),
      h(
        'tbody',
        {},
        runs.map((run) =>
          h(
            'tr',
            { dataset: { run: run.id } },
            h('td', {}, h('a', { href: `#/runs/${enc(run.id)}` }, time(run.createdAt))),
            h('td', { class: 'mono' }, run.command),
            h('td', {}, run.trigger),
            h('td', {}, status(run.status)),
            h('td', { class: 'exit' }, run.exitCode ?? '—'),
            h('td', {}, duration(run.startedAt, run.finishedAt) || '—'),
          ),
        ),
      ),
    ),
  );
}

export async function runPage(view, ctx, id) {
  const path = `/api/v1/runs/${enc(id)}`;
  let run = await ctx.run(() => call('GET', path, undefined, ctx.signal));
  if (!run) {
    fill(view, h('section', { class: 'card' }, h('h1', {}, `Run ${shortId(id)}`), h('a', { href: '#/apps' }, 'All apps')));
    return;
  }
  const summary = h('section', { class: 'card', id: 'summary' });
  const streamState = h('p', { class: 'hint', id: 'stream-state', role: 'status' }, 'Connecting to the output stream…');
  const output = h('pre', { class: 'log tall', id: 'run-log', tabindex: 0 });
  const drawSummary = () => {
    fill(
      summary,
      h('p', { class: 'crumbs' }, h('a', { href: '#/apps' }, 'Apps'), ' / ', h('a', { href: `#/apps/${enc(run.app)}` }, run.app), ' / ', h('a', { href: `#/apps/${enc(run.app)}/runs` }, 'runs'), ' / ', shortId(run.id)),
      h('h1', {}, 'Run ', h('span', { class: 'mono' }, shortId(run.id)), ' ', h('span', { id: 'run-status' }, status(run.status))),
      h(
        'dl',
        {},
        h('dt', {}, 'command'),
        h('dd', { class: 'mono' }, run.command),
        h('dt', {}, 'trigger'),
        h('dd', {}, run.trigger),
        h('dt', {}, 'exit code'),
        h('dd', { id: 'run-exit' }, run.exitCode ?? '—'),
        h('dt', {}, 'release'),
        h('dd', {}, run.releaseDeploymentId ? h('a', { href: `#/deployments/${enc(run.releaseDeploymentId)}` }, shortId(run.releaseDeploymentId)) : '—'),
        h('dt', {}, 'created'),
        h('dd', {}, time(run.createdAt)),
        h('dt', {}, 'took'),
        h('dd', {}, duration(run.startedAt, run.finishedAt) || '—'),
        run.reason ? [h('dt', {}, 'reason'), h('dd', { id: 'run-reason', class: 'reason' }, run.reason)] : null,
      ),
      ctx.may('deployer') && ACTIVE.includes(run.status)
        ? h('button', { type: 'button', id: 'cancel', class: 'danger', onclick: () => ctx.run(() => call('POST', `${path}/cancel`, undefined, ctx.signal)) }, 'Cancel')
        : null,
    );
  };
  fill(view, summary, h('section', { class: 'card' }, h('h2', {}, 'Output'), streamState, output));
  drawSummary();

  let ended = false;
  await followStream(
    `${path}/logs`,
    {
      event: ({ name, data }) => {
        if (name === 'end' || name === 'error') {
          ended = true;
          run = data;
          drawSummary();
          return;
        }
        const following = output.scrollHeight - output.scrollTop - output.clientHeight < 8;
        output.append(h('span', { class: `line ${data.stream}` }, data.line), '\n');
        if (following) output.scrollTop = output.scrollHeight;
        if (run.status === 'QUEUED') {
          run.status = 'RUNNING';
          drawSummary();
        }
        streamState.textContent = 'Live.';
      },
      end: async () => {
        if (!ended) {
          const latest = await ctx.run(() => call('GET', path, undefined, ctx.signal));
          if (latest) {
            run = latest;
            drawSummary();
            ended = !ACTIVE.includes(latest.status);
          }
        }
        streamState.textContent = ended ? 'The run has ended.' : 'Reconnecting…';
        return !ended;
      },
      problem: (error) => {
        streamState.textContent = 'The output stream stopped.';
        ctx.show(error);
      },
      reconnecting: (attempt) => {
        streamState.textContent = `Connection lost; resuming (attempt ${attempt})…`;
      },
    },
    ctx.signal,
  );
}
